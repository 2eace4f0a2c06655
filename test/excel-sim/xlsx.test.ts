import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ChartPlan, WorkbookPlan } from '../../src/core/plan';
import { SimExcel, simFromPlan } from '../../src/excel-sim';
import { planFromSim } from '../../src/excel-sim/plan';
import { loadSimFromXlsx, saveSimToXlsx } from '../../src/excel-sim/xlsx';
import { readWorkbook } from '../../src/xlsx';

const SAMPLE = join(__dirname, '..', '..', 'workbooks', 'karaganda-2025.xlsx');

describe('the sample workbook through the sim', () => {
  let sim: SimExcel;
  let original: Buffer;
  beforeAll(async () => {
    original = readFileSync(SAMPLE);
    sim = await loadSimFromXlsx(original);
  });

  test('every sheet, table, validation and protected input cell is there', () => {
    const sheets = sim.sheets();
    expect(sheets.find((s) => s.name === '_lists')?.visibility).toBe('Hidden');
    expect(sheets.find((s) => s.name === 'KRG_OUNB')).toMatchObject({
      protected: true,
      freeze: { rows: 4, columns: 3 },
    });
    expect(sim.tables().find((t) => t.name === 'R_KRG_OUNB')).toMatchObject({
      address: 'KRG_OUNB!A4:M32', // the header and the 28 indicators of version 2
      showHeaders: true,
    });
    expect(sim.validations('Территории').map((v) => [v.address, v.rule])).toEqual([
      ['D2:D2014', { list: { source: '=_lists!$A$2:$A$3', inCellDropDown: true } }],
      ['E2:E2014', { wholeNumber: { formula1: '=0', operator: 'GreaterThanOrEqualTo' } }],
    ]);
    expect(sim.styleOf('KRG_OUNB', 'D5')).toMatchObject({ locked: false, numberFormat: '#,##0', fill: '#FFF8E1' });
    expect(sim.styleOf('KRG_OUNB', 'I5')).toMatchObject({ locked: true });
    expect(sim.formulas('KRG_OUNB', 'I10')).toEqual([['=IF(COUNT(E10:H10)=0,"",SUM(E10:H10))']]);
  });

  test('the add-in sees the tables through the API as the file reader does', async () => {
    const snapshot = await readWorkbook(original);
    const events = snapshot.tables.find((t) => t.name === 'Events');
    if (!events) throw new Error('no Events table');
    await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('Events');
      const header = t.getRange().load('values');
      const body = t.getDataBodyRange().load('values,numberFormat,rowCount');
      await ctx.sync();
      expect(header.values[0]).toEqual(events.header);
      expect(body.rowCount).toBe(events.rows.length);
      // Dates come back as serial numbers with a date format, as in Excel.
      const first = events.rows[0]?.[2];
      expect(first).toMatchObject({ kind: 'date' });
      expect(body.numberFormat[0]?.[2]).toBe('dd.mm.yyyy');
      expect(typeof body.values[0]?.[2]).toBe('number');
    });
  });

  test('the protection of report sheets works through the API', async () => {
    const copy = await loadSimFromXlsx(original);
    await copy.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('KRG_OUNB').getRange('D5').values = [[15000]];
      await ctx.sync();
    });
    await expect(
      copy.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('KRG_OUNB').getRange('I5').values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  test('saved back to a file, the tables, their values and the sheets are the same', async () => {
    const saved = await saveSimToXlsx(sim);
    const before = await readWorkbook(original);
    const after = await readWorkbook(saved);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.tables.map((t) => t.name)).toEqual(before.tables.map((t) => t.name));
    expect(after.tables).toEqual(before.tables);
    // And it loads again looking the same: cells, looks, validations, protection, tables.
    const again = await loadSimFromXlsx(saved);
    expect(again.dump()).toBe(sim.dump());
    expect(again.validations('Территории')).toEqual(sim.validations('Территории'));
    expect(again.sheets()).toEqual(sim.sheets());
    expect(again.styleOf('KRG_OUNB', 'D5')).toMatchObject({ locked: false });
  });

  test('changes made through the API are in the saved file', async () => {
    const copy = await loadSimFromXlsx(original);
    await copy.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('Territories');
      t.rows.add(undefined, [['NEW', 'Жаңа', 'Новая', 'Город', 1000]]);
      const s = ctx.workbook.worksheets.add('Свод');
      s.getRange('A1:B2').values = [
        ['Показатель', 'Итого'],
        ['Users', 12345],
      ];
      s.getRange('B2').numberFormat = [['#,##0']];
      s.tables.add('A1:B2', true).name = 'Svod';
      await ctx.sync();
    });
    const after = await readWorkbook(await saveSimToXlsx(copy));
    const territories = after.tables.find((t) => t.name === 'Territories');
    expect(territories?.rows.at(-1)).toEqual(['NEW', 'Жаңа', 'Новая', 'Город', 1000]);
    expect(after.tables.find((t) => t.name === 'Svod')).toMatchObject({
      sheet: 'Свод',
      header: ['Показатель', 'Итого'],
      rows: [['Users', 12345]],
    });
  });
});

