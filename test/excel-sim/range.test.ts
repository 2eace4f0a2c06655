import { SimExcel } from '../../src/excel-sim';
import { addressOf, parseRef, sheetPrefix } from '../../src/excel-sim/address';
import { dataSim, rejection } from './helpers';

describe('addresses', () => {
  test('A1 references parse, with sheets quoted or not, whole columns and rows', () => {
    expect(parseRef('A1')).toEqual({ area: { top: 0, left: 0, bottom: 0, right: 0 } });
    expect(parseRef('$B$2:C3')?.area).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(parseRef('Sheet1!A1:B2')).toEqual({ sheet: 'Sheet1', area: { top: 0, left: 0, bottom: 1, right: 1 } });
    expect(parseRef("'My sheet'!A1")?.sheet).toBe('My sheet');
    expect(parseRef("'It''s'!A1")?.sheet).toBe("It's");
    expect(parseRef('A:A')?.area).toEqual({ top: 0, left: 0, bottom: 1_048_575, right: 0 });
    expect(parseRef('3:3')?.area).toEqual({ top: 2, left: 0, bottom: 2, right: 16_383 });
    expect(parseRef('A')).toBeNull();
    expect(parseRef('XFE1')).toBeNull();
    expect(parseRef('A1048577')).toBeNull();
  });

  test('addresses are given as Excel gives them, quoting sheet names only when needed', () => {
    const a = { top: 0, left: 0, bottom: 2, right: 2 };
    expect(addressOf('Sheet1', a)).toBe('Sheet1!A1:C3');
    expect(addressOf('My sheet', a)).toBe("'My sheet'!A1:C3");
    expect(addressOf('KRG_OUNB', { top: 4, left: 3, bottom: 4, right: 3 })).toBe('KRG_OUNB!D5');
    expect(sheetPrefix('Территории')).toBe('Территории!');
    expect(sheetPrefix('Сдача отчётов')).toBe("'Сдача отчётов'!");
    expect(sheetPrefix('A1')).toBe("'A1'!");
    expect(sheetPrefix('2025')).toBe("'2025'!");
  });
});

