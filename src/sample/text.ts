import type { EnumKey, EnumName, Language } from '../standard';
import { translator } from '../i18n';
import { MS_PER_DAY } from '../core/values';

/** A text in the three languages of the standard. */
export type Texts = Readonly<Record<Language, string>>;

export const tx = (kk: string, ru: string, en: string): Texts => ({ kk, ru, en });

/** An enumeration value as a cell holds it: the label in the workbook's language. */
export function enumLabel<E extends EnumName>(lang: Language, name: E, key: EnumKey<E>): string {
  return translator(lang).t(`enum.${name}.${key}`);
}

export const yesNo = (lang: Language, value: boolean): string => enumLabel(lang, 'yes_no', value ? 'yes' : 'no');

// prettier-ignore
const LATIN: Readonly<Record<string, string>> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u',
  ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', і: 'i', ь: '', э: 'e', ю: 'yu',
  я: 'ya',
};

/** A Cyrillic name as an English register would spell it (passport-style transliteration). */
export function latin(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const mapped = LATIN[lower];
    if (mapped === undefined) out += ch;
    else if (lower === ch || mapped === '') out += mapped;
    else out += mapped.charAt(0).toUpperCase() + mapped.slice(1);
  }
  return out;
}

export const YEAR = 2025;

export const utc = (month: number, day: number, year = YEAR): number => Date.UTC(year, month - 1, day);
export const addDays = (ms: number, days: number): number => ms + days * MS_PER_DAY;
export const quarterOf = (ms: number): number => Math.floor(new Date(ms).getUTCMonth() / 3);

/** Public holidays of 2025 in Kazakhstan: libraries hold no events on them. */
// prettier-ignore
const HOLIDAY_DATES = [
  '01-01', '01-02', '01-07', '03-08', '03-21', '03-22', '03-23', '03-24', '03-25', '05-01', '05-07', '05-09', '07-06',
  '07-07', '08-30', '10-25', '10-27', '12-16',
];
const HOLIDAYS = new Set(HOLIDAY_DATES.map((md) => utc(Number(md.slice(0, 2)), Number(md.slice(3)))));

/** Libraries hold events on weekdays and Saturdays, not on Sundays or public holidays. */
export const isWorkingDay = (ms: number): boolean => new Date(ms).getUTCDay() !== 0 && !HOLIDAYS.has(ms);
