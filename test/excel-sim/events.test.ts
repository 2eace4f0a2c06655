import { dataSim } from './helpers';

describe('onChanged events', () => {
  async function watched() {
    const sim = dataSim();
    const tableEvents: Excel.TableChangedEventArgs[] = [];
    const sheetEvents: Excel.WorksheetChangedEventArgs[] = [];
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      const t = s.tables.add('A1:C4', true);
      t.name = 'Shares';
      t.onChanged.add(async (e) => {
        tableEvents.push(e);
      });
      s.onChanged.add(async (e) => {
        sheetEvents.push(e);
      });
      await ctx.sync();
    });
    await sim.settle();
    tableEvents.length = 0;
    sheetEvents.length = 0;
    return { sim, tableEvents, sheetEvents };
  }

  test('a sync that changes a table fires its onChanged (Local) after the sync; other cells fire only the sheet’s', async () => {
    const { sim, tableEvents, sheetEvents } = await watched();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('B3').values = [[20]];
      s.getRange('F1').values = [['outside']];
      await ctx.sync();
      // Delivered after the sync has returned, not during it.
      expect(tableEvents).toHaveLength(0);
    });
    await sim.settle();
    expect(tableEvents.map((e) => [e.type, e.source, e.changeType, e.address])).toEqual([
      ['TableChanged', 'Local', 'RangeEdited', 'B3'],
    ]);
    expect(tableEvents[0]?.details).toEqual({
      valueBefore: 2,
      valueAfter: 20,
      valueTypeBefore: 'Double',
      valueTypeAfter: 'Double',
    });
    expect(sheetEvents.map((e) => [e.address, e.source, e.triggerSource])).toEqual([
      ['B3', 'Local', 'ThisLocalAddin'],
      ['F1', 'Local', 'ThisLocalAddin'],
    ]);
    expect(tableEvents[0]?.worksheetId).toBe(sheetEvents[0]?.worksheetId);
  });

  test('a co-author’s edit fires with source Remote, the user’s with Local; getRange reads the changed cells', async () => {
    const { sim, tableEvents } = await watched();
    sim.simulateRemoteEdit('Data', 'A2:B2', [['remote', 7]]);
    sim.simulateUserEdit('Data', 'C4', [[0.75]]);
    await sim.settle();
    expect(tableEvents.map((e) => [e.source, e.address])).toEqual([
      ['Remote', 'A2:B2'],
      ['Local', 'C4'],
    ]);
    const first = tableEvents[0];
    if (!first) throw new Error('no event');
    await sim.run(async (ctx) => {
      const r = first.getRange(ctx).load('values');
      await ctx.sync();
      expect(r.values).toEqual([['remote', 7]]);
    });
  });

  test('rows added to a table fire RowInserted', async () => {
    const { sim, tableEvents } = await watched();
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Shares').rows.add(undefined, [['d', 4, 0]]);
      await ctx.sync();
    });
    await sim.settle();
    expect(tableEvents.map((e) => [e.changeType, e.address])).toEqual([['RowInserted', 'A5:C5']]);
  });

  test('runtime.enableEvents = false suppresses events until it is turned back on', async () => {
    const { sim, tableEvents, sheetEvents } = await watched();
    await sim.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem('Data').getRange('B2').values = [[100]];
      await ctx.sync();
      sim.simulateRemoteEdit('Data', 'B3', [[200]]);
      ctx.runtime.enableEvents = true;
      ctx.workbook.worksheets.getItem('Data').getRange('B4').values = [[300]];
      ctx.runtime.load('enableEvents');
      await ctx.sync();
      expect(ctx.runtime.enableEvents).toBe(true);
    });
    await sim.settle();
    expect(tableEvents.map((e) => e.address)).toEqual(['B4']);
    expect(sheetEvents.map((e) => e.address)).toEqual(['B4']);
  });

  test('a removed handler is not called', async () => {
    const sim = dataSim();
    const seen: string[] = [];
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      const reg = s.onChanged.add(async (e) => {
        seen.push(e.address);
      });
      await ctx.sync();
      s.getRange('A1').values = [['one']];
      await ctx.sync();
      reg.remove();
      s.getRange('A2').values = [['two']];
      await ctx.sync();
    });
    await sim.settle();
    expect(seen).toEqual(['A1']);
  });
});
