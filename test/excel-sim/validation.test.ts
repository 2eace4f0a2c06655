import { SimExcel } from '../../src/excel-sim';
import { dataSim, rejection } from './helpers';

describe('data validation', () => {
  test('rules of every kind round trip, formulas read back as strings', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      const other = ctx.workbook.worksheets.getItem('Other');
      other.getRange('A1:A3').values = [['Да'], ['Нет'], ['Не знаю']];
      const cases: [string, Excel.DataValidationRule][] = [
        ['E2:E100', { list: { source: other.getRange('A1:A2'), inCellDropDown: true } }],
        ['F2:F100', { list: { source: 'a,b,c', inCellDropDown: false } }],
        ['G2:G100', { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } }],
        ['H2:H100', { decimal: { formula1: '0', formula2: 100, operator: 'Between' } }],
        ['I2:I100', { date: { formula1: '2025-01-01', formula2: '2025-12-31', operator: 'Between' } }],
        ['J2:J100', { textLength: { formula1: 500, operator: 'LessThanOrEqualTo' } }],
        ['K2:K100', { custom: { formula: '=COUNTIF($K$2:$K$100,K2)=1' } }],
      ];
      for (const [address, rule] of cases) {
        const dv = s.getRange(address).dataValidation;
        dv.rule = rule;
        dv.errorAlert = { title: 'Ошибка', message: 'Введите число', style: 'Stop', showAlert: true };
      }
      await ctx.sync();
      const read = cases.map(([address]) => s.getRange(address).dataValidation.load('type,rule,errorAlert'));
      await ctx.sync();
      expect(read.map((d) => d.type)).toEqual([
        'List',
        'List',
        'WholeNumber',
        'Decimal',
        'Date',
        'TextLength',
        'Custom',
      ]);
      expect(read.map((d) => d.rule)).toEqual([
        { list: { source: '=Other!$A$1:$A$2', inCellDropDown: true } },
        { list: { source: 'a,b,c', inCellDropDown: false } },
        { wholeNumber: { formula1: '=0', operator: 'GreaterThanOrEqualTo' } },
        { decimal: { formula1: '=0', formula2: '=100', operator: 'Between' } },
        { date: { formula1: '=45658', formula2: '=46022', operator: 'Between' } },
        { textLength: { formula1: '=500', operator: 'LessThanOrEqualTo' } },
        { custom: { formula: '=COUNTIF($K$2:$K$100,K2)=1' } },
      ]);
      expect(read[0]?.errorAlert).toEqual({
        title: 'Ошибка',
        message: 'Введите число',
        style: 'Stop',
        showAlert: true,
      });
    });
    expect(sim.validations('Data').map((v) => [v.address, v.type])).toEqual([
      ['E2:E100', 'List'],
      ['F2:F100', 'List'],
      ['G2:G100', 'WholeNumber'],
      ['H2:H100', 'Decimal'],
      ['I2:I100', 'Date'],
      ['J2:J100', 'TextLength'],
      ['K2:K100', 'Custom'],
    ]);
  });

  test('a range with several rules reads as Inconsistent; none as None; clear removes only the range', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('B2:B4').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
      s.getRange('C2:C4').dataValidation.rule = { decimal: { formula1: 0, formula2: 1, operator: 'Between' } };
      const both = s.getRange('B2:C4').dataValidation.load('type,rule');
      const none = s.getRange('E1').dataValidation.load('type');
      await ctx.sync();
      expect(both.type).toBe('Inconsistent');
      expect(both.rule).toEqual({});
      expect(none.type).toBe('None');
      s.getRange('B3').dataValidation.clear();
      await ctx.sync();
    });
    expect(sim.validations('Data').map((v) => v.address)).toEqual(['B2,B4', 'C2:C4']);
  });

  test('malformed rules are refused with InvalidArgument', async () => {
    const sim = dataSim();
    const bad: Excel.DataValidationRule[] = [
      {},
      { wholeNumber: { formula1: 1, operator: 'Between' } },
      { wholeNumber: { formula1: 1, operator: 'Sideways' as Excel.DataValidationOperator } },
      { list: { source: '', inCellDropDown: true } },
      { wholeNumber: { formula1: 1, operator: 'EqualTo' }, decimal: { formula1: 1, operator: 'EqualTo' } },
    ];
    for (const rule of bad) {
      const e = await rejection(
        sim.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Data').getRange('A1').dataValidation.rule = rule;
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('InvalidArgument');
    }
  });
});

