import { SimExcel } from '../../src/excel-sim';
import { dataSim, rejection } from './helpers';

async function code(sim: SimExcel, batch: (ctx: Excel.RequestContext) => void): Promise<string | null> {
  try {
    await sim.run(async (ctx) => {
      batch(ctx);
      await ctx.sync();
    });
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
}

describe('tables', () => {
  test('add over a range with headers; whole and body ranges; columns named by the header', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true);
      t.name = 'Shares';
      t.load('name,id,style');
      const ranges = [t.getRange(), t.getDataBodyRange()].map((r) => r.load('address'));
      const columns = t.columns.load('items/name,items/index');
      const rows = t.rows.load('count');
      const ws = t.worksheet.load('name');
      await ctx.sync();
      expect([t.name, t.style]).toEqual(['Shares', 'TableStyleMedium2']);
      expect(ranges.map((r) => r.address)).toEqual(['Data!A1:C4', 'Data!A2:C4']);
      expect(columns.items.map((c) => [c.name, c.index])).toEqual([
        ['Name', 0],
        ['Count', 1],
        ['Share', 2],
      ]);
      expect(rows.count).toBe(3);
      expect(ws.name).toBe('Data');
    });
    expect(sim.tables()).toEqual([
      {
        name: 'Shares',
        sheet: 'Data',
        address: 'Data!A1:C4',
        columns: ['Name', 'Count', 'Share'],
        showHeaders: true,
        showTotals: false,
        style: 'TableStyleMedium2',
      },
    ]);
  });

  test('a lone header row gets a blank data row; without headers Excel inserts a header row', async () => {
    const sim = new SimExcel();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:B1').values = [['x', 'y']];
      s.getRange('D1:E2').values = [
        [1, 2],
        [3, 4],
      ];
      s.tables.add('A1:B1', true);
      s.tables.add('D1:E2', false);
      await ctx.sync();
    });
    expect(sim.tables().map((t) => [t.address, t.columns])).toEqual([
      ['Sheet1!A1:B2', ['x', 'y']],
      ['Sheet1!D1:E3', ['Column1', 'Column2']],
    ]);
    expect(sim.values('Sheet1', 'D1:E3')).toEqual([
      ['Column1', 'Column2'],
      [1, 2],
      [3, 4],
    ]);
  });

  test('table names: valid, not a cell reference, unique in the workbook ignoring case (and against defined names)', async () => {
    const sim = new SimExcel({ sheets: ['A', 'B'] });
    sim.model.names.push({ name: 'Plan', ref: null, formula: '=A!$D$1', comment: '', visible: true });
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').tables.add('A1:B2', true).name = 'Events';
      await ctx.sync();
    });
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('B').tables.add('A1:B2', true).name = 'Other';
      await ctx.sync();
    });
    const rename = (name: string) =>
      code(sim, (ctx) => (ctx.workbook.worksheets.getItem('B').tables.getItemAt(0).name = name));
    for (const bad of [
      'events',
      'PLAN',
      'A1',
      'R1C1',
      'r2c3',
      'XFD100',
      'has space',
      '1st',
      '',
      'a-b',
      'x'.repeat(256),
    ]) {
      expect(await rename(bad)).toBe('InvalidArgument');
    }
    expect(await rename('_ok.name_2')).toBeNull();
    expect(await rename('Мероприятия')).toBeNull();
    expect(await code(sim, (ctx) => (ctx.workbook.tables.getItem('Events').name = 'EVENTS'))).toBeNull();
    expect(sim.tables().map((t) => t.name)).toEqual(['EVENTS', 'Мероприятия']);
  });

  test('tables never overlap; the failing add leaves nothing behind', async () => {
    const sim = dataSim();
    expect(await code(sim, (ctx) => ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true))).toBeNull();
    expect(await code(sim, (ctx) => ctx.workbook.worksheets.getItem('Data').tables.add('C4:D6', true))).toBe(
      'InvalidOperation',
    );
    expect(await code(sim, (ctx) => ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true))).toBe(
      'InvalidOperation',
    );
    expect(sim.tables()).toHaveLength(1);
  });

  test('getItem of a missing table fails with ItemNotFound; getItemOrNullObject gives a null object', async () => {
    const sim = dataSim();
    expect(await code(sim, (ctx) => ctx.workbook.tables.getItem('Nope').load('name'))).toBe('ItemNotFound');
    await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItemOrNullObject('Nope');
      const count = ctx.workbook.tables.load('count');
      await ctx.sync();
      expect(t.isNullObject).toBe(true);
      expect(count.count).toBe(0);
    });
  });

  test('rows.add at the end and inside; cells below move down with the table, other columns stay', async () => {
    const sim = dataSim();
    sim.simulateUserEdit('Data', 'A7:D7', [['below', 'below', 'below', 'beside']]);
    await sim.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true);
      const row = t.rows.add(undefined, [['d', 4, 0]]);
      t.rows.add(0, [
        ['first', 0, 0],
        ['second', 0, 0],
      ]);
      row.load('index');
      const count = t.rows.load('count');
      await ctx.sync();
      expect(row.index).toBe(3);
      expect(count.count).toBe(6);
    });
    expect(sim.tables()[0]?.address).toBe('Data!A1:C7');
    expect(sim.values('Data', 'A2:A7')).toEqual([['first'], ['second'], ['a'], ['b'], ['c'], ['d']]);
    expect(sim.values('Data', 'A10:D10')).toEqual([['below', 'below', 'below', '']]);
    expect(sim.values('Data', 'D7')).toEqual([['beside']]);
    const e = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.tables.getItemAt(0).rows.add(undefined, [[1, 2]]);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test('rows.add refuses to cut through another table below', async () => {
    const sim = dataSim();
    sim.simulateUserEdit('Data', 'B6:D7', [
      ['p', 'q', 'r'],
      [1, 2, 3],
    ]);
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.tables.add('A1:C4', true);
      s.tables.add('B6:D7', true);
      await ctx.sync();
    });
    expect(await code(sim, (ctx) => ctx.workbook.tables.getItemAt(0).rows.add(undefined, [['x', 1, 1]]))).toBe(
      'InvalidOperation',
    );
  });

  test('resize (ExcelApi 1.13): the header row stays put, no overlap, the body follows', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true);
      t.name = 'T';
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Data').getRange('A5:D6').values = [
        ['d', 4, 0.1, 'x'],
        ['e', 5, 0.2, 'y'],
      ];
      t.resize('A1:D6');
      const body = t.getDataBodyRange().load('address');
      const columns = t.columns.load('items/name');
      await ctx.sync();
      expect(body.address).toBe('Data!A2:D6');
      expect(columns.items.map((c) => c.name)).toEqual(['Name', 'Count', 'Share', 'Column4']);
      t.resize('A1:B3');
      await ctx.sync();
    });
    expect(sim.tables()[0]).toMatchObject({ address: 'Data!A1:B3', columns: ['Name', 'Count'] });
    expect(await code(sim, (ctx) => ctx.workbook.tables.getItem('T').resize('A2:B5'))).toBe('InvalidArgument');
    expect(await code(sim, (ctx) => ctx.workbook.tables.getItem('T').resize('F10:G12'))).toBe('InvalidArgument');
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').tables.add('D1:E3', true);
      await ctx.sync();
    });
    expect(await code(sim, (ctx) => ctx.workbook.tables.getItem('T').resize('A1:D3'))).toBe('InvalidOperation');
  });

  test('columns: add with a name and values, get by name or index, rename through the header', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true);
      t.columns.add(undefined, [['ignored'], [1], [2], [3]], 'Rank');
      t.columns.add(0, null as unknown as [], 'First');
      const byName = t.columns.getItem('count').load('index,name');
      const missing = t.columns.getItemOrNullObject('Nope');
      await ctx.sync();
      expect([byName.index, byName.name]).toEqual([2, 'Count']);
      expect(missing.isNullObject).toBe(true);
      byName.name = 'Total';
      await ctx.sync();
    });
    expect(sim.tables()[0]).toMatchObject({
      address: 'Data!A1:E4',
      columns: ['First', 'Name', 'Total', 'Share', 'Rank'],
    });
    expect(sim.values('Data', 'A1:E2')).toEqual([
      ['First', 'Name', 'Total', 'Share', 'Rank'],
      ['', 'a', 1, 0.5, 1],
    ]);
  });

  test('header cells stay unique, non-blank text', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.tables.add('A1:C4', true);
      s.getRange('A1:C1').values = [['Same', 'same', '']];
      await ctx.sync();
      s.getRange('B1').values = [[2025]];
      await ctx.sync();
    });
    expect(sim.values('Data', 'A1:C1')).toEqual([['Same', '2025', 'Column3']]);
  });

  test('delete removes the table and its cells', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true).delete();
      await ctx.sync();
    });
    expect(sim.tables()).toEqual([]);
    expect(sim.values('Data', 'A1:C2')).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  test('deleting rows, and the last data row is kept blank', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true);
      t.rows.getItemAt(1).delete();
      await ctx.sync();
      t.rows.getItemAt(0).delete();
      t.rows.getItemAt(0).delete();
      await ctx.sync();
    });
    expect(sim.tables()[0]?.address).toBe('Data!A1:C2');
    expect(sim.values('Data', 'A2:C2')).toEqual([['', '', '']]);
  });
});
