import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue, Snapshot } from '../../src/core/snapshot';
import { readWorkbookFile } from '../../src/xlsx/read';
import { sheetXml, table } from './helpers';
import { DT_2025_12_31, D_2025_03_15, EVENTS_SHEET, NBSP } from './sample-plan';

const fixture = (name: string): string => join(__dirname, '..', 'fixtures', name);

describe.each([
  ['openpyxl-1904.xlsx', true, 45731 - 1462],
  ['openpyxl-1900.xlsx', false, 45731],
])('a workbook written by openpyxl (%s)', (file, date1904, serial) => {
  let s: Snapshot;
  beforeAll(async () => {
    s = await readWorkbookFile(fixture(file));
  });

  it('reports its date system and its sheets', () => {
    expect(s.date1904).toBe(date1904);
    expect(s.sheets).toEqual([
      { name: EVENTS_SHEET, visible: true },
      { name: '_meta', visible: false },
    ]);
  });

  it('finds the tables by name on sheets named otherwise, at B3 and A1', () => {
    const events = table(s, 'Events');
    expect([events.sheet, events.top, events.left]).toEqual([EVENTS_SHEET, 2, 1]);
    expect(events.header).toEqual(['event_id', 'date_start', 'date_serial', 'participants', 'formula', 'error']);
    expect(table(s, 'Meta').rows).toEqual([
      ['standard', 'kitaphana'],
      ['version', '1'],
      ['year', '2025'],
    ]);
  });

  it('reads real dates as the calendar dates shown, and a serial number as the number it is', () => {
    const [first, second] = table(s, 'Events').rows;
    expect(first?.[1]).toEqual({ kind: 'date', ms: D_2025_03_15 });
    expect(second?.[1]).toEqual({ kind: 'date', ms: DT_2025_12_31 });
    expect(first?.[2]).toBe(serial);
    // ... which means that date in the workbook's own date system (serial 0 is 1899-12-30 or, in 1904, 1904-01-01).
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    expect(epoch + serial * 86_400_000).toBe(D_2025_03_15);
  });

  it('holds formulas with no cached value (openpyxl computes nothing)', async () => {
    const xml = await sheetXml(readFileSync(fixture(file)), EVENTS_SHEET);
    expect(xml).toContain('<f>1+2</f><v></v>');
  });

  it('keeps text with a no-break space, formulas without a value, and error values', () => {
    const rows = table(s, 'Events').rows;
    expect(rows.map((r) => r.slice(3))).toEqual([
      [`1${NBSP}234`, { kind: 'formula', formula: '=1+2' }, { kind: 'error', code: '#REF!' }],
      [12, { kind: 'formula', formula: '=SUM(E4:E4)' }, { kind: 'error', code: '#N/A' }],
    ]);
  });
});

describe('our own workbook saved again by LibreOffice Calc', () => {
  let ours: Snapshot;
  let resaved: Snapshot;
  beforeAll(async () => {
    ours = await readWorkbookFile(fixture('kitaphana-written.xlsx'));
    resaved = await readWorkbookFile(fixture('libreoffice-resave.xlsx'));
  });

  it('keeps the sheets, their visibility and the table definitions', () => {
    expect(resaved.date1904).toBe(false);
    expect(resaved.sheets).toEqual(ours.sheets);
    const where = (s: Snapshot): unknown[] => s.tables.map((t) => [t.name, t.sheet, t.top, t.left, t.header]);
    expect(where(resaved).sort()).toEqual(where(ours).sort());
  });

  it('keeps the values, except that LibreOffice stores TRUE and FALSE as formulas', () => {
    const asOurs = (v: CellValue): CellValue =>
      v !== null && typeof v === 'object' && v.kind === 'formula' && /^=(TRUE|FALSE)\(\)$/.test(v.formula)
        ? v.formula === '=TRUE()'
        : v;
    for (const t of ours.tables) {
      expect(table(resaved, t.name).rows.map((r) => r.map(asOurs))).toEqual(t.rows);
    }
    const events = table(resaved, 'Events');
    expect(events.rows[0]?.[3]).toBe(`Кітап${NBSP}2025 «оқу»`);
    expect(events.rows[1]?.[2]).toEqual({ kind: 'date', ms: DT_2025_12_31 });
  });
});
