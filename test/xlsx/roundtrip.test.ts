import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/xlsx/read';
import { writeWorkbook } from '../../src/xlsx/write';
import { table } from './helpers';
import { DT_2025_12_31, D_2025_03_15, EVENTS_HEADER, EVENTS_SHEET, NBSP, samplePlan } from './sample-plan';

describe('a plan written then read back', () => {
  let data: Buffer;
  beforeAll(async () => {
    data = await writeWorkbook(samplePlan());
  });

  it('lists the sheets with their visibility, in order', async () => {
    const s = await readWorkbook(data);
    expect(s.sheets).toEqual([
      { name: '_meta', visible: false },
      { name: '_lists', visible: false },
      { name: EVENTS_SHEET, visible: true },
      { name: 'Issues', visible: true },
    ]);
    expect(s.date1904).toBe(false);
  });

  it('finds every table by name with its place and header', async () => {
    const s = await readWorkbook(data);
    expect(s.tables.map((t) => [t.name, t.sheet, t.top, t.left])).toEqual([
      ['Meta', '_meta', 0, 0],
      ['Lists', '_lists', 0, 0],
      ['Events', EVENTS_SHEET, 2, 1],
    ]);
    expect(table(s, 'Events').header).toEqual(EVENTS_HEADER);
    expect(table(s, 'Meta').rows).toEqual([
      ['standard', 'kitaphana'],
      ['version', '1'],
      ['level', 'oblast'],
      ['year', '2025'],
    ]);
  });

  it('reads numbers, text as written, booleans, dates and formulas', async () => {
    const events = table(await readWorkbook(data), 'Events');
    expect(events.rows).toEqual([
      [
        'EV-0001',
        'KRG_TEMIRTAU',
        { kind: 'date', ms: D_2025_03_15 },
        `Кітап${NBSP}2025 «оқу»`,
        'Семинар',
        1234,
        2.5,
        true,
        { kind: 'formula', formula: '=G4*2' },
      ],
      [
        'EV-0002',
        'KRG_ABAI',
        { kind: 'date', ms: DT_2025_12_31 },
        `1${NBSP}234`,
        'Тренинг',
        0,
        null,
        false,
        { kind: 'formula', formula: '=G5*2' },
      ],
      [
        'EV-0003',
        'KRG_ABAI',
        null,
        '  padded  ',
        null,
        -3.75,
        0.1,
        null,
        { kind: 'formula', formula: '=SUM(Events[participants])' },
      ],
    ]);
  });

  it('writes a one-row blank table for a register with no rows', async () => {
    const plan = samplePlan();
    const lists = plan.sheets[1];
    if (!lists) throw new Error('plan');
    const empty = { ...lists, tables: [{ name: 'Lists', top: 0, left: 0, header: ['event_form'], rows: [] }] };
    const s = await readWorkbook(await writeWorkbook({ ...plan, sheets: [{ ...empty, visibility: 'visible' }] }));
    expect(table(s, 'Lists').rows).toEqual([[null]]);
  });

  it('finds a table after its sheet was renamed and moved by someone else', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as never);
    const ws = wb.getWorksheet(EVENTS_SHEET);
    if (!ws) throw new Error('sheet');
    ws.name = 'Менің іс-шараларым';
    (ws as unknown as { orderNo: number }).orderNo = -1;
    const renamed = Buffer.from(await wb.xlsx.writeBuffer());
    const s = await readWorkbook(renamed);
    const events = table(s, 'Events');
    expect(events.sheet).toBe('Менің іс-шараларым');
    expect(events.rows[0]?.[5]).toBe(1234);
  });

  it('reads error values, rich text, hyperlinks, shared formulas and a totals row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addTable({
      name: 'Odd',
      ref: 'D10',
      totalsRow: true,
      columns: [
        { name: 'a', totalsRowLabel: 'Total' },
        { name: 'b', totalsRowFunction: 'sum' },
      ],
      rows: [
        [{ error: '#REF!' }, 1],
        [{ richText: [{ text: 'bold ', font: { bold: true } }, { text: 'plain' }] }, 2],
        [{ text: 'a link', hyperlink: 'https://example.org' }, 3],
      ],
    });
    // A shared formula, as Excel writes a filled-down column: the master holds the text, the others point to it.
    ws.getCell('E12').value = { formula: 'E11+E11', shareType: 'shared', ref: 'E12:E13', result: 2 } as never;
    ws.getCell('E13').value = { sharedFormula: 'E12', result: 4 } as never;
    const s = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    const odd = table(s, 'Odd');
    expect([odd.top, odd.left]).toEqual([9, 3]);
    expect(odd.rows).toEqual([
      [{ kind: 'error', code: '#REF!' }, 1],
      ['bold plain', { kind: 'formula', formula: '=E11+E11' }],
      ['a link', { kind: 'formula', formula: '=E12+E12' }],
    ]);
  });
});
