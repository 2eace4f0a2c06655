/**
 * Charts are kept as a description (type, source, orientation, title,
 * position, series styles): enough to check what an adapter asked for and
 * to write a chart into a file, never drawn.
 */
import { addressOf, areaA1, columnsOf, rowsOf, type Area } from './address';
import { accessDenied, invalidArgument, itemNotFound } from './errors';
import {
  newAxis,
  type ChartAxis as ChartAxisModel,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  type Chart,
  type ChartSeries,
  type Sheet,
  type WorkbookModel,
} from './model';
import { SimObject, type PropDef, type SimContext, api, asApi, SimBound, SimPart, SimPartCollection } from './proxy';
import { rangeArgument } from './range';
import { normalizeColor } from './values';
import { SimWorksheet } from './worksheet';

type ChartTypeName = Exclude<Parameters<Excel.ChartCollection['add']>[0], 'Invalid'>;

export const CHART_TYPES: readonly ChartTypeName[] = [
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  '3DColumnClustered',
  '3DColumnStacked',
  '3DColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  '3DBarClustered',
  '3DBarStacked',
  '3DBarStacked100',
  'LineStacked',
  'LineStacked100',
  'LineMarkers',
  'LineMarkersStacked',
  'LineMarkersStacked100',
  'PieOfPie',
  'PieExploded',
  '3DPieExploded',
  'BarOfPie',
  'XYScatterSmooth',
  'XYScatterSmoothNoMarkers',
  'XYScatterLines',
  'XYScatterLinesNoMarkers',
  'AreaStacked',
  'AreaStacked100',
  '3DAreaStacked',
  '3DAreaStacked100',
  'DoughnutExploded',
  'RadarMarkers',
  'RadarFilled',
  'Surface',
  'SurfaceWireframe',
  'SurfaceTopView',
  'SurfaceTopViewWireframe',
  'Bubble',
  'Bubble3DEffect',
  'StockHLC',
  'StockOHLC',
  'StockVHLC',
  'StockVOHLC',
  'CylinderColClustered',
  'CylinderColStacked',
  'CylinderColStacked100',
  'CylinderBarClustered',
  'CylinderBarStacked',
  'CylinderBarStacked100',
  'CylinderCol',
  'ConeColClustered',
  'ConeColStacked',
  'ConeColStacked100',
  'ConeBarClustered',
  'ConeBarStacked',
  'ConeBarStacked100',
  'ConeCol',
  'PyramidColClustered',
  'PyramidColStacked',
  'PyramidColStacked100',
  'PyramidBarClustered',
  'PyramidBarStacked',
  'PyramidBarStacked100',
  'PyramidCol',
  '3DColumn',
  'Line',
  '3DLine',
  '3DPie',
  'Pie',
  'XYScatter',
  '3DArea',
  'Area',
  'Doughnut',
  'Radar',
  'Histogram',
  'Boxwhisker',
  'Pareto',
  'RegionMap',
  'Treemap',
  'Waterfall',
  'Sunburst',
  'Funnel',
];

/** A plain description of a chart, for tests and the playground. */
export interface ChartDescription {
  readonly sheet: string;
  readonly name: string;
  readonly type: string;
  /** `Data!A1:C5`, or `#REF!` once the source sheet is gone. */
  readonly source: string;
  readonly seriesBy: 'Auto' | 'Columns' | 'Rows';
  readonly effectiveSeriesBy: 'Columns' | 'Rows';
  readonly title: { readonly text: string; readonly visible: boolean };
  readonly position: { readonly top: number; readonly left: number; readonly width: number; readonly height: number };
  /** The cells given to `setPosition`, as `B2` addresses. */
  readonly anchor: { readonly start: string; readonly end: string | null } | null;
  readonly categoryAxis: ChartAxisModel;
  readonly valueAxis: ChartAxisModel;
  readonly dataLabels: boolean;
  readonly legend: { readonly position: string; readonly visible: boolean };
  readonly series: readonly ChartSeries[];
}

