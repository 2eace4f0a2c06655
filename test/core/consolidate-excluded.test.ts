import { translator } from '../../src/i18n';
import { karagandaSample } from '../../src/sample';
import type { WorkbookContent } from '../../src/core/layout/content';
import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import { consolidate, type Consolidation } from '../../src/core/consolidate';
import { consolidationJson } from '../../src/core/json';
import { generatedPlan } from '../../src/core/layout/generated';
import { reportBoard } from '../../src/core/board';
import { LANGUAGES } from '../../src/standard';

/**
 * Section 4: a library that is excluded is excluded from every figure, its
 * register rows with its report, and every generated sheet says how many
 * register rows went with it. The board of reports and the list of those
 * left out say the same.
 */
const mistakes = karagandaSample({ language: 'en', mistakes: true });
const checked = (content: WorkbookContent) => validate(planSnapshot(templatePlan(content)));
const REGISTERS = ['events', 'training', 'visits', 'publications', 'participation', 'studies'] as const;

/** The register figures of the JSON result. */
const registerFigures = (c: Consolidation) => {
  const j = consolidationJson(c, translator('en'));
  return {
    events: j.events,
    training: { ...j.training, staff_trained_pct: null },
    visits: j.visits,
    publications: j.publications,
    participation: j.participation,
    studies: j.studies,
  };
};

/**
 * The content without the register rows of some libraries (their reports and
 * registry rows kept), and how many rows went.
 */
function withoutRowsOf(
  content: WorkbookContent,
  out: ReadonlySet<string>,
): { content: WorkbookContent; removed: number } {
  const kept: WorkbookContent = {
    ...content,
    ...Object.fromEntries(REGISTERS.map((r) => [r, (content[r] ?? []).filter((row) => !out.has(String(row.lib_id)))])),
  };
  // A training row of a library kept may cite an event of one left out: the citation goes, the row stays.
  const gone = new Set(content.events.filter((e) => out.has(String(e.lib_id))).map((e) => String(e.event_id)));
  const cites = new Set(kept.training.filter((r) => gone.has(String(r.event_id))).map((r) => String(r.lib_id)));
  const without: WorkbookContent = {
    ...kept,
    training: kept.training.map((r) => (gone.has(String(r.event_id)) ? { ...r, event_id: null } : r)),
    // That edit would be an accepted report changed (S3): its library goes back to draft, which counts alike.
    submissions: kept.submissions.filter((r) => !cites.has(String(r.lib_id))),
  };
  const removed = REGISTERS.reduce((n, r) => n + (content[r]?.length ?? 0) - (without[r]?.length ?? 0), 0);
  return { content: without, removed };
}

describe('the libraries left out of the consolidation', () => {
  const v = checked(mistakes);
  const c = consolidate(v);
  const out = new Set(c.libraries.excluded.map((e) => e.libId));
  const { content: without, removed } = withoutRowsOf(mistakes, out);

  it('leave their register rows out with their reports: the figures of the registers without those rows', () => {
    expect(c.libraries.excluded.length).toBeGreaterThan(10);
    // Not vacuous: the excluded libraries hold events, training and methodological work.
    expect(removed).toBeGreaterThan(100);
    const reference = consolidate(checked(without));
    expect(reference.libraries.excluded.map((e) => e.libId)).toEqual([...out]);
    expect(registerFigures(c)).toEqual(registerFigures(reference));
    expect(c.libraries.registerRowsLeftOut).toBe(removed);
    // Including them (the user's choice) brings back both.
    const all = consolidate(v, { includeErrors: true });
    expect(all.libraries.registerRowsLeftOut).toBe(0);
    expect(all.events.count).toBeGreaterThan((c.events.count ?? 0) + 100);
  });

  it('are said, with their register rows, on every generated sheet, in each language', () => {
    for (const language of LANGUAGES) {
      const t = translator(language);
      const plan = generatedPlan({
        consolidation: c,
        validation: v,
        language,
        madeAt: 0,
        version: 'test',
        existingSheets: [],
      });
      const line = t.t('generated.rows_left_out', { count: removed });
      expect(line).not.toContain('generated.');
      for (const sheet of plan.sheets) {
        const texts = (sheet.blocks ?? []).flatMap((b) => b.values.flat().map(String));
        expect({ sheet: sheet.name, said: texts.some((x) => x.includes(line)) }).toEqual({
          sheet: sheet.name,
          said: true,
        });
      }
    }
    // The clean sample leaves nothing out and says nothing of it.
    const clean = checked(karagandaSample({ language: 'en' }));
    const cleanPlan = generatedPlan({
      consolidation: consolidate(clean),
      validation: clean,
      language: 'en',
      madeAt: 0,
      version: 'test',
      existingSheets: [],
    });
    const all = cleanPlan.sheets.flatMap((s) => (s.blocks ?? []).flatMap((b) => b.values.flat().map(String)));
    expect(all.some((x) => x.includes('not counted either'))).toBe(false);
  });

  it('count on the Dashboard the events the totals count, month by month', () => {
    const plan = generatedPlan({
      consolidation: c,
      validation: v,
      language: 'en',
      madeAt: 0,
      version: 'test',
      existingSheets: [],
    });
    const chart = plan.sheets.flatMap((s) => s.charts ?? []).find((x) => x.name === 'Kitaphana_EventsByMonth')!;
    const sheet = plan.sheets.find((s) => s.name === chart.dataSheet)!;
    const cell = (row: number, col: number) => {
      for (const b of sheet.blocks ?? []) {
        const v = b.values[row - b.top]?.[col - b.left];
        if (v !== undefined) return v;
      }
      return undefined;
    };
    let total = 0;
    // Below the header row, right of the category column: the counts by month and format.
    for (let r = chart.data.top + 1; r <= chart.data.bottom; r++)
      for (let k = chart.data.left + 1; k <= chart.data.right; k++) {
        const v = cell(r, k);
        total += typeof v === 'number' ? v : 0;
      }
    expect(c.events.count).toBeGreaterThan(500);
    expect(total).toBe(c.events.count);
  });

  it('are those the board of reports shows with errors in their report', () => {
    const board = reportBoard(v);
    const missing = new Set(c.libraries.missing);
    for (const row of board.rows) {
      if (missing.has(row.libId)) continue;
      expect({ lib: row.libId, excluded: out.has(row.libId) }).toEqual({
        lib: row.libId,
        excluded: row.reportErrors > 0,
      });
    }
    // An accepted library with errors only in its register rows is counted; those rows are not (and the board says so).
    const rowsOnly = board.rows.filter((r) => r.errors > r.reportErrors && r.reportErrors === 0);
    expect(rowsOnly.length).toBeGreaterThan(0);
    for (const r of rowsOnly) expect(c.libraries.included).toContain(r.libId);
  });
});

