import { readFileSync } from 'node:fs';
import {
  checkWorkbook,
  consolidateWorkbook,
  setupWorkbook,
  selectCell,
  ExcelTooOldError,
  NotStandardWorkbookError,
} from '../../src/excel/actions';
import { MARKER_RULE } from '../../src/excel/markers';
import { PeopleDataGuardError } from '../../src/excel/guard';
import { readWorkbook } from '../../src/xlsx/read';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import { consolidationJson } from '../../src/core/json';
import { translator } from '../../src/i18n';
import { SimExcel } from '../../src/excel-sim';
import { peopleCells, sampleFile, sampleSim, simHost } from './host';

/**
 * The add-in's actions on the in-memory Excel loaded with the sample
 * workbooks: the same findings and figures as the command line on the same
 * file, nothing people typed ever changed, and the generated sheets built
 * whole or not at all.
 */
const en = translator('en');
const settings = { level: 'oblast', region: 'Карагандинская область', year: 2025, language: 'ru' } as const;
const consolidateOptions = { userLanguage: 'en' as const, version: 'test', now: () => Date.UTC(2026, 0, 15) };

describe('check', () => {
  it.each(['clean', 'mistakes'] as const)(
    'finds in Excel what the command line finds in the file (%s)',
    async (kind) => {
      const sim = await sampleSim(kind);
      const { validation } = await checkWorkbook(simHost(sim));
      const file = validate(await readWorkbook(readFileSync(sampleFile(kind))));
      const view = (fs: typeof file.findings) => fs.map((f) => `${f.rule} ${f.cell} ${en.render(f.message)}`);
      expect(view(validation.findings)).toEqual(view(file.findings));
    },
  );

  it("marks the findings' cells with its own conditional formats, and clears them on the next check", async () => {
    const sim = await sampleSim('mistakes');
    const { validation } = await checkWorkbook(simHost(sim));
    const all = () => sim.sheets().flatMap((sh) => sim.conditionalFormats(sh.name));
    const isMarker = (c: { formula: string }) => c.formula === MARKER_RULE.error || c.formula === MARKER_RULE.warning;
    const marked = all().filter(isMarker);
    const cells = new Set(validation.findings.filter((f) => f.cell && !f.explained).map((f) => f.cell));
    expect(marked.length).toBe(cells.size);
    // A person's own conditional format is never touched.
    await sim.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('Мероприятия').getRange('A2:A5').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=A2<>""';
      cf.custom.format.fill.color = '#00FF00';
      const own = context.workbook.worksheets
        .getItem('Мероприятия')
        .getRange('L2:L40')
        .conditionalFormats.add('CellValue');
      own.cellValue.rule = { formula1: '1000', operator: 'GreaterThan' };
      own.cellValue.format.font.color = '#0000FF';
      await context.sync();
    });
    await checkWorkbook(simHost(sim));
    const again = all();
    expect(again.filter(isMarker)).toHaveLength(marked.length);
    expect(again.filter((c) => c.formula === '=A2<>""')).toHaveLength(1);
  });

  it("selects a finding's cell", async () => {
    const sim = await sampleSim('mistakes');
    await selectCell(simHost(sim), "'KRG_B01'!F5");
    expect(sim.selection()).toEqual({ sheet: 'KRG_B01', address: 'F5' });
  });

  it('says what to do in an Excel older than ExcelApi 1.8 and in a workbook that is not standard', async () => {
    await expect(checkWorkbook(simHost(new SimExcel({ apiVersion: '1.7' })))).rejects.toBeInstanceOf(ExcelTooOldError);
    await expect(checkWorkbook(simHost(new SimExcel()))).rejects.toBeInstanceOf(NotStandardWorkbookError);
  });
});

describe('consolidate', () => {
  it('gives in Excel the figures the command line gives for the file', async () => {
    const sim = await sampleSim('mistakes');
    const run = await consolidateWorkbook(simHost(sim), consolidateOptions);
    const file = consolidate(validate(await readWorkbook(readFileSync(sampleFile('mistakes')))));
    expect(consolidationJson(run.consolidation, en)).toEqual(consolidationJson(file, en));
    expect(sim.sheets().map((s) => s.name)).toEqual(
      expect.arrayContaining(['Свод', 'Свод по типам', 'Свод мероприятий', 'Свод ПК', 'Замечания']),
    );
  });

  it('gives identical generated sheets when run twice, apart from the time stamp, and never changes what people filled', async () => {
    const sim = await sampleSim('clean');
    const before = peopleCells(sim);
    await consolidateWorkbook(simHost(sim), consolidateOptions);
    const first = generated(sim);
    await consolidateWorkbook(simHost(sim), consolidateOptions);
    expect(generated(sim)).toEqual(first);
    expect(peopleCells(sim)).toBe(before);
  });
});

describe('the guard', () => {
  it("refuses to consolidate over a sheet people fill that took a generated sheet's name", async () => {
    const sim = await sampleSim('clean');
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem('Мероприятия').name = 'Свод';
      await context.sync();
    });
    const before = peopleCells(sim);
    await expect(consolidateWorkbook(simHost(sim), consolidateOptions)).rejects.toBeInstanceOf(PeopleDataGuardError);
    expect(peopleCells(sim)).toBe(before);
  });
});

describe('set up', () => {
  it('creates the standard structure in an empty workbook', async () => {
    const sim = new SimExcel();
    await setupWorkbook(simHost(sim), settings);
    expect(sim.tables().map((t) => t.name)).toEqual(
      expect.arrayContaining(['Meta', 'Territories', 'Libraries', 'Events', 'Training', 'Submissions', 'Lists']),
    );
    const { validation } = await checkWorkbook(simHost(sim));
    expect(validation.errors).toBe(0);
  });

  it('changes nothing the second time', async () => {
    const sim = await sampleSim('clean');
    await setupWorkbook(simHost(sim), settings);
    const once = sim.fingerprint();
    await setupWorkbook(simHost(sim), settings);
    expect(sim.fingerprint()).toEqual(once);
  });

  it('repairs a damaged report without losing the values people typed', async () => {
    const sim = await sampleSim('mistakes');
    const before = sim.formulas('SHH_CGB', 'D5:M30');
    await setupWorkbook(simHost(sim), settings);
    const after = sim.formulas('SHH_CGB', 'D5:M30');
    // The damaged label was in the indicator column; every figure and note people typed is where it was.
    for (const col of [0, 1, 2, 3, 4, 7, 9]) expect(after.map((r) => r[col])).toEqual(before.map((r) => r[col]));
    const { validation } = await checkWorkbook(simHost(sim));
    expect(validation.findings.filter((f) => f.rule === 'S1' && f.table === 'R_SHH_CGB')).toEqual([]);
  });
});

function generated(sim: SimExcel): string {
  const names = ['Свод', 'Свод по типам', 'Свод мероприятий', 'Свод ПК', 'Замечания'];
  return names
    .map((n) => JSON.stringify(sim.formulas(n, 'A1:AD400')).replace(/\d{2}\.\d{2}\.\d{4},? \d{2}:\d{2}/g, '<time>'))
    .join('\n');
}