function isText(v: unknown): boolean {
  return typeof v === 'string' && v !== '';
}

/** Series as Excel lays them out: a text first row names them, a text first column holds the categories. */
export function layoutSeries(
  model: WorkbookModel,
  sheet: Sheet | undefined,
  a: Area,
  seriesBy: Chart['seriesBy'],
  type: string,
): Pick<Chart, 'effectiveSeriesBy' | 'series'> {
  const by: Chart['effectiveSeriesBy'] =
    seriesBy === 'Auto' ? (rowsOf(a) > columnsOf(a) ? 'Columns' : 'Rows') : seriesBy;
  const value = (r: number, c: number) => (sheet ? (model.cell(sheet, r, c)?.value ?? null) : null);
  let headerRow = false;
  for (let c = a.left + 1; c <= a.right; c++) if (isText(value(a.top, c))) headerRow = true;
  let labelColumn = value(a.top, a.left) === null || value(a.top, a.left) === '';
  for (let r = a.top + 1; r <= a.bottom; r++) if (isText(value(r, a.left))) labelColumn = true;
  // Each series' name as the sheet gives it, or null where it gives none.
  const names: unknown[] = [];
  const points =
    by === 'Columns'
      ? rowsOf(a) - (headerRow && rowsOf(a) > 1 ? 1 : 0)
      : columnsOf(a) - (labelColumn && columnsOf(a) > 1 ? 1 : 0);
  if (by === 'Columns') {
    for (let c = a.left + (labelColumn && columnsOf(a) > 1 ? 1 : 0); c <= a.right; c++)
      names.push(headerRow ? value(a.top, c) : null);
  } else {
    for (let r = a.top + (headerRow && rowsOf(a) > 1 ? 1 : 0); r <= a.bottom; r++)
      names.push(labelColumn ? value(r, a.left) : null);
  }
  const series = names.map((name, i): ChartSeries => ({
    name: name === null ? `Series${i + 1}` : String(name),
    chartType: type,
    fillColor: null,
    lineColor: null,
    hasDataLabels: false,
    points,
    labels: [],
  }));
  return { effectiveSeriesBy: by, series };
}

function seriesByOf(v: unknown): Chart['seriesBy'] {
  const s = v ?? 'Auto';
  if (s !== 'Auto' && s !== 'Columns' && s !== 'Rows') throw invalidArgument(`"${String(s)}" is not a ChartSeriesBy.`);
  return s;
}

function chartType(v: unknown): string {
  if (typeof v !== 'string' || !(CHART_TYPES as readonly string[]).includes(v))
    throw invalidArgument(`"${String(v)}" is not a ChartType.`);
  return v;
}

function assertEditable(sheet: Sheet): void {
  const p = sheet.protection;
  if (p.protected && !p.options.allowEditObjects) throw accessDenied('(charts on a protected sheet)');
}

function offset(map: Map<number, number>, from: number, to: number, fallback: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += map.get(i) ?? fallback;
  return sum;
}

export function describeChart(model: WorkbookModel, sheet: Sheet, c: Chart): ChartDescription {
  const source = model.sheetById(c.sourceSheetId);
  return {
    sheet: sheet.name,
    name: c.name,
    type: c.type,
    source: source ? addressOf(source.name, c.source) : '#REF!',
    seriesBy: c.seriesBy,
    effectiveSeriesBy: c.effectiveSeriesBy,
    title: { ...c.title },
    position: { top: c.top, left: c.left, width: c.width, height: c.height },
    anchor: c.anchor ? { start: areaA1(c.anchor.start), end: c.anchor.end ? areaA1(c.anchor.end) : null } : null,
    categoryAxis: { ...c.categoryAxis, title: { ...c.categoryAxis.title } },
    valueAxis: { ...c.valueAxis, title: { ...c.valueAxis.title } },
    dataLabels: c.dataLabels.showValue,
    legend: { ...c.legend },
    series: c.series.map((s) => ({ ...s })),
  };
}

interface ChartTarget {
  readonly sheet: Sheet;
  readonly chart: Chart;
}

