import { taskpaneHost } from '../../src/excel/pane';
import { sampleSim, simHost } from './host';

/** What the task pane asks of the workbook, through the adapter, on the in-memory Excel. */
describe('the task pane’s host', () => {
  it('reads the settings through the core’s Meta parser, and null for a workbook not set up', async () => {
    const sim = await sampleSim('clean');
    const host = taskpaneHost(simHost(sim));
    expect(await host.readSettings()).toEqual({
      region: 'Карагандинская область',
      year: 2025,
      level: 'oblast',
      language: 'ru',
    });
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Meta').delete();
      await ctx.sync();
    });
    expect(await host.readSettings()).toBeNull();
  });

  it('names the workbook by its address where Excel gives one, else by its Meta', async () => {
    const sim = await sampleSim('clean');
    expect(await taskpaneHost(simHost(sim)).workbookKey()).toBe('meta:Карагандинская область|2025|oblast');
    const saved = taskpaneHost({ ...simHost(sim), documentUrl: () => 'https://example.sharepoint.com/svod.xlsx' });
    expect(await saved.workbookKey()).toBe('url:https://example.sharepoint.com/svod.xlsx');
    const unsaved = taskpaneHost({ ...simHost(sim), documentUrl: () => null });
    expect(await unsaved.workbookKey()).toBe('meta:Карагандинская область|2025|oblast');
  });

  it('activates a sheet that exists and says false for one that does not', async () => {
    const sim = await sampleSim('clean');
    const host = taskpaneHost(simHost(sim));
    expect(await host.activateSheet('Nowhere')).toBe(false);
    expect(await host.activateSheet('KRG_CGB')).toBe(true);
  });
});
