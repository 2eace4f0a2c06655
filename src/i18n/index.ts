import i18next, { type i18n } from 'i18next';
import { LANGUAGES, LOCALE_TAG, type Language } from '../standard';
import type { Message, MessageArg } from '../core/message';
import en from './locales/en.json';
import ru from './locales/ru.json';
import kk from './locales/kk.json';

/**
 * Message catalogues (kk, ru, en) and locale formatting. Every string a
 * person reads goes through here: findings, CLI output, headers of generated
 * sheets, labels of the standard's tables, indicators and enumerations.
 */
export const CATALOGUES: Record<Language, Record<string, unknown>> = { en, ru, kk };

export interface Translator {
  readonly lang: Language;
  /** A catalogue entry, with i18next interpolation and plurals (`count`). */
  t(key: string, args?: Record<string, unknown>): string;
  /** A core `Message`, with label and date arguments rendered in this language. */
  render(message: Message): string;
  number(value: number, fractionDigits?: number): string;
  date(ms: number): string;
  dateTime(ms: number): string;
}

const instances = new Map<Language, i18n>();

function instance(lang: Language): i18n {
  let inst = instances.get(lang);
  if (!inst) {
    inst = i18next.createInstance();
    void inst.init({
      lng: lang,
      fallbackLng: lang === 'kk' ? ['ru', 'en'] : 'en',
      initAsync: false,
      resources: { en: { translation: en }, ru: { translation: ru }, kk: { translation: kk } },
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(lang, inst);
  }
  return inst;
}

const translators = new Map<Language, Translator>();

export function translator(lang: Language): Translator {
  const cached = translators.get(lang);
  if (cached) return cached;
  const inst = instance(lang);
  const locale = LOCALE_TAG[lang];
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const dateFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  const self: Translator = {
    lang,
    t: (key, args) => inst.t(key, args ?? {}) as string,
    number(value, fractionDigits) {
      const digits = fractionDigits ?? (Number.isInteger(value) ? 0 : 1);
      let f = numberFormats.get(digits);
      if (!f) {
        f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
        numberFormats.set(digits, f);
      }
      return f.format(value);
    },
    date: (ms) => dateFormat.format(ms),
    dateTime: (ms) => dateTimeFormat.format(ms),
    render(message) {
      const args: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(message.args ?? {})) args[k] = renderArg(self, v);
      return self.t(`finding.${message.key}`, args);
    },
  };
  translators.set(lang, self);
  return self;
}

function renderArg(t: Translator, v: MessageArg): unknown {
  if (v === null) return '—';
  if (typeof v === 'number') return t.number(v, Number.isInteger(v) ? 0 : Math.abs(v) < 10 ? 2 : 1);
  if (typeof v === 'string') return v;
  if ('label' in v) return t.t(v.label);
  return t.date(v.date);
}

/** The label of a catalogue path in every language: what a reader accepts for a header or an enum value. */
export function labelsInAllLanguages(key: string): string[] {
  return LANGUAGES.map((l) => instance(l).t(key) as string);
}

/** The user's language from a locale tag such as `kk-KZ` or `ru`, falling back kk → ru → en. */
export function languageOf(tag: string | undefined | null, fallback: Language = 'ru'): Language {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : fallback;
}
