import { catalogue, languageOf, translator } from '../../src/i18n';
import { PLURAL, flatten } from '../helpers/catalogue';
import {
  ENUMS,
  ENUM_NAMES,
  INDICATORS,
  LANGUAGES,
  RATIOS,
  RULE_IDS,
  TABLES,
  REPORT_COLUMNS,
  GENERATED_SHEETS,
} from '../../src/standard';

/** Every string a person reads exists in kk, ru and en, with the same placeholders. */
const base = (k: string) => k.replace(PLURAL, '');
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();

const flat = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(catalogue(l))]));

describe('message catalogues', () => {
  it('have the same keys in every language (plural forms aside) and no empty strings', () => {
    const keys = (l: (typeof LANGUAGES)[number]) => new Set([...flat[l]!.keys()].map(base));
    const en = keys('en');
    for (const l of LANGUAGES) {
      expect([...keys(l)].sort()).toEqual([...en].sort());
      for (const [k, v] of flat[l]!) expect(`${k}=${v.trim()}`).not.toBe(`${k}=`);
    }
  });

  it('use the same placeholders in every language', () => {
    for (const [k, v] of flat.en!) {
      for (const l of ['ru', 'kk'] as const) {
        const other = flat[l]!.get(k) ?? flat[l]!.get(`${base(k)}_other`) ?? flat[l]!.get(base(k));
        expect({ k, l, vars: vars(other ?? '') }).toEqual({ k, l, vars: vars(v) });
      }
    }
  });

  it('have the plural forms each language needs', () => {
    for (const k of new Set([...flat.en!.keys()].filter((x) => PLURAL.test(x)).map(base))) {
      for (const f of ['one', 'few', 'many', 'other']) expect(flat.ru!.has(`${k}_${f}`)).toBe(true);
      for (const f of ['one', 'other']) expect(flat.kk!.has(`${k}_${f}`)).toBe(true);
    }
    expect(translator('ru').t('consolidation.more_errors', { count: 5 })).toBe('(и ещё 5 ошибок)');
    expect(translator('ru').t('consolidation.more_errors', { count: 3 })).toBe('(и ещё 3 ошибки)');
  });

  it('label everything the standard defines, in every language', () => {
    const needed = [
      ...ENUM_NAMES.flatMap((e) => ENUMS[e].map((k) => `enum.${e}.${k}`)),
      ...INDICATORS.map((i) => `indicator.${i.code}`),
      ...INDICATORS.map((i) => `unit.${i.unit}`),
      ...RATIOS.map((r) => `ratio.${r.key}`),
      ...RULE_IDS.map((r) => `rule.${r}`),
      ...TABLES.flatMap((t) => t.columns.map((c) => `column.${t.name}.${c.key}`)),
      ...REPORT_COLUMNS.map((c) => `column.Report.${c}`),
      ...GENERATED_SHEETS.map((s) => `sheet.${s}`),
    ];
    for (const l of LANGUAGES) for (const k of needed) expect(`${l}:${k}:${flat[l]!.has(k)}`).toBe(`${l}:${k}:true`);
  });

  it('keep headers distinct within a table, so that any language reads back', () => {
    for (const l of LANGUAGES) {
      for (const t of TABLES) {
        const labels = t.columns.map((c) => flat[l]!.get(`column.${t.name}.${c.key}`)!.toLowerCase());
        expect(new Set(labels).size).toBe(labels.length);
      }
    }
  });

  it('format numbers and dates for the locale', () => {
    expect(translator('ru').number(1234567)).toMatch(/^1\s234\s567$/);
    expect(translator('kk').number(1234.5)).toMatch(/^1\s234,5$/);
    expect(translator('en').number(1234.5)).toBe('1,234.5');
    expect(translator('ru').date(Date.UTC(2025, 2, 15))).toBe('15.03.2025');
  });

  it('pick the language from a locale tag, kk → ru → en', () => {
    expect(languageOf('kk-KZ')).toBe('kk');
    expect(languageOf('ru_RU.UTF-8')).toBe('ru');
    expect(languageOf('de-DE', 'en')).toBe('en');
  });
});