export class SimChartCollection
  extends api<Pick<Excel.ChartCollection, 'count' | 'load' | 'toJSON'>>()(
    SimPartCollection<SimChart, Excel.Chart, Sheet, SimWorksheet>,
    {
      typeName: 'ChartCollection',
      props: ['count'],
    },
  )
  implements Pick<Excel.ChartCollection, 'add' | 'getItem' | 'getItemAt' | 'getItemOrNullObject' | 'items'>
{
  private list(): Chart[] {
    return this.resolve()?.charts ?? [];
  }

  protected override properties(): Record<string, PropDef> {
    return { count: { get: () => this.list().length } };
  }

  protected itemProxies(): SimChart[] {
    return this.list().map(
      (c) => new SimChart(this.ctx, `${this.path}.getItem(${JSON.stringify(c.name)})`, () => c.id),
    );
  }

  add(
    type: Excel.ChartType | ChartTypeName,
    sourceData: Excel.Range,
    seriesBy?: Excel.ChartSeriesBy | 'Auto' | 'Columns' | 'Rows',
  ): Excel.Chart {
    const chart = this.enqueueAdd(
      'chart',
      [type, sourceData instanceof SimObject ? { path: sourceData.path } : sourceData, seriesBy ?? null],
      () => {
        const sheet = this.owner.target();
        assertEditable(sheet);
        const m = this.model;
        const t = chartType(type);
        const by = seriesByOf(seriesBy);
        const src = rangeArgument(m, sourceData);
        let n = 1;
        while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
        const model: Chart = {
          id: `{${m.nextId('CHART-')}}`,
          name: `Chart ${n}`,
          type: t,
          sourceSheetId: src.sheet.id,
          source: src.area,
          seriesBy: by,
          ...layoutSeries(m, src.sheet, src.area, by, t),
          title: { text: '', visible: false },
          top: 0,
          left: 0,
          width: 360,
          height: 216,
          anchor: null,
          categoryAxis: newAxis(),
          valueAxis: newAxis(),
          dataLabels: { showValue: false },
          legend: { position: 'Right', visible: true },
        };
        m.set(sheet, 'charts', [...sheet.charts, model]);
        return model.id;
      },
      (created) => new SimChart(this.ctx, `${this.path}.add(${JSON.stringify(type)})`, created),
    );
    return asApi<Excel.Chart>(chart);
  }

  getItem(name: string): Excel.Chart {
    return this.member(SimChart, 'getItem', name, () => this.list().find((x) => x.name === name)?.id);
  }

  getItemOrNullObject(name: string): Excel.Chart {
    return this.member(SimChart, 'getItemOrNullObject', name, () => this.list().find((x) => x.name === name)?.id);
  }

  getItemAt(index: number): Excel.Chart {
    return this.member(SimChart, 'getItemAt', index, () => this.list()[index]?.id);
  }
}

