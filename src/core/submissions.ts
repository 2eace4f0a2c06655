/**
 * The `Submissions` log (section 1.4 of the standard) read back: each
 * library's status is the status of its latest row by `changed_at`, draft
 * when it has none. The rows' physical order decides nothing but ties: a
 * person may sort or filter the log, and a status must not follow.
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

/** The log's rows as entries, oldest first by `changed_at`. Rows whose library or status was refused are skipped. */
export function logEntries(wb: ParsedWorkbook): (LogEntry & { readonly libId: string })[] {
  const entries: (LogEntry & { libId: string })[] = [];
  for (const row of wb.registers.Submissions.rows) {
    const lib = row.v.lib_id;
    const status = row.v.status;
    if (typeof lib !== 'string' || !(REPORT_STATUSES as readonly unknown[]).includes(status)) continue;
    entries.push({
      libId: libKey(lib),
      row,
      status: status as ReportStatus,
      changedBy: text(row.v.changed_by),
      changedAt: typeof row.v.changed_at === 'number' ? row.v.changed_at : null,
      comment: text(row.v.comment),
      checksum: text(row.v.checksum)?.trim().toLowerCase() ?? null,
    });
  }
  // The latest `changed_at` decides. Rows of the same moment keep the order they stand in (the sort is
  // stable): the standard's tie-break, and the order the software appended them in. A row without a time
  // (refused, or blank in a version 1 log) counts as the oldest, so that it never outranks a dated change.
  return entries.sort((a, b) => (a.changedAt ?? -Infinity) - (b.changedAt ?? -Infinity) || 0);
}

/** Each library's status from the log, keyed by `libKey`. */
export function reportStatuses(wb: ParsedWorkbook): Map<string, LibraryStatus> {
  const out = new Map<string, LibraryStatus>();
  for (const { libId: id, ...entry } of logEntries(wb)) {
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
