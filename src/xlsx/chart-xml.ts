/**
 * A ChartPlan as a DrawingML chart part (`xl/charts/chartN.xml`), the XML
 * Excel itself writes, in the schema's element order (Excel rejects a part
 * whose elements are out of order). Series refer to ranges of the plan's
 * sheets; the values are cached too, from the plan, so that a reader that
 * does not recompute still draws the chart.
 */
import type { Area, ChartKind, ChartPlan, PlanValue } from '../core/plan';
import { columnLetters, quoteSheet } from '../core/snapshot';
import { WorkbookWriteError } from './errors';
import type { PlanCells } from './plan-cells';
import { encodeXml } from './xml';

export const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
export const NS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const NS_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CATEGORY_AXIS = 500100;
const VALUE_AXIS = 500200;
const TEXT = '404040';
const GRID = 'D9D9D9';
const AXIS_LINE = 'BFBFBF';

export interface SeriesRefs {
  readonly name: { readonly row: number; readonly col: number };
  readonly categories: Area;
  readonly values: Area;
}

/** The series of a chart's data area, as office-js reads the same range with the same orientation. */
export function seriesOf(chart: ChartPlan): SeriesRefs[] {
  const d = chart.data;
  if (d.bottom - d.top < 1 || d.right - d.left < 1) {
    throw new WorkbookWriteError(
      'bad_plan',
      `chart ${chart.name}: the data needs a header row, a category column and at least one value`,
    );
  }
  if (chart.seriesBy === 'columns') {
    const categories = { top: d.top + 1, left: d.left, bottom: d.bottom, right: d.left };
    return range(d.left + 1, d.right).map((col) => ({
      name: { row: d.top, col },
      categories,
      values: { top: d.top + 1, left: col, bottom: d.bottom, right: col },
    }));
  }
  const categories = { top: d.top, left: d.left + 1, bottom: d.top, right: d.right };
  return range(d.top + 1, d.bottom).map((row) => ({
    name: { row, col: d.left },
    categories,
    values: { top: row, left: d.left + 1, bottom: row, right: d.right },
  }));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** `'Sheet'!$A$2:$A$14`. */
export function absoluteRef(sheet: string, a: Area): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  const tl = cell(a.top, a.left);
  const ref = a.top === a.bottom && a.left === a.right ? tl : `${tl}:${cell(a.bottom, a.right)}`;
  return `${quoteSheet(sheet)}!${ref}`;
}

function cellsOf(a: Area): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (let row = a.top; row <= a.bottom; row++) for (let col = a.left; col <= a.right; col++) out.push({ row, col });
  return out;
}

function text(v: PlanValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return 'text' in v ? v.text : null;
}

const solid = (color: string) => `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
const line = (color: string, width = 9525, dash?: string) =>
  `<a:ln w="${width}">${solid(color)}${dash ? `<a:prstDash val="${dash}"/>` : ''}</a:ln>`;
const noLine = '<a:ln><a:noFill/></a:ln>';
const val = (tag: string, v: string | number) => `<c:${tag} val="${v}"/>`;

/** Text properties: size in points, rotation for a vertical axis title. */
function txPr(size: number, opts: { bold?: boolean; rot?: number } = {}): string {
  const body = opts.rot !== undefined ? `<a:bodyPr rot="${opts.rot}" vert="horz"/>` : '<a:bodyPr/>';
  return `<c:txPr>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${opts.bold ? 1 : 0}">${solid(TEXT)}</a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;
}

