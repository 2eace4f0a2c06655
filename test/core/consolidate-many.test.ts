import fc from 'fast-check';
import { INDICATORS } from '../../src/standard';
import { translator } from '../../src/i18n';
import { karagandaSample } from '../../src/sample';
import type { ContentRow, WorkbookContent } from '../../src/core/layout/content';
import { part, splittable } from '../helpers/split';
import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate, type Validation } from '../../src/core/validate';
import { consolidate, type Consolidation } from '../../src/core/consolidate';
import { consolidationJson } from '../../src/core/json';
import { bySource, consolidateMany, MixedYearsError } from '../../src/core/consolidate-many';
import { generatedPlan } from '../../src/core/layout/generated';

/**
 * Consolidating several workbooks together (section 7, "Higher levels"): the
 * two halves of a workbook, split by territory, give the figures of the
 * whole; a code used in two workbooks is D6 naming both files.
 */
const t = translator('en');
const checked = (content: WorkbookContent): Validation => validate(planSnapshot(templatePlan(content)));

/** The JSON result without what names the workbook, its lists in one order: the figures. */
function figures(c: Consolidation) {
  const j = consolidationJson(c, t);
  const sorted = <T>(xs: readonly T[], key: (x: T) => string = String) =>
    [...xs].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    ...j,
    region: null,
    libraries: {
      ...j.libraries,
      included_ids: sorted(j.libraries.included_ids),
      missing: sorted(j.libraries.missing),
      // A register row's cell moves when the register is split: the rule that excludes is what must not.
      excluded: sorted(j.libraries.excluded, (e) => e.lib_id).map((e) => `${e.lib_id} ${e.reason.split(' ')[0]}`),
      not_accepted: sorted(j.libraries.not_accepted, (e) => e.lib_id),
    },
    visits: { ...j.visits, not_visited: sorted(j.visits.not_visited) },
  };
}

const sample = karagandaSample({ language: 'ru' });
const TERRITORIES = sample.territories.map((r) => String(r.terr_code));

function splitAndCompare(content: WorkbookContent, inFirst: ReadonlySet<string>, options = {}) {
  const group = (terr: string) => (inFirst.has(terr) ? 0 : 1);
  const whole = splittable(content, group);
  const wholeValidation = checked(whole);
  const a = checked(part(whole, group, 0, 'Part A'));
  const b = checked(part(whole, group, 1, 'Part B'));
  const many = consolidateMany(
    [
      { file: 'a.xlsx', validation: a },
      { file: 'b.xlsx', validation: b },
    ],
    options,
  );
  return { whole: consolidate(wholeValidation, options), wholeValidation, many };
}

