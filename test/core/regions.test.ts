import { recogniseRegion, regionName } from '../../src/core/regions';
import { generatedPlan } from '../../src/core/layout/generated';
import { consolidate } from '../../src/core/consolidate';
import { validate } from '../../src/core/validate';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { templatePlan } from '../../src/core/layout/template';
import { translator } from '../../src/i18n';
import { LANGUAGES, REGION_IDS } from '../../src/standard';
import { smallContent } from '../helpers/network';
import { noteOf } from '../note/helpers';

describe('a region is recognised however Meta spells it', () => {
  test.each([
    ['Карагандинская область', 'karaganda'],
    ['Қарағанды облысы', 'karaganda'],
    ['Karaganda oblast', 'karaganda'],
    ['Karagandy region', 'karaganda'],
    ['  карагандинская  обл. ', 'karaganda'],
    ['Восточно-Казахстанская область', 'east_kazakhstan'],
    ['Шығыс Қазақстан облысы', 'east_kazakhstan'],
    ['Солтүстік Қазақстан облысы', 'north_kazakhstan'],
    ['Западно-Казахстанская обл.', 'west_kazakhstan'],
    ['Туркестанская область', 'turkistan'],
    ['Түркістан облысы', 'turkistan'],
    ['область Ұлытау', 'ulytau'],
    ['Алматинская область', 'almaty_oblast'],
    ['Almaty region', 'almaty_oblast'],
    ['г. Алматы', 'almaty_city'],
    ['Алматы қаласы', 'almaty_city'],
    ['город Астана', 'astana'],
    ['Astana', 'astana'],
    ['Актюбинская область', 'aktobe'],
    ['Ақтөбе облысы', 'aktobe'],
    // Kazakh names typed without the Kazakh letters, and in another case.
    ['Караганды облысы', 'karaganda'],
    ['Актобе облысы', 'aktobe'],
    ['Карагандинской области', 'karaganda'],
    ['Жетысу облысы', 'zhetysu'],
  ])('%s', (text, id) => expect(recogniseRegion(text)).toBe(id));

  test.each([
    // A city's name is an oblast's too: without a word saying which, it stays as written.
    'Алматы',
    'Караганда',
    'Павлодар',
    'Актобе',
    'Карагандинская',
    // More than a region: a district, a library system, two regions.
    'Бухар-Жырауский район Карагандинской области',
    'ЦБС Карагандинская область',
    'Карагандинская и Улытауская области',
    // No such region.
    'Karaganda city',
    'Южно-Казахстанская область',
    'Тест',
    '',
    // A district named as a region is.
    'Абай ауданы',
    'Павлодарский район',
  ])('not a region by itself: %s', (text) => expect(recogniseRegion(text)).toBeNull());

  test('every name the catalogues give is recognised as its own region, in every language', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      for (const id of REGION_IDS) {
        const name = t.t(`region.${id}`);
        expect(name).not.toContain('region.');
        expect(recogniseRegion(name)).toBe(id);
      }
    }
  });
});

describe("the region is named in the reader's language", () => {
  test('one region, and the regions of workbooks consolidated together', () => {
    const kk = translator('kk');
    expect(regionName('Карагандинская область', kk)).toBe('Қарағанды облысы');
    expect(regionName('Karaganda oblast, Туркестанская область', kk)).toBe('Қарағанды облысы, Түркістан облысы');
    expect(regionName('Карагандинская область, Тест', kk)).toBe('Карагандинская область, Тест');
    expect(regionName('Бухар-Жырауский район', kk)).toBe('Бухар-Жырауский район');
  });

  test('a Kazakh note of a Russian workbook names the region in Kazakh', () => {
    const content = smallContent('ru');
    expect(content.settings.region).toBe('Карагандинская область');
    expect(noteOf(content, 'kk').rendered.subtitle).toBe('Қарағанды облысы: кітапханалардың 2025 жылғы жұмысы');
    expect(noteOf(content, 'en').rendered.subtitle).toMatch(/^Karaganda oblast: /);
  });

  test('generated sheets and report sheets of a Kazakh workbook whose Meta region is Russian', () => {
    const content = {
      ...smallContent('kk'),
      settings: { ...smallContent('kk').settings, region: 'Карагандинская область' },
    };
    const template = templatePlan(content);
    const texts = (plan: typeof template) =>
      plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.values.flat())).filter((v) => typeof v === 'string');
    const reportTexts = texts(template).filter((v) => /2025/.test(v as string));
    expect(reportTexts.some((v) => (v as string).includes('Қарағанды облысы'))).toBe(true);
    expect(reportTexts.some((v) => (v as string).includes('Карагандинская'))).toBe(false);
    const v = validate(planSnapshot(template));
    const generated = generatedPlan({
      consolidation: consolidate(v),
      validation: v,
      language: 'kk',
      madeAt: Date.UTC(2026, 0, 15),
      version: '0.0.0',
      existingSheets: [],
    });
    const titles = texts(generated).filter((v) => (v as string).includes('облыс'));
    expect(titles.length).toBeGreaterThan(0);
    expect(texts(generated).some((v) => (v as string).includes('Карагандинская'))).toBe(false);
  });
});