function title(s: string, size: number, rot?: number): string {
  const body = rot !== undefined ? `<a:bodyPr rot="${rot}" vert="horz"/>` : '<a:bodyPr/>';
  const rPr = `<a:rPr lang="en-US" sz="${size * 100}" b="1">${solid(TEXT)}</a:rPr>`;
  return `<c:title><c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="1"/></a:pPr><a:r>${rPr}<a:t>${encodeXml(s)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

interface Context {
  readonly chart: ChartPlan;
  readonly cells: PlanCells | null;
  readonly sheet: string;
}

function strRef(ctx: Context, a: Area): string {
  const cells = cellsOf(a);
  const pts = ctx.cells
    ? cells
        .map((p, i) => {
          const s = text(ctx.cells?.value(p.row, p.col));
          return s === null ? '' : `<c:pt idx="${i}"><c:v>${encodeXml(s)}</c:v></c:pt>`;
        })
        .join('')
    : '';
  const cache = ctx.cells ? `<c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache>` : '';
  return `<c:strRef><c:f>${encodeXml(absoluteRef(ctx.sheet, a))}</c:f>${cache}</c:strRef>`;
}

/** The number format of a series' values, from the plan's styles; `General` when it has none. */
function formatOf(ctx: Context, a: Area): string {
  return ctx.cells?.numFmt(a.top, a.left) ?? 'General';
}

function numRef(ctx: Context, a: Area): string {
  const cells = cellsOf(a);
  let cache = '';
  if (ctx.cells) {
    const pts = cells
      .map((p, i) => {
        const v = ctx.cells?.value(p.row, p.col);
        return typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '';
      })
      .join('');
    cache = `<c:numCache><c:formatCode>${encodeXml(formatOf(ctx, a))}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache>`;
  }
  return `<c:numRef><c:f>${encodeXml(absoluteRef(ctx.sheet, a))}</c:f>${cache}</c:numRef>`;
}

type Family = 'bar' | 'line' | 'pie';

function familyOf(kind: ChartKind): Family {
  if (kind === 'line' || kind === 'lineMarkers') return 'line';
  if (kind === 'pie') return 'pie';
  return 'bar';
}

function dataLabels(ctx: Context, s: SeriesRefs, index: number, position: string | null): string {
  const fmt = formatOf(ctx, s.values);
  const shows =
    (position ? val('dLblPos', position) : '') +
    `${val('showLegendKey', 0)}${val('showVal', 1)}${val('showCatName', 0)}${val('showSerName', 0)}` +
    `${val('showPercent', 0)}${val('showBubbleSize', 0)}`;
  const box = `<c:spPr><a:noFill/>${noLine}</c:spPr>`;
  // A label with text of its own (the plan's, in the workbook's language) keeps it whatever the reader's
  // separators; its run carries the labels' type, which a program would otherwise reset to its default.
  const run = `sz="800" b="0">${solid(TEXT)}`;
  const own = (ctx.chart.series?.[index]?.labels ?? [])
    .map((text, i) =>
      text === null
        ? ''
        : `<c:dLbl>${val('idx', i)}<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${run}</a:defRPr></a:pPr>` +
          `<a:r><a:rPr lang="en-US" ${run}</a:rPr><a:t>${encodeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>${box}${shows}</c:dLbl>`,
    )
    .join('');
  return `<c:dLbls>${own}<c:numFmt formatCode="${encodeXml(fmt)}" sourceLinked="0"/>${box}${txPr(8)}${shows}</c:dLbls>`;
}

function labelPosition(kind: ChartKind): string | null {
  switch (kind) {
    case 'columnClustered':
    case 'barClustered':
      return 'outEnd';
    case 'columnStacked':
    case 'barStacked':
      return 'ctr';
    case 'line':
    case 'lineMarkers':
      return 't';
    case 'pie':
      return 'bestFit';
  }
}

function seriesXml(ctx: Context, s: SeriesRefs, index: number, family: Family, asLine: boolean): string {
  const style = ctx.chart.series?.[index];
  const color = style?.color;
  const head = `${val('idx', index)}${val('order', index)}<c:tx>${strRef(ctx, { top: s.name.row, left: s.name.col, bottom: s.name.row, right: s.name.col })}</c:tx>`;
  const labels = ctx.chart.dataLabels && !asLine ? dataLabels(ctx, s, index, labelPosition(ctx.chart.kind)) : '';
  const data = `<c:cat>${strRef(ctx, s.categories)}</c:cat><c:val>${numRef(ctx, s.values)}</c:val>`;
  if (family === 'line') {
    // A reference line (the 100 % of the plan) is dashed and has no markers; a data line has round markers.
    const markers = ctx.chart.kind === 'lineMarkers' && !asLine;
    const spPr = color ? `<c:spPr>${line(color, 28575, asLine ? 'dash' : undefined)}</c:spPr>` : '';
    const marker = markers
      ? `<c:marker>${val('symbol', 'circle')}${val('size', 5)}${color ? `<c:spPr>${solid(color)}${line(color)}</c:spPr>` : ''}</c:marker>`
      : `<c:marker>${val('symbol', 'none')}</c:marker>`;
    return `<c:ser>${head}${spPr}${marker}${labels}${data}${val('smooth', 0)}</c:ser>`;
  }
  if (family === 'pie') return `<c:ser>${head}${labels}${data}</c:ser>`;
  const spPr = color ? `<c:spPr>${solid(color)}</c:spPr>` : '';
  return `<c:ser>${head}${spPr}${val('invertIfNegative', 0)}${labels}${data}</c:ser>`;
}

function axes(ctx: Context, series: readonly SeriesRefs[]): string {
  const { chart } = ctx;
  const horizontal = chart.kind === 'barClustered' || chart.kind === 'barStacked';
  const reverse = chart.reverseCategories === true;
  const axisLine = `<c:spPr>${line(AXIS_LINE)}</c:spPr>`;
  // Axis ticks are round numbers: the plan's format, else the values' without its decimals (`#,##0.0` → `#,##0`).
  const valueFormat =
    chart.valueAxis?.format ??
    (series[0] ? formatOf(ctx, series[0].values) : 'General').replace(/\.0+(?=$|[^0#])/g, '');
  const category =
    `<c:catAx>${val('axId', CATEGORY_AXIS)}<c:scaling>${val('orientation', reverse ? 'maxMin' : 'minMax')}</c:scaling>` +
    `${val('delete', 0)}${val('axPos', horizontal ? 'l' : 'b')}` +
    (chart.categoryTitle ? title(chart.categoryTitle, 9, horizontal ? -5400000 : undefined) : '') +
    `<c:numFmt formatCode="General" sourceLinked="1"/>${val('majorTickMark', 'none')}${val('minorTickMark', 'none')}` +
    // `low`: the labels stay outside the plot even where values are negative (change against last year).
    `${val('tickLblPos', 'low')}${axisLine}${txPr(8, { rot: (chart.categoryLabels?.angle ?? 0) * 60000 })}${val('crossAx', VALUE_AXIS)}${val('crosses', 'autoZero')}` +
    `${val('auto', 1)}${val('lblAlgn', 'ctr')}${val('lblOffset', 100)}${val('noMultiLvlLbl', 0)}</c:catAx>`;
  const min = chart.valueAxis?.min;
  const hidden = chart.valueAxis?.hidden === true;
  const value =
    `<c:valAx>${val('axId', VALUE_AXIS)}<c:scaling>${val('orientation', 'minMax')}${min !== undefined ? val('min', min) : ''}</c:scaling>` +
    `${val('delete', hidden ? 1 : 0)}${val('axPos', horizontal ? 'b' : 'l')}` +
    (hidden ? '' : `<c:majorGridlines><c:spPr>${line(GRID)}</c:spPr></c:majorGridlines>`) +
    (chart.valueTitle ? title(chart.valueTitle, 9, horizontal ? undefined : -5400000) : '') +
    `<c:numFmt formatCode="${encodeXml(valueFormat)}" sourceLinked="0"/>${val('majorTickMark', 'none')}${val('minorTickMark', 'none')}` +
    `${val('tickLblPos', 'nextTo')}<c:spPr>${noLine}</c:spPr>${txPr(8)}${val('crossAx', CATEGORY_AXIS)}` +
    // With categories reversed, the value axis crosses at the last category: it stays at the bottom.
    `${val('crosses', reverse ? 'max' : 'autoZero')}${val('crossBetween', 'between')}</c:valAx>`;
  return category + value;
}

/**
 * The plot's place in the chart: where the labels of a bar chart need more room than a program would
 * give them (LibreOffice breaks them mid-word), the plot starts right of that room; elsewhere the
 * program lays the chart out.
 */
function plotLayout(chart: ChartPlan): string {
  const room = chart.categoryLabels?.room;
  const horizontal = chart.kind === 'barClustered' || chart.kind === 'barStacked';
  if (room === undefined || !horizontal) return '<c:layout/>';
  // Below the title (one or two lines), to the right edge less a margin for the data labels.
  const top = chart.categoryLabels?.top ?? 0.17;
  const legend = (chart.series?.length ?? 1) > 1 ? 0.12 : 0.02;
  const x = Math.round(room * 1000) / 1000;
  const w = Math.round((1 - room - 0.1) * 1000) / 1000;
  const h = Math.round((1 - top - legend) * 1000) / 1000;
  return (
    `<c:layout><c:manualLayout>${val('layoutTarget', 'inner')}${val('xMode', 'edge')}${val('yMode', 'edge')}` +
    `${val('x', x)}${val('y', top)}${val('w', w)}${val('h', h)}</c:manualLayout></c:layout>`
  );
}

function plotArea(ctx: Context): string {
  const { chart } = ctx;
  const series = seriesOf(chart);
  const family = familyOf(chart.kind);
  const axIds = `${val('axId', CATEGORY_AXIS)}${val('axId', VALUE_AXIS)}`;
  if (family === 'pie') {
    const first = series[0];
    const ser = first ? seriesXml(ctx, first, 0, 'pie', false) : '';
    return `<c:plotArea><c:layout/><c:pieChart>${val('varyColors', 1)}${ser}${val('firstSliceAng', 0)}</c:pieChart></c:plotArea>`;
  }
  const asLine = (i: number) => chart.series?.[i]?.asLine === true;
  const main = series.map((s, i) => ({ s, i })).filter(({ i }) => family === 'line' || !asLine(i));
  const lines = family === 'bar' ? series.map((s, i) => ({ s, i })).filter(({ i }) => asLine(i)) : [];
  let xml = `<c:plotArea>${plotLayout(chart)}`;
  if (family === 'bar') {
    const stacked = chart.kind === 'columnStacked' || chart.kind === 'barStacked';
    const dir = chart.kind === 'barClustered' || chart.kind === 'barStacked' ? 'bar' : 'col';
    xml +=
      `<c:barChart>${val('barDir', dir)}${val('grouping', stacked ? 'stacked' : 'clustered')}${val('varyColors', 0)}` +
      main.map(({ s, i }) => seriesXml(ctx, s, i, 'bar', false)).join('') +
      `${val('gapWidth', stacked ? 60 : 80)}${stacked ? val('overlap', 100) : val('overlap', -10)}${axIds}</c:barChart>`;
  }
  const lineSeries = family === 'line' ? main : lines;
  if (lineSeries.length > 0) {
    xml +=
      `<c:lineChart>${val('grouping', 'standard')}${val('varyColors', 0)}` +
      lineSeries.map(({ s, i }) => seriesXml(ctx, s, i, 'line', asLine(i))).join('') +
      `${val('marker', 1)}${axIds}</c:lineChart>`;
  }
  return `${xml}${axes(ctx, series)}<c:spPr><a:noFill/>${noLine}</c:spPr></c:plotArea>`;
}

export function chartXml(chart: ChartPlan, sheet: string, cells: PlanCells | null, date1904: boolean): string {
  const ctx: Context = { chart, cells, sheet };
  const series = seriesOf(chart);
  const legend =
    series.length > 1 || chart.kind === 'pie'
      ? `<c:legend>${val('legendPos', 'b')}${val('overlay', 0)}${txPr(8)}</c:legend>`
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWING}" xmlns:r="${NS_RELATIONSHIPS}">` +
    `${val('date1904', date1904 ? 1 : 0)}${val('roundedCorners', 0)}` +
    `<c:chart>${title(chart.title, 11)}${val('autoTitleDeleted', 0)}${plotArea(ctx)}${legend}` +
    `${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}</c:chart>` +
    `<c:spPr>${solid('FFFFFF')}${line(GRID)}</c:spPr>${txPr(9)}` +
    `</c:chartSpace>`
  );
}