describe('consolidating several workbooks together', () => {
  it('gives the figures of the whole sample when its two halves (by territory) are consolidated together', () => {
    const first = new Set(TERRITORIES.slice(0, Math.ceil(TERRITORIES.length / 2)));
    const { whole, wholeValidation, many } = splitAndCompare(sample, first);
    // The split changed nothing the checks see: the same findings, now in two files.
    expect(many.validation.errors).toBe(wholeValidation.errors);
    expect(many.validation.warnings).toBe(wholeValidation.warnings);
    expect(figures(many.consolidation)).toEqual(figures(whole));
    // Not vacuous: the sample has events, visits, pd reach and libraries in every territory.
    expect(whole.events.count).toBeGreaterThan(1000);
    expect(whole.method.visits.count).toBeGreaterThan(10);
    expect(whole.events.pd.territories_reached).toBeGreaterThan(1);
    expect(whole.ratios.coverage_pct).not.toBeNull();
  });

  it('gives the figures of the whole for any split of the territories and any options, reports excluded alike', () => {
    const mistakes = karagandaSample({ language: 'ru', mistakes: true });
    fc.assert(
      fc.property(
        fc.subarray(TERRITORIES, { minLength: 1, maxLength: TERRITORIES.length - 1 }),
        fc.boolean(),
        fc.record({ includeErrors: fc.boolean(), acceptedOnly: fc.boolean() }),
        (inFirst, withMistakes, options) => {
          const { whole, many } = splitAndCompare(withMistakes ? mistakes : sample, new Set(inFirst), options);
          const w = figures(whole);
          const m = figures(many.consolidation);
          // With mistakes some checks look across territories (a code cited in the other part): the issue
          // counts may differ, every figure must not.
          expect({ ...m, issues: null }).toEqual({ ...w, issues: null });
          if (withMistakes && !options.includeErrors && !options.acceptedOnly)
            expect(whole.libraries.excluded.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('keys by_source by region, or by file name where two workbooks name the same region; its sums are the total', () => {
    const first = new Set(TERRITORIES.slice(0, 5));
    const { many } = splitAndCompare(sample, first);
    const sources = bySource(many);
    expect(Object.keys(sources)).toEqual(['Part A', 'Part B']);
    for (const ind of INDICATORS.filter((i) => i.agg === 'sum')) {
      const sum = (sources['Part A']?.[ind.code] ?? 0) + (sources['Part B']?.[ind.code] ?? 0);
      expect(sum).toBe(many.consolidation.indicators[ind.code]?.year);
    }
    const a = checked(part(sample, (x) => (first.has(x) ? 0 : 1), 0, 'Same'));
    const b = checked(part(sample, (x) => (first.has(x) ? 0 : 1), 1, 'same '));
    const c = checked(part(sample, (x) => (first.has(x) ? 0 : 1), 1, 'Other'));
    const same = consolidateMany([
      { file: 'one.xlsx', validation: a },
      { file: 'two.xlsx', validation: b },
    ]);
    expect(Object.keys(bySource(same))).toEqual(['one.xlsx', 'two.xlsx']);
    expect(same.consolidation.region).toBe('Same, same');
    // `c` repeats b's codes: that is D6, not a reason to rename a region.
    expect(
      Object.keys(
        bySource(
          consolidateMany([
            { file: 'x.xlsx', validation: a },
            { file: 'y.xlsx', validation: c },
          ]),
        ),
      ),
    ).toEqual(['Same', 'Other']);
  });

  it('reports a lib_id or terr_code present in two workbooks as D6 naming both files and cells, and excludes that library', () => {
    const group = (terr: string) => (terr === 'KRG' ? 0 : 1);
    const a = part(sample, group, 0, 'Karaganda city');
    const b = part(sample, group, 1, 'Districts');
    // The oblast library, and its territory, are in b too.
    const lib = sample.libraries.find((l) => l.lib_id === 'KRG_OUNB') as ContentRow;
    const terr = sample.territories.find((r) => r.terr_code === 'KRG') as ContentRow;
    const report = sample.reports.find((r) => r.libId === 'KRG_OUNB');
    const b2: WorkbookContent = {
      ...b,
      territories: [...b.territories, terr],
      libraries: [...b.libraries, lib],
      reports: [...b.reports, ...(report ? [report] : [])],
    };
    const many = consolidateMany([
      { file: 'city.xlsx', validation: checked(a) },
      { file: 'districts.xlsx', validation: checked(b2) },
    ]);
    const d6 = many.validation.findings.filter((f) => f.rule === 'D6' && f.message.key === 'many.D6_duplicate');
    expect(d6).toHaveLength(2);
    for (const f of d6) {
      expect(f.severity).toBe('error');
      expect(f.source).toBe('districts.xlsx');
      const text = t.render(f.message);
      expect(text).toContain('city.xlsx');
      expect(text).toContain('districts.xlsx');
      expect(text).toMatch(/\('[^']+'!A\d+\).*\('[^']+'!A\d+\)/);
    }
    const libFinding = d6.find((f) => f.table === 'Libraries');
    expect(libFinding?.row).toBe('KRG_OUNB');
    expect(t.render(libFinding!.message)).toMatch(/city\.xlsx \('[^']+'!A\d+\)/);
    expect(many.consolidation.libraries.excluded.map((e) => e.libId)).toContain('KRG_OUNB');
    expect(many.consolidation.libraries.included).not.toContain('KRG_OUNB');
    expect(many.validation.errors).toBeGreaterThanOrEqual(2);
  });

  it('refuses workbooks of different years with a message naming the files of each year', () => {
    const a = checked(sample);
    const b = checked({ ...sample, settings: { ...sample.settings, year: 2024 } });
    expect(() =>
      consolidateMany([
        { file: 'k2025.xlsx', validation: a },
        { file: 'k2024.xlsx', validation: b },
      ]),
    ).toThrow(MixedYearsError);
    try {
      consolidateMany([
        { file: 'k2025.xlsx', validation: a },
        { file: 'k2024.xlsx', validation: b },
      ]);
    } catch (e) {
      const text = translator('ru').render((e as MixedYearsError).reason);
      expect(text).toContain('2025: k2025.xlsx');
      expect(text).toContain('2024: k2024.xlsx');
      expect(text).toContain('разным годам');
    }
  });
});

describe('the generated sheets of several workbooks', () => {
  it('title the republic’s result by the number of workbooks, and compare them in tables and charts', () => {
    const groups = new Map(TERRITORIES.map((code, i) => [code, i % 4]));
    const group = (terr: string) => groups.get(terr) ?? 0;
    const whole = splittable(sample, group);
    const many = consolidateMany(
      [0, 1, 2, 3].map((g) => ({
        file: `part-${g}.xlsx`,
        validation: checked(part(whole, group, g, `Part ${g}`)),
      })),
    );
    const plan = generatedPlan({
      consolidation: many.consolidation,
      validation: many.validation,
      language: 'ru',
      madeAt: 0,
      version: 'test',
      existingSheets: [],
      sources: many.sources,
    });
    const texts = (sheet: string) =>
      (plan.sheets.find((s) => s.name === sheet)?.blocks ?? []).flatMap((b) => b.values.flat().map(String));
    expect(texts('Свод')[0]).toBe('Сводные показатели библиотек: 4 книги, 2025 год');
    // The table by workbook: each region, its file, and the total.
    for (const g of [0, 1, 2, 3])
      expect(texts('Свод')).toEqual(expect.arrayContaining([`Part ${g}`, `part-${g}.xlsx`]));
    const dashboard = plan.sheets.find((s) => s.name === 'Диаграммы');
    expect(dashboard?.charts?.filter((c) => c.name.startsWith('Kitaphana_Source_'))).toHaveLength(3);
  });
});
