import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { area, type SheetPlan, type WorkbookPlan } from '../../src/core/plan';
import { WorkbookFileError, WorkbookWriteError } from '../../src/xlsx/errors';
import { readWorkbook } from '../../src/xlsx/read';
import { writeWorkbook } from '../../src/xlsx/write';
import { describePackage } from '../../src/xlsx/package';
import { part, sheetXml, table, tableXml, tags, unzip, zipped } from './helpers';
import { D_2025_03_15, EVENTS_SHEET, samplePlan } from './sample-plan';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '..', 'fixtures', name));

function summary(note: string, tableName = 'Summary'): SheetPlan {
  return {
    name: 'Summary',
    visibility: 'visible',
    columnWidths: [20, 12],
    blocks: [{ top: 0, left: 0, values: [[note]] }],
    tables: [
      {
        name: tableName,
        top: 2,
        left: 0,
        header: ['code', 'year'],
        rows: [
          ['U01', 120],
          ['V01', { formula: '=B4*2' }],
        ],
      },
    ],
    styles: [],
    validations: [],
  };
}

const regenerate = (note: string): WorkbookPlan => ({
  sheets: [summary(note)],
  removeSheets: ['Summary', 'issues'],
  meta: { generated: 'Summary', year: '2025' },
});

const X14_LIST =
  '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
  '<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1><xm:f>_lists!$A$2:$A$4</xm:f></x14:formula1>' +
  '<xm:sqref>K4:K2003</xm:sqref></x14:dataValidation></x14:dataValidations></ext>';
const WHOLE_COLUMN =
  '<dataValidation type="whole" operator="greaterThan" allowBlank="1" sqref="L1:L1048576"><formula1>0</formula1></dataValidation>';

/**
 * A base workbook as people leave it after Excel: the sample with a number
 * typed into the register, a whole-column rule and a list rule of the kind
 * Excel 2010+ keeps in an x14 extension.
 */
async function peopleEdited(): Promise<Buffer> {
  const data = await writeWorkbook(samplePlan());
  const zip = await unzip(data);
  const path = (await describePackage(zip)).sheets.find((s) => s.name === EVENTS_SHEET)?.part ?? '';
  const xml = (await part(zip, path))
    .replace('<v>-3.75</v>', '<v>77</v>')
    .replace('</dataValidations>', `${WHOLE_COLUMN}</dataValidations>`)
    .replace(/<dataValidations count="\d+">/, '<dataValidations count="6">')
    .replace('</worksheet>', `<extLst>${X14_LIST}</extLst></worksheet>`);
  zip.setText(path, xml);
  return zipped(zip);
}

