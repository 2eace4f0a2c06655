/**
 * Numbers and dates as a reader of the language writes them. Engines without
 * a locale's data (Debian's Chromium has none for Kazakh) silently format it
 * the English way — "4,153", "294.5", "2025-01-31" — which a Kazakh reader
 * takes for forty point nine. When a probe shows that, the convention is
 * applied here instead: the one Node's ICU (CLDR) uses.
 */
import { LOCALE_TAG, type Language } from '../standard';

export interface LocaleFormat {
  number(value: number, fractionDigits: number): string;
  /** A share already in percent (104.5 → "104,5 %" in Russian). */
  percent(value: number, fractionDigits: number): string;
  date(ms: number): string;
  dateTime(ms: number): string;
}

/** How a language writes 1234.5, 31 January 2025 and 31 January 2025 13:05, when the engine does not know. */
interface Convention {
  readonly group: string;
  readonly decimal: string;
  /** Between the number and the % sign. */
  readonly percentGap: string;
  readonly date: (d: string, m: string, y: string) => string;
  readonly time: (date: string, hh: string, mm: string) => string;
}

const NBSP = '\u00a0';
const dotted = (d: string, m: string, y: string) => `${d}.${m}.${y}`;
const CONVENTIONS: Record<Language, Convention> = {
  kk: { group: NBSP, decimal: ',', percentGap: '', date: dotted, time: (d, h, m) => `${d}, ${h}:${m}` },
  ru: { group: NBSP, decimal: ',', percentGap: NBSP, date: dotted, time: (d, h, m) => `${d}, ${h}:${m}` },
  en: {
    group: ',',
    decimal: '.',
    percentGap: '',
    date: (d, m, y) => `${d}/${m}/${y}`,
    time: (d, h, m) => `${d}, ${h}:${m}`,
  },
};

const PROBE_NUMBER = 1234.5;
const PROBE_DATE = Date.UTC(2025, 0, 31);

/** What the convention writes for the probes; an engine that writes something else lacks the locale's data. */
function expected(c: Convention): { number: string; date: string } {
  return { number: `1${c.group}234${c.decimal}5`, date: c.date('31', '01', '2025') };
}

const DATE_OPTIONS: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' };
const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  ...DATE_OPTIONS,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** Formatting by the convention, from digits that do not depend on any locale's data. */
function byConvention(c: Convention): LocaleFormat {
  const digits = new Map<number, Intl.NumberFormat>();
  const number = (value: number, fractionDigits: number) => {
    let f = digits.get(fractionDigits);
    if (!f) {
      f = new Intl.NumberFormat('en-US', {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      });
      digits.set(fractionDigits, f);
    }
    return f.format(value).replace(/[,.]/g, (s) => (s === ',' ? c.group : c.decimal));
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = (ms: number) => {
    const d = new Date(ms);
    return c.date(pad(d.getUTCDate()), pad(d.getUTCMonth() + 1), String(d.getUTCFullYear()));
  };
  return {
    number,
    percent: (value, fractionDigits) => `${number(value, fractionDigits)}${c.percentGap}%`,
    date,
    dateTime: (ms) => {
      const d = new Date(ms);
      return c.time(date(ms), pad(d.getUTCHours()), pad(d.getUTCMinutes()));
    },
  };
}

/** Formatting by the engine's data for the locale. */
function byEngine(locale: string): LocaleFormat {
  const numbers = new Map<string, Intl.NumberFormat>();
  const formatter = (style: 'decimal' | 'percent', fractionDigits: number) => {
    const key = `${style}${fractionDigits}`;
    let f = numbers.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, {
        style,
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      });
      numbers.set(key, f);
    }
    return f;
  };
  let date: Intl.DateTimeFormat | undefined;
  let dateTime: Intl.DateTimeFormat | undefined;
  return {
    number: (value, fractionDigits) => formatter('decimal', fractionDigits).format(value),
    percent: (value, fractionDigits) => formatter('percent', fractionDigits).format(value / 100),
    date: (ms) => (date ??= new Intl.DateTimeFormat(locale, DATE_OPTIONS)).format(ms),
    dateTime: (ms) => (dateTime ??= new Intl.DateTimeFormat(locale, DATE_TIME_OPTIONS)).format(ms),
  };
}

/** The engine's way of writing numbers and dates in a locale, as a probe shows it. */
export interface EngineProbe {
  number(locale: string): string;
  date(locale: string): string;
}

const ENGINE: EngineProbe = {
  number: (locale) => new Intl.NumberFormat(locale).format(PROBE_NUMBER),
  date: (locale) => new Intl.DateTimeFormat(locale, DATE_OPTIONS).format(PROBE_DATE),
};

/**
 * The formatting for a language: the engine's where it knows the locale, the convention's where it
 * falls back (numbers and dates are probed separately: an engine may know one and not the other).
 */
export function localeFormat(lang: Language, probe: EngineProbe = ENGINE): LocaleFormat {
  const locale = LOCALE_TAG[lang];
  const convention = CONVENTIONS[lang];
  const want = expected(convention);
  const own = byConvention(convention);
  const engine = byEngine(locale);
  const numbersKnown = probe.number(locale) === want.number;
  const datesKnown = probe.date(locale) === want.date;
  return {
    number: numbersKnown ? engine.number : own.number,
    percent: numbersKnown ? engine.percent : own.percent,
    date: datesKnown ? engine.date : own.date,
    dateTime: datesKnown ? engine.dateTime : own.dateTime,
  };
}
