/**
 * The regions of Kazakhstan, recognised in `Meta.region` however it was
 * typed, so that a title or a note names the region in its own language and
 * two workbooks of one region are known to be: the standard leaves `region`
 * free text, and a Russian workbook's «Карагандинская область» had stood in
 * the middle of a Kazakh note, and a last-year workbook kept in Kazakh had
 * been refused as another region's. The names are the catalogues'
 * (`region.<id>`, in kk, ru and en); a region they do not name, or text that
 * is more than a region's name (a district, two regions), is left as written.
 */
import { REGION_IDS } from '../standard';
import { labelsInAllLanguages, type Translator } from './translator';
import { normalizeLabel } from './values';

type Kind = 'oblast' | 'city';

/** Words that say what kind of region a name is, in the three languages and their abbreviations. */
const KIND_WORDS: Readonly<Record<string, Kind>> = {
  область: 'oblast',
  области: 'oblast',
  обл: 'oblast',
  облысы: 'oblast',
  oblast: 'oblast',
  oblysy: 'oblast',
  region: 'oblast',
  город: 'city',
  г: 'city',
  каласы: 'city',
  к: 'city',
  city: 'city',
  qalasy: 'city',
};

/** Kazakh letters as people often type them on a Russian keyboard: «Караганды», «Актобе». */
const KAZAKH_FOLD: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
};

interface Name {
  readonly kind: Kind | null;
  readonly words: readonly string[];
}

function nameOf(text: string): Name {
  const all = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[әғқңөұүһі]/g, (c) => KAZAKH_FOLD[c] ?? c)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  const kinds = new Set(all.flatMap((w) => (KIND_WORDS[w] ? [KIND_WORDS[w]] : [])));
  return { kind: kinds.size === 1 ? ([...kinds][0] as Kind) : null, words: all.filter((w) => !KIND_WORDS[w]) };
}

/**
 * A typed word is a name's word in another case or spelling when they share
 * all but the ending: «Карагандинской» and «Карагандинская», "Karagandy" and
 * "Karaganda". Short words must be the same.
 */
function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (typed.length < 5 || word.length < 5) return false;
  let common = 0;
  while (common < typed.length && typed[common] === word[common]) common++;
  return common >= Math.max(typed.length, word.length) - 3;
}

let known: readonly { readonly id: string; readonly names: readonly Name[] }[] | null = null;

function regions() {
  known ??= REGION_IDS.map((id) => ({ id, names: labelsInAllLanguages(`region.${id}`).map(nameOf) }));
  return known;
}

/** The id of the region a text names and nothing else, or null (unknown, ambiguous, or more than a name). */
export function recogniseRegion(text: string): string | null {
  const typed = nameOf(text);
  if (typed.words.length === 0) return null;
  // The kind word must be there: «Караганда», «Павлодар», «Актобе» are cities as well as oblasts, and a
  // city's library system names its city. Only a name without one (English "Astana") may go without.
  const found = regions().filter((r) =>
    r.names.some(
      (n) =>
        (n.kind === typed.kind || (n.kind === null && typed.kind !== 'oblast')) &&
        n.words.length === typed.words.length &&
        n.words.every((w, i) => sameWord(typed.words[i] as string, w)),
    ),
  );
  return found.length === 1 ? (found[0] as { id: string }).id : null;
}

/**
 * What makes two workbooks' regions one: «Карагандинская область» and
 * "Karaganda oblast" are, and so are two spellings of a region the
 * catalogues do not name that differ only in case and spaces.
 */
export function regionIdentity(text: string): string {
  return recogniseRegion(text) ?? normalizeLabel(text);
}

/**
 * The region's name in the translator's language, where the text names a
 * known region (or, separated by commas, several: the regions of workbooks
 * consolidated together); otherwise the text as written.
 */
export function regionName(text: string, t: Translator): string {
  const ids = text.split(',').map((p) => recogniseRegion(p));
  if (ids.some((id) => id === null)) return text;
  return ids.map((id) => t.t(`region.${id}`)).join(', ');
}
