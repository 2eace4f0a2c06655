import { readWorkbook } from '../../src/xlsx/read';
import { NS, handMadeWorkbook } from './hostile';
import { readWithExcelJS } from './exceljs-reader';

/** Every kind of cell the standard's tables may hold, as Excel, openpyxl and LibreOffice write them. */
const SHEET = `<worksheet xmlns="${NS}"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c><c r="D1" t="inlineStr"><is><t>d</t></is></c></row>
<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><r><t>in</t></r><r><rPr><b/></rPr><t xml:space="preserve">line &amp; rich</t></r></is></c><c r="C2"><f>SUM(1,2)</f><v>3</v></c><c r="D2" t="b"><v>1</v></c></row>
<row r="3"><c r="A3" s="1"><v>45731</v></c><c r="B3" s="2"><v>45731.5</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="b"><v>0</v></c></row>
<row r="4"><c r="A4"><f t="shared" ref="A4:A6" si="0">B4*2+$C$1+_xlfn.IFS(TRUE,1)</f><v>1</v></c><c r="B4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="C4"><v>1.5E+3</v></c><c r="D4" t="str"><v>plain &lt;str&gt;</v></c></row>
<row r="5"><c r="A5"><f t="shared" si="0"/><v>2</v></c><c><v>7</v></c><c t="s"><v>2</v></c><c r="D5" s="1"/></row>
<row r="6"><c r="A6"><f t="shared" si="0"/></c><c r="B6" t="s"><v>3</v></c><c r="C6"><v>x</v></c><c r="D6"><v>9</v></c></row>
<row><c r="A7"><v>-0.25</v></c><c r="B7" t="str"><v>merged</v></c><c r="C7" t="str"><v>hidden by merge</v></c></row>
<row r="9"><c r="A9"><v>outside</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="B7:C7"/></mergeCells></worksheet>`;

const STRINGS = `<sst xmlns="${NS}" count="4" uniqueCount="4"><si><t>a</t></si><si><r><t>ri</t></r><r><rPr><i/></rPr><t>ch</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t xml:space="preserve"> spaced\r\n line </t></si><si><t>&#x41A;&#1072;&#x437;</t></si></sst>`;

describe('the streaming reader, cell by cell', () => {
  it.each([false, true])('reads every kind of cell (1904 dates: %s)', async (date1904) => {
    const data = await handMadeWorkbook({ sheetXml: SHEET, tableRef: 'A1:D7', sharedStrings: STRINGS, date1904 });
    const snap = await readWorkbook(data);
    const shift = date1904 ? 1462 * 86_400_000 : 0;
    expect(snap.date1904).toBe(date1904);
    const t = snap.tables[0]!;
    expect(t.header).toEqual(['a', 'b', 'c', 'd']);
    expect(t.rows).toEqual([
      ['rich', 'inline & rich', { kind: 'formula', formula: '=SUM(1,2)' }, true],
      [
        { kind: 'date', ms: Date.UTC(2025, 2, 15) + shift },
        { kind: 'date', ms: Date.UTC(2025, 2, 15, 12) + shift },
        { kind: 'error', code: '#N/A' },
        false,
      ],
      [
        { kind: 'formula', formula: '=B4*2+$C$1+IFS(TRUE,1)' },
        { kind: 'formula', formula: '="x"&"y"' },
        1500,
        'plain <str>',
      ],
      [{ kind: 'formula', formula: '=B5*2+$C$1+IFS(TRUE,1)' }, 7, ' spaced\n line ', null],
      [{ kind: 'formula', formula: '=B6*2+$C$1+IFS(TRUE,1)' }, 'Каз', null, 9],
      [-0.25, 'merged', null, null],
    ]);
    // The reader it replaces gives the same, once every row and cell says where it is (ExcelJS needs that).
    const addressed = SHEET.replace('<row>', '<row r="7">').replace(
      '<c><v>7</v></c><c t="s">',
      '<c r="B5"><v>7</v></c><c r="C5" t="s">',
    );
    const data2 = await handMadeWorkbook({ sheetXml: addressed, tableRef: 'A1:D7', sharedStrings: STRINGS, date1904 });
    expect(await readWithExcelJS(data2)).toEqual(await readWorkbook(data2));
    expect((await readWorkbook(data2)).tables).toEqual(snap.tables);
  });
});
