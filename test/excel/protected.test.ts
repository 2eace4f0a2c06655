import { templatePlan } from '../../src/core/layout/template';
import type { Person } from '../../src/core/workflow';
import { checkWorkbook, consolidateWorkbook, setupWorkbook } from '../../src/excel/actions';
import { WorkbookProtectedError } from '../../src/excel/guard';
import { MARKER_RULE } from '../../src/excel/markers';
import { SyncStats } from '../../src/excel/stats';
import { changeReportStatus } from '../../src/excel/submissions';
import { SimExcel } from '../../src/excel-sim';
import { simFromPlan } from '../../src/excel-sim/plan';
import { smallContent } from '../helpers/network';
import { sampleSim, simHost } from './host';

/**
 * A workbook whose structure is protected (Review › Protect Workbook): no
 * sheet can be added, removed, renamed, hidden or shown. Check and a
 * submission add no sheet, so they work in it; set-up and consolidate,
 * which must add sheets, refuse with the protection's message and change
 * nothing. Every action stays within 5 fixed syncs.
 */
const settings = { level: 'oblast', region: 'Карагандинская область', year: 2025, language: 'ru' } as const;
const options = { userLanguage: 'ru' as const, version: 'test', now: () => Date.UTC(2026, 0, 15) };
const staff: Person = { role: 'staff', name: 'Жакупова Г. С.', libId: 'KRG_CGB' };

describe('a workbook whose structure is protected', () => {
  it('is protected for the in-memory Excel as for Excel: no sheet added, deleted, renamed or hidden', async () => {
    const sim = await sampleSim('clean');
    await simHost(sim).run(async (ctx) => {
      ctx.workbook.protection.protect();
      await ctx.sync();
    });
    const host = simHost(sim);
    const sheet = sim.sheets()[0]?.name as string;
    const attempts: ((ctx: Excel.RequestContext) => void)[] = [
      (ctx) => ctx.workbook.worksheets.add('New'),
      (ctx) => ctx.workbook.worksheets.getItem(sheet).delete(),
      (ctx) => (ctx.workbook.worksheets.getItem(sheet).name = 'Renamed'),
      (ctx) => (ctx.workbook.worksheets.getItem(sheet).visibility = 'Hidden'),
      (ctx) => (ctx.workbook.worksheets.getItem(sheet).position = 3),
    ];
    for (const attempt of attempts) {
      await expect(
        host.run(async (ctx) => {
          attempt(ctx);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    const state = await host.run(async (ctx) => {
      const p = ctx.workbook.protection.load('protected');
      ctx.workbook.worksheets.getItem(sheet).getRange('A1').values = [['cells are not the structure']];
      await ctx.sync();
      return p.protected;
    });
    expect(state).toBe(true);
    expect(sim.values(sheet, 'A1')).toEqual([['cells are not the structure']]);
  });

  it('is checked, its findings marked, in at most 5 fixed syncs', async () => {
    const sim = await sampleSim('mistakes');
    sim.protectStructure(true);
    const sheets = sim.sheets().map((s) => s.name);
    const stats = new SyncStats();
    const { validation, stale } = await checkWorkbook(simHost(sim), { stats });
    const marked = sheets.flatMap((s) =>
      sim.conditionalFormats(s).filter((c) => c.formula === MARKER_RULE.error || c.formula === MARKER_RULE.warning),
    );
    const cells = new Set(validation.findings.filter((f) => f.cell && !f.explained).map((f) => f.cell));
    expect(marked.length).toBe(cells.size);
    expect(marked.length).toBeGreaterThan(0);
    expect(stale).toEqual([]);
    expect(sim.sheets().map((s) => s.name)).toEqual(sheets);
    expect(sim.settings()).toEqual({});
    expect(stats.fixed).toBeLessThanOrEqual(5);
  });

  it('takes a submitted report, its log row written', async () => {
    const sim = simFromPlan(templatePlan(smallContent('ru')));
    sim.protectStructure(true);
    const log = () => sim.tables().find((t) => t.name === 'Submissions')?.address;
    const before = log();
    const stats = new SyncStats();
    const result = await changeReportStatus(
      simHost(sim),
      { action: 'submit', libId: 'KRG_CGB', person: staff },
      { ...options, stats },
    );
    expect(result).toMatchObject({ ok: true, to: 'submitted' });
    expect(log()).not.toBe(before);
    expect(sim.settings()).toEqual({});
    expect(stats.fixed).toBeLessThanOrEqual(5);
  });

  it('is neither set up nor consolidated: both refuse, and nothing changes', async () => {
    const sim = await sampleSim('mistakes');
    sim.protectStructure(true);
    const before = sim.fingerprint();
    await expect(consolidateWorkbook(simHost(sim), options)).rejects.toEqual(new WorkbookProtectedError());
    expect(sim.fingerprint()).toBe(before);
    // An empty workbook's set-up adds every sheet of the standard.
    const empty = new SimExcel({ sheets: ['Лист1'] });
    empty.protectStructure(true);
    const untouched = empty.fingerprint();
    await expect(setupWorkbook(simHost(empty), settings)).rejects.toEqual(new WorkbookProtectedError());
    expect(empty.fingerprint()).toBe(untouched);
  });
});

describe('fixed syncs', () => {
  it('are at most 5 for set-up, check and consolidate, the journal and the stale-result re-read included', async () => {
    const sim = await sampleSim('mistakes');
    for (const run of [
      (stats: SyncStats) => setupWorkbook(simHost(sim), settings, { stats }),
      (stats: SyncStats) => checkWorkbook(simHost(sim), { stats }),
      (stats: SyncStats) => consolidateWorkbook(simHost(sim), { ...options, stats }),
    ]) {
      const stats = new SyncStats();
      await run(stats);
      expect(stats.fixed).toBeLessThanOrEqual(5);
      expect(sim.settings()).toEqual({});
    }
  });

  it('turn events back on with the re-read, and by a sync of their own when the re-read fails', async () => {
    const sim = await sampleSim('mistakes');
    sim.checkpoint();
    await checkWorkbook(simHost(sim));
    const back = sim.syncs.map((x, i) => (x.locations.includes('Runtime.enableEvents') ? i + 1 : 0)).filter((i) => i);
    const reread = back.at(-1) as number;
    expect(sim.syncs[reread - 1]?.locations).toContain('WorksheetCollection.load');
    expect(sim.enableEvents).toBe(true);
    sim.restore();
    sim.resetStats();
    sim.failAtSync(reread);
    await expect(checkWorkbook(simHost(sim))).rejects.toMatchObject({ code: 'GeneralException' });
    expect(sim.enableEvents).toBe(true);
  });
});
