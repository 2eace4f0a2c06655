import { join } from 'node:path';
import { localeFormat, type EngineProbe } from '../../src/i18n/format';
import { LANGUAGES, LOCALE_TAG } from '../../src/standard';
import { translator } from '../../src/i18n';

/**
 * Numbers and dates in the reader's convention, also where the engine has no
 * data for the locale (Debian's Chromium for Kazakh writes "4,153").
 */
const NBSP = '\u00a0';

/** An engine without Kazakh data, as Debian's Chromium: every kk number and date comes out the English way. */
const chromiumWithoutKazakh: EngineProbe = {
  number: (locale) => new Intl.NumberFormat(locale.startsWith('kk') ? 'en-US' : locale).format(1234.5),
  date: (locale) =>
    locale.startsWith('kk')
      ? '2025-01-31'
      : new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
          Date.UTC(2025, 0, 31),
        ),
};

describe('locale formatting', () => {
  it('writes Kazakh numbers with a no-break space and a decimal comma when the engine falls back', () => {
    const f = localeFormat('kk', chromiumWithoutKazakh);
    expect(f.number(4153, 0)).toBe(`4${NBSP}153`);
    expect(f.number(294.5, 1)).toBe('294,5');
    expect(f.number(-5680, 0)).toBe(`-5${NBSP}680`);
    expect(f.number(1234567.891, 2)).toBe(`1${NBSP}234${NBSP}567,89`);
    expect(f.percent(104.55, 1)).toBe('104,6%');
    expect(f.date(Date.UTC(2025, 0, 31))).toBe('31.01.2025');
    expect(f.dateTime(Date.UTC(2025, 0, 31, 13, 5))).toBe('31.01.2025, 13:05');
  });

  it('writes what the engine writes where it has the data, and the convention is the same as Node’s ICU', () => {
    for (const lang of LANGUAGES) {
      const engine = localeFormat(lang);
      const fallback = localeFormat(lang, { number: () => 'none', date: () => 'none' });
      const tag = LOCALE_TAG[lang];
      for (const [v, d] of [
        [4153, 0],
        [294.5, 1],
        [-1234567.25, 2],
        [0, 0],
      ] as const) {
        const node = new Intl.NumberFormat(tag, { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
        expect({ lang, v, engine: engine.number(v, d), fallback: fallback.number(v, d) }).toEqual({
          lang,
          v,
          engine: node,
          fallback: node,
        });
      }
      for (const ms of [Date.UTC(2025, 0, 31, 13, 5), Date.UTC(2024, 11, 1, 0, 0)]) {
        expect(fallback.date(ms)).toBe(engine.date(ms));
        expect(fallback.dateTime(ms)).toBe(engine.dateTime(ms));
      }
      expect(fallback.percent(104.5, 1)).toBe(engine.percent(104.5, 1));
    }
  });

  it('keeps Russian as the engine writes it when only Kazakh is missing', () => {
    expect(localeFormat('ru', chromiumWithoutKazakh).number(4153, 0)).toBe(`4${NBSP}153`);
  });
});

describe('catalogues', () => {
  const locales = join(__dirname, '..', '..', 'src', 'i18n', 'locales');

  it('are read one language at a time', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const i18n = require('../../src/i18n') as typeof import('../../src/i18n');
      expect(i18n.loadedCatalogues()).toEqual([]);
      expect(i18n.translator('kk').t('severity.error')).toBe('Қате');
      expect(i18n.translator('kk').number(4153)).toBe(`4${NBSP}153`);
      expect(i18n.loadedCatalogues()).toEqual(['kk']);
    });
  });

  it('read the fallbacks (kk → ru → en) only for a key the language lacks', () => {
    jest.isolateModules(() => {
      jest.doMock(join(locales, 'kk.json'), () => ({ severity: { error: 'Қате' } }));
      jest.doMock(join(locales, 'ru.json'), () => ({ severity: { warning: 'Предупреждение' } }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const i18n = require('../../src/i18n') as typeof import('../../src/i18n');
      const kk = i18n.translator('kk');
      expect(kk.t('severity.error')).toBe('Қате');
      expect(i18n.loadedCatalogues()).toEqual(['kk']);
      expect(kk.t('severity.warning')).toBe('Предупреждение');
      expect(kk.t('cli.explained')).toBe(i18n.translator('en').t('cli.explained'));
      expect(i18n.loadedCatalogues().sort()).toEqual(['en', 'kk', 'ru']);
    });
    jest.dontMock(join(locales, 'kk.json'));
    jest.dontMock(join(locales, 'ru.json'));
  });
});

describe('month names', () => {
  it('come from the catalogues, as Node’s ICU writes them, whatever the engine knows', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      for (const width of ['long', 'short'] as const) {
        const f = new Intl.DateTimeFormat(LOCALE_TAG[lang], { month: width, timeZone: 'UTC' });
        for (let m = 1; m <= 12; m++) {
          const icu = f.format(Date.UTC(2000, m - 1, 1)).replace(/\.$/, '');
          expect({ lang, width, m, name: t.month(m, width) }).toEqual({ lang, width, m, name: icu });
        }
      }
    }
  });
});
