import { SimError } from '../../src/excel-sim/errors';
import { dataSim, rejection } from './helpers';

/**
 * Failures injected per command, as Excel fails a batch: the commands before
 * the failing one stay applied, the failing one and the ones after it do not
 * run, and the error says where it struck.
 */
describe('failAtCommand', () => {
  async function threeWrites(sim: ReturnType<typeof dataSim>): Promise<unknown> {
    return sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ctx.trace('before the writes');
      ws.getRange('B2').values = [[10]];
      ws.getRange('B3').values = [[20]];
      ws.name = 'Renamed';
      ws.getRange('B4').values = [[30]];
      await ctx.sync();
    });
  }

  test('the n-th command fails; the ones before it stay applied', async () => {
    const sim = dataSim();
    sim.failAtCommand(2);
    const e = (await rejection(threeWrites(sim))) as SimError;
    expect(e.code).toBe('GeneralException');
    expect(e.debugInfo.errorLocation).toBe('Range.values');
    expect(e.debugInfo.statement).toMatch(/^Range\.values\(/);
    expect(e.debugInfo.fullStatements?.length).toBe(4);
    expect(e.debugInfo.surroundingStatements).toContain('Worksheet.name');
    expect(e.traceMessages).toEqual(['before the writes']);
    // B2 written; B3 (the second command) failed, so neither it nor what follows ran.
    expect(sim.values('Data', 'B2:B4')).toEqual([[10], [2], [3]]);
    expect(sim.sheets().map((s) => s.name)).toContain('Data');
  });

  test('the first command at a location fails (a setter), with the code asked for', async () => {
    const sim = dataSim();
    sim.failAtCommand({ location: 'Worksheet.name' }, { code: 'ItemAlreadyExists' });
    const e = await rejection(threeWrites(sim));
    expect(e.code).toBe('ItemAlreadyExists');
    expect(e.debugInfo.errorLocation).toBe('Worksheet.name');
    expect(sim.values('Data', 'B2:B4')).toEqual([[10], [20], [3]]);
    // Disarmed once struck: the next run goes through.
    await threeWrites(sim);
    expect(sim.values('Renamed', 'B2:B4')).toEqual([[10], [20], [30]]);
  });

  test('the k-th command of the m-th sync; a sync with fewer commands disarms it', async () => {
    const sim = dataSim();
    sim.failAtCommand({ sync: 2, command: 1 });
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('C2').values = [[1]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Data').getRange('C3').values = [[1]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });
    expect(sim.values('Data', 'C2:C3')).toEqual([[1], [0.25]]);
    sim.failAtCommand({ sync: 1, command: 99 });
    await threeWrites(sim);
    expect(sim.values('Renamed', 'B4')).toEqual([[30]]);
  });

  test('counts commands across syncs', async () => {
    const sim = dataSim();
    await threeWrites(sim);
    const perRun = sim.commandCount;
    expect(perRun).toBe(4);
    const fresh = dataSim();
    fresh.failAtCommand(perRun + 1);
    await threeWrites(fresh);
    await expect(
      fresh.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Renamed').getRange('A1').values = [['x']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(fresh.values('Renamed', 'A1')).toEqual([['Name']]);
  });

  test('a crash: every later sync fails until the connection is back', async () => {
    const sim = dataSim();
    sim.failAtCommand(2, { crash: true });
    await expect(threeWrites(sim)).rejects.toBeInstanceOf(SimError);
    await expect(threeWrites(sim)).rejects.toMatchObject({ code: 'GeneralException' });
    sim.reconnect();
    await threeWrites(sim);
    expect(sim.values('Renamed', 'B4')).toEqual([[30]]);
  });

  test('whenStruck sees the workbook as the failure left it, before the action goes on; not when nothing fails', async () => {
    const sim = dataSim();
    const seen: unknown[] = [];
    sim.failAtCommand({ sync: 1, command: 3 }, { whenStruck: () => seen.push(sim.values('Data', 'B2:B4')) });
    await expect(
      threeWrites(sim).catch(async (e: unknown) => {
        // The action's own undo, after the failure: not what whenStruck saw.
        await sim.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Data').getRange('B2:B3').values = [[null], [null]];
          await ctx.sync();
        });
        throw e;
      }),
    ).rejects.toBeInstanceOf(SimError);
    expect(seen).toEqual([[[10], [20], [3]]]);
    sim.failAtCommand({ sync: 1, command: 9 }, { whenStruck: () => seen.push('struck') });
    await threeWrites(sim);
    expect(seen).toHaveLength(1);
  });

  test('a co-author change lands before the n-th sync', async () => {
    const sim = dataSim();
    sim.beforeSync(2, (s) => s.simulateRemoteEdit('Data', 'A2', [['remote']]));
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A2').load('values');
      await ctx.sync();
      expect(r.values).toEqual([['a']]);
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([['remote']]);
    });
  });
});
