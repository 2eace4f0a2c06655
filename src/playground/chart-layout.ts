/**
 * The geometry of the playground's charts, apart from their SVG: value and
 * category scales, the room the axis labels and the legend take (from the
 * labels' measured widths), and labels cut with an ellipsis only past a
 * sensible maximum. Units are the chart's viewBox units, in which the font
 * sizes are given too.
 */

/** The width of `text` at `fontSize`: the browser measures it; elsewhere it is estimated. */
export type Measure = (text: string, fontSize: number) => number;

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export const CHART_WIDTH = 480;
export const CHART_HEIGHT = 300;
export const LABEL_FONT = 10;
/** The title (up to two lines) above the plot. */
export const PLOT_TOP = 44;
const LEGEND_ROW = 14;
const LEGEND_SWATCH = 14;
const LEGEND_GAP = 12;
/** Category labels left of bars take at most this share of the width; longer ones are cut. */
const MAX_LEFT_SHARE = 0.4;
/** Slanted labels under columns go this far down at most. */
const MAX_SLANTED = 84;
const SLANT = (35 * Math.PI) / 180;

/**
 * Widths of a sans-serif font in ems, by kind of character: a fair estimate
 * where nothing can measure (tests, a server), on the wide side so that what
 * is laid out with it does not overlap.
 */