export class SimChart
  extends api<
    Pick<
      Excel.Chart,
      | 'id'
      | 'name'
      | 'chartType'
      | 'top'
      | 'left'
      | 'width'
      | 'height'
      | 'title'
      | 'dataLabels'
      | 'axes'
      | 'series'
      | 'worksheet'
      | 'load'
      | 'set'
      | 'toJSON'
    >
  >()(SimBound<string, ChartTarget>, {
    typeName: 'Chart',
    props: ['id', 'name', 'chartType', 'top', 'left', 'width', 'height'],
    children: ['title', 'dataLabels', 'axes', 'series', 'worksheet'],
  })
  implements Pick<Excel.Chart, 'setPosition' | 'delete' | 'isNullObject'>
{
  protected find(id: string): ChartTarget | undefined {
    for (const sheet of this.model.sheets) {
      const chart = sheet.charts.find((c) => c.id === id);
      if (chart) return { sheet, chart };
    }
    return undefined;
  }

  /** Applies a change to the chart's description, as Excel allows on this sheet. */
  edit(f: (c: Chart, m: WorkbookModel) => void): void {
    const { sheet, chart } = this.target();
    assertEditable(sheet);
    f(chart, this.model);
  }

  protected override properties(): Record<string, PropDef> {
    const size = (key: 'top' | 'left' | 'width' | 'height'): PropDef => ({
      get: () => this.target().chart[key],
      set: (v) =>
        this.edit((c, m) => {
          if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
            throw invalidArgument(`${key} must be a size in points.`);
          m.set(c, key, v);
        }),
    });
    return {
      id: { get: () => this.target().chart.id },
      name: {
        get: () => this.target().chart.name,
        set: (v) =>
          this.edit((c, m) => {
            if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('A chart name cannot be blank.');
            m.set(c, 'name', v);
          }),
      },
      chartType: {
        get: () => this.target().chart.type,
        set: (v) =>
          this.edit((c, m) => {
            const t = chartType(v);
            m.set(c, 'type', t);
            m.set(
              c,
              'series',
              c.series.map((s) => ({ ...s, chartType: t })),
            );
          }),
      },
      top: size('top'),
      left: size('left'),
      width: size('width'),
      height: size('height'),
    };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return {
      title: () => new SimChartTitle(this.ctx, `${this.path}.title`, this),
      dataLabels: () => new SimChartDataLabels(this.ctx, `${this.path}.dataLabels`, this),
      axes: () => new SimChartAxes(this.ctx, `${this.path}.axes`, this),
      series: () => new SimChartSeriesCollection(this.ctx, `${this.path}.series`, this),
      worksheet: () => new SimWorksheet(this.ctx, `${this.path}.worksheet`, () => this.resolve()?.sheet.id ?? null),
    };
  }

  /** Positions by cells: the chart's top-left at `startCell`, its bottom-right at the end of `endCell`. */
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    const arg = (x: unknown) => (x instanceof SimObject ? { path: x.path } : (x ?? null));
    this.enqueue('setPosition', [arg(startCell), arg(endCell)], () => {
      const { sheet, chart } = this.target();
      assertEditable(sheet);
      const m = this.model;
      const start = rangeArgument(m, startCell, sheet).area;
      const end = endCell === undefined || endCell === null ? null : rangeArgument(m, endCell, sheet).area;
      const top = offset(sheet.rowHeights, 0, start.top, DEFAULT_ROW_HEIGHT);
      const left = offset(sheet.colWidths, 0, start.left, DEFAULT_COLUMN_WIDTH);
      m.set(chart, 'top', top);
      m.set(chart, 'left', left);
      if (end) {
        m.set(chart, 'height', offset(sheet.rowHeights, start.top, end.bottom + 1, DEFAULT_ROW_HEIGHT));
        m.set(chart, 'width', offset(sheet.colWidths, start.left, end.right + 1, DEFAULT_COLUMN_WIDTH));
      }
      m.set(chart, 'anchor', { start, end });
    });
  }

  delete(): void {
    this.enqueue('delete', [], () => {
      const { sheet, chart } = this.target();
      assertEditable(sheet);
      this.model.remove(sheet, 'charts', chart);
    });
  }
}

type ChartPartKey = 'title' | 'legend' | 'dataLabels';

/** Parts of a chart resolve to the chart. */
abstract class ChartPart extends SimPart<ChartTarget, SimChart> {
  protected chart(): Chart {
    return this.owner.target().chart;
  }

  /** A property of a part of the chart's description. */
  protected field<P extends ChartPartKey, F extends keyof Chart[P]>(
    part: P,
    key: F,
    parse: (v: unknown) => Chart[P][F],
  ): PropDef {
    return {
      get: () => this.chart()[part][key],
      set: (v) => this.owner.edit((c, m) => m.set(c[part], key, parse(v))),
    };
  }
}

/** A part of a chart that is one of several: `which` axis, series (by index), or series a format belongs to. */
abstract class ChartPartOf<W> extends ChartPart {
  constructor(
    ctx: SimContext,
    path: string,
    owner: SimChart,
    protected readonly which: W,
  ) {
    super(ctx, path, owner);
  }
}

