/**
 * The arithmetic of a report line: its year value by the indicator's own
 * aggregation (a sum of the quarters, or the last quarter for year-to-date
 * and stock figures). The checks and the cross-checks read it here.
 */
import { INDICATOR_BY_CODE, yearValue } from '../standard';
import type { ReportLine } from './parsed';

/** The report's quarter columns, in order. */
export const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

/** The year value of a line, or null when it has none (no line, an unknown code, no figures). */
export function lineYear(line: ReportLine | undefined): number | null {
  if (!line) return null;
  const ind = INDICATOR_BY_CODE.get(line.code);
  return ind ? yearValue(ind.agg, line.q) : null;
}
