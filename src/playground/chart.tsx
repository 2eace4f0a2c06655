/**
 * A small SVG renderer for the in-memory Excel's chart descriptions
 * (column, bar, line, pie; clustered or stacked; a series drawn as a line
 * over columns), so that the playground shows the Dashboard a manager
 * would see in Excel. It draws from the description's source cells, as
 * Excel does: a text first row names the series, a text first column
 * holds the categories.
 */
import { Fragment, useId, type SVGProps } from 'react';
import {
  CHART_HEIGHT as H,
  CHART_WIDTH as W,
  PLOT_TOP,
  LABEL_FONT,
  estimateWidth,
  fitText,
  legendLayout,
  legendRowTop,
  niceTicks,
  titleLines,
  type Label,
  type Measure,
} from './chart-layout';
import { cartesianGeometry, type ChartData, type TextMark } from './chart-geometry';

export { niceTicks, titleLines };

export interface ChartSeriesLook {
  readonly name: string;
  readonly chartType: string;
  readonly fillColor: string | null;
  readonly lineColor: string | null;
  readonly labels?: readonly (string | null)[];
}

export interface ChartInput {
  readonly title: string;
  /** office-js chart type: ColumnClustered, BarStacked, Line, LineMarkers, Pie, ... */
  readonly type: string;
  readonly seriesBy: 'Columns' | 'Rows';
  /** The source range's values, header row and category column included. */
  readonly grid: readonly (readonly unknown[])[];
  readonly series: readonly ChartSeriesLook[];
  readonly dataLabels?: boolean;
}

const PALETTE = [
  '#0F6CBD',
  '#C50F1F',
  '#107C10',
  '#8764B8',
  '#CA5010',
  '#038387',
  '#4F6BED',
  '#986F0B',
  '#E3008C',
  '#637CEF',
];

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function chartData(input: ChartInput): ChartData {
  const grid = input.seriesBy === 'Columns' ? input.grid : transpose(input.grid);
  const header = grid[0] ?? [];
  const hasNames = header.slice(1).some((v) => typeof v === 'string' && v !== '');
  const body = hasNames ? grid.slice(1) : grid;
  const hasCategories = body.some((r) => typeof r[0] === 'string');
  const first = hasCategories ? 1 : 0;
  const width = Math.max(0, ...grid.map((r) => r.length));
  const categories = body.map((r, i) => (hasCategories ? text(r[0]) : String(i + 1)));
  const series: ChartData['series'] = [];
  for (let c = first; c < width; c++) {
    const i = c - first;
    const look = input.series[i];
    series.push({
      name: look?.name || (hasNames ? text(header[c]) : `${i + 1}`),
      values: body.map((r) => num(r[c])),
      color: look?.fillColor ?? look?.lineColor ?? PALETTE[i % PALETTE.length] ?? '#0F6CBD',
      asLine: /^Line/.test(look?.chartType ?? '') && !/^Line/.test(input.type),
      ...(look?.labels?.length ? { labels: look.labels } : {}),
    });
  }
  return { categories, series };
}

function transpose(grid: readonly (readonly unknown[])[]): unknown[][] {
  const width = Math.max(0, ...grid.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => grid.map((r) => r[c] ?? null));
}

/**
 * Text widths as the browser draws them (a canvas with the page's font),
 * estimated where there is no canvas (jsdom in the component tests).
 */
