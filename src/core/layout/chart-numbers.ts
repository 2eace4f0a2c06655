/**
 * A chart's numbers as the workbook's language writes them. Excel formats
 * data labels and axis ticks with the reader's system separators, whatever
 * the workbook's language: on an English Windows a Russian Dashboard's bars
 * said "35,438" under a title saying «всего 75 046». So a chart's data labels
 * are text, written as the cells' own format would show the value in the
 * workbook's language (every Excel and LibreOffice keep a label's text), and
 * the ticks of a visible value axis carry the language's group separator as
 * literal text in their number format. A format code cannot do the same for
 * a decimal separator (its "." is always the reader's): hence labels as text.
 */
import type { ChartSeriesStyle, PlanValue } from '../plan';
import type { Translator } from '../translator';

/** The decimals a number format shows: `#,##0.0` → 1, `#,##0` → 0. */
export function fractionDigits(format: string): number {
  return /\.(0+)/.exec(format)?.[1]?.length ?? 0;
}

/** A value as its cell's format shows it, in the workbook's language; null where there is no number. */
export function valueText(t: Translator, value: PlanValue, format: string): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? t.number(value, fractionDigits(format)) : null;
}

/**
 * The number format of a value axis's ticks, whole numbers with the language's group separator as a
 * literal: `#,##0` would take the reader's. Excel allows two conditions, enough for ticks below a
 * billion; the axes it is used on never go below zero (counts, and plan % from its minimum up).
 */
export function axisFormat(t: Translator): string {
  const group = t.number(1000, 0).replace(/\d/g, '');
  if (group === '') return '0';
  const g = `"${group.replace(/"/g, '""')}"`;
  return `[>=1000000]#${g}###${g}##0;[>=1000]#${g}##0;0`;
}

/**
 * Each series' style with its labels' text: series by columns take a column of `rows` each, series by
 * rows a row each; the first column holds the categories, the next `width` the values, in `formats`.
 */
export function labelledSeries(
  t: Translator,
  rows: readonly (readonly PlanValue[])[],
  width: number,
  formats: Readonly<Record<number, string>>,
  seriesBy: 'columns' | 'rows',
  styles: readonly ChartSeriesStyle[] = [],
): ChartSeriesStyle[] {
  const text = (row: readonly PlanValue[], column: number) => valueText(t, row[column] ?? null, formats[column] ?? '0');
  const labels =
    seriesBy === 'columns'
      ? Array.from({ length: width }, (_, i) => rows.map((r) => text(r, i + 1)))
      : rows.map((r) => Array.from({ length: width }, (_, i) => text(r, i + 1)));
  return labels.map((l, i) => ({ ...styles[i], labels: l }));
}
