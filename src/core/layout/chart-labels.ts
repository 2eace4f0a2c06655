/**
 * Room for a Dashboard chart's category labels, from the longest label in
 * the sheet's language. A program that prints the chart (LibreOffice) gives
 * labels what room is left and breaks a word that does not fit in the
 * middle ("г. Темирт|ау"); the room is measured here in Calibri's metrics at
 * the axis's 8 pt, with a margin for wider fonts.
 */
import type { ChartPlan } from '../plan';

/** Points per character of an 8 pt axis label (Cyrillic in Calibri/Carlito averages about 4.3). */
const CHAR_POINTS = 4.6;
/** Points per column of the Dashboard's grid (8.43 characters: 64 px). */
const COLUMN_POINTS = 48;
/** A bar chart's labels take at most this share of its width: the bars need the rest. */
const MAX_ROOM = 0.62;

const longest = (labels: readonly string[]) => Math.max(0, ...labels.map((l) => l.length));

/** A bar chart's labels, left of the plot: the share of the chart's width the longest needs on one line. */
export function barLabels(labels: readonly string[], columns: number): ChartPlan['categoryLabels'] {
  const need = (longest(labels) * CHAR_POINTS + 12) / (columns * COLUMN_POINTS);
  return { room: Math.min(MAX_ROOM, Math.max(0.15, Math.round(need * 100) / 100)) };
}

/** A column chart's labels, under their categories: at an angle where the longest is wider than a category. */
export function columnLabels(labels: readonly string[], columns: number): ChartPlan['categoryLabels'] {
  const perCategory = (columns * COLUMN_POINTS * 0.85) / Math.max(1, labels.length);
  return longest(labels) * CHAR_POINTS > perCategory ? { angle: -45 } : undefined;
}