let measurer: Measure | null = null;
function measure(): Measure {
  if (measurer) return measurer;
  const canvas =
    typeof document !== 'undefined' && !/jsdom/i.test(navigator.userAgent) ? document.createElement('canvas') : null;
  const ctx = canvas?.getContext('2d') ?? null;
  if (!ctx) return (measurer = estimateWidth);
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const cache = new Map<string, number>();
  measurer = (text, size) => {
    const key = `${size}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = `${size}px ${family}`;
      w = ctx.measureText(text).width;
      cache.set(key, w);
    }
    return w;
  };
  return measurer;
}

/** A drawn label, with its full text as a tooltip when it had to be cut. */
function Text({ label, ...props }: { label: Label } & SVGProps<SVGTextElement>) {
  return (
    <text {...props}>
      {label.full ? <title>{label.full}</title> : null}
      {label.text}
    </text>
  );
}

export function Chart({ input, format, noData }: { input: ChartInput; format: (v: number) => string; noData: string }) {
  const id = useId();
  const data = chartData(input);
  const values = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const desc = data.series
    .map(
      (s) => `${s.name}: ${s.values.map((v, i) => `${data.categories[i]} ${v === null ? '—' : format(v)}`).join('; ')}`,
    )
    .join('. ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
        <title id={`${id}-t`}>{input.title}</title>
        <desc id={`${id}-d`}>{values.length ? desc : noData}</desc>
        <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
        <text x={W / 2} y={16} textAnchor="middle" fontSize={13} fontWeight={600} fill="#242424">
          {titleLines(input.title).map((line, i) => (
            <tspan key={i} x={W / 2} dy={i === 0 ? 0 : 16}>
              {line}
            </tspan>
          ))}
        </text>
        {values.length === 0 ? (
          <text x={W / 2} y={H / 2} textAnchor="middle" fontSize={12} fill="#424242">
            {noData}
          </text>
        ) : /^Pie|Doughnut/.test(input.type) ? (
          <Pie data={data} format={format} />
        ) : (
          <Cartesian data={data} type={input.type} format={format} labels={input.dataLabels === true} />
        )}
      </svg>
    </figure>
  );
}

function Cartesian({
  data,
  type,
  format,
  labels,
}: {
  data: ChartData;
  type: string;
  format: (v: number) => string;
  labels: boolean;
}) {
  const g = cartesianGeometry({ data, type, format, labels, measure: measure() });
  return (
    <g fontSize={LABEL_FONT} fill="#424242">
      {g.ticks.map((tick) => (
        <g key={tick.value}>
          <line {...tick.grid} stroke="#E0E0E0" />
          <text x={tick.label.x} y={tick.label.y} textAnchor={tick.label.anchor}>
            {tick.label.text}
          </text>
        </g>
      ))}
      {g.bars.map((b) => (
        <Fragment key={b.key}>
          <rect x={b.x} y={b.y} width={b.width} height={b.height} fill={b.color}>
            <title>{b.title}</title>
          </rect>
          {b.label ? <DataLabel mark={b.label} /> : null}
        </Fragment>
      ))}
      {g.lines.map((l) => (
        <Fragment key={l.key}>
          <polyline points={l.points.map((p) => p.join(',')).join(' ')} fill="none" stroke={l.color} strokeWidth={2} />
          {l.markers ? l.points.map(([x, y], j) => <circle key={j} cx={x} cy={y} r={3} fill={l.color} />) : null}
        </Fragment>
      ))}
      {g.categories.map((c) => (
        <Text
          key={c.key}
          label={c.label}
          x={c.x}
          y={c.y}
          textAnchor={c.anchor}
          transform={c.rotate ? `rotate(${c.rotate} ${c.x} ${c.y})` : undefined}
        />
      ))}
      <Legend series={data.series} layout={g.legend} />
    </g>
  );
}

function DataLabel({ mark }: { mark: TextMark }) {
  return (
    <text x={mark.x} y={mark.y} textAnchor={mark.anchor} fontSize={LABEL_FONT} fill="#242424">
      {mark.text}
    </text>
  );
}

function Pie({ data, format }: { data: ChartData; format: (v: number) => string }) {
  const s = data.series[0];
  if (!s) return null;
  const m = measure();
  const parts = s.values.map((v, i) => ({
    v: v !== null && v > 0 ? v : 0,
    name: data.categories[i] ?? '',
    color: PALETTE[i % PALETTE.length] ?? '#0F6CBD',
  }));
  const total = parts.reduce((a, p) => a + p.v, 0) || 1;
  const cx = 150;
  const cy = (H + PLOT_TOP) / 2;
  const r = 100;
  // Slices start at 12 o'clock and go clockwise, as Excel draws them.
  const slices: { d: string; color: string; label: string }[] = [];
  let angle = -Math.PI / 2;
  for (const p of parts) {
    const a = (p.v / total) * Math.PI * 2;
    const [x1, y1] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
    angle += a;
    const [x2, y2] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
    const whole = a >= Math.PI * 2 - 1e-9;
    const d = whole
      ? `M ${cx - r} ${cy} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0`
      : `M ${cx} ${cy} L ${x1} ${y1} A ${r} ${r} 0 ${a > Math.PI ? 1 : 0} 1 ${x2} ${y2} Z`;
    if (p.v > 0) slices.push({ d, color: p.color, label: `${p.name}: ${format(p.v)}` });
  }
  const legendX = 280;
  return (
    <g>
      {slices.map((sl, i) => (
        <path key={i} d={sl.d} fill={sl.color} stroke="#ffffff">
          <title>{sl.label}</title>
        </path>
      ))}
      <g fontSize={LABEL_FONT} fill="#242424">
        {parts.slice(0, 12).map((p, i) => {
          const full = `${p.name}: ${format(p.v)}`;
          const text = fitText(full, W - legendX - 14 - 8, m);
          return (
            <g key={i} transform={`translate(${legendX} ${PLOT_TOP + 8 + i * 16})`}>
              <rect width={10} height={10} fill={p.color} />
              <Text label={{ text, full: text === full ? null : full }} x={14} y={9} />
            </g>
          );
        })}
      </g>
    </g>
  );
}

/** The legend under the plot: every series, in as many rows as it takes. */
function Legend({ series, layout }: { series: ChartData['series']; layout: ReturnType<typeof legendLayout> }) {
  return (
    <g fontSize={LABEL_FONT} fill="#242424" className="chart-legend">
      {layout.items.map((item, i) => (
        <g key={i} transform={`translate(${item.x} ${legendRowTop(item.row, layout.rows)})`}>
          <rect width={10} height={10} fill={series[i]?.color} />
          <Text label={item} x={14} y={9} />
        </g>
      ))}
    </g>
  );
}
