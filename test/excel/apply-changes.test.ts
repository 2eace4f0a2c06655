import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planImport, type ImportSource } from '../../src/core/import';
import { planPriorYear } from '../../src/core/prior-year';
import type { SetupPlan, TablePatch } from '../../src/core/setup';
import { readWorkbook } from '../../src/xlsx/read';
import type { Snapshot, TableSnapshot } from '../../src/core/snapshot';
import { tableIndex } from '../../src/core/snapshot';
import { planValue } from '../../src/core/layout/registry';
import { validate } from '../../src/core/validate';
import { applyChanges, changedSince, readTarget, WorkbookChangedError } from '../../src/excel/import';
import { SyncStats } from '../../src/excel/stats';
import type { SimExcel } from '../../src/excel-sim';
import { underEveryCommandFailure } from './faults';
import { peopleCells, sampleEachTest, simHost } from './host';

/**
 * Import and last year's figures through the adapter: the plan made from a
 * snapshot read earlier is applied only when what it touches is unchanged,
 * is written with set-up's fixed syncs, keeps formula-like text as text,
 * and leaves the workbook as it was or complete whichever sync fails.
 */
const events = (s: Snapshot): TableSnapshot => tableIndex(s).get('EVENTS')?.[0] as TableSnapshot;

/** Two Events rows appended (the standard's way: the table's rows from its first, with the new ones after). */
function appendEvents(target: Snapshot): SetupPlan {
  const t = events(target);
  const col = (k: string) => t.header.findIndex((h) => typeof h === 'string' && h === k);
  const template = t.rows[0] as readonly TableSnapshot['rows'][number][number][];
  const row = (id: string, title: string) =>
    template.map((v, j) =>
      j === 0 ? id : j === col('Название') ? title : j === col('Дата') ? { date: Date.UTC(2025, 4, 12) } : planValue(v),
    );
  const patch: TablePatch = {
    table: t.name,
    sheet: t.sheet,
    top: t.top + 1,
    left: t.left,
    rows: [
      ...t.rows.map((r) => r.map(planValue)),
      row('EV-IMP-1', '=HYPERLINK("http://x","y")'),
      row('EV-IMP-2', "'цитата"),
    ],
    currentRows: t.rows.length,
    protectedSheet: false,
  };
  return {
    workbook: { sheets: [], removeSheets: [] },
    patches: [patch],
    columns: [],
    validations: [],
    summary: { added: [], repaired: [], rebuilt: [] },
  };
}

/** The clean sample, loaded once for the file (each test restores it). */
const clean = sampleEachTest('clean');

async function prepared(): Promise<{ sim: SimExcel; basis: Snapshot; plan: SetupPlan }> {
  const sim = await clean();
  const basis = await readTarget(simHost(sim));
  return { sim, basis, plan: appendEvents(basis) };
}

describe('applying import changes', () => {
  it('appends the rows, keeps text that looks like a formula as text, in a fixed number of syncs', async () => {
    const { sim, basis, plan } = await prepared();
    const t = events(basis);
    const stats = new SyncStats();
    await applyChanges(simHost(sim), plan, basis, { stats });
    const after = events(await readTarget(simHost(sim)));
    expect(after.rows.length).toBe(t.rows.length + 2);
    const first = t.top + 1 + t.rows.length + 1;
    expect(sim.values(t.sheet, `A${first}:A${first + 1}`)).toEqual([['EV-IMP-1'], ['EV-IMP-2']]);
    const titleCol = String.fromCharCode(65 + t.header.indexOf('Название'));
    // Stored as the text it was (a formula would have no value here: the in-memory Excel does not calculate).
    expect(sim.values(t.sheet, `${titleCol}${first}:${titleCol}${first + 1}`)).toEqual([
      ['=HYPERLINK("http://x","y")'],
      ["'цитата"],
    ]);
    // Reading, the swap's sync and the clean-up: the same number whatever is appended.
    expect(stats.fixed).toBeLessThanOrEqual(6);
    // The rows appended are checked like any other (the checks see them).
    expect(validate(await readTarget(simHost(sim))).workbook.registers.Events.rows.length).toBe(t.rows.length + 2);
  }, 60_000);

  it('refuses when the table it writes changed after the plan was made, and writes nothing', async () => {
    const { sim, basis, plan } = await prepared();
    const t = events(basis);
    sim.simulateUserEdit(t.sheet, `A${t.top + 2}`, [['EV-CHANGED']]);
    const before = sim.fingerprint();
    await expect(applyChanges(simHost(sim), plan, basis)).rejects.toBeInstanceOf(WorkbookChangedError);
    expect(sim.fingerprint()).toBe(before);
  }, 60_000);

  it('goes ahead when only tables it does not touch changed', async () => {
    const { sim, basis, plan } = await prepared();
    const report = tableIndex(basis).get('R_KRG_ODB')?.[0] as TableSnapshot;
    sim.simulateUserEdit(report.sheet, `H${report.top + 2}`, [[77]]);
    await applyChanges(simHost(sim), plan, basis);
    expect(events(await readTarget(simHost(sim))).rows.length).toBe(events(basis).rows.length + 2);
  }, 60_000);

  it('sees a new sheet or table of the same name as a change', () => {
    const basis: Snapshot = { date1904: false, sheets: [{ name: 'A', visible: true }], tables: [] };
    const plan: SetupPlan = {
      workbook: {
        sheets: [
          {
            name: 'R_NEW',
            blocks: [],
            tables: [{ name: 'R_NEW', top: 0, left: 0, header: ['x'], rows: [[null]] }],
            styles: [],
            columnWidths: [],
            validations: [],
            visibility: 'visible',
          },
        ],
        removeSheets: [],
      },
      patches: [],
      columns: [],
      validations: [],
      summary: { added: [], repaired: [], rebuilt: [] },
    };
    expect(changedSince(plan, basis, basis)).toEqual([]);
    const withSheet = { ...basis, sheets: [...basis.sheets, { name: 'r_new', visible: true }] };
    expect(changedSince(plan, basis, withSheet)).toEqual(['R_NEW']);
    const withTable = {
      ...basis,
      tables: [{ name: 'R_NEW', sheet: 'A', top: 0, left: 0, header: ['x'], rows: [] }],
    };
    expect(changedSince(plan, basis, withTable)).toEqual(['R_NEW']);
  });

  it('leaves the workbook unchanged or complete whichever sync fails, people’s cells intact', async () => {
    const { sim, basis, plan } = await prepared();
    const people = peopleCells(sim).split('\n');
    const results = await underEveryCommandFailure(sim, (s) => applyChanges(simHost(s), plan, basis), {
      state: (s) => s.digest(),
      check: (s) => {
        const now = new Set(peopleCells(s).split('\n'));
        return people.filter((l) => !now.has(l)).map((l) => `people's cells changed: ${l.slice(0, 80)}`);
      },
    });
    expect(results.length).toBeGreaterThan(0);
    const bad = results
      .filter((r) => r.problems.length || r.failed === 'half-written' || r.crashed === 'half-written')
      .map((r) => `sync ${r.sync} command ${r.command} ${r.location}: ${r.failed}, crashed ${r.crashed}`);
    expect(bad).toEqual([]);
  }, 300_000);
});

