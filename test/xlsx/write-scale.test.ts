import { zipSync } from 'fflate';
import type { SheetPlan } from '../../src/core/plan';
import { ContentTypes } from '../../src/xlsx/parts';
import { readWorkbook } from '../../src/xlsx/read';
import { SheetEdit } from '../../src/xlsx/sheet-edit';
import { writeWorkbook } from '../../src/xlsx/write';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { ooxmlProblems, partsOf } from '../helpers/ooxml';
import { listsSheet, metaSheet } from './sample-plan';

/**
 * The ways the file writer keeps an import of the republic's 20 oblasts
 * (4,000 new report sheets, 200,000 appended rows) in time and memory
 * (issue 19, item 16) write what the plain ways wrote: sheets rendered a
 * hundred at a time, rows kept as UTF-8, large parts held deflated, content
 * types collected before they are written.
 */
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const D_2025_03_15 = Date.UTC(2025, 2, 15);

const HOME: SheetPlan = {
  name: 'Главная',
  visibility: 'visible',
  columnWidths: [],
  blocks: [{ top: 0, left: 0, values: [['Книга']] }],
  tables: [],
  styles: [],
  validations: [],
};

function reportSheet(i: number): SheetPlan {
  return {
    name: `Отчёт ${i}`,
    visibility: 'visible',
    columnWidths: [12, 30],
    blocks: [{ top: 0, left: 0, values: [[`Библиотека ${i}`]] }],
    tables: [
      {
        name: `R_${i}`,
        top: 2,
        left: 0,
        header: ['code', 'value', 'date'],
        rows: [
          [`A${i}`, i, { date: D_2025_03_15 }],
          [`B${i}`, i * 2, null],
        ],
      },
    ],
    styles: [{ area: { top: 0, left: 0, bottom: 0, right: 0 }, style: { bold: true } }],
    validations: [],
    print: { landscape: true, fitToWidth: true, titleRows: [2, 2] },
  };
}

describe('many sheets grafted into a workbook', () => {
  it('writes 250 sheets (three batches) each with its table, values, dates and print titles, and stays valid', async () => {
    const base = await writeWorkbook({ sheets: [metaSheet(), listsSheet(), HOME], removeSheets: [] });
    const n = 250;
    const out = await writeWorkbook(
      { sheets: Array.from({ length: n }, (_, i) => reportSheet(i)), removeSheets: [] },
      base,
    );
    const snap = await readWorkbook(out);
    expect(snap.sheets.map((s) => s.name)).toEqual([
      '_meta',
      '_lists',
      'Главная',
      ...Array.from({ length: n }, (_, i) => `Отчёт ${i}`),
    ]);
    for (const i of [0, 99, 100, 199, 200, 249]) {
      const t = snap.tables.find((x) => x.name === `R_${i}`);
      expect(t?.sheet).toBe(`Отчёт ${i}`);
      expect(t?.rows).toEqual([
        [`A${i}`, i, { kind: 'date', ms: D_2025_03_15 }],
        [`B${i}`, i * 2, null],
      ]);
    }
    const parts = partsOf(out);
    const ids = [...parts.keys()]
      .filter((p) => p.startsWith('xl/tables/'))
      .map((p) => /<table\b[^>]*\sid="(\d+)"/.exec(dec(parts.get(p)))?.[1]);
    expect(new Set(ids).size).toBe(n + 2);
    // Each sheet's print titles name the sheet at its own position.
    const wb = dec(parts.get('xl/workbook.xml'));
    const titles = [...wb.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]*)</g)];
    expect(titles).toHaveLength(n);
    for (const [, local, formula] of titles) expect(formula).toBe(`&apos;Отчёт ${Number(local) - 3}&apos;!$3:$3`);
    expect(ooxmlProblems(out).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
  }, 120_000);
});

