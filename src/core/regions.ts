/**
 * The regions of Kazakhstan, recognised in `Meta.region` however it was
 * typed, so that a title or a note names the region in its own language:
 * the standard leaves `region` free text, and a Russian workbook's
 * «Карагандинская область» had stood in the middle of a Kazakh note. The
 * names themselves are in the catalogues (`region.<id>`); a region this
 * table does not know, or text that is more than a region's name (a
 * district, two regions), is quoted as it was written.
 */
import type { Translator } from './translator';
import { normalizeLabel } from './values';

type Kind = 'oblast' | 'city';

interface Region {
  readonly id: string;
  readonly kind: Kind;
  /** The name's words in order, each as the beginnings any of its spellings (kk, ru, en, Latin Kazakh) start with. */
  readonly words: readonly (readonly string[])[];
}

const region = (id: string, kind: Kind, ...words: string[]): Region => ({
  id,
  kind,
  words: words.map((w) => w.split('|')),
});

const REGIONS: readonly Region[] = [
  region('abai', 'oblast', 'абай|abai|abay'),
  region('akmola', 'oblast', 'акмол|ақмол|akmol|aqmol'),
  region('aktobe', 'oblast', 'актюб|актоб|ақтөб|aktob|aqtob|aktyub'),
  region('almaty_oblast', 'oblast', 'алматинск|алматы|almaty'),
  region('atyrau', 'oblast', 'атырау|atyrau'),
  region('east_kazakhstan', 'oblast', 'восточно|шығыс|east|shygys', 'казахстан|қазақстан|kazakhstan|qazaqstan'),
  region('east_kazakhstan', 'oblast', 'вко|шқо'),
  region('zhambyl', 'oblast', 'жамбыл|zhambyl|jambyl'),
  region('zhetysu', 'oblast', 'жетісу|жетысу|zhetysu|jetisu'),
  region('west_kazakhstan', 'oblast', 'западно|батыс|west|batys', 'казахстан|қазақстан|kazakhstan|qazaqstan'),
  region('west_kazakhstan', 'oblast', 'зко|бқо'),
  region('karaganda', 'oblast', 'караганд|қарағанд|karagand|qaragand|qaraǵand'),
  region('kostanay', 'oblast', 'костанай|қостанай|kostanay|kostanai|qostanai|qostanay'),
  region('kyzylorda', 'oblast', 'кызылорд|қызылорд|kyzylorda|qyzylorda'),
  region('mangystau', 'oblast', 'мангистау|мангыстау|маңғыстау|mangystau|mangistau|mańǵystau'),
  region('pavlodar', 'oblast', 'павлодар|pavlodar'),
  region('north_kazakhstan', 'oblast', 'северо|солтүстік|north|soltustik', 'казахстан|қазақстан|kazakhstan|qazaqstan'),
  region('north_kazakhstan', 'oblast', 'ско|сқо'),
  region('turkistan', 'oblast', 'туркестан|түркістан|turkistan|turkestan'),
  region('ulytau', 'oblast', 'улытау|ұлытау|ulytau'),
  region('astana', 'city', 'астан|astana'),
  region('almaty_city', 'city', 'алматы|almaty'),
  region('shymkent', 'city', 'шымкент|чимкент|shymkent'),
];

/** Every region the table knows, by id (each has a name in the catalogues: `region.<id>`). */
export const REGION_IDS: readonly string[] = [...new Set(REGIONS.map((r) => r.id))];

/** Words that say what kind of region it is, in the three languages and their abbreviations. */
const MARKS: Readonly<Record<string, Kind>> = {
  область: 'oblast',
  области: 'oblast',
  обл: 'oblast',
  облысы: 'oblast',
  oblast: 'oblast',
  oblysy: 'oblast',
  region: 'oblast',
  province: 'oblast',
  город: 'city',
  г: 'city',
  қаласы: 'city',
  қ: 'city',
  city: 'city',
  qalasy: 'city',
};

/** A word matches a beginning of its spellings; a short form (ВКО, СҚО) only whole. */
function matches(word: string, start: string): boolean {
  return start.length <= 3 ? word === start : word.startsWith(start);
}

function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** The id of the region a text names and nothing else, or null (unknown, ambiguous, or more than a name). */
export function recogniseRegion(text: string): string | null {
  const all = words(text);
  const kinds = new Set(all.flatMap((w) => (MARKS[w] ? [MARKS[w]] : [])));
  if (kinds.size > 1) return null;
  const name = all.filter((w) => !MARKS[w]);
  const found = new Set(
    REGIONS.filter(
      (r) =>
        (kinds.size === 0 || kinds.has(r.kind)) &&
        r.words.length === name.length &&
        r.words.every((starts, i) => starts.some((s) => matches(name[i] ?? '', s))),
    ).map((r) => r.id),
  );
  return found.size === 1 ? ([...found][0] as string) : null;
}

/**
 * What makes two workbooks' regions one: «Карагандинская область» and
 * "Karaganda oblast" are, and so are two spellings of a region this table
 * does not know that differ only in case and spaces.
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
  const parts = text.split(',').map((p) => p.trim());
  const ids = parts.map(recogniseRegion);
  if (ids.some((id) => id === null)) return text;
  return ids.map((id) => t.t(`region.${id}`)).join(', ');
}