const text =
  (what: string) =>
  (v: unknown): string => {
    if (typeof v !== 'string') throw invalidArgument(`${what} must be text.`);
    return v;
  };
const flag =
  (what: string) =>
  (v: unknown): boolean => {
    if (typeof v !== 'boolean') throw invalidArgument(`${what} must be true or false.`);
    return v;
  };

export class SimChartTitle extends api<Pick<Excel.ChartTitle, 'text' | 'visible' | 'load' | 'toJSON'>>()(ChartPart, {
  typeName: 'ChartTitle',
  props: ['text', 'visible'],
}) {
  protected override properties(): Record<string, PropDef> {
    const textProp = this.field('title', 'text', text('title.text'));
    // Setting a title's text shows it, as in Excel.
    return {
      text: {
        ...textProp,
        set: (v) => this.owner.edit((c, m) => m.set(c, 'title', { text: text('title.text')(v), visible: true })),
      },
      visible: this.field('title', 'visible', flag('title.visible')),
    };
  }
}

export class SimChartDataLabels extends api<Pick<Excel.ChartDataLabels, 'showValue' | 'load' | 'toJSON'>>()(ChartPart, {
  typeName: 'ChartDataLabels',
  props: ['showValue'],
}) {
  protected override properties(): Record<string, PropDef> {
    return { showValue: this.field('dataLabels', 'showValue', flag('dataLabels.showValue')) };
  }
}

type AxisKind = 'categoryAxis' | 'valueAxis';

export class SimChartAxes extends api<Pick<Excel.ChartAxes, 'categoryAxis' | 'valueAxis' | 'load' | 'toJSON'>>()(
  ChartPart,
  { typeName: 'ChartAxes', children: ['categoryAxis', 'valueAxis'] },
) {
  protected override properties(): Record<string, PropDef> {
    return {};
  }
  protected override navigation(): Record<string, () => SimObject> {
    return {
      categoryAxis: () => new SimChartAxis(this.ctx, `${this.path}.categoryAxis`, this.owner, 'categoryAxis'),
      valueAxis: () => new SimChartAxis(this.ctx, `${this.path}.valueAxis`, this.owner, 'valueAxis'),
    };
  }
}

export class SimChartAxis extends api<
  Pick<
    Excel.ChartAxis,
    'title' | 'type' | 'reversePlotOrder' | 'minimum' | 'visible' | 'position' | 'numberFormat' | 'load' | 'toJSON'
  >
>()(ChartPartOf<AxisKind>, {
  typeName: 'ChartAxis',
  props: ['type', 'reversePlotOrder', 'minimum', 'visible', 'position', 'numberFormat'],
  children: ['title'],
}) {
  protected override navigation(): Record<string, () => SimObject> {
    return {
      title: () => new SimChartAxisTitle(this.ctx, `${this.path}.title`, this.owner, this.which),
    };
  }

  private axis<K extends keyof ChartAxisModel>(key: K, parse: (v: unknown) => ChartAxisModel[K]): PropDef {
    const k = this.which;
    return {
      get: () => this.chart()[k][key],
      set: (v) => this.owner.edit((c, m) => m.set(c[k], key, parse(v))),
    };
  }
  protected override properties(): Record<string, PropDef> {
    const bound =
      (what: string) =>
      (v: unknown): number | null => {
        if (v === null || v === '') return null;
        if (typeof v !== 'number' || !Number.isFinite(v)) throw invalidArgument(`${what} must be a number.`);
        return v;
      };
    return {
      type: { get: () => (this.which === 'categoryAxis' ? 'Category' : 'Value') },
      reversePlotOrder: this.axis('reversePlotOrder', flag('reversePlotOrder')),
      minimum: this.axis('minimum', bound('minimum')),
      visible: this.axis('visible', flag('visible')),
      position: this.axis('position', (v) => {
        if (v !== 'Automatic' && v !== 'Maximum' && v !== 'Minimum')
          throw invalidArgument(`"${String(v)}" is not an axis position.`);
        return v;
      }),
      numberFormat: this.axis('numberFormat', text('numberFormat')),
    };
  }
}

