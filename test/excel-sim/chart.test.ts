import { dataSim, rejection } from './helpers';

describe('charts', () => {
  test('a chart is recorded with its type, source address and series orientation, then styled', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const data = ctx.workbook.worksheets.getItem('Data').getRange('A1:C4');
      const chart = ctx.workbook.worksheets.getItem('Other').charts.add('ColumnClustered', data, 'Columns');
      chart.name = 'Shares chart';
      chart.title.text = 'Shares';
      chart.setPosition('B2', 'H20');
      chart.axes.categoryAxis.title.text = 'Library';
      chart.axes.valueAxis.title.text = 'Count';
      chart.axes.categoryAxis.reversePlotOrder = true;
      chart.axes.categoryAxis.position = 'Maximum';
      chart.axes.valueAxis.minimum = 80;
      chart.axes.valueAxis.visible = false;
      chart.dataLabels.showValue = true;
      chart.series.getItemAt(0).format.fill.setSolidColor('#1F4E79');
      chart.series.getItemAt(1).chartType = 'Line';
      chart.series.getItemAt(0).points.getItemAt(1).dataLabel.text = '35\u00a0438';
      chart.axes.valueAxis.numberFormat = '[>=1000]#" "##0;0';
      const points = chart.series.getItemAt(0).points.load('count');
      const series = chart.series.load('items/name,count');
      chart.load('name,chartType,top,left,width,height');
      chart.title.load('text,visible');
      await ctx.sync();
      expect(series.count).toBe(2);
      expect(points.count).toBe(3);
      expect(series.items.map((s) => s.name)).toEqual(['Count', 'Share']);
      expect([chart.name, chart.chartType, chart.top, chart.left, chart.width, chart.height]).toEqual([
        'Shares chart',
        'ColumnClustered',
        15,
        48,
        336,
        285,
      ]);
      expect([chart.title.text, chart.title.visible]).toEqual(['Shares', true]);
    });
    expect(sim.describeCharts()).toEqual([
      {
        sheet: 'Other',
        name: 'Shares chart',
        type: 'ColumnClustered',
        source: 'Data!A1:C4',
        seriesBy: 'Columns',
        effectiveSeriesBy: 'Columns',
        title: { text: 'Shares', visible: true },
        position: { top: 15, left: 48, width: 336, height: 285 },
        anchor: { start: 'B2', end: 'H20' },
        categoryAxis: {
          title: { text: 'Library', visible: true },
          reversePlotOrder: true,
          minimum: null,
          maximum: null,
          visible: true,
          position: 'Maximum',
          numberFormat: 'General',
        },
        valueAxis: {
          title: { text: 'Count', visible: true },
          reversePlotOrder: false,
          minimum: 80,
          maximum: null,
          visible: false,
          position: 'Automatic',
          numberFormat: '[>=1000]#" "##0;0',
        },
        dataLabels: true,
        legend: { position: 'Right', visible: true },
        series: [
          {
            name: 'Count',
            chartType: 'ColumnClustered',
            fillColor: '#1F4E79',
            lineColor: null,
            hasDataLabels: false,
            points: 3,
            labels: [null, '35\u00a0438', null],
          },
          {
            name: 'Share',
            chartType: 'Line',
            fillColor: null,
            lineColor: null,
            hasDataLabels: false,
            points: 3,
            labels: [],
          },
        ],
      },
    ]);
  });

  test('series by rows name the series from the first column; Auto stays Auto in the description', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const data = ctx.workbook.worksheets.getItem('Data').getRange('A1:C4');
      const s = ctx.workbook.worksheets.getItem('Data');
      s.charts.add('BarClustered', data, 'Rows');
      s.charts.add('Pie', data);
      const charts = s.charts.load('items/name');
      await ctx.sync();
      expect(charts.items.map((c) => c.name)).toEqual(['Chart 1', 'Chart 2']);
    });
    const [rows, auto] = sim.describeCharts('Data');
    expect(rows?.series.map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect([auto?.seriesBy, auto?.effectiveSeriesBy]).toEqual(['Auto', 'Columns']);
  });

  test('getItem, delete, and refusals: unknown type, missing chart, protected sheet', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.charts.add('Line', s.getRange('A1:B4')).name = 'Gone';
      await ctx.sync();
      s.charts.getItem('Gone').delete();
      const missing = s.charts.getItemOrNullObject('Gone');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
    expect(sim.describeCharts()).toEqual([]);
    const bad = await rejection(
      sim.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Data');
        s.charts.add('Sparkle' as Excel.ChartType, s.getRange('A1:B4'));
        await ctx.sync();
      }),
    );
    expect(bad.code).toBe('InvalidArgument');
    const missing = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').charts.getItem('Nope').load('name');
        await ctx.sync();
      }),
    );
    expect(missing.code).toBe('ItemNotFound');
    const denied = await rejection(
      sim.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Data');
        s.protection.protect();
        s.charts.add('Line', s.getRange('A1:B4'));
        await ctx.sync();
      }),
    );
    expect(denied.code).toBe('AccessDenied');
    // A point past the series' last, as in Excel: the sync fails and nothing is labelled.
    const past = await rejection(
      sim.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Data');
        s.protection.unprotect();
        s.charts
          .add('ColumnClustered', s.getRange('A1:B4'), 'Columns')
          .series.getItemAt(0)
          .points.getItemAt(3).dataLabel.text = 'x';
        await ctx.sync();
      }),
    );
    expect(past.code).toBe('ItemNotFound');
  });
});
