/**
 * The `Submissions` log (section 1.4 of the standard) read back: each
 * library's status is the status of its last row, draft when it has none.
 * Rows are taken in the order of the table, which only ever grows at the end.
 */
import { ENUMS, type EnumKey } from '../standard';
import { libKey } from './invisible';
import type { ParsedWorkbook, RegisterRow } from './parsed';

export type ReportStatus = EnumKey<'report_status'>;
export const REPORT_STATUSES: readonly ReportStatus[] = ENUMS.report_status;

/** One row of the log, as parsed. */
export interface LogEntry {
  readonly row: RegisterRow;
  readonly status: ReportStatus;
  readonly changedBy: string | null;
  /** UTC milliseconds. */
  readonly changedAt: number | null;
  readonly comment: string | null;
  readonly checksum: string | null;
}

export interface LibraryStatus {
  readonly status: ReportStatus;
  /** The row that set the status; null for a draft with no row. */
  readonly last: LogEntry | null;
  /** The last row that accepted the report, if any. */
  readonly lastAccepted: LogEntry | null;
}

export const DRAFT: LibraryStatus = { status: 'draft', last: null, lastAccepted: null };

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** Each library's status from the log, keyed by `libKey`. Rows whose library or status was refused are skipped. */
export function reportStatuses(wb: ParsedWorkbook): Map<string, LibraryStatus> {
  const out = new Map<string, LibraryStatus>();
  for (const row of wb.registers.Submissions.rows) {
    const lib = row.v.lib_id;
    const status = row.v.status;
    if (typeof lib !== 'string' || !(REPORT_STATUSES as readonly unknown[]).includes(status)) continue;
    const entry: LogEntry = {
      row,
      status: status as ReportStatus,
      changedBy: text(row.v.changed_by),
      changedAt: typeof row.v.changed_at === 'number' ? row.v.changed_at : null,
      comment: text(row.v.comment),
      checksum: text(row.v.checksum)?.trim().toLowerCase() ?? null,
    };
    const id = libKey(lib);
    const before = out.get(id) ?? DRAFT;
    out.set(id, {
      status: entry.status,
      last: entry,
      lastAccepted: entry.status === 'accepted' ? entry : before.lastAccepted,
    });
  }
  return out;
}

export function statusOf(statuses: ReadonlyMap<string, LibraryStatus>, libId: string): LibraryStatus {
  return statuses.get(libKey(libId)) ?? DRAFT;
}

export type StatusCounts = Record<ReportStatus, number>;

/** `libraries.by_status` of section 4.1: the given (active) libraries counted by status, all four keys. */
export function countByStatus(statuses: ReadonlyMap<string, LibraryStatus>, libIds: Iterable<string>): StatusCounts {
  const counts = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const id of libIds) counts[statusOf(statuses, id).status]++;
  return counts;
}