describe('plans', () => {
  const plan: WorkbookPlan = {
    removeSheets: [],
    sheets: [
      {
        name: 'Report',
        visibility: 'visible',
        tabColor: 'DDEBF7',
        columnWidths: [20, 12],
        blocks: [{ top: 0, left: 0, values: [['Title', { date: Date.UTC(2025, 2, 15) }]] }],
        tables: [
          {
            name: 'Figures',
            top: 2,
            left: 0,
            header: ['Code', 'Value'],
            rows: [
              ['U01', 5],
              ['U02', { formula: '=B4*2' }],
            ],
          },
        ],
        styles: [
          { area: { top: 3, left: 1, bottom: 4, right: 1 }, style: { locked: false, fill: 'FFF8E1', bold: true } },
        ],
        validations: [
          {
            area: { top: 3, left: 1, bottom: 4, right: 1 },
            rule: { kind: 'whole', min: 0 },
            errorTitle: 'Value',
            error: 'A whole number',
          },
        ],
        freeze: { rows: 3, columns: 1 },
        protect: true,
        print: { landscape: true, fitToWidth: true, titleRows: [0, 2] },
      },
      {
        name: 'Lists',
        visibility: 'hidden',
        columnWidths: [],
        blocks: [],
        tables: [{ name: 'Meta', top: 0, left: 0, header: ['Key', 'Value'], rows: [['year', '2025']] }],
        styles: [],
        validations: [],
      },
    ],
    meta: { region: 'Карагандинская область' },
  };

  test('simFromPlan builds what the file writer would', () => {
    const sim = simFromPlan(plan);
    expect(sim.sheets().map((s) => [s.name, s.visibility, s.protected])).toEqual([
      ['Report', 'Visible', true],
      ['Lists', 'Hidden', false],
    ]);
    expect(sim.values('Report', 'A1:B1')).toEqual([['Title', 45731]]);
    expect(sim.numberFormats('Report', 'B1')).toEqual([['dd.mm.yyyy']]);
    expect(sim.formulas('Report', 'A3:B5')).toEqual([
      ['Code', 'Value'],
      ['U01', 5],
      ['U02', '=B4*2'],
    ]);
    expect(sim.styleOf('Report', 'B4')).toMatchObject({ locked: false, fill: '#FFF8E1', bold: true });
    expect(sim.validations('Report')[0]).toMatchObject({
      address: 'B4:B5',
      rule: { wholeNumber: { formula1: '=0', operator: 'GreaterThanOrEqualTo' } },
    });
    expect(sim.values('Lists', 'A1:B3')).toEqual([
      ['Key', 'Value'],
      ['year', '2025'],
      ['region', 'Карагандинская область'],
    ]);
    expect(sim.tables().map((t) => [t.name, t.address])).toEqual([
      ['Figures', 'Report!A3:B5'],
      ['Meta', 'Lists!A1:B3'],
    ]);
  });

  test('charts of a plan become chart descriptions, and go back to the same plans', () => {
    const chart: ChartPlan = {
      name: 'Plan %',
      kind: 'barClustered',
      title: 'Plan fulfilment',
      dataSheet: 'Report',
      data: { top: 2, left: 0, bottom: 4, right: 1 },
      seriesBy: 'columns',
      position: { top: 6, left: 0, bottom: 20, right: 5 },
      valueTitle: '%',
      dataLabels: true,
      series: [{ color: '1F4E79' }],
      reverseCategories: true,
      valueAxis: { min: 80 },
    };
    const first = plan.sheets[0];
    if (!first) throw new Error('no sheet');
    const sim = simFromPlan({ ...plan, sheets: [{ ...first, charts: [chart] }, ...plan.sheets.slice(1)] });
    expect(sim.describeCharts()[0]).toMatchObject({
      sheet: 'Report',
      name: 'Plan %',
      type: 'BarClustered',
      source: 'Report!A3:B5',
      seriesBy: 'Columns',
      anchor: { start: 'A7', end: 'F21' },
      categoryAxis: { reversePlotOrder: true },
      valueAxis: { minimum: 80, title: { text: '%', visible: true } },
      series: [{ name: 'Value', fillColor: '#1F4E79' }],
    });
    expect(planFromSim(sim).sheets[0]?.charts).toEqual([chart]);
  });

  test('planFromSim states the sim as a plan; the written file reads back the same', async () => {
    const sim = simFromPlan(plan);
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Report');
      s.protection.unprotect();
      s.charts.add('ColumnClustered', s.getRange('A3:B5'), 'Columns').title.text = 'Figures';
      await ctx.sync();
    });
    const back = planFromSim(sim);
    const report = back.sheets[0];
    expect(report?.tables).toEqual([
      {
        name: 'Figures',
        top: 2,
        left: 0,
        header: ['Code', 'Value'],
        rows: [
          ['U01', 5],
          ['U02', { formula: '=B4*2' }],
        ],
      },
    ]);
    expect(report?.blocks).toEqual([{ top: 0, left: 0, values: [['Title', { date: Date.UTC(2025, 2, 15) }]] }]);
    expect(report?.validations).toEqual(plan.sheets[0]?.validations);
    expect(report?.print).toEqual(plan.sheets[0]?.print);
    expect(report?.freeze).toEqual({ rows: 3, columns: 1 });
    expect(report?.charts).toEqual([
      expect.objectContaining({
        name: 'Chart 1',
        kind: 'columnClustered',
        title: 'Figures',
        dataSheet: 'Report',
        data: { top: 2, left: 0, bottom: 4, right: 1 },
        seriesBy: 'columns',
      }),
    ]);
    const file = await saveSimToXlsx(sim);
    const snap = await readWorkbook(file);
    expect(snap.tables.map((t) => [t.name, t.sheet, t.top, t.left])).toEqual([
      ['Figures', 'Report', 2, 0],
      ['Meta', 'Lists', 0, 0],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.getWorksheet('Report')?.getColumn(1).width).toBeCloseTo(20, 0);
    expect(wb.getWorksheet('Lists')?.state).toBe('hidden');
  });
});
