import { readFileSync } from 'node:fs';
import { consolidateWorkbook, setupWorkbook, checkWorkbook } from '../../src/excel/actions';
import { loadSimFromXlsx } from '../../src/excel-sim/xlsx';
import { sampleFile, simHost } from './host';

/**
 * In an Excel that has only the declared minimum (ExcelApi 1.8) the actions
 * still work: newer features (Table.resize 1.13, page layout 1.9) are
 * detected and replaced by what 1.8 offers.
 */
const settings = { level: 'oblast', region: 'Карагандинская область', year: 2025, language: 'ru' } as const;

describe('on ExcelApi 1.8', () => {
  it('restores a deleted report row without Table.resize, and consolidates without page layout', async () => {
    const sim = await loadSimFromXlsx(readFileSync(sampleFile('clean')), { apiVersion: '1.8' });
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('KRG_CGB');
      ws.protection.unprotect();
      // A person deletes the V02 row from the report table.
      context.workbook.tables.getItem('R_KRG_CGB').rows.getItemAt(6).delete();
      await context.sync();
    });
    expect(
      (await checkWorkbook(simHost(sim))).validation.findings.some((f) => f.rule === 'S1' && f.table === 'R_KRG_CGB'),
    ).toBe(true);
    await setupWorkbook(simHost(sim), settings);
    const { validation } = await checkWorkbook(simHost(sim));
    expect(validation.findings.filter((f) => f.table === 'R_KRG_CGB' && f.rule === 'S1')).toEqual([]);
    const run = await consolidateWorkbook(simHost(sim), { userLanguage: 'ru', version: 'test' });
    expect(run.consolidation.libraries.included.length).toBeGreaterThan(0);
    expect(sim.sheets().some((s) => s.name === 'Свод')).toBe(true);
  });
});
