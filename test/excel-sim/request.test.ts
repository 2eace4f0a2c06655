import { SimExcel } from '../../src/excel-sim';
import { dataSim, rejection, thrown } from './helpers';

describe('proxies, load and sync', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded with office-js wording', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Data').getRange('A1:C2');
      const e = thrown(() => range.values);
      expect(e.code).toBe('PropertyNotLoaded');
      expect(e.message).toBe(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
      range.load('values');
      // Loaded but not yet synced: still not available.
      expect(thrown(() => range.values).code).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(range.values).toEqual([
        ['Name', 'Count', 'Share'],
        ['a', 1, 0.5],
      ]);
      // Only what was loaded is available.
      expect(thrown(() => range.address).code).toBe('PropertyNotLoaded');
    });
  });

  test('nothing reaches the workbook before sync; a property set is visible locally at once', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('Data').getRange('B2');
      cell.values = [[42]];
      expect(cell.values).toEqual([[42]]);
      expect(sim.values('Data', 'B2')).toEqual([[1]]);
      await ctx.sync();
      expect(sim.values('Data', 'B2')).toEqual([[42]]);
    });
  });

  test('load accepts a string with paths, an array, select/expand and an options object', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Data');
      const a = sheet.getRange('A1').load('address, format/font/bold');
      const b = sheet.getRange('B1').load(['values', 'rowIndex']);
      const c = sheet.getRange('C1').load({ select: 'columnIndex', expand: 'format/fill' });
      const d = sheet.getRange('A2:B2').load({ values: true, format: { font: { italic: true } } });
      await ctx.sync();
      expect(a.address).toBe('Data!A1');
      expect(a.format.font.bold).toBe(false);
      expect(b.values).toEqual([['Count']]);
      expect(b.rowIndex).toBe(0);
      expect(c.columnIndex).toBe(2);
      expect(c.format.fill.color).toBe('#FFFFFF');
      expect(d.values).toEqual([['a', 1]]);
      expect(d.format.font.italic).toBe(false);
      expect(d.toJSON()).toMatchObject({ values: [['a', 1]], format: { font: { italic: false } } });
    });
  });

  test('collections load their items; a property name on a collection loads the items', async () => {
    const sim = new SimExcel({ sheets: ['One', 'Two', 'Three'] });
    await sim.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      const again = ctx.workbook.worksheets;
      const byName = ctx.workbook.worksheets.load('name,position');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['One', 'Two', 'Three']);
      expect(again.items.map((s) => s.name)).toEqual(['One', 'Two', 'Three']);
      expect(byName.items.map((s) => s.position)).toEqual([0, 1, 2]);
      expect(thrown(() => sheets.items[0]?.visibility).code).toBe('PropertyNotLoaded');
    });
  });

  test('getItem of something missing fails at sync with ItemNotFound, not when called', async () => {
    const sim = dataSim();
    const e = await rejection(
      sim.run(async (ctx) => {
        const missing = ctx.workbook.worksheets.getItem('Nope');
        // Making the proxy is fine; using it is what fails.
        missing.load('name');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
    expect(e.debugInfo.errorLocation).toBe('WorksheetCollection.getItem');
  });

  test('an unused getItem of something missing does not fail the sync', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Nope');
      ctx.workbook.tables.getItem('Nope');
      await ctx.sync();
    });
  });

  test('getItemOrNullObject: isNullObject after a sync (no load needed); calls on a null object do nothing', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const present = ctx.workbook.worksheets.getItemOrNullObject('data');
      expect(thrown(() => missing.isNullObject).code).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      // The common idiom: delete a sheet if it exists.
      missing.delete();
      missing.getRange('A1').values = [[1]];
      missing.load('name');
      await ctx.sync();
      expect(missing.name).toBeNull();
    });
    expect(sim.sheets().map((s) => s.name)).toEqual(['Data', 'Other']);
  });

  test('errors are office-js-shaped: code, message, debugInfo with location and statement', async () => {
    const sim = dataSim();
    const e = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1:B2').values = [[1, 2, 3]];
        await ctx.sync();
      }),
    );
    expect(e).toMatchObject({ code: 'InvalidArgument', name: 'RichApi.Error' });
    expect(e.message).toContain("doesn't match the size or dimensions of the range");
    expect(e.debugInfo).toMatchObject({ code: 'InvalidArgument', errorLocation: 'Range.values' });
    expect(e).toBeInstanceOf(Error);
  });

  test('a batch is not transactional: commands before the failing one stay, the failing one and the rest are dropped', async () => {
    const sim = dataSim();
    const e = await rejection(
      sim.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Data');
        s.getRange('A2').values = [['first']];
        s.getRange('A3:B3').values = [['x', 'y', 'z']];
        s.getRange('A4').values = [['after']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    expect(sim.values('Data', 'A2:A4')).toEqual([['first'], ['b'], ['c']]);
  });

  test('a failing command is not half-applied (protection checked over the whole range)', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('A2:A3').format.protection.locked = false;
      s.protection.protect();
      await ctx.sync();
    });
    const e = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A2:A4').values = [['p'], ['q'], ['r']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('AccessDenied');
    expect(sim.values('Data', 'A2:A4')).toEqual([['a'], ['b'], ['c']]);
  });

  test('run accepts options, flushes queued commands at the end, and passes the context along', async () => {
    const sim = dataSim();
    const out = await sim.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A2').values = [['flushed']];
      return 7;
    });
    expect(out).toBe(7);
    expect(sim.values('Data', 'A2')).toEqual([['flushed']]);
    expect(sim.syncCount).toBe(1);
    // A second run can continue with the objects of the first.
    let kept: Excel.Range | undefined;
    await sim.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem('Data').getRange('A3');
      kept.load('values');
      await ctx.sync();
    });
    if (!kept) throw new Error('no range');
    await sim.run(kept, async (ctx) => {
      kept?.load('address');
      await ctx.sync();
      expect(ctx).toBe(kept?.context);
    });
    expect(kept.address).toBe('Data!A3');
  });

  test('a batch that does not return a promise is refused', async () => {
    const sim = dataSim();
    const run = sim.run as unknown as (b: (c: unknown) => unknown) => Promise<unknown>;
    await expect(run(() => 1)).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });

  test('set() writes several properties, through navigation properties too', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:C1');
      r.set({ format: { font: { bold: true, color: '#FF0000' }, wrapText: true } });
      await ctx.sync();
    });
    expect(sim.styleOf('Data', 'B1')).toMatchObject({ bold: true, fontColor: '#FF0000', wrapText: true });
  });

  test('a proxy keeps referring to the same object after a rename', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.load('id');
      await ctx.sync();
      s.name = 'Renamed';
      s.getRange('A1').values = [['still here']];
      s.load('name');
      await ctx.sync();
      expect(s.name).toBe('Renamed');
    });
    expect(sim.values('Renamed', 'A1')).toEqual([['still here']]);
  });
});
