import { area } from '../../src/core/plan';
import type { SheetPlan, WorkbookPlan } from '../../src/core/plan';
import { readWorkbook } from '../../src/xlsx/read';
import { writeWorkbook } from '../../src/xlsx/write';
import { WorkbookWriteError } from '../../src/xlsx/errors';
import { part, sheetXml, tableXml, tags, unzip } from './helpers';
import { EVENTS_SHEET, ROWS, eventsSheet, issuesSheet, metaSheet, samplePlan } from './sample-plan';

function sheet(name: string, extra: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name,
    visibility: 'visible',
    columnWidths: [],
    blocks: [],
    tables: [],
    styles: [],
    validations: [],
    ...extra,
  };
}

describe('the written XML', () => {
  let data: Buffer;
  let events: string;
  beforeAll(async () => {
    data = await writeWorkbook(samplePlan());
    events = await sheetXml(data, EVENTS_SHEET);
  });

  it('holds one validation per area, however many rows it covers', () => {
    const v = tags(events, 'dataValidation');
    expect(v).toHaveLength(5);
    const last = 3 + ROWS;
    const list = v.find((x) => x.includes('type="list"')) ?? '';
    expect(list).toContain(`sqref="F4:F${last}"`);
    expect(list).toContain('showErrorMessage="1"');
    expect(list).toContain('errorTitle="Форма"');
    expect(list).toContain('error="Тізімнен таңдаңыз."');
    expect(events).toContain('<formula1>_lists!$A$2:$A$16</formula1>');
    expect(v.find((x) => x.includes('type="whole"'))).toContain('operator="greaterThanOrEqual"');
    expect(v.find((x) => x.includes('type="decimal"'))).toContain(`sqref="H4:H${last}"`);
    expect(v.find((x) => x.includes('type="textLength"'))).toContain('operator="lessThanOrEqual"');
    // 2025-01-01 and 2025-12-31 as serial numbers of the 1900 system.
    expect(events).toMatch(/<formula1>45658<\/formula1><formula2>46022<\/formula2>/);
  });

  it('protects the sheet but lets people select, format rows and columns, filter and sort', () => {
    const [p] = tags(events, 'sheetProtection');
    expect(p).toContain('sheet="1"');
    for (const allowed of ['formatColumns', 'formatRows', 'sort', 'autoFilter']) expect(p).toContain(`${allowed}="0"`);
    expect(p).not.toContain('selectLockedCells');
    expect(p).not.toContain('selectUnlockedCells');
    expect(p).not.toContain('password');
  });

  it('unlocks the input cells of a protected sheet', async () => {
    const styles = await part(await unzip(data), 'xl/styles.xml');
    const xfs = (styles.match(/<cellXfs[\s\S]*<\/cellXfs>/)?.[0] ?? '').match(/<xf [\s\S]*?(?:\/>|<\/xf>)/g) ?? [];
    const styleOf = (ref: string): string => {
      const s = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(events)?.[1];
      return xfs[Number(s ?? 0)] ?? '';
    };
    expect(styleOf('G4')).toContain('locked="0"');
    expect(styleOf(`G${3 + ROWS}`)).toContain('locked="0"');
    expect(styleOf('B3')).not.toContain('locked="0"');
    const formatOf = (ref: string): string | undefined => {
      const id = /numFmtId="(\d+)"/.exec(styleOf(ref))?.[1];
      return new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"`).exec(styles)?.[1];
    };
    expect(formatOf('H4')).toBe('0.0');
    // Dates in the standard's formats, the time of day only where there is one (core/writes).
    expect(formatOf('D4')).toBe('dd.mm.yyyy');
    expect(formatOf('D5')).toBe('dd.mm.yyyy hh:mm');
  });

  it('freezes panes, merges, sets widths, tab colour and print setup', async () => {
    expect(tags(events, 'pane')[0]).toMatch(/xSplit="2" ySplit="3" topLeftCell="C4".*state="frozen"/);
    expect(events).toContain('<mergeCell ref="B1:C1"/>');
    expect(events).toContain('<col min="5" max="5" width="40" customWidth="1"/>');
    expect(events).toContain('<tabColor rgb="FF2E75B6"/>');
    expect(events).toContain('<pageSetUpPr fitToPage="1"/>');
    const [setup] = tags(events, 'pageSetup');
    expect(setup).toContain('orientation="landscape"');
    expect(setup).toContain('fitToWidth="1"');
    expect(setup).toContain('fitToHeight="0"');
    expect(setup).toContain('paperSize="9"');
    const workbook = await part(await unzip(data), 'xl/workbook.xml');
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;${EVENTS_SHEET}&apos;!$3:$3</definedName>`,
    );
  });

  it('hides sheets and makes a visible sheet the active one', async () => {
    const workbook = await part(await unzip(data), 'xl/workbook.xml');
    expect(workbook).toMatch(/<sheet [^>]*name="_meta" state="hidden"/);
    expect(workbook).toMatch(/<sheet [^>]*name="_lists" state="hidden"/);
    expect(workbook).toMatch(/activeTab="2"/);
    expect(workbook).toContain('fullCalcOnLoad="1"');
    expect(tags(events, 'sheetView')[0]).toContain('tabSelected="1"');
  });

  it('writes tables with a style, striped rows, a header row, no totals row, and formulas kept', async () => {
    const t = await tableXml(data, 'Events');
    expect(tags(t, 'table')[0]).toMatch(/name="Events" displayName="Events" ref="B3:J6"/);
    expect(t).toContain('headerRowCount="1"');
    expect(t).not.toContain('totalsRowCount');
    expect(t).toMatch(/<tableStyleInfo name="TableStyleMedium2"[^>]*showRowStripes="1"/);
    expect(events).toContain('<c r="J4" s="7"><f>G4*2</f></c>');
    expect(events).toContain('<f>SUM(Events[participants])</f>');
  });

  it('writes links inside the workbook as locations, with no relationship', async () => {
    const xml = await sheetXml(data, 'Issues');
    const links = tags(xml, 'hyperlink');
    expect(links[0]).toBe(`<hyperlink ref="A2" location="&apos;${EVENTS_SHEET}&apos;!G4"/>`);
    expect(links[1]).toBe(`<hyperlink ref="A3" location="&apos;${EVENTS_SHEET}&apos;!B3:J6"/>`);
    expect(links[2]).toMatch(/^<hyperlink ref="A4" r:id="rId\d+"\/>$/);
    const zip = await unzip(data);
    const rels = zip.names().filter((p) => p.endsWith('.rels'));
    const all = (await Promise.all(rels.map((p) => part(zip, p)))).join('\n');
    expect(all).not.toContain('kitaphana-internal');
    expect(all).toContain('Target="https://example.org/a?b=1&amp;c=2" TargetMode="External"');
    const s = await readWorkbook(data);
    expect(s.sheets.map((x) => x.name)).toContain('Issues');
  });

  it('clips validation messages to what Excel accepts', async () => {
    const long = sheet('Long', {
      validations: [
        {
          area: area(0, 0, 9, 0),
          rule: { kind: 'whole', min: 1, max: 5 },
          errorTitle: 'T'.repeat(40),
          error: 'E'.repeat(300),
        },
      ],
    });
    const xml = await sheetXml(await writeWorkbook({ sheets: [long], removeSheets: [] }), 'Long');
    const [v] = tags(xml, 'dataValidation');
    expect(v).toContain(`errorTitle="${'T'.repeat(31)}…"`);
    expect(v).toContain(`error="${'E'.repeat(254)}…"`);
    expect(v).toContain('sqref="A1:A10"');
    expect(xml).toContain('<formula1>1</formula1><formula2>5</formula2>');
  });
});

describe('plans that cannot be written', () => {
  const cases: [string, WorkbookPlan, string][] = [
    ['two sheets of one name', { sheets: [sheet('A'), sheet('a')], removeSheets: [] }, 'sheet_exists'],
    ['a sheet name with a slash', { sheets: [sheet('A/B')], removeSheets: [] }, 'bad_plan'],
    ['a sheet name over 31 characters', { sheets: [sheet('x'.repeat(32))], removeSheets: [] }, 'bad_plan'],
    ['only hidden sheets', { sheets: [metaSheet()], removeSheets: [] }, 'bad_plan'],
    [
      'two tables of one name',
      { sheets: [metaSheet(), { ...metaSheet(), name: 'm2', visibility: 'visible' }], removeSheets: [] },
      'table_exists',
    ],
    [
      'a table name that is a cell address',
      {
        sheets: [sheet('S', { tables: [{ name: 'AB12', top: 0, left: 0, header: ['a'], rows: [[1]] }] })],
        removeSheets: [],
      },
      'bad_plan',
    ],
    [
      'a repeated column header',
      {
        sheets: [sheet('S', { tables: [{ name: 'T', top: 0, left: 0, header: ['a', 'A '], rows: [[1, 2]] }] })],
        removeSheets: [],
      },
      'bad_plan',
    ],
    [
      'a column header with a line break',
      {
        sheets: [sheet('S', { tables: [{ name: 'T', top: 0, left: 0, header: ['a\nb'], rows: [[1]] }] })],
        removeSheets: [],
      },
      'bad_plan',
    ],
    [
      'a number that is not finite',
      { sheets: [sheet('S', { blocks: [{ top: 0, left: 0, values: [[NaN]] }] })], removeSheets: [] },
      'bad_plan',
    ],
    ['a bad colour', { sheets: [sheet('S', { tabColor: 'blue' })], removeSheets: [] }, 'bad_plan'],
    ['a meta update without a Meta table', { sheets: [issuesSheet()], removeSheets: [], meta: { a: 'b' } }, 'no_meta'],
    [
      'overlapping merges',
      { sheets: [sheet('S', { merges: [area(0, 0, 1, 1), area(1, 1, 2, 2)] })], removeSheets: [] },
      'bad_plan',
    ],
  ];
  it.each(cases)('refuses %s', async (_, plan, reason) => {
    const e: unknown = await writeWorkbook(plan).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookWriteError);
    expect((e as WorkbookWriteError).reason).toBe(reason);
  });

  it('writes a whole event register sheet in reasonable time', async () => {
    const big = eventsSheet();
    const t = big.tables[0];
    if (!t) throw new Error('plan');
    const rows = Array.from({ length: ROWS }, (_, i) => t.rows[i % t.rows.length] ?? []);
    const started = Date.now();
    const data = await writeWorkbook({ sheets: [{ ...big, tables: [{ ...t, rows }] }], removeSheets: [] });
    expect(Date.now() - started).toBeLessThan(20_000);
    const s = await readWorkbook(data);
    expect(s.tables[0]?.rows).toHaveLength(ROWS);
  });
});
