import { finding, type Finding } from '../finding';
import { dateArg, msg } from '../message';
import { registerPlace } from '../place';
import type { ParsedWorkbook } from '../parsed';
import { cellAddress } from '../snapshot';
import { reportChecksums } from '../checksum';
import { logEntries, reportStatuses } from '../submissions';
import { TABLES } from '../../standard';

/** Registers whose rows belong to a library's report (the checksum covers them). */
const REPORT_REGISTERS: ReadonlySet<string> = new Set(
  TABLES.filter(
    (t) => t.name !== 'Libraries' && t.name !== 'Submissions' && t.columns.some((c) => c.key === 'lib_id'),
  ).map((t) => t.name.toUpperCase()),
);

/**
 * S3: a report that was accepted and changed afterwards. The report as it is
 * now is compared with the checksum logged when it was accepted, so a change
 * is found whether or not the sheet's protection was removed to make it. A
 * log row without a checksum (a version 1 workbook) has nothing to compare.
 */
export function checkSubmissions(wb: ParsedWorkbook): Finding[] {
  // A register that is missing, renamed or has lost a column changes every report's rows at once: its S1
  // finding is the one to act on, not an S3 for each accepted report (one fix, one finding).
  const damaged = wb.findings.some((f) => f.rule === 'S1' && REPORT_REGISTERS.has(f.table.toUpperCase()));
  if (damaged) return [];
  const accepted = [...reportStatuses(wb)].filter(([, s]) => s.status === 'accepted' && s.last?.checksum);
  if (accepted.length === 0) return [];
  const now = reportChecksums(
    wb,
    accepted.map(([id]) => id),
  );
  const out: Finding[] = [];
  for (const [id, s] of accepted) {
    const entry = s.last;
    if (!entry || entry.checksum === now.get(id)) continue;
    const report = wb.reports.get(id);
    const place = report
      ? {
          table: report.table.name,
          row: null,
          column: null,
          cell: cellAddress(report.table.sheet, report.table.top, report.table.left),
          libId: id,
        }
      : registerPlace(wb.registers.Submissions, entry.row, 'checksum', id);
    const by = entry.changedBy ?? '—';
    out.push(
      finding(
        'S3',
        place,
        entry.changedAt === null
          ? msg('S3.changed_undated', { lib: id, by })
          : msg('S3.changed', { lib: id, by, date: dateArg(entry.changedAt) }),
      ),
    );
  }
  return out;
}

/**
 * D4 of section 1.4: a log row dated later than the moment of reading, or
 * before the workbook's year. The latest `changed_at` decides a status, so a
 * mistyped time would silently decide it: the library's report is held back
 * (the finding is its own) until the date is put right. A change may be made
 * in the year after the workbook's (reports are accepted in January), so
 * only "before the year" is out of it.
 */
export function checkLogDates(wb: ParsedWorkbook, now: number): Finding[] {
  const year = wb.meta.year;
  const from = year === null ? null : Date.UTC(year, 0, 1);
  const out: Finding[] = [];
  for (const entry of logEntries(wb)) {
    const at = entry.changedAt;
    if (at === null) continue;
    const place = registerPlace(wb.registers.Submissions, entry.row, 'changed_at', entry.libId);
    if (at > now) out.push(finding('D4', place, msg('D4.log_future', { date: dateArg(at), lib: entry.libId })));
    else if (from !== null && at < from)
      out.push(
        finding('D4', place, msg('D4.log_before_year', { date: dateArg(at), lib: entry.libId, year: String(year) })),
      );
  }
  return out;
}