export class SimChartAxisTitle extends api<Pick<Excel.ChartAxisTitle, 'text' | 'visible' | 'load' | 'toJSON'>>()(
  ChartPartOf<AxisKind>,
  { typeName: 'ChartAxisTitle', props: ['text', 'visible'] },
) {
  protected override properties(): Record<string, PropDef> {
    const k = this.which;
    // Setting a title's text shows it, as in Excel.
    return {
      text: {
        get: () => this.chart()[k].title.text,
        set: (v) => this.owner.edit((c, m) => m.set(c[k], 'title', { text: text('axis title')(v), visible: true })),
      },
      visible: {
        get: () => this.chart()[k].title.visible,
        set: (v) =>
          this.owner.edit((c, m) => m.set(c[k], 'title', { ...c[k].title, visible: flag('axis title visible')(v) })),
      },
    };
  }
}

export class SimChartSeriesCollection
  extends api<Pick<Excel.ChartSeriesCollection, 'count' | 'load' | 'toJSON'>>()(
    SimPartCollection<SimChartSeries, Excel.ChartSeries, ChartTarget, SimChart>,
    { typeName: 'ChartSeriesCollection', props: ['count'] },
  )
  implements Pick<Excel.ChartSeriesCollection, 'getItemAt' | 'items'>
{
  protected override properties(): Record<string, PropDef> {
    return { count: { get: () => this.owner.target().chart.series.length } };
  }
  protected itemProxies(): SimChartSeries[] {
    return this.owner
      .target()
      .chart.series.map((_, i) => new SimChartSeries(this.ctx, `${this.path}.getItemAt(${i})`, this.owner, i));
  }
  getItemAt(index: number): Excel.ChartSeries {
    return asApi<Excel.ChartSeries>(
      new SimChartSeries(this.ctx, `${this.path}.getItemAt(${index})`, this.owner, index),
    );
  }
}

export class SimChartSeries extends api<
  Pick<Excel.ChartSeries, 'name' | 'chartType' | 'format' | 'points' | 'load' | 'toJSON'>
>()(ChartPartOf<number>, { typeName: 'ChartSeries', props: ['name', 'chartType'], children: ['format', 'points'] }) {
  protected override navigation(): Record<string, () => SimObject> {
    return {
      format: () => new SimChartSeriesFormat(this.ctx, `${this.path}.format`, this.owner, this),
      points: () => new SimChartPointsCollection(this.ctx, `${this.path}.points`, this.owner, this),
    };
  }

  /** The series' description; a missing index fails with ItemNotFound, as `getItemAt` does in Excel. */
  seriesOf(c: Chart): ChartSeries {
    const s = c.series[this.which];
    if (!s) throw itemNotFound(`(no series ${this.which})`);
    return s;
  }
  /** Series are replaced whole so that the journal can undo a change. */
  editSeries(patch: (s: ChartSeries) => Partial<ChartSeries>): void {
    this.owner.edit((c, m) => {
      const s = this.seriesOf(c);
      m.set(
        c,
        'series',
        c.series.map((x) => (x === s ? { ...s, ...patch(s) } : x)),
      );
    });
  }
  protected override properties(): Record<string, PropDef> {
    return {
      name: {
        get: () => this.seriesOf(this.chart()).name,
        set: (v) => this.editSeries(() => ({ name: text('series name')(v) })),
      },
      chartType: {
        get: () => this.seriesOf(this.chart()).chartType,
        set: (v) => this.editSeries(() => ({ chartType: chartType(v) })),
      },
    };
  }
}