describe('writing into a base workbook', () => {
  let base: Buffer;
  let first: Buffer;
  let second: Buffer;
  beforeAll(async () => {
    base = await peopleEdited();
    first = await writeWorkbook(regenerate('first run'), base);
    second = await writeWorkbook(regenerate('second run'), first);
  });

  it('removes the generated sheets and adds the new ones at the end', async () => {
    const s = await readWorkbook(second);
    expect(s.sheets.map((x) => x.name)).toEqual(['_meta', '_lists', EVENTS_SHEET, 'Summary']);
    const sum = table(s, 'Summary');
    expect(sum.rows).toEqual([
      ['U01', 120],
      ['V01', { kind: 'formula', formula: '=B4*2' }],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(second as never);
    expect(wb.getWorksheet('Summary')?.getCell('A1').value).toBe('second run');
  });

  it("keeps the other sheets' cells, tables and rules as they were", async () => {
    const before = await readWorkbook(base);
    const after = await readWorkbook(second);
    expect(table(after, 'Events')).toEqual(table(before, 'Events'));
    expect(table(after, 'Events').rows[2]?.[5]).toBe(77);
    expect(table(after, 'Lists')).toEqual(table(before, 'Lists'));
    const xml = await sheetXml(second, EVENTS_SHEET);
    const validations = (await sheetXml(base, EVENTS_SHEET)).match(/<dataValidations[\s\S]*<\/dataValidations>/)?.[0];
    expect(validations).toContain(WHOLE_COLUMN);
    expect(xml).toContain(validations);
    expect(tags(xml, 'dataValidations')).toHaveLength(1);
    expect(xml).toContain(`<extLst>${X14_LIST}</extLst></worksheet>`);
    expect(tags(xml, 'sheetProtection')[0]).toContain('sheet="1"');
    expect(xml).toContain('<mergeCell ref="B1:C1"/>');
    const workbook = await part(await unzip(second), 'xl/workbook.xml');
    expect(workbook).toMatch(/<sheet [^>]*name="_meta" state="hidden"/);
    expect(workbook).toContain('name="_xlnm.Print_Titles"');
  });

  it('updates the Meta table: existing keys in place, new keys in rows added to the table', async () => {
    const meta = table(await readWorkbook(second), 'Meta');
    expect(meta.rows).toEqual([
      ['standard', 'kitaphana'],
      ['version', '1'],
      ['level', 'oblast'],
      ['year', '2025'],
      ['generated', 'Summary'],
    ]);
    expect(tags(await tableXml(second, 'Meta'), 'table')[0]).toContain('ref="A1:B6"');
  });

  it('keeps the sheet people had open', async () => {
    const zip = await unzip(base);
    zip.setText('xl/workbook.xml', (await part(zip, 'xl/workbook.xml')).replace('activeTab="2"', 'activeTab="3"'));
    const onIssues = zipped(zip);
    // Issues was open and is removed: the first visible sheet takes its place.
    const out = await part(await unzip(await writeWorkbook(regenerate('x'), onIssues)), 'xl/workbook.xml');
    expect(out).toContain('activeTab="2"');
    const plan = { ...regenerate('y'), removeSheets: ['Summary'], sheets: [{ ...summary('y'), name: 'Summary2' }] };
    const kept = await part(await unzip(await writeWorkbook(plan, onIssues)), 'xl/workbook.xml');
    expect(kept).toContain('activeTab="3"');
  });

  it('refuses a plan sheet or table whose name the workbook already uses', async () => {
    const clash = (plan: WorkbookPlan): Promise<unknown> => writeWorkbook(plan, base).catch((e: unknown) => e);
    const sheetClash = await clash({ sheets: [{ ...summary('x'), name: 'ISSUES' }], removeSheets: [] });
    expect(sheetClash).toBeInstanceOf(WorkbookWriteError);
    expect((sheetClash as WorkbookWriteError).reason).toBe('sheet_exists');
    const tableClash = await clash({ sheets: [summary('x', 'events')], removeSheets: [] });
    expect((tableClash as WorkbookWriteError).reason).toBe('table_exists');
  });

  it('refuses a base that is not a workbook', async () => {
    const e = await writeWorkbook(regenerate('x'), Buffer.from('hello')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookFileError);
    expect((e as WorkbookFileError).reason).toBe('not_workbook');
  });
});

/** LibreOffice spells workbook booleans `true`/`false`; ExcelJS reads only `1` as true. */
async function spellDate1904AsTrue(data: Buffer, yes: boolean): Promise<Buffer> {
  if (!yes) return data;
  const zip = await unzip(data);
  zip.setText('xl/workbook.xml', (await part(zip, 'xl/workbook.xml')).replace('date1904="1"', 'date1904="true"'));
  return zipped(zip);
}

describe('base workbooks written by other programs', () => {
  it('keeps, as it was, a table whose definition omits headerRowCount and filter columns, as Excel writes it', async () => {
    const zip = await unzip(await writeWorkbook(samplePlan()));
    for (const path of zip.names().filter((p) => /^xl\/tables\/.+\.xml$/.test(p))) {
      const xml = await part(zip, path);
      zip.setText(
        path,
        xml
          .replace(' headerRowCount="1"', '')
          .replace(/<autoFilter ref="([^"]+)">.*<\/autoFilter>/, '<autoFilter ref="$1"/>'),
      );
    }
    const excelLike = zipped(zip);
    expect(await tableXml(excelLike, 'Events')).not.toContain('headerRowCount');
    const out = await writeWorkbook(regenerate('x'), excelLike);
    // The definition is not rewritten at all: the grafting writer copies people's parts byte for byte.
    expect(await tableXml(out, 'Events')).toBe(await tableXml(excelLike, 'Events'));
    expect(table(await readWorkbook(out), 'Events')).toEqual(table(await readWorkbook(excelLike), 'Events'));
  });

  it.each([
    ['openpyxl-1904.xlsx', 'as openpyxl writes it', 45731 - 1462],
    ['openpyxl-1900.xlsx', 'as openpyxl writes it', 45731],
    ['openpyxl-1904.xlsx', 'with date1904="true" as LibreOffice writes it', 45731 - 1462],
  ])('writes into %s (%s), keeping its tables and date system', async (file, _, serial) => {
    const base = await spellDate1904AsTrue(fixture(file), _.includes('LibreOffice'));
    const plan: WorkbookPlan = {
      sheets: [
        {
          ...summary('x'),
          blocks: [{ top: 0, left: 0, values: [[{ date: D_2025_03_15 }]] }],
          validations: [
            {
              area: area(5, 0, 9, 0),
              rule: { kind: 'date', min: D_2025_03_15, max: D_2025_03_15 },
              errorTitle: 'd',
              error: 'd',
            },
          ],
        },
      ],
      removeSheets: [],
      meta: { generated: 'Summary' },
    };
    const out = await writeWorkbook(plan, base);
    const before = await readWorkbook(base);
    const after = await readWorkbook(out);
    expect(before.date1904).toBe(file.includes('1904'));
    expect(after.date1904).toBe(before.date1904);
    expect(table(before, 'Events').rows[0]?.[1]).toEqual({ kind: 'date', ms: D_2025_03_15 });
    expect(table(after, 'Events')).toEqual(table(before, 'Events'));
    expect(table(after, 'Meta').rows.at(-1)).toEqual(['generated', 'Summary']);
    const parts = (await unzip(out)).names();
    // openpyxl's note part keeps its name and bytes.
    expect(parts.filter((p) => /comment/.test(p))).toEqual(
      (await unzip(base)).names().filter((p) => /comment/.test(p)),
    );
    expect(parts).toContain('xl/comments/comment1.xml');
    // New dates, and date bounds of validations, are serial numbers of the workbook's own system.
    const xml = await sheetXml(out, 'Summary');
    expect(xml).toMatch(new RegExp(`<c r="A1" s="\\d+"><v>${serial}</v></c>`));
    expect(xml).toContain(`<formula1>${serial}</formula1><formula2>${serial}</formula2>`);
  });

  it('writes into a workbook saved by LibreOffice, keeping protection and hidden sheets', async () => {
    const base = fixture('libreoffice-resave.xlsx');
    const out = await writeWorkbook(regenerate('x'), base);
    const after = await readWorkbook(out);
    expect(after.sheets).toEqual([
      { name: '_meta', visible: false },
      { name: '_lists', visible: false },
      { name: EVENTS_SHEET, visible: true },
      { name: 'Summary', visible: true },
    ]);
    expect(table(after, 'Events')).toEqual(table(await readWorkbook(base), 'Events'));
    const xml = await sheetXml(out, EVENTS_SHEET);
    // LibreOffice's spelling of booleans stays: the sheet is copied, not rewritten.
    expect(tags(xml, 'sheetProtection')[0]).toContain('sheet="true"');
    expect(xml).toBe(await sheetXml(base, EVENTS_SHEET));
    expect(await part(await unzip(out), 'xl/workbook.xml')).not.toContain('date1904="1"');
  });
});

describe('a base sheet with comments and a table', () => {
  it('keeps both as they were, comments included', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Notes');
    ws.addTable({ name: 'Noted', ref: 'A1', columns: [{ name: 'a' }, { name: 'b' }], rows: [[1, 2]] });
    ws.getCell('B2').note = 'checked by the methodologist';
    const base = Buffer.from(await wb.xlsx.writeBuffer());
    const out = await writeWorkbook({ sheets: [summary('x')], removeSheets: [] }, base);
    expect(await sheetXml(out, 'Notes')).toBe(await sheetXml(base, 'Notes'));
    const zip = await unzip(out);
    const comments = zip.names().filter((p) => /^xl\/comments\d+\.xml$/.test(p));
    expect(comments).toHaveLength(1);
    expect(await part(zip, comments[0] ?? '')).toBe(await part(await unzip(base), comments[0] ?? ''));
    expect(table(await readWorkbook(out), 'Noted').rows).toEqual([[1, 2]]);
  });
});
