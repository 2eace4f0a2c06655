/**
 * Message catalogues (kk, ru, en) and locale formatting. Every string a
 * person reads goes through here: findings, CLI output, headers of generated
 * sheets, labels of the standard's tables, indicators and enumerations.
 */
import i18next, { type i18n } from 'i18next';
import { LANGUAGES, type Language } from '../standard';
import type { MessageArg } from '../core/message';
import { provideTranslations, type Translator } from '../core/translator';
import { catalogue, plainEntry } from './catalogues';
import { localeFormat, type LocaleFormat } from './format';

export { catalogue, hasEntry, loadedCatalogues } from './catalogues';
export type { Translator } from '../core/translator';

/** Where a key missing from a language's catalogue is looked up next. */
const FALLBACKS: Record<Language, Language[]> = { kk: ['ru', 'en'], ru: ['en'], en: [] };

const instances = new Map<Language, i18n>();

function instance(lang: Language): i18n {
  let inst = instances.get(lang);
  if (!inst) {
    inst = i18next.createInstance();
    void inst.init({
      lng: lang,
      fallbackLng: FALLBACKS[lang].length > 0 ? FALLBACKS[lang] : false,
      initAsync: false,
      resources: { [lang]: { translation: catalogue(lang) } },
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    // `{{n, number}}` as `number()` writes it: i18next's own formatter asks Intl, which in engines without the
    // locale's data (Debian's Chromium for Kazakh) groups digits the English way ("1,035").
    inst.services.formatter?.add('number', (value: unknown) =>
      typeof value === 'number' ? translator(lang).number(value) : String(value),
    );
    instances.set(lang, inst);
  }
  return inst;
}

/** i18next's `t`, adding the fallback catalogues the first time a key is missing from the language's own. */
function lookUp(inst: i18n, lang: Language, key: string, args: Record<string, unknown>): string {
  if (!inst.exists(key, args)) {
    for (const l of FALLBACKS[lang])
      if (!inst.hasResourceBundle(l, 'translation')) inst.addResourceBundle(l, 'translation', catalogue(l));
  }
  return inst.t(key, args) as string;
}

const translators = new Map<Language, Translator>();

export function translator(lang: Language): Translator {
  const cached = translators.get(lang);
  if (cached) return cached;
  // Nothing is read or probed until it is used: `--version` needs neither the catalogue nor the locale's data.
  let format: LocaleFormat | undefined;
  const fmt = () => (format ??= localeFormat(lang));
  const digitsFor = (value: number, fractionDigits: number | undefined) =>
    fractionDigits ?? (Number.isInteger(value) ? 0 : 1);
  const self: Translator = {
    lang,
    // A label without arguments is the catalogue's text: i18next (a quarter of a check's start-up) is not needed for it.
    t: (key, args) =>
      (args === undefined ? plainEntry(lang, key) : undefined) ?? lookUp(instance(lang), lang, key, args ?? {}),
    number: (value, fractionDigits) => fmt().number(value, digitsFor(value, fractionDigits)),
    percent: (value, fractionDigits) => fmt().percent(value, digitsFor(value, fractionDigits)),
    month: (month, width = 'long') => self.t(`month.${width}.${month}`),
    date: (ms) => fmt().date(ms),
    dateTime: (ms) => fmt().dateTime(ms),
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
  if ('typed' in v) return typedNumber(t, v.typed);
  return t.date(v.date);
}

/** Digits without grouping and the reader's decimal sign: what to type so that Excel stores the number. */
function typedNumber(t: Translator, n: number): string {
  const decimals = Number.isInteger(n) ? 0 : Math.min(6, (String(n).split('.')[1] ?? '').length);
  const sign = t.number(1.5, 1).replace(/\d/g, '');
  const plain = n.toFixed(decimals);
  return sign === '.' ? plain : plain.replace('.', sign);
}

/** The label of a catalogue path in every language: what a reader accepts for a header or an enum value. */
export function labelsInAllLanguages(key: string): string[] {
  return LANGUAGES.map((l) => translator(l).t(key));
}

/** The user's language from a locale tag such as `kk-KZ` or `ru`, falling back kk → ru → en. */
export function languageOf(tag: string | undefined | null, fallback: Language = 'ru'): Language {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : fallback;
}

// The core lays out text with these, handed in here rather than imported by it (`core/translator.ts`).
provideTranslations({ translator, labelsInAllLanguages });