/** The points of a series, one per category. */
export class SimChartPointsCollection
  extends api<Pick<Excel.ChartPointsCollection, 'count' | 'load' | 'toJSON'>>()(
    SimPartCollection<SimChartPoint, Excel.ChartPoint, ChartTarget, SimChart>,
    { typeName: 'ChartPointsCollection', props: ['count'] },
  )
  implements Pick<Excel.ChartPointsCollection, 'getItemAt' | 'items'>
{
  constructor(
    ctx: SimContext,
    path: string,
    owner: SimChart,
    private readonly series: SimChartSeries,
  ) {
    super(ctx, path, owner);
  }

  protected override properties(): Record<string, PropDef> {
    return { count: { get: () => this.series.seriesOf(this.owner.target().chart).points } };
  }
  private point(index: number): SimChartPoint {
    return new SimChartPoint(this.ctx, `${this.path}.getItemAt(${index})`, this.owner, { series: this.series, index });
  }
  protected itemProxies(): SimChartPoint[] {
    return Array.from({ length: this.series.seriesOf(this.owner.target().chart).points }, (_, i) => this.point(i));
  }
  getItemAt(index: number): Excel.ChartPoint {
    return asApi<Excel.ChartPoint>(this.point(index));
  }
}

interface PointOf {
  readonly series: SimChartSeries;
  readonly index: number;
}

export class SimChartPoint extends api<Pick<Excel.ChartPoint, 'dataLabel' | 'load' | 'toJSON'>>()(
  ChartPartOf<PointOf>,
  {
    typeName: 'ChartPoint',
    children: ['dataLabel'],
  },
) {
  protected override navigation(): Record<string, () => SimObject> {
    return { dataLabel: () => new SimChartDataLabel(this.ctx, `${this.path}.dataLabel`, this.owner, this.which) };
  }
  protected override properties(): Record<string, PropDef> {
    return {};
  }
}

/** A point's label: the text given to it (Excel would show the value where none was given). */
export class SimChartDataLabel extends api<Pick<Excel.ChartDataLabel, 'text' | 'load' | 'toJSON'>>()(
  ChartPartOf<PointOf>,
  { typeName: 'ChartDataLabel', props: ['text'] },
) {
  /** The point's series; a point past its last fails with ItemNotFound, as `getItemAt` does in Excel. */
  private seriesWith(c: Chart): ChartSeries {
    const { series, index } = this.which;
    const s = series.seriesOf(c);
    if (index < 0 || index >= s.points) throw itemNotFound(`(no point ${index})`);
    return s;
  }
  protected override properties(): Record<string, PropDef> {
    const { series, index } = this.which;
    return {
      text: {
        get: () => this.seriesWith(this.chart()).labels[index] ?? '',
        set: (v) => {
          const label = text('dataLabel.text')(v);
          series.editSeries((s) => {
            this.seriesWith(this.chart());
            return {
              labels: Array.from({ length: s.points }, (_, i) => (i === index ? label : (s.labels[i] ?? null))),
            };
          });
        },
      },
    };
  }
}

export class SimChartSeriesFormat extends api<Pick<Excel.ChartSeriesFormat, 'fill' | 'load' | 'toJSON'>>()(
  ChartPartOf<SimChartSeries>,
  {
    typeName: 'ChartSeriesFormat',
    children: ['fill'],
  },
) {
  protected override navigation(): Record<string, () => SimObject> {
    return {
      fill: () => new SimChartFill(this.ctx, `${this.path}.fill`, this.owner, this.which),
    };
  }

  protected override properties(): Record<string, PropDef> {
    return {};
  }
}

export class SimChartFill
  extends api<Pick<Excel.ChartFill, never>>()(ChartPartOf<SimChartSeries>, { typeName: 'ChartFill' })
  implements Pick<Excel.ChartFill, 'setSolidColor' | 'clear' | 'toJSON'>
{
  protected override properties(): Record<string, PropDef> {
    return {};
  }
  setSolidColor(color: string): void {
    this.enqueue('setSolidColor', [color], () => this.which.editSeries(() => ({ fillColor: normalizeColor(color) })));
  }
  clear(): void {
    this.enqueue('clear', [], () => this.which.editSeries(() => ({ fillColor: null })));
  }
  toJSON(): { [key: string]: string } {
    return this.jsonOf() as { [key: string]: string };
  }
}
