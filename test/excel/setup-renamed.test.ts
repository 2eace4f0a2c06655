import { readFileSync } from 'node:fs';
import { checkWorkbook, consolidateWorkbook, setupWorkbook } from '../../src/excel/actions';
import { readWorkbook } from '../../src/xlsx/read';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import { SyncStats } from '../../src/excel/stats';
import { peopleCells, sampleFile, sampleSim, simHost } from './host';

/**
 * Issue 19, item 5, in the add-in: a standard table someone renamed in Excel
 * (Events → MyEvents, a report's R_KRG_CGB → Table7) gets its name back from
 * set-up; no empty twin is added, and the checks and the consolidation find
 * every event and every report again.
 */
const settings = { level: 'oblast', region: 'Карагандинская область', year: 2025, language: 'ru' } as const;
const options = { userLanguage: 'en' as const, version: 'test', now: () => Date.UTC(2026, 0, 15) };

describe('set-up of a workbook whose tables someone renamed', () => {
  it('renames them back, adds no sheet, and the workbook checks and consolidates as before', async () => {
    const sim = await sampleSim('clean');
    const people = peopleCells(sim);
    await sim.run(async (context) => {
      context.workbook.tables.getItem('Events').name = 'MyEvents';
      context.workbook.tables.getItem('R_KRG_CGB').name = 'Table7';
      await context.sync();
    });
    const sheets = sim.sheets().map((s) => s.name);
    const stats = new SyncStats();
    const plan = await setupWorkbook(simHost(sim), settings, { stats });
    expect(plan.renames?.map((r) => `${r.from} → ${r.to}`)).toEqual(['MyEvents → Events', 'Table7 → R_KRG_CGB']);
    expect(sim.sheets().map((s) => s.name)).toEqual(sheets);
    expect(sim.tables().filter((t) => t.name === 'Events' || t.name === 'R_KRG_CGB')).toHaveLength(2);
    expect(sim.tables().some((t) => t.name === 'MyEvents' || t.name === 'Table7')).toBe(false);
    // The report's sheet is protected again after the rename.
    expect(sim.sheets().find((s) => s.name === 'KRG_CGB')?.protected).toBe(true);
    expect(peopleCells(sim)).toBe(people);

    const file = validate(await readWorkbook(readFileSync(sampleFile('clean'))));
    const { validation } = await checkWorkbook(simHost(sim));
    expect(validation.errors).toBe(file.errors);
    const run = await consolidateWorkbook(simHost(sim), options);
    const want = consolidate(file);
    expect(run.consolidation.events.count).toBe(want.events.count);
    expect(run.consolidation.libraries.included).toEqual(want.libraries.included);
  });

  it('gives a report table alone its name back in a workbook set up already', async () => {
    const sim = await sampleSim('clean');
    await setupWorkbook(simHost(sim), settings);
    await sim.run(async (context) => {
      context.workbook.tables.getItem('R_KRG_CGB').name = 'Table7';
      await context.sync();
    });
    await setupWorkbook(simHost(sim), settings);
    expect(sim.tables().some((t) => t.name === 'R_KRG_CGB')).toBe(true);
  });
});