describe('conditional formats', () => {
  test('custom formats round trip: rule, fill, font; found through any range they touch', async () => {
    const sim = dataSim();
    let id = '';
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      const cf = s.getRange('B2:C4').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=$B2>2';
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
      cf.custom.format.font.bold = true;
      cf.load('id,type');
      const range = cf.getRange().load('address');
      await ctx.sync();
      id = cf.id;
      expect([cf.type, range.address]).toEqual(['Custom', 'Data!B2:C4']);
      const found = s.getRange('C3').conditionalFormats.load('items/type,items/id');
      const elsewhere = s.getRange('A1').conditionalFormats.load('items');
      const again = s.getRange('B2').conditionalFormats.getItem(id);
      again.custom.rule.load('formula');
      again.custom.format.fill.load('color');
      again.custom.format.font.load('color,bold');
      await ctx.sync();
      expect(found.items.map((x) => [x.type, x.id])).toEqual([['Custom', id]]);
      expect(elsewhere.items).toEqual([]);
      expect(again.custom.rule.formula).toBe('=$B2>2');
      expect(again.custom.format.fill.color).toBe('#FFC7CE');
      expect(again.custom.format.font.toJSON()).toEqual({ color: '#9C0006', bold: true });
    });
    expect(sim.conditionalFormats('Data')).toEqual([
      { sheet: 'Data', id, type: 'Custom', address: 'B2:C4', formula: '=$B2>2', fill: '#FFC7CE', fontColor: '#9C0006' },
    ]);
  });

  test('a new format comes first; delete removes one', async () => {
    const sim = dataSim();
    const kinds = () => sim.conditionalFormats('Data').map((c) => [c.type, c.address]);
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      const a = s.getRange('A1:C4').conditionalFormats.add('Custom');
      a.custom.rule.formula = '=TRUE';
      const b = s.getRange('A1:A4').conditionalFormats.add('CellValue');
      b.cellValue.rule = { formula1: '=0', operator: 'LessThan' };
      const rule = b.cellValue.load('rule');
      await ctx.sync();
      expect(kinds()).toEqual([
        ['CellValue', 'A1:A4'],
        ['Custom', 'A1:C4'],
      ]);
      expect(rule.rule).toEqual({ formula1: '=0', operator: 'LessThan' });
      b.delete();
      await ctx.sync();
    });
    expect(kinds()).toEqual([['Custom', 'A1:C4']]);
  });

  test('the wrong kind of rule, and a missing format, fail at sync', async () => {
    const sim = dataSim();
    const wrong = await rejection(
      sim.run(async (ctx) => {
        const cf = ctx.workbook.worksheets.getItem('Data').getRange('A1').conditionalFormats.add('CellValue');
        cf.custom.rule.formula = '=1';
        await ctx.sync();
      }),
    );
    expect(wrong.code).toBe('InvalidOperation');
    const missing = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1').conditionalFormats.getItem('{nope}').load('type');
        await ctx.sync();
      }),
    );
    expect(missing.code).toBe('ItemNotFound');
  });

  test('customOrNullObject is a null object on a format of another kind, known at the next sync', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const formats = ctx.workbook.worksheets.getItem('Data').getRange('A1').conditionalFormats;
      const custom = formats.add('Custom').customOrNullObject;
      const other = formats.add('CellValue').customOrNullObject;
      other.format.fill.color = '#FF0000';
      await ctx.sync();
      expect([custom.isNullObject, other.isNullObject]).toEqual([false, true]);
    });
    expect(sim.conditionalFormats('Data').map((c) => [c.type, c.fill])).toEqual([
      ['CellValue', null],
      ['Custom', null],
    ]);
  });

  test('protected sheets refuse validation and conditional format changes', async () => {
    const sim = new SimExcel();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').protection.protect();
      await ctx.sync();
    });
    for (const change of [
      (r: Excel.Range) => (r.dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThan' } }),
      (r: Excel.Range) => r.conditionalFormats.add('Custom'),
    ]) {
      const e = await rejection(
        sim.run(async (ctx) => {
          change(ctx.workbook.worksheets.getItem('Sheet1').getRange('A1'));
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('AccessDenied');
    }
  });
});
