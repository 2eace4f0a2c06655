/**
 * What the core needs of the catalogues, without owning them: it lays out
 * the text of the sheets it plans and reads labels people wrote in any of
 * the three languages, but the catalogues and i18next live in `src/i18n`,
 * at the edges' side. `src/i18n` hands its translating function in when it
 * is loaded (`provideTranslations`), and every edge that runs the core —
 * the command line, the add-in, the task pane, the file adapter — loads it;
 * so the core imports nothing from `src/i18n` (a lint rule keeps it so).
 */
import type { Language } from '../standard';
import type { Message } from './message';

export interface Translator {
  readonly lang: Language;
  /** A catalogue entry, with i18next interpolation and plurals (`count`). */
  t(key: string, args?: Record<string, unknown>): string;
  /** A core `Message`, with label and date arguments rendered in this language. */
  render(message: Message): string;
  number(value: number, fractionDigits?: number): string;
  /** A share already in percent: 104.5 → "104,5%" in Kazakh. */
  percent(value: number, fractionDigits?: number): string;
  /** The name of a month (1–12), as a heading or an axis label (`short`). */
  month(month: number, width?: 'long' | 'short'): string;
  date(ms: number): string;
  dateTime(ms: number): string;
}

export interface Translations {
  translator(lang: Language): Translator;
  /** The label of a catalogue path in every language: what a reader accepts for a header or an enum value. */
  labelsInAllLanguages(key: string): string[];
}

let provided: Translations | null = null;

/** Called by `src/i18n` when it is loaded. */
export function provideTranslations(translations: Translations): void {
  provided = translations;
}

function translations(): Translations {
  if (!provided) throw new Error('no catalogues: the edge running the core must load src/i18n first');
  return provided;
}

export const translator = (lang: Language): Translator => translations().translator(lang);
export const labelsInAllLanguages = (key: string): string[] => translations().labelsInAllLanguages(key);
