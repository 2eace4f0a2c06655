/**
 * A chart's content as text, for readers who cannot see it (screen readers, a
 * blind reader's manager): the title, then the total where one makes sense,
 * the highest and lowest category with their values, or each change where the
 * chart shows change, formatted as the workbook's language writes numbers.
 * Files carry it as the drawing's `descr`; the Dashboard also writes it in the
 * cell under the chart, since office-js has no alternative text for charts:
 * `Excel.Chart` (ExcelApi 1.1 to the preview set) has no such property;
 * `altTextDescription` exists on `Excel.Shape` (ExcelApi 1.9) and on
 * `Excel.PivotLayout` (1.13) only, and `worksheet.shapes` does not hold charts
 * (`Excel.ShapeType`: image, geometricShape, group, line). Checked against the
 * Excel.Chart reference on learn.microsoft.com and @types/office-js.
 */
import type { Translator } from '../translator';

export interface ChartFacts {
  /** The chart's total, where adding its values up means something (counts, not shares). */
  readonly total?: number | null;
  /** The categories and their values, in the chart's order. */
  readonly points: readonly (readonly [string, number | null])[];
  /** Values are percentages (one decimal), else counts. */
  readonly percent?: boolean;
  /** Values are changes: each is said with its sign, instead of the highest and lowest. */
  readonly change?: boolean;
}

export function chartText(t: Translator, title: string, facts: ChartFacts): string {
  const value = (v: number) => (facts.percent ? t.percent(v, 1) : t.number(v, Number.isInteger(v) ? 0 : 1));
  const known = facts.points.filter((p): p is readonly [string, number] => p[1] !== null);
  const sentences: string[] = [];
  const total = facts.total ?? null;
  // Said once: most titles already give the total (a screen reader would read it twice).
  if (total !== null && !title.includes(t.number(total, facts.percent ? 1 : 0)))
    // A share's total is the overall share, not a sum.
    sentences.push(t.t(facts.percent ? 'dashboard.alt.overall' : 'dashboard.alt.total', { total: value(total) }));
  if (known.length === 0) sentences.push(t.t('dashboard.alt.no_data'));
  else if (facts.change) {
    const signed = (v: number) => (v > 0 ? '+' : '') + value(v);
    sentences.push(t.t('dashboard.alt.changes', { list: known.map(([k, v]) => `${k} ${signed(v)}`).join('; ') }));
  } else if (known.length === 1) {
    const [[name, v]] = known as [readonly [string, number]];
    sentences.push(t.t('dashboard.alt.only', { name, value: value(v) }));
  } else {
    // Ties go to the first in the chart's order, the one a sighted reader sees first.
    const high = known.reduce((a, b) => (b[1] > a[1] ? b : a));
    const low = known.reduce((a, b) => (b[1] < a[1] ? b : a));
    sentences.push(
      t.t('dashboard.alt.range', { high: high[0], highValue: value(high[1]), low: low[0], lowValue: value(low[1]) }),
    );
  }
  return `${title}. ${sentences.join(' ')}`;
}
