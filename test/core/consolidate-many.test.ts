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
import { generatedOfMany, planCellValues } from '../dashboard/helpers';
import { bySource, consolidateMany, ManyRefusedError, sharedLibraries } from '../../src/core/consolidate-many';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../../src/xlsx/read';
import { finding, type Finding } from '../../src/core/finding';
import { msg } from '../../src/core/message';

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
      rows_left_out: sorted(j.libraries.rows_left_out),
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

  it('gives the figures of the whole for any split into up to four parts, by_source adding up to the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: TERRITORIES.length, maxLength: TERRITORIES.length }),
        (groups) => {
          const groupOf = new Map(TERRITORIES.map((code, i) => [code, groups[i] ?? 0]));
          const group = (terr: string) => groupOf.get(terr) ?? 0;
          // Without the log: a split moves register rows, which would change accepted reports' fingerprints (S3).
          const whole = { ...splittable(sample, group), submissions: [] };
          const used = [...new Set(groups)].sort();
          const many = consolidateMany(
            used.map((g) => ({ file: `part-${g}.xlsx`, validation: checked(part(whole, group, g, `Part ${g}`)) })),
          );
          expect(figures(many.consolidation)).toEqual(figures(consolidate(checked(whole))));
          expect(sourcesSum(many)).toEqual(totalsOf(many.consolidation));
        },
      ),
      { numRuns: 4 },
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
    expect(same.consolidation.region).toBe('Same');
    // One region in two languages is one region too.
    const spelt = (v: typeof a, region: string) => ({
      ...v,
      workbook: { ...v.workbook, meta: { ...v.workbook.meta, region } },
    });
    const twoLanguages = consolidateMany([
      { file: 'ru.xlsx', validation: spelt(a, 'Карагандинская область') },
      { file: 'kk.xlsx', validation: spelt(b, 'Қарағанды облысы') },
    ]);
    expect(Object.keys(bySource(twoLanguages))).toEqual(['ru.xlsx', 'kk.xlsx']);
    expect(twoLanguages.consolidation.region).toBe('Карагандинская область');
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
    const d6 = many.validation.findings.filter((f) => f.rule === 'D6' && f.message.key.startsWith('many.D6_'));
    // In each file, naming the other: the territory and the library.
    expect(d6.map((f) => [f.source, f.table])).toEqual([
      ['city.xlsx', 'Territories'],
      ['city.xlsx', 'Libraries'],
      ['districts.xlsx', 'Territories'],
      ['districts.xlsx', 'Libraries'],
    ]);
    for (const f of d6) {
      expect(f.severity).toBe('error');
      const text = t.render(f.message);
      expect(text).toContain('city.xlsx');
      expect(text).toContain('districts.xlsx');
      expect(text).toMatch(/\('[^']+'!A\d+\).*\('[^']+'!A\d+\)/);
    }
    const libFinding = d6.find((f) => f.table === 'Libraries' && f.source === 'districts.xlsx');
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
    ).toThrow(ManyRefusedError);
    try {
      consolidateMany([
        { file: 'k2025.xlsx', validation: a },
        { file: 'k2024.xlsx', validation: b },
      ]);
    } catch (e) {
      const text = translator('ru').render((e as ManyRefusedError).reason);
      expect(text).toContain('2025: k2025.xlsx');
      expect(text).toContain('2024: k2024.xlsx');
      expect(text).toContain('разным годам');
    }
  });
});

/** `by_source`'s sum for each indicator summed over libraries (a blank workbook adds nothing). */
function sourcesSum(many: ReturnType<typeof consolidateMany>) {
  const sources = Object.values(bySource(many));
  return Object.fromEntries(
    INDICATORS.filter((i) => i.agg === 'sum').map((i) => {
      const values = sources.map((s) => s[i.code] ?? null).filter((v): v is number => v !== null);
      return [i.code, values.length === 0 ? null : values.reduce((a, b) => a + b, 0)];
    }),
  );
}
const totalsOf = (c: Consolidation) =>
  Object.fromEntries(
    INDICATORS.filter((i) => i.agg === 'sum').map((i) => [i.code, c.indicators[i.code]?.year ?? null]),
  );