describe('ranges', () => {
  test('address, counts and indexes', async () => {
    const sim = new SimExcel({ sheets: ['My sheet'] });
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('My sheet');
      const r = s.getRange('B2:D5').load('address,rowCount,columnCount,rowIndex,columnIndex');
      const col = s.getRange('C:C').load('address');
      const row = s.getRange('3:4').load('address');
      await ctx.sync();
      expect([r.address, r.rowCount, r.columnCount, r.rowIndex, r.columnIndex]).toEqual([
        "'My sheet'!B2:D5",
        4,
        3,
        1,
        1,
      ]);
      expect([col.address, row.address]).toEqual(["'My sheet'!C:C", "'My sheet'!3:4"]);
    });
  });

  test('values, formulas and value types; a formula cell keeps its formula and has no computed value', async () => {
    const sim = new SimExcel();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:F1');
      r.values = [[12, 'text', true, '=A1*2', '#REF!', '']];
      r.load('values,formulas,valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([[12, 'text', true, '', '#REF!', '']]);
      expect(r.formulas).toEqual([[12, 'text', true, '=A1*2', '#REF!', '']]);
      expect(r.valueTypes).toEqual([['Double', 'String', 'Boolean', 'Empty', 'Error', 'Empty']]);
    });
    sim.setFormulaResult('Sheet1', 'D1', 24);
    expect(sim.values('Sheet1', 'D1')).toEqual([[24]]);
  });

  test('strings are parsed as typed, unless the cell is formatted as text', async () => {
    const sim = new SimExcel();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('B1').numberFormat = [['@']];
      s.getRange('A1:A6').values = [['001'], ['12.5'], ['TRUE'], ["'007"], ['1 234'], ['50%']];
      s.getRange('B1').values = [['001']];
      await ctx.sync();
    });
    expect(sim.values('Sheet1', 'A1:A6')).toEqual([[1], [12.5], [true], ['007'], ['1 234'], [0.5]]);
    expect(sim.values('Sheet1', 'B1')).toEqual([['001']]);
  });

  test('null in a 2-D array leaves a cell unchanged; "" clears it; a single value fills the range', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('A2:C2').values = [[null, '', 9]];
      s.getRange('A5:C5').values = 'x' as unknown as unknown[][];
      await ctx.sync();
    });
    expect(sim.values('Data', 'A2:C2')).toEqual([['a', '', 9]]);
    expect(sim.values('Data', 'A5:C5')).toEqual([['x', 'x', 'x']]);
  });

  test('InvalidArgument for values, formulas or number formats whose shape differs from the range', async () => {
    const sim = dataSim();
    const cases: [string, (r: Excel.Range) => void][] = [
      ['A1:A2', (r) => (r.values = [[1, 2]])],
      ['A1:A2', (r) => (r.formulas = [['=1'], ['=2'], ['=3']])],
      ['A1:A2', (r) => (r.numberFormat = [['0', '0']])],
      ['A1:B2', (r) => (r.values = [[1], [2, 3]])],
      ['A1', (r) => (r.values = [[{ a: 1 }]])],
      ['A1', (r) => (r.formulas = [['=SUM(A1']])],
    ];
    for (const [address, write] of cases) {
      const e = await rejection(
        sim.run(async (ctx) => {
          write(ctx.workbook.worksheets.getItem('Data').getRange(address));
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('InvalidArgument');
    }
    expect(sim.values('Data', 'A1:A2')).toEqual([['Name'], ['a']]);
  });

  test('NaN and undefined travel as null (office-js sends JSON), so they leave the cell unchanged', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('B2:C2').values = [[Number.NaN, undefined]];
      await ctx.sync();
    });
    expect(sim.values('Data', 'B2:C2')).toEqual([[1, 0.5]]);
  });

  test('derived ranges: getCell, entire rows and columns, by indexes', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      const base = s.getRange('B2:C3');
      const got = [
        base.getCell(1, 1),
        base.getEntireRow(),
        base.getEntireColumn(),
        s.getRangeByIndexes(1, 1, 2, 3),
        s.getCell(4, 0),
      ].map((r) => r.load('address'));
      await ctx.sync();
      expect(got.map((r) => r.address)).toEqual(['Data!C3', 'Data!2:3', 'Data!B:C', 'Data!B2:D3', 'Data!A5']);
    });
  });

  test('used range, with or without formatted cells; empty sheets give A1 or a null object', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('E9').format.fill.color = 'yellow';
      const all = s.getUsedRange().load('address');
      const values = s.getUsedRange(true).load('address');
      const other = ctx.workbook.worksheets.getItem('Other');
      const empty = other.getUsedRange().load('address');
      const none = other.getUsedRangeOrNullObject();
      await ctx.sync();
      expect([all.address, values.address, empty.address]).toEqual(['Data!A1:E9', 'Data!A1:C4', 'Other!A1']);
      expect(none.isNullObject).toBe(true);
    });
  });

  test('clear: contents, formats or all', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('A1:C4').format.font.bold = true;
      s.getRange('A2:A4').clear('Contents');
      s.getRange('B2:B4').clear('Formats');
      s.getRange('C2:C4').clear();
      await ctx.sync();
    });
    expect(sim.values('Data', 'A2:C2')).toEqual([['', 1, '']]);
    expect([
      sim.styleOf('Data', 'A2')['bold'],
      sim.styleOf('Data', 'B2')['bold'],
      sim.styleOf('Data', 'C2')['bold'],
    ]).toEqual([true, false, false]);
  });

  test('merge keeps the top-left value; select records the selection', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('A2:B3').merge();
      s.getRange('C3').select();
      await ctx.sync();
    });
    expect(sim.merges('Data')).toEqual(['A2:B3']);
    expect(sim.values('Data', 'A2:B3')).toEqual([
      ['a', ''],
      ['', ''],
    ]);
    expect(sim.selection()).toEqual({ sheet: 'Data', address: 'C3' });
  });

  test('hyperlinks: to a place in the workbook or a URL, with the text shown', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('E1').hyperlink = { documentReference: "'Other'!A1", textToDisplay: 'Go' };
      s.getRange('E2').hyperlink = { address: 'https://example.org' };
      const link = s.getRange('E1').load('hyperlink,values');
      await ctx.sync();
      expect(link.hyperlink).toEqual({ documentReference: "'Other'!A1", textToDisplay: 'Go' });
      expect(link.values).toEqual([['Go']]);
    });
    expect(sim.values('Data', 'E2')).toEqual([['https://example.org']]);
  });

  test('formats: a uniform value, or null when the cells differ', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      const r = s.getRange('A1:C1');
      r.format.font.set({ bold: true, italic: true, size: 14, name: 'Arial', color: '#1f4e79' });
      r.format.fill.color = '#FFF8E1';
      r.format.wrapText = true;
      r.format.horizontalAlignment = 'Center';
      r.format.verticalAlignment = 'Top';
      r.format.columnWidth = 100;
      s.getRange('A1').format.rowHeight = 30;
      s.getRange('B2').format.font.bold = true;
      s.getRange('A2').format.borders.getItem('EdgeBottom').style = 'Continuous';
      const f = r.format.load('wrapText,horizontalAlignment,verticalAlignment,columnWidth');
      r.format.font.load('bold,italic,size,name,color');
      r.format.fill.load('color');
      const mixed = s.getRange('A2:B2').format.font.load('bold');
      const border = s.getRange('A2').format.borders.getItem('EdgeBottom').load('style');
      const rows = s.getRange('A1:A2').format.load('rowHeight');
      await ctx.sync();
      expect([f.wrapText, f.horizontalAlignment, f.verticalAlignment, f.columnWidth]).toEqual([
        true,
        'Center',
        'Top',
        100,
      ]);
      expect(f.font.toJSON()).toEqual({ bold: true, italic: true, size: 14, name: 'Arial', color: '#1F4E79' });
      expect(f.fill.color).toBe('#FFF8E1');
      expect(mixed.bold).toBeNull();
      expect(border.style).toBe('Continuous');
      expect(rows.rowHeight).toBeNull();
      r.format.fill.clear();
      r.format.fill.load('color');
      await ctx.sync();
      expect(r.format.fill.color).toBe('#FFFFFF');
    });
  });

  test('invalid format values are refused at sync', async () => {
    const sim = dataSim();
    for (const bad of [
      (r: Excel.Range) => (r.format.horizontalAlignment = 'Middle' as Excel.HorizontalAlignment),
      (r: Excel.Range) => (r.format.font.color = 'not a colour'),
      (r: Excel.Range) => (r.format.columnWidth = -5),
    ]) {
      const e = await rejection(
        sim.run(async (ctx) => {
          bad(ctx.workbook.worksheets.getItem('Data').getRange('A1'));
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('InvalidArgument');
    }
  });

  test('number formats per cell, and text as shown', async () => {
    const sim = new SimExcel();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:D1');
      r.values = [[1234.5, 0.256, 45731, 7]];
      r.numberFormat = [['#,##0', '0.0%', 'dd.mm.yyyy', null]];
      r.load('numberFormat,text');
      await ctx.sync();
      expect(r.numberFormat).toEqual([['#,##0', '0.0%', 'dd.mm.yyyy', 'General']]);
      expect(r.text).toEqual([['1,235', '25.6%', '15.03.2025', '7']]);
    });
  });

  test('formatting whole columns does not create a million cells', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const col = ctx.workbook.worksheets.getItem('Data').getRange('B:B');
      col.format.protection.locked = false;
      col.format.font.bold = true;
      col.format.protection.load('locked');
      await ctx.sync();
      expect(col.format.protection.locked).toBe(false);
    });
    expect(sim.model.sheetByName('Data')?.cells.size).toBeLessThan(20);
    expect(sim.styleOf('Data', 'B100000')).toMatchObject({ locked: false, bold: true });
    expect(sim.styleOf('Data', 'A1')).toMatchObject({ locked: true, bold: false });
  });

  test('column, row and whole-sheet formats combine as in Excel', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('D:D').format.protection.locked = false;
      s.getRange('5:5').format.font.bold = true;
      s.getRange().format.font.name = 'Arial';
      await ctx.sync();
    });
    expect(sim.styleOf('Data', 'D5')).toMatchObject({ locked: false, bold: true, fontName: 'Arial' });
    expect(sim.styleOf('Data', 'E5')).toMatchObject({ locked: true, bold: true, fontName: 'Arial' });
    expect(sim.styleOf('Data', 'D9')).toMatchObject({ locked: false, bold: false, fontName: 'Arial' });
    expect(sim.styleOf('Data', 'XFD1048576')).toMatchObject({ fontName: 'Arial' });
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange().clear('Formats');
      await ctx.sync();
    });
    expect(sim.styleOf('Data', 'D5')).toMatchObject({ locked: true, bold: false, fontName: 'Calibri' });
  });
});
