import { SimExcel } from '../../src/excel-sim';
import { dataSim, rejection } from './helpers';

describe('workbook-level parts', () => {
  test('functions.date gives the serial of the workbook’s date system (how an add-in detects 1904 dates)', async () => {
    const sim = new SimExcel();
    await sim.run(async (ctx) => {
      const epoch = ctx.workbook.functions.date(1904, 1, 1).load('value');
      const day = ctx.workbook.functions.date(2025, 3, 15).load('value,error');
      const early = ctx.workbook.functions.date(1900, 1, 1).load('value');
      await ctx.sync();
      expect([epoch.value, day.value, day.error, early.value]).toEqual([1462, 45731, null, 1]);
      sim.model.date1904 = true;
      const again = ctx.workbook.functions.date(1904, 1, 1).load('value');
      await ctx.sync();
      expect(again.value).toBe(0);
    });
  });

  test('page layout (ExcelApi 1.9): orientation, zoom, print titles, print area', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('Data').pageLayout;
      p.orientation = 'Landscape';
      p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      p.setPrintTitleRows('$1:$2');
      p.setPrintArea('A1:C4');
      p.load('orientation,zoom');
      await ctx.sync();
      expect([p.orientation, p.zoom]).toEqual(['Landscape', { horizontalFitToPages: 1, verticalFitToPages: 0 }]);
    });
    expect(JSON.parse(sim.dump()).sheets[0].pageLayout).toEqual({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$2',
      printArea: 'Data!A1:C4',
    });
    const old = await rejection(
      dataSim({ apiVersion: '1.8' }).run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').pageLayout.orientation = 'Landscape';
        await ctx.sync();
      }),
    );
    expect(old.code).toBe('ApiNotFound');
  });

  test('tables.onChanged hears every table of the workbook (or of one sheet)', async () => {
    const sim = dataSim();
    sim.simulateUserEdit('Other', 'A1:B2', [
      ['k', 'v'],
      [1, 2],
    ]);
    const all: string[] = [];
    const onData: string[] = [];
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true).name = 'One';
      ctx.workbook.worksheets.getItem('Other').tables.add('A1:B2', true).name = 'Two';
      ctx.workbook.tables.onChanged.add(async (e) => {
        all.push(`${e.tableId}:${e.address}:${e.source}`);
      });
      ctx.workbook.worksheets.getItem('Data').tables.onChanged.add(async (e) => {
        onData.push(e.address);
      });
      await ctx.sync();
    });
    sim.simulateRemoteEdit('Data', 'B2', [[9]]);
    sim.simulateUserEdit('Other', 'B2', [[8]]);
    await sim.settle();
    const ids = sim.model.tables.map((t) => t.id);
    expect(all).toEqual([`${ids[0]}:B2:Remote`, `${ids[1]}:B2:Local`]);
    expect(onData).toEqual(['B2']);
  });

  test('a person’s own conditional format, and a dump that shows what a person sees without internal ids', async () => {
    const a = dataSim();
    const b = dataSim();
    for (const sim of [a, b]) {
      sim.addConditionalFormat('Data', 'A2:A4', '=A2<>""', '#00FF00');
      await sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true).name = 'T';
        await ctx.sync();
      });
    }
    // Different histories of ids, same workbook.
    a.model.nextId('x');
    expect(a.dump()).toBe(b.dump());
    expect(a.conditionalFormats()).toEqual([
      expect.objectContaining({ sheet: 'Data', address: 'A2:A4', formula: '=A2<>""', fill: '#00FF00' }),
    ]);
    await a.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('C2').format.font.bold = true;
      await ctx.sync();
    });
    expect(a.dump()).not.toBe(b.dump());
  });
});