/** The whole consolidated with the given libraries left out, as a library found in two workbooks is. */
function wholeWithout(v: Validation, libs: readonly string[], options = {}) {
  const d6 = (lib: string): Finding[] => [
    finding('D6', { table: 'Libraries', row: lib, column: 'lib_id', cell: null, libId: lib }, msg('many.D6_library')),
  ];
  return consolidate(v, { ...options, alwaysExcluded: new Map(libs.map((l) => [l, d6(l)])) });
}

describe('workbooks that share libraries, or are one workbook twice (section 7)', () => {
  const root = join(__dirname, '..', '..');
  const bundled = async (name: string) => {
    const bytes = readFileSync(join(root, 'workbooks', name));
    return { bytes, validation: validate(await readWorkbook(bytes)) };
  };

  it('refuses two files of the same content under two names, however they are named', async () => {
    const { validation } = await bundled('osk_b01-2025.xlsx');
    const sha256 = 'same';
    expect(() =>
      consolidateMany([
        { file: 'osk_b01-2025.xlsx', validation, sha256 },
        { file: 'copy of osk_b01.xlsx', validation, sha256 },
      ]),
    ).toThrow(ManyRefusedError);
    try {
      consolidateMany([
        { file: 'osk_b01-2025.xlsx', validation, sha256 },
        { file: 'copy.xlsx', validation, sha256 },
      ]);
    } catch (e) {
      const text = t.render((e as ManyRefusedError).reason);
      expect(text).toContain('copy.xlsx');
      expect(text).toContain('osk_b01-2025.xlsx');
      expect(text).toContain('SHA-256');
    }
  });

  it('counts a library of the oblast’s workbook and of its own nowhere, lists it, and by_source adds up to the total', async () => {
    const oblast = await bundled('karaganda-2025.xlsx');
    const branch = await bundled('osk_b01-2025.xlsx');
    const many = consolidateMany([
      { file: 'karaganda-2025.xlsx', validation: oblast.validation },
      { file: 'osk_b01-2025.xlsx', validation: branch.validation },
    ]);
    const c = many.consolidation;
    // The branch is in both: D6 in each file, naming the other, and it is excluded, listed with that reason.
    const d6 = many.validation.findings.filter((f) => f.message.key === 'many.D6_library');
    expect(d6.map((f) => [f.source, f.libId])).toEqual([
      ['karaganda-2025.xlsx', 'OSK_B01'],
      ['osk_b01-2025.xlsx', 'OSK_B01'],
    ]);
    expect(t.render(d6[0]!.message)).toContain('osk_b01-2025.xlsx');
    expect(c.libraries.excluded.map((e) => [e.libId, e.first.rule])).toEqual([['OSK_B01', 'D6']]);
    expect(c.libraries.included).not.toContain('OSK_B01');
    // The rest: exactly the oblast's figures without that library, its report and register rows.
    const alone = wholeWithout(oblast.validation, ['OSK_B01']);
    // (The level is the two workbooks' only where they agree: an oblast's and a branch's have none in common.)
    expect({ ...figures(c), issues: null, level: null }).toEqual({ ...figures(alone), issues: null, level: null });
    const oblastOnly = consolidate(oblast.validation);
    const own = branch.validation.workbook.registers.Events.rows.length;
    const inOblast = oblast.validation.workbook.registers.Events.rows.filter((r) => r.v.lib_id === 'OSK_B01').length;
    // Not vacuous: the branch's events are in both workbooks, and are counted from neither.
    expect(own).toBeGreaterThan(10);
    expect(inOblast).toBeGreaterThan(10);
    expect(c.events.count).toBe((oblastOnly.events.count ?? 0) - inOblast);
    expect(c.libraries.registerRowsLeftOut).toBeGreaterThanOrEqual(own + inOblast);
    // The figures by workbook add up to the total, libraries included.
    expect(sourcesSum(many)).toEqual(totalsOf(c));
    expect(many.sources.reduce((n, s) => n + s.consolidation.libraries.included.length, 0)).toBe(
      c.libraries.included.length,
    );
    // So do the active libraries, those in several workbooks on a line of their own (the Summary's table).
    expect(sharedLibraries(c)).toEqual(['OSK_B01']);
    const ownActive = (s: (typeof many.sources)[number]) =>
      s.consolidation.libraries.active - sharedLibraries(s.consolidation).length;
    expect(many.sources.map(ownActive)).toEqual([
      oblast.validation.workbook.registers.Libraries.rows.filter((r) => r.v.active === 'yes').length - 1,
      0,
    ]);
    expect(many.sources.reduce((n, s) => n + ownActive(s), 0) + sharedLibraries(c).length).toBe(c.libraries.active);
    // The Summary's table by workbook says it: a line for the libraries in several workbooks, adding up to the total's.
    const summary = generatedOfMany(many, 'en').sheets.find((s) => s.name === 'Summary')!;
    const byRow = new Map<number, Map<number, unknown>>();
    for (const cell of planCellValues(summary))
      byRow.set(cell.row, (byRow.get(cell.row) ?? new Map()).set(cell.col, cell.value));
    const libraryCells = [...byRow.keys()]
      .sort((a, b) => a - b)
      .map((r) => byRow.get(r)!)
      .filter((cells) => / of \d+$/.test(String(cells.get(2))))
      .map((cells) => [cells.get(0), cells.get(2)]);
    const active = ownActive(many.sources[0]!);
    expect(libraryCells.slice(0, 4)).toEqual([
      ['Карагандинская область', `${active} of ${active}`],
      [expect.any(String), '0 of 0'],
      ['In several workbooks (not counted)', '0 of 1'],
      ['Total', `${active} of ${active + 1}`],
    ]);
    // Including reports with errors does not bring it back: it would be counted twice.
    const withErrors = consolidateMany(
      [
        { file: 'karaganda-2025.xlsx', validation: oblast.validation },
        { file: 'osk_b01-2025.xlsx', validation: branch.validation },
      ],
      { includeErrors: true },
    );
    expect(withErrors.consolidation.libraries.included).not.toContain('OSK_B01');
    expect(sourcesSum(withErrors)).toEqual(totalsOf(withErrors.consolidation));
  });

  it('gives, for two parts sharing any libraries, the figures of the whole without them, by_source adding up', () => {
    const whole = splittable(sample, (x) => (TERRITORIES.indexOf(x) % 2 === 0 ? 0 : 1));
    const group = (x: string) => (TERRITORIES.indexOf(x) % 2 === 0 ? 0 : 1);
    const wholeValidation = checked({ ...whole, submissions: [] });
    const inB = whole.libraries.filter((l) => group(String(l.terr_code)) === 1).map((l) => String(l.lib_id));
    fc.assert(
      fc.property(fc.subarray(inB, { minLength: 1, maxLength: 4 }), fc.boolean(), (shared, includeErrors) => {
        const copied = new Set(shared);
        const mine = (r: ContentRow) => copied.has(String(r.lib_id));
        const a = part({ ...whole, submissions: [] }, group, 0, 'A');
        const terrs = new Set(whole.libraries.filter(mine).map((l) => String(l.terr_code)));
        // Part A holds the shared libraries too: registry rows, territories, reports and register rows.
        const aShared: WorkbookContent = {
          ...a,
          territories: [...a.territories, ...whole.territories.filter((r) => terrs.has(String(r.terr_code)))],
          libraries: [...a.libraries, ...whole.libraries.filter(mine).map((l) => ({ ...l, parent_id: null }))],
          events: [...a.events, ...whole.events.filter(mine)],
          training: [...a.training, ...whole.training.filter(mine)],
          publications: [...(a.publications ?? []), ...(whole.publications ?? []).filter(mine)],
          participation: [...(a.participation ?? []), ...(whole.participation ?? []).filter(mine)],
          studies: [...(a.studies ?? []), ...(whole.studies ?? []).filter(mine)],
          reports: [...a.reports, ...whole.reports.filter((r) => copied.has(r.libId))],
        };
        const many = consolidateMany(
          [
            { file: 'a.xlsx', validation: checked(aShared) },
            { file: 'b.xlsx', validation: checked(part({ ...whole, submissions: [] }, group, 1, 'B')) },
          ],
          { includeErrors },
        );
        const c = many.consolidation;
        expect([...c.libraries.excluded.map((e) => e.libId)].sort()).toEqual([...shared].sort());
        const expected = wholeWithout(wholeValidation, shared, { includeErrors });
        const keep = (j: ReturnType<typeof figures>) => ({
          ...j,
          issues: null,
          libraries: { ...j.libraries, excluded: null },
        });
        expect(keep(figures(c))).toEqual(keep(figures(expected)));
        expect(sourcesSum(many)).toEqual(totalsOf(c));
      }),
      { numRuns: 5 },
    );
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
    const plan = generatedOfMany(many, 'ru');
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