export const estimateWidth: Measure = (text, fontSize) => {
  let ems = 0;
  for (const ch of text) {
    if (/[\s.,:;'!|ilj()[\]ІіЇї]/.test(ch)) ems += 0.32;
    else if (/[0-9]/.test(ch)) ems += 0.64;
    else if (/[MWmwМШЩЖЮмшщжю%]/.test(ch)) ems += 0.92;
    else if (ch !== ch.toLowerCase()) ems += 0.72;
    else ems += 0.6;
  }
  return ems * fontSize;
};

/** `text` as it fits in `max`: whole, or cut at a character with an ellipsis. */
export function fitText(text: string, max: number, measure: Measure, fontSize = LABEL_FONT): string {
  if (measure(text, fontSize) <= max) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // The longest start that fits with the ellipsis after it.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`, fontSize) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/** A label as drawn, and the full text when it had to be cut (for its tooltip). */
export interface Label {
  readonly text: string;
  readonly full: string | null;
}

function label(text: string, max: number, measure: Measure, fontSize = LABEL_FONT): Label {
  const shown = fitText(text, max, measure, fontSize);
  return { text: shown, full: shown === text ? null : text };
}

export interface LegendItem extends Label {
  /** Left of the swatch, from the chart's left edge. */
  readonly x: number;
  readonly row: number;
}

export interface LegendLayout {
  readonly rows: number;
  readonly items: readonly LegendItem[];
}

/** Every series in the legend, in rows that wrap at the chart's width, each row centred as Excel centres it. */
export function legendLayout(names: readonly string[], measure: Measure, width = CHART_WIDTH): LegendLayout {
  const pad = 8;
  const room = width - 2 * pad;
  const rows: { label: Label; width: number }[][] = [];
  let line: { label: Label; width: number }[] = [];
  let used = 0;
  for (const name of names) {
    const l = label(name, room - LEGEND_SWATCH, measure);
    const w = LEGEND_SWATCH + measure(l.text, LABEL_FONT);
    const need = line.length ? LEGEND_GAP + w : w;
    if (line.length && used + need > room) {
      rows.push(line);
      line = [];
      used = 0;
    }
    used += line.length ? LEGEND_GAP + w : w;
    line.push({ label: l, width: w });
  }
  if (line.length) rows.push(line);
  const items: LegendItem[] = [];
  rows.forEach((r, row) => {
    const total = r.reduce((a, it) => a + it.width, 0) + LEGEND_GAP * (r.length - 1);
    let x = (width - total) / 2;
    for (const it of r) {
      items.push({ ...it.label, x, row });
      x += it.width + LEGEND_GAP;
    }
  });
  return { rows: rows.length, items };
}

/** The legend's height for `rows` rows, and where (baseline of the swatches' row) row `i` sits. */
export const legendHeight = (rows: number): number => (rows ? rows * LEGEND_ROW + 4 : 0);
export const legendRowTop = (i: number, rows: number, height = CHART_HEIGHT): number =>
  height - legendHeight(rows) + 2 + i * LEGEND_ROW;

export interface CartesianLayout {
  readonly margins: Margins;
  readonly slanted: boolean;
  readonly categories: readonly Label[];
  readonly plotWidth: number;
  readonly plotHeight: number;
  /** The width of a category's band along the category axis. */
  readonly band: number;
  /** Every how many categories a label is drawn: all of them when the labels' lines fit in the bands. */
  readonly labelEvery: number;
}

/** A line of label text takes this much across the category axis. */
const LABEL_LINE = 11;
const everyFor = (band: number) => Math.max(1, Math.ceil(LABEL_LINE / Math.max(band, 1)));

/**
 * Room around the plot: left of bars the longest category label (cut only
 * past 40 % of the width), under columns the labels (slanted when one is
 * wider than its band), on the right of bars the widest data label, and the
 * legend's rows at the bottom.
 */
export function cartesianLayout(opts: {
  horizontal: boolean;
  categories: readonly string[];
  /** Texts of the value axis's ticks. */
  tickLabels: readonly string[];
  /** Texts of the data labels drawn at the bars' ends (none when the chart has no data labels). */
  dataLabels: readonly string[];
  legendRows: number;
  measure: Measure;
  width?: number;
  height?: number;
}): CartesianLayout {
  const { horizontal, categories, measure } = opts;
  const width = opts.width ?? CHART_WIDTH;
  const height = opts.height ?? CHART_HEIGHT;
  const widest = (texts: readonly string[]) => Math.max(0, ...texts.map((s) => measure(s, LABEL_FONT)));
  const legend = legendHeight(opts.legendRows);
  const n = Math.max(1, categories.length);
  if (horizontal) {
    const maxLeft = width * MAX_LEFT_SHARE;
    const left = Math.min(maxLeft, widest(categories) + 8) + 4;
    const lastTick = opts.tickLabels[opts.tickLabels.length - 1] ?? '';
    // The last tick's label is centred on the plot's right edge; a data label starts 3 units past its bar.
    const right = Math.max(
      16,
      measure(lastTick, LABEL_FONT) / 2 + 4,
      opts.dataLabels.length ? widest(opts.dataLabels) + 8 : 0,
    );
    const bottom = 22 + legend;
    const plotHeight = height - PLOT_TOP - bottom;
    return {
      margins: { top: PLOT_TOP, right, bottom, left },
      slanted: false,
      categories: categories.map((c) => label(c, maxLeft - 8, measure)),
      plotWidth: width - left - right,
      plotHeight,
      band: plotHeight / n,
      labelEvery: everyFor(plotHeight / n),
    };
  }
  const right = 16;
  const bandAt = (l: number) => (width - l - right) / n;
  let left = Math.max(28, widest(opts.tickLabels) + 8);
  const slanted = categories.some((c) => measure(c, LABEL_FONT) > bandAt(left) - 4);
  const labels = categories.map((c) => label(c, slanted ? MAX_SLANTED / Math.sin(SLANT) : bandAt(left) - 4, measure));
  if (slanted) {
    // The first label, slanted down to the left of its band's centre, must not run off the chart.
    const first = measure(labels[0]?.text ?? '', LABEL_FONT) * Math.cos(SLANT);
    left = Math.max(left, first - bandAt(left) / 2 + 4);
  }
  const plotWidth = width - left - right;
  const band = plotWidth / n;
  const axis = slanted ? Math.min(MAX_SLANTED, widest(labels.map((l) => l.text)) * Math.sin(SLANT)) + 18 : 22;
  const bottom = axis + legend;
  return {
    margins: { top: PLOT_TOP, right, bottom, left },
    slanted,
    categories: labels,
    plotWidth,
    plotHeight: height - PLOT_TOP - bottom,
    band,
    labelEvery: slanted ? everyFor(band) : 1,
  };
}

/** Round axis steps: 1, 2 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) max = min + 1;
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  const out: number[] = [];
  for (let k = first; k <= last; k++) out.push(Number((k * step).toFixed(10)));
  return out;
}

export interface SeriesValues {
  readonly values: readonly (number | null)[];
}

/**
 * The values the value axis must show, zero included: stacked bars add up per
 * category (positives and negatives apart), clustered bars and lines stand alone.
 */
export function valueExtent(
  bars: readonly SeriesValues[],
  lines: readonly SeriesValues[],
  stacked: boolean,
  categories: number,
): [number, number] {
  const extent: number[] = [0];
  for (let i = 0; i < categories; i++) {
    if (stacked) {
      let pos = 0;
      let neg = 0;
      for (const s of bars) {
        const v = s.values[i] ?? 0;
        if (v >= 0) pos += v;
        else neg += v;
      }
      extent.push(pos, neg);
    } else for (const s of bars) extent.push(s.values[i] ?? 0);
    for (const s of lines) extent.push(s.values[i] ?? 0);
  }
  return [Math.min(...extent), Math.max(...extent)];
}

/** Value → distance along the value axis, from the first tick to the last over `length`. */
export function linearScale(ticks: readonly number[], length: number): (v: number) => number {
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  return (v) => ((v - lo) / (hi - lo || 1)) * length;
}

/** A long title on up to two lines, cut at a word. */
export function titleLines(title: string, width = 54): string[] {
  if (title.length <= width) return [title];
  const cut = title.lastIndexOf(' ', width);
  const first = title.slice(0, cut > 0 ? cut : width);
  return [first, clip(title.slice(first.length).trim(), width)];
}

/** A text cut at `n` characters with an ellipsis. */
function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
