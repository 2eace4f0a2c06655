/**
 * Where every mark of a column, bar or line chart goes, in the chart's
 * viewBox units, apart from drawing it: bars (clustered side by side in
 * their band, or stacked from zero, negatives below) with their data labels, lines through the bands' centres, the value axis's ticks and
 * the category labels. `chart.tsx` only turns these into SVG.
 */
import {
  cartesianLayout,
  legendLayout,
  linearScale,
  niceTicks,
  valueExtent,
  type Label,
  type Measure,
} from './chart-layout';

export interface ChartData {
  readonly categories: string[];
  readonly series: {
    name: string;
    values: (number | null)[];
    color: string;
    asLine: boolean;
    /** The data labels' own text, by point, as the workbook gives it (Excel shows it instead of the value). */
    labels?: readonly (string | null)[];
  }[];
}

export type Anchor = 'start' | 'middle' | 'end';

export interface BarMark {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly color: string;
  /** "Series, category: value", the bar's tooltip. */
  readonly title: string;
  /** Its value written past its end (clustered bars of a chart with data labels). */
  readonly label?: TextMark;
}

export interface TextMark {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: Anchor;
  readonly text: string;
}

export interface LineMark {
  readonly key: string;
  readonly points: readonly (readonly [number, number])[];
  readonly color: string;
  /** Dots on the points: a LineMarkers chart, or a line of one point that would otherwise not show. */
  readonly markers: boolean;
}

export interface TickMark {
  readonly value: number;
  readonly grid: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number };
  readonly label: TextMark;
}

export interface CategoryMark {
  readonly key: number;
  readonly label: Label;
  readonly x: number;
  readonly y: number;
  readonly anchor: Anchor;
  /** Slanted labels turn 35° about their anchor point. */
  readonly rotate: number;
}

export interface CartesianGeometry {
  /** In drawing order: category by category, series by series. */
  readonly bars: readonly BarMark[];
  readonly lines: readonly LineMark[];
  readonly ticks: readonly TickMark[];
  readonly categories: readonly CategoryMark[];
  readonly legend: ReturnType<typeof legendLayout>;
}

export function cartesianGeometry(opts: {
  data: ChartData;
  /** office-js chart type: ColumnClustered, BarStacked, Line, LineMarkers, ... */
  type: string;
  format: (v: number) => string;
  labels: boolean;
  measure: Measure;
}): CartesianGeometry {
  const { data, type, format, labels, measure } = opts;
  const horizontal = /^Bar/.test(type);
  const stacked = /Stacked/.test(type);
  const line = /^Line/.test(type);
  const barSeries = data.series.filter((s) => !line && !s.asLine);
  const lineSeries = data.series.filter((s) => line || s.asLine);
  const n = data.categories.length;
  const ticks = niceTicks(...valueExtent(barSeries, lineSeries, stacked, n));
  // Data labels are drawn on clustered bars only, as the Dashboard asks for them.
  const labelTexts = labels && !stacked ? barSeries.flatMap((s) => s.values.filter((v) => v !== null).map(format)) : [];
  const legend = legendLayout(data.series.length > 1 ? data.series.map((s) => s.name) : [], measure);
  const layout = cartesianLayout({
    horizontal,
    categories: data.categories,
    tickLabels: ticks.map(format),
    dataLabels: labelTexts,
    legendRows: legend.rows,
    measure,
  });
  const { margins: M, plotWidth: plotW, plotHeight: plotH, band } = layout;
  const scale = linearScale(ticks, horizontal ? plotW : plotH);
  // Category i → the band's start along the category axis.
  const at = (i: number) => (horizontal ? M.top + i * band : M.left + i * band);
  const centre = (i: number) => at(i) + band / 2;
  // A value → its position along the value axis, on the chart.
  const valueAt = (v: number) => (horizontal ? M.left + scale(v) : M.top + plotH - scale(v));

  const bars: BarMark[] = [];
  const bar = (i: number, offset: number, thickness: number, from: number, to: number, key: string) => {
    const a = scale(Math.min(from, to));
    const b = scale(Math.max(from, to));
    const length = Math.max(0, b - a);
    return horizontal
      ? { key, x: M.left + a, y: at(i) + offset, width: length, height: thickness }
      : { key, x: at(i) + offset, y: M.top + plotH - b, width: thickness, height: length };
  };
  const inner = band * 0.7;
  for (let i = 0; i < n; i++) {
    let pos = 0;
    let neg = 0;
    barSeries.forEach((s, k) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const look = { color: s.color, title: `${s.name}, ${data.categories[i]}: ${format(v)}` };
      if (stacked) {
        const base = v >= 0 ? pos : neg;
        bars.push({ ...bar(i, band * 0.15, inner, base, base + v, `${k}:${i}`), ...look });
        if (v >= 0) pos += v;
        else neg += v;
        return;
      }
      const w = inner / barSeries.length;
      const shape = { ...bar(i, band * 0.15 + k * w, w, 0, v, `${k}:${i}`), ...look };
      if (!labels) {
        bars.push(shape);
        return;
      }
      // A label sits past the bar's end: right of (or above) a positive bar, left of (or below) a negative one.
      const across = at(i) + band * 0.15 + k * w + w / 2;
      const key = `l${k}:${i}`;
      const text = s.labels?.[i] ?? format(v);
      bars.push({
        ...shape,
        label: horizontal
          ? { key, x: valueAt(v) + (v < 0 ? -3 : 3), y: across + 3.5, anchor: v < 0 ? 'end' : 'start', text }
          : { key, x: across, y: valueAt(v) + (v < 0 ? 11 : -3), anchor: 'middle', text },
      });
    });
  }

  const lines: LineMark[] = lineSeries.map((s, k) => {
    const points = s.values
      .map((v, i) =>
        v === null ? null : horizontal ? ([valueAt(v), centre(i)] as const) : ([centre(i), valueAt(v)] as const),
      )
      .filter((p): p is readonly [number, number] => p !== null);
    return { key: `line${k}`, points, color: s.color, markers: type === 'LineMarkers' || points.length === 1 };
  });

  const axisY = M.top + plotH + 14;
  const tickMarks: TickMark[] = ticks.map((v) => {
    const p = scale(v);
    return horizontal
      ? {
          value: v,
          grid: { x1: M.left + p, x2: M.left + p, y1: M.top, y2: M.top + plotH },
          label: { key: String(v), x: M.left + p, y: axisY, anchor: 'middle', text: format(v) },
        }
      : {
          value: v,
          grid: { x1: M.left, x2: M.left + plotW, y1: M.top + plotH - p, y2: M.top + plotH - p },
          label: { key: String(v), x: M.left - 4, y: M.top + plotH - p + 3, anchor: 'end', text: format(v) },
        };
  });

  const categories: CategoryMark[] = [];
  layout.categories.forEach((label, i) => {
    if (i % layout.labelEvery !== 0) return;
    if (horizontal) categories.push({ key: i, label, x: M.left - 4, y: centre(i) + 3, anchor: 'end', rotate: 0 });
    else if (!layout.slanted) categories.push({ key: i, label, x: centre(i), y: axisY, anchor: 'middle', rotate: 0 });
    else categories.push({ key: i, label, x: centre(i), y: axisY, anchor: 'end', rotate: -35 });
  });

  return { bars, lines, ticks: tickMarks, categories, legend };
}