const SHEET = (rows: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<dimension ref="A1:B2"/><sheetData>${rows}</sheetData>` +
  '<dataValidations count="1"><dataValidation type="whole" sqref="B2:B2"><formula1>0</formula1></dataValidation></dataValidations>' +
  '</worksheet>';
const TWO_ROWS =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="B2"><v>1</v></c></row>';

describe('rows added whole to a sheet', () => {
  const cells = [
    { col: 0, style: 3, type: 'inlineStr', inner: '<is><t>Іс-шара «Кітап»</t></is>' },
    { col: 1, style: 0, type: null, inner: null },
    { col: 2, style: 4, type: null, inner: '<v>7</v>' },
  ];

  it('write what setting their cells one by one writes, the dimension grown over them', () => {
    const whole = new SheetEdit(SHEET(TWO_ROWS));
    const one = new SheetEdit(SHEET(TWO_ROWS));
    for (const row of [2, 3, 9]) {
      whole.addRow(row, cells);
      for (const c of cells) one.set(row, c.col, c.style, c.type, c.inner);
    }
    expect(whole.toXml()).toBe(one.toXml());
    expect(whole.toXml()).toContain('<dimension ref="A1:C10"/>');
    expect(dec(Buffer.concat([...whole.chunks()]))).toBe(whole.toXml());
  });

  it('are read and edited afterwards like any row, and validations around the cells change without them', () => {
    const edit = new SheetEdit(SHEET(TWO_ROWS));
    edit.addRow(2, cells);
    expect(edit.hasRow(2)).toBe(true);
    expect(edit.textAt(2, 0, [])).toBe('Іс-шара «Кітап»');
    expect(edit.styleOf(2, 2)).toBe(4);
    edit.set(2, 2, 4, null, '<v>8</v>');
    edit.replaceAround(/sqref="B2:B2"/, () => 'sqref="B2:B3"');
    const xml = edit.toXml();
    expect(xml).toContain(
      '<row r="3"><c r="A3" s="3" t="inlineStr"><is><t>Іс-шара «Кітап»</t></is></c><c r="C3" s="4"><v>8</v></c></row>',
    );
    expect(xml).toContain('sqref="B2:B3"');
    expect(() => edit.addRow(2, cells)).toThrow();
  });

  it('leave a sheet as it was when they hold nothing', () => {
    const edit = new SheetEdit(SHEET(TWO_ROWS));
    edit.addRow(5, [{ col: 0, style: 0, type: null, inner: null }]);
    expect(edit.hasRow(5)).toBe(false);
    expect(edit.toXml()).toBe(SHEET(TWO_ROWS));
  });
});

describe('a package with large parts written', () => {
  it('reads them back as written and zips them so', async () => {
    const base = await writeWorkbook({ sheets: [metaSheet(), HOME], removeSheets: [] });
    const pkg = ZipPackage.open(base);
    const big = `<x>${'Кітапхана '.repeat(10_000)}</x>`;
    pkg.setText('xl/big.xml', big);
    pkg.setText('xl/small.xml', '<x/>');
    expect(pkg.text('xl/big.xml')).toBe(big);
    const streamed: Uint8Array[] = [];
    pkg.stream('xl/big.xml', (c) => streamed.push(c));
    expect(dec(Buffer.concat(streamed))).toBe(big);
    const parts = partsOf(pkg.toBytes());
    expect(dec(parts.get('xl/big.xml'))).toBe(big);
    expect(dec(parts.get('xl/small.xml'))).toBe('<x/>');
  });

  it('writes a part given in chunks as one entry, a megabyte deflated at a time, and the same bytes as no change', async () => {
    // Zipped by another program (fflate, faster and weaker than zlib): a part deflated anew would differ.
    const base = zipSync(
      Object.fromEntries(partsOf(await writeWorkbook({ sheets: [metaSheet(), HOME], removeSheets: [] }))),
      {
        level: 1,
      },
    );
    const pkg = ZipPackage.open(base);
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Іс-шара ${i}</t></is></c></row>`,
    );
    const enc = new TextEncoder();
    pkg.setChunks(
      'xl/long.xml',
      rows.map((r) => enc.encode(r)),
    );
    const text = rows.join('');
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(pkg.text('xl/long.xml')).toBe(text);
    const own = pkg.bytes('xl/workbook.xml') as Uint8Array;
    pkg.setChunks('xl/workbook.xml', [own.subarray(0, 100), own.subarray(100)]);
    const out = pkg.toBytes();
    expect(dec(partsOf(out).get('xl/long.xml'))).toBe(text);
    expect(ZipPackage.open(out).text('xl/long.xml')).toBe(text);
    // The workbook part was copied as the input held it, compressed bytes and all.
    const entry = (data: Uint8Array) => {
      const at = Buffer.from(data).indexOf('xl/workbook.xml');
      return Buffer.from(data)
        .subarray(at - 30, at + 200)
        .toString('hex');
    };
    expect(entry(out)).toBe(entry(base));
  });
});

describe('content types', () => {
  const XML =
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="wb"/></Types>';

  it('list each part once, in the order added, and drop a removed one whether or not it was written yet', () => {
    const types = ContentTypes.fromXml(XML);
    for (let i = 1; i <= 3000; i++) types.override(`xl/worksheets/sheet${i}.xml`, 'ws');
    types.override('xl/workbook.xml', 'other');
    types.override('xl/worksheets/sheet2.xml', 'other');
    types.remove('xl/worksheets/sheet3.xml');
    types.remove('xl/workbook.xml');
    types.override('xl/workbook.xml', 'wb');
    const xml = types.toXml();
    const names = [...xml.matchAll(/PartName="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toHaveLength(3000);
    expect(new Set(names).size).toBe(3000);
    expect(names.slice(0, 3)).toEqual([
      '/xl/worksheets/sheet1.xml',
      '/xl/worksheets/sheet2.xml',
      '/xl/worksheets/sheet4.xml',
    ]);
    expect(names[names.length - 1]).toBe('/xl/workbook.xml');
    expect(xml).toContain('<Override PartName="/xl/worksheets/sheet2.xml" ContentType="ws"/>');
    expect(xml.endsWith('</Types>')).toBe(true);
  });
});
