/**
 * A change of a report's status (section 6) as writes: the log row, and the
 * report's input cells locked when it is accepted or opened when it leaves
 * "accepted", the sheet protected again with the options it had. The row
 * comes last, so that nothing before it failing leaves a row without its
 * protection; `undo` puts the protection back should the row be refused.
 */
import { REPORT_INPUT_COLUMNS } from '../../standard';
import type { PlanValue } from '../plan';
import type { Register, Report } from '../parsed';
import type { ReportStatus } from '../submissions';
import { cellContent, cellInput } from './cells';
import { dateFormats } from './setup';
import type { ProtectionOptions, Write } from './write';

export interface LogEntry {
  readonly lib_id: string;
  /** The status's label in the workbook's language. */
  readonly status: string;
  readonly changed_by: string;
  /** UTC milliseconds. */
  readonly changed_at: number;
  readonly comment: string;
  readonly checksum: string;
}

export interface SubmissionChange {
  /** The Submissions register (its table there). */
  readonly log: Register;
  readonly report: Report;
  readonly from: ReportStatus;
  readonly to: ReportStatus;
  readonly entry: LogEntry;
  /** The report sheet's protection as it is now. */
  readonly protection: { readonly protected: boolean; readonly options: ProtectionOptions };
  readonly date1904: boolean;
}

export interface SubmissionWrites {
  readonly writes: readonly Write[];
  readonly undo: readonly Write[];
}

/** The log row, column by column as the Submissions table has them. */
export function logRow(log: Register, entry: LogEntry): PlanValue[] {
  const values: Record<keyof LogEntry, PlanValue> = { ...entry, changed_at: { date: entry.changed_at } };
  const row: PlanValue[] = (log.table?.header ?? []).map(() => null);
  for (const [key, i] of log.columns) if (key in values) row[i] = values[key as keyof LogEntry];
  return row;
}

export function submissionWrites(c: SubmissionChange): SubmissionWrites {
  const log = c.log.table;
  if (!log) throw new Error('the workbook has no Submissions table');
  const contents = logRow(c.log, c.entry).map((v) => cellContent(v, c.date1904));
  const row = contents.map((x) => cellInput(x, true));
  const report = c.report.table;
  const inputs = REPORT_INPUT_COLUMNS.flatMap((col) => {
    const i = c.report.columns.get(col);
    return i === undefined || report.rows.length === 0 ? [] : [report.left + i];
  });
  const protectionWith = (locked: boolean, protect: boolean): Write[] => [
    // Lifted first (it may already be), so that the writes can be made twice.
    { k: 'unprotect', sheet: report.sheet },
    ...inputs.map((left): Write => ({
      k: 'locked',
      sheet: report.sheet,
      top: report.top + 1,
      left,
      rows: report.rows.length,
      columns: 1,
      locked,
    })),
    ...(protect ? [{ k: 'protect', sheet: report.sheet, options: c.protection.options } as const] : []),
  ];
  const lockedBefore = c.from === 'accepted';
  const lockedAfter = c.to === 'accepted';
  const turns = lockedBefore !== lockedAfter;
  const writes: Write[] = [
    ...(turns ? protectionWith(lockedAfter, true) : []),
    // The row last but its date's format: should anything before it fail, no row is written.
    { k: 'rows', table: log.name, before: log.rows.length, rows: [row] },
    ...dateFormats(log.sheet, log.top + 1 + log.rows.length, log.left, [contents]),
  ];
  // Should the row be refused even when made again (the log's sheet protected by someone), the protection goes back.
  return { writes, undo: turns ? protectionWith(lockedBefore, c.protection.protected) : [] };
}