describe('libraries whose report is not counted for another reason than an error in it', () => {
  const clean = karagandaSample({ language: 'en' });
  const LIB = 'KRG_CGB';
  const marked = (active: string): WorkbookContent => ({
    ...clean,
    libraries: clean.libraries.map((l) => (l.lib_id === LIB ? { ...l, active } : l)),
  });
  /** Its register rows are not counted: the figures are those of the same workbook without them. */
  const expectRowsLeftOut = (content: WorkbookContent, lib: string, options = {}) => {
    const c = consolidate(checked(content), options);
    const { content: without, removed } = withoutRowsOf(content, new Set([lib]));
    // Not vacuous: the library holds events, training and methodological work.
    expect(removed).toBeGreaterThan(20);
    expect(c.libraries.included).not.toContain(lib);
    const reference = consolidate(checked(without), options);
    expect(registerFigures(c)).toEqual(registerFigures(reference));
    expect(c.libraries.registerRowsLeftOut).toBe(reference.libraries.registerRowsLeftOut + removed);
    return c;
  };

  it('a library marked inactive: its register rows go with its report, and the sheets say whose they are', () => {
    const c = expectRowsLeftOut(marked('No'), LIB);
    // Listed for its rows; the sample's inactive libraries without any are not.
    expect(c.libraries.rowsLeftOut).toEqual([LIB]);
    const t = translator('en');
    expect(consolidationJson(c, t).libraries.rows_left_out).toEqual([LIB]);
    const plan = generatedPlan({
      consolidation: c,
      validation: checked(marked('No')),
      language: 'en',
      madeAt: 0,
      version: 'test',
      existingSheets: [],
    });
    const texts = plan.sheets.flatMap((sh) => (sh.blocks ?? []).flatMap((bl) => bl.values.flat().map(String)));
    expect(texts.some((x) => x.includes(t.t('generated.rows_left_out_also', { list: LIB })))).toBe(true);
  });

  it('a library whose `active` cell is not yes or no: excluded with the reason, its register rows with it', () => {
    const c = expectRowsLeftOut(marked('Perhaps'), LIB);
    expect(c.libraries.excluded.map((e) => e.libId)).toContain(LIB);
  });

  it('with accepted reports only, a library with an empty report that is not accepted: its register rows go too', () => {
    const statuses = consolidate(checked(clean), { acceptedOnly: true }).libraries.notAccepted;
    // One whose events no other library's training cites: leaving those citations out would change what is accepted.
    const cited = (id: string) =>
      clean.training.some(
        (r) => r.lib_id !== id && clean.events.some((e) => e.lib_id === id && e.event_id === r.event_id),
      );
    const lib = statuses.find(
      (n) => clean.events.filter((e) => e.lib_id === n.libId).length > 20 && !cited(n.libId),
    )!.libId;
    const empty: WorkbookContent = {
      ...clean,
      reports: clean.reports.map((r) => (r.libId === lib ? { ...r, values: {} } : r)),
    };
    const c = expectRowsLeftOut(empty, lib, { acceptedOnly: true });
    expect(c.libraries.missing).toContain(lib);
    expect(c.libraries.rowsLeftOut).toEqual([lib]);
  });
});
