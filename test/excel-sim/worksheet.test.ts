import { SimExcel } from '../../src/excel-sim';
import { dataSim, defineName, rejection } from './helpers';

async function rename(sim: SimExcel, from: string, to: string): Promise<string | null> {
  try {
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(from).name = to;
      await ctx.sync();
    });
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
}

describe('worksheets', () => {
  test('sheet names: at most 31 characters, none of []:*?/\\, not blank, unique ignoring case', async () => {
    const sim = new SimExcel({ sheets: ['Sheet1', 'Other'] });
    expect(await rename(sim, 'Sheet1', 'x'.repeat(32))).toBe('InvalidArgument');
    for (const bad of ['a[b', 'a]b', 'a:b', 'a*b', 'a?b', 'a/b', 'a\\b', '', '   ', "'quoted'", 'History', 'other']) {
      expect(await rename(sim, 'Sheet1', bad)).toBe('InvalidArgument');
    }
    expect(await rename(sim, 'Sheet1', 'x'.repeat(31))).toBeNull();
    expect(await rename(sim, 'x'.repeat(31), 'Отчёт 2025 (свод)')).toBeNull();
    expect(await rename(sim, 'Отчёт 2025 (свод)', 'ОТЧЁТ 2025 (СВОД)')).toBeNull();
    expect(sim.sheets().map((s) => s.name)).toEqual(['ОТЧЁТ 2025 (СВОД)', 'Other']);
  });

  test('add: default names, ItemAlreadyExists for a taken name, added at the end', async () => {
    const sim = new SimExcel();
    await sim.run(async (ctx) => {
      const a = ctx.workbook.worksheets.add();
      const b = ctx.workbook.worksheets.add('Report');
      a.load('name,position');
      b.load('name,position');
      await ctx.sync();
      expect([a.name, a.position, b.name, b.position]).toEqual(['Sheet2', 1, 'Report', 2]);
    });
    const e = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.add('REPORT');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemAlreadyExists');
  });

  test('renaming a sheet rewrites references to it in formulas, as Excel does', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Other').getRange('A1:B1').formulas = [['=Data!B2*2', "=SUM('Data'!B2:B4)"]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Data').name = 'My data';
      await ctx.sync();
    });
    expect(sim.formulas('Other', 'A1:B1')).toEqual([["='My data'!B2*2", "=SUM('My data'!B2:B4)"]]);
  });

  test('position, visibility, tab colour, activation; at least one sheet stays visible', async () => {
    const sim = new SimExcel({ sheets: ['A', 'B', 'C'] });
    await sim.run(async (ctx) => {
      const c = ctx.workbook.worksheets.getItem('C');
      c.position = 0;
      c.tabColor = '#ddebf7';
      ctx.workbook.worksheets.getItem('B').visibility = 'VeryHidden';
      ctx.workbook.worksheets.getItem('A').activate();
      c.load('tabColor,visibility');
      await ctx.sync();
      expect(sim.activeSheet()).toBe('A');
      expect([c.tabColor, c.visibility]).toEqual(['#DDEBF7', 'Visible']);
    });
    expect(sim.sheets().map((s) => [s.name, s.visibility])).toEqual([
      ['C', 'Visible'],
      ['A', 'Visible'],
      ['B', 'VeryHidden'],
    ]);
    const e = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('A').visibility = 'Hidden';
        ctx.workbook.worksheets.getItem('C').visibility = 'Hidden';
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidOperation');
    expect(sim.sheets().map((s) => s.visibility)).toEqual(['Visible', 'Hidden', 'VeryHidden']);
    const hidden = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('B').activate();
        await ctx.sync();
      }),
    );
    expect(hidden.code).toBe('InvalidOperation');
  });

  test('delete: the last visible sheet cannot go; tables and names on a deleted sheet go with it', async () => {
    const sim = dataSim();
    defineName(sim, 'Counts', 'Data', 'B2:B4');
    await sim.run(async (ctx) => {
      ctx.workbook.tables.add('Data!A1:C4', true).name = 'Shares';
      ctx.workbook.worksheets.getItem('Other').getRange('A1').formulas = [['=Data!B2']];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Data').delete();
      await ctx.sync();
    });
    expect(sim.tables()).toEqual([]);
    expect(sim.names()).toEqual([{ name: 'Counts', formula: '=#REF!', comment: '' }]);
    expect(sim.formulas('Other', 'A1')).toEqual([['=#REF!B2']]);
    const e = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Other').delete();
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidOperation');
  });

  test('protection: locked cells (the default) reject writes, unlocked ones take them', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('B2:B4').format.protection.locked = false;
      s.protection.protect({ allowFormatColumns: true });
      s.protection.load('protected,options');
      await ctx.sync();
      expect(s.protection.protected).toBe(true);
      expect(s.protection.options.allowFormatColumns).toBe(true);
      s.getRange('B2:B4').values = [[10], [20], [30]];
      s.getRange('A1').format.columnWidth = 80;
      await ctx.sync();
    });
    expect(sim.values('Data', 'B2:B4')).toEqual([[10], [20], [30]]);
    for (const denied of [
      (s: Excel.Worksheet) => (s.getRange('A2').values = [['x']]),
      (s: Excel.Worksheet) => (s.getRange('A2:B2').formulas = [['=1', '=2']]),
      (s: Excel.Worksheet) => (s.getRange('A2').format.font.bold = true),
      (s: Excel.Worksheet) => (s.getRange('B2').format.protection.locked = true),
      (s: Excel.Worksheet) => s.getRange('A1:A2').clear(),
      (s: Excel.Worksheet) => s.tables.add('E1:F2', true),
      (s: Excel.Worksheet) => (s.getRange('A1').format.rowHeight = 30),
      (s: Excel.Worksheet) => s.protection.protect(),
    ]) {
      const e = await rejection(
        sim.run(async (ctx) => {
          denied(ctx.workbook.worksheets.getItem('Data'));
          await ctx.sync();
        }),
      );
      expect(['AccessDenied', 'InvalidOperation']).toContain(e.code);
    }
    expect(sim.values('Data', 'A2')).toEqual([['a']]);
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.protection.unprotect();
      s.getRange('A2').values = [['now allowed']];
      await ctx.sync();
    });
    expect(sim.values('Data', 'A2')).toEqual([['now allowed']]);
  });

  test('a password-protected sheet unprotects only with its password', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').protection.protect({}, 'secret');
      await ctx.sync();
    });
    const e = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').protection.unprotect('guess');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').protection.unprotect('secret');
      await ctx.sync();
    });
    expect(sim.sheets()[0]?.protected).toBe(false);
  });

  test('freeze panes: rows, columns, at a range', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const panes = ctx.workbook.worksheets.getItem('Data').freezePanes;
      panes.freezeRows(1);
      await ctx.sync();
      expect(sim.sheets()[0]?.freeze).toEqual({ rows: 1, columns: 0 });
      panes.freezeColumns(2);
      await ctx.sync();
      expect(sim.sheets()[0]?.freeze).toEqual({ rows: 1, columns: 2 });
      panes.freezeAt('A1:C4');
      await ctx.sync();
    });
    expect(sim.sheets()[0]?.freeze).toEqual({ rows: 4, columns: 3 });
  });

  test('getRange: addresses on the sheet, names, and refusal of another sheet', async () => {
    const sim = dataSim();
    defineName(sim, 'Counts', 'Data', 'B2:B4');
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      const named = s.getRange('Counts').load('values');
      const whole = s.getRange().load('address');
      const own = s.getRange('Data!A1').load('address');
      await ctx.sync();
      expect(named.values).toEqual([[1], [2], [3]]);
      expect(whole.address).toBe('Data!1:1048576');
      expect(own.address).toBe('Data!A1');
    });
    const e = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('Other!A1').load('address');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });
});
