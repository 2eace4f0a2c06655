/**
 * The board of reports (section 6): every active library with the status of
 * its report, who changed it last and when, and how many errors and
 * unexplained warnings it has now. What `kitaphana status` prints and the
 * task pane's Reports view shows.
 */
import { excludingErrors } from './consolidate';
import { countFindings } from './finding';
import { libKey } from './invisible';
import type { Validation } from './validate';
import { countByStatus, reportStatuses, statusOf, type ReportStatus, type StatusCounts } from './submissions';
import { findingsByLibrary } from './workflow';

export interface BoardRow {
  readonly libId: string;
  readonly nameKk: string | null;
  readonly nameRu: string | null;
  readonly terrCode: string | null;
  readonly status: ReportStatus;
  readonly changedBy: string | null;
  /** UTC milliseconds. */
  readonly changedAt: number | null;
  readonly comment: string | null;
  /** Every error of the library: its report's and its register rows' (section 6: none may remain to submit). */
  readonly errors: number;
  /**
   * Those of `errors` that leave its report, and with it its register rows, out of the consolidation
   * (`excludingErrors`, the consolidation's own decision). The others are in register rows, which are
   * left out one by one.
   */
  readonly reportErrors: number;
  readonly warnings: number;
}

export interface Board {
  readonly rows: readonly BoardRow[];
  readonly byStatus: StatusCounts;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function reportBoard(v: Validation): Board {
  const wb = v.workbook;
  const statuses = reportStatuses(wb);
  const byLib = findingsByLibrary(wb, v.findings);
  const excluding = excludingErrors(v.findings);
  const seen = new Set<string>();
  const rows: BoardRow[] = [];
  for (const row of wb.registers.Libraries.rows) {
    const id = typeof row.v.lib_id === 'string' ? libKey(row.v.lib_id) : null;
    if (id === null || seen.has(id) || row.v.active !== 'yes') continue;
    seen.add(id);
    const s = statusOf(statuses, id);
    rows.push({
      libId: id,
      nameKk: text(row.v.name_kk),
      nameRu: text(row.v.name_ru),
      terrCode: text(row.v.terr_code),
      status: s.status,
      changedBy: s.last?.changedBy ?? null,
      changedAt: s.last?.changedAt ?? null,
      comment: s.last?.comment ?? null,
      ...countFindings(byLib.get(id) ?? []),
      reportErrors: excluding.get(id)?.length ?? 0,
    });
  }
  return {
    rows,
    byStatus: countByStatus(
      statuses,
      rows.map((r) => r.libId),
    ),
  };
}
