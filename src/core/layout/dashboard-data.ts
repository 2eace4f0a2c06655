/**
 * The figures behind the Dashboard's charts that the consolidation does not
 * hold in the shape a chart needs: sorted rankings and events by month and
 * format.
 */
import { ENUMS } from '../../standard';
import type { ParsedWorkbook } from '../parsed';
import { MONTH_KEYS } from './order';

/** Largest first; blanks (not reported) last; ties keep the registry's order. */
export function ranked<T>(items: readonly T[], value: (item: T) => number | null): T[] {
  const key = (x: T) => value(x) ?? -Infinity;
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => key(b.item) - key(a.item) || a.i - b.i)
    .map((x) => x.item);
}

export type MonthFormatCounts = Record<string, Record<string, number>>;

/**
 * Events by month of `date_start` ("01".."12") and format, counted like the
 * consolidation's `by_month` and `by_format`: an event whose date or format
 * is missing is left out here (the checks report it). Keyed by month: read it
 * with `byMonth`, never in the object's own key order.
 */
export function eventsByMonthAndFormat(wb: ParsedWorkbook): MonthFormatCounts {
  const out: MonthFormatCounts = {};
  for (const m of MONTH_KEYS) out[m] = Object.fromEntries(ENUMS.event_format.map((f) => [f, 0]));
  for (const row of wb.registers.Events.rows) {
    const { date_start: date, format } = row.v;
    if (typeof date !== 'number' || typeof format !== 'string') continue;
    const month = out[String(new Date(date).getUTCMonth() + 1).padStart(2, '0')];
    if (month && format in month) month[format] = (month[format] ?? 0) + 1;
  }
  return out;
}