const workbook = (name: string) => readFileSync(join(__dirname, '..', '..', 'workbooks', name));
const NOW = Date.UTC(2026, 0, 20, 9, 30);

describe('import and last year’s figures on the bundled samples', () => {
  it('imports the branch’s own workbook with a conflict resolved, checked like the rest, and a second time changes nothing', async () => {
    const sim = await clean();
    const host = simHost(sim);
    const source: ImportSource = {
      name: 'osk_b01-2025.xlsx',
      sha256: 'ab'.repeat(32),
      snapshot: await readWorkbook(workbook('osk_b01-2025.xlsx')),
    };
    const basis = await readTarget(host);
    const unresolved = planImport(basis, [source], { importedAt: NOW });
    expect(unresolved.canApply).toBe(false);
    const conflict = unresolved.conflicts[0];
    if (!conflict) throw new Error('the sample branch workbook has no conflict');
    const plan = planImport(basis, [source], { importedAt: NOW, choices: { [conflict.id]: 'source' } });
    expect(plan.canApply).toBe(true);
    await applyChanges(host, plan.changes, basis);

    const after = await readTarget(host);
    const added = plan.added.find((a) => a.table === 'Events')?.count ?? 0;
    expect(added).toBeGreaterThan(0);
    expect(events(after).rows.filter((r) => r.some((v) => v !== null)).length).toBe(
      events(basis).rows.filter((r) => r.some((v) => v !== null)).length + added,
    );
    // The conflict's cell took the file's value, a blank cell was filled, the log has its row.
    const at = /^'?([^'!]+)'?!([A-Z]+\d+)$/.exec(conflict.target.cell);
    expect(sim.values(at?.[1] ?? '', at?.[2] ?? '')).toEqual([[conflict.source.value]]);
    const fill = plan.filled[0];
    if (fill) {
      const f = /^'?([^'!]+)'?!([A-Z]+\d+)$/.exec(fill.cell);
      expect(sim.values(f?.[1] ?? '', f?.[2] ?? '')).toEqual([[fill.value]]);
    }
    const log = tableIndex(after).get('IMPORTS')?.[0];
    expect(log?.rows.some((r) => r.includes('osk_b01-2025.xlsx') && r.includes('ab'.repeat(32)))).toBe(true);
    // The rows imported are checked with the rest: the workbook stays free of errors.
    expect(validate(after).errors).toBe(validate(basis).errors);

    const again = planImport(after, [source], { importedAt: NOW + 1, choices: { [conflict.id]: 'source' } });
    expect(again.empty).toBe(true);
  }, 120_000);

  it('fills the blank prior-year cells from the 2024 workbook and leaves the filled ones', async () => {
    const sim = await clean();
    const host = simHost(sim);
    const basis0 = await readTarget(host);
    const report = tableIndex(basis0).get('R_KRG_ODB')?.[0] as TableSnapshot;
    const col = report.header.findIndex((h) => typeof h === 'string' && /прошл/i.test(h));
    expect(col).toBeGreaterThan(0);
    const letter = String.fromCharCode(65 + report.left + col);
    const kept = sim.values(report.sheet, `${letter}${report.top + 3}`);
    sim.simulateUserEdit(report.sheet, `${letter}${report.top + 2}`, [['']]);
    const basis = await readTarget(host);
    const last = await readWorkbook(workbook('karaganda-2024.xlsx'));
    const plan = planPriorYear(basis, last);
    expect(plan.refusal).toBeNull();
    expect(plan.filled).toEqual([{ libId: 'KRG_ODB', codes: [expect.any(String)] }]);
    await applyChanges(host, plan.changes, basis);
    const fromLast = planPriorYear(await readTarget(host), last);
    expect(fromLast.filled).toEqual([]);
    expect(sim.values(report.sheet, `${letter}${report.top + 2}`)[0]?.[0]).toEqual(expect.any(Number));
    expect(sim.values(report.sheet, `${letter}${report.top + 3}`)).toEqual(kept);
  }, 120_000);
});
