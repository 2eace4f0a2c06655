import { finding, type Finding } from '../finding';
import { dateArg, msg } from '../message';
import { registerPlace, type ParsedWorkbook } from '../parse';
import { cellAddress } from '../snapshot';
import { reportChecksums } from '../checksum';
import { reportStatuses } from '../submissions';

/**
 * S3: a report that was accepted and changed afterwards. The report as it is
 * now is compared with the checksum logged when it was accepted, so a change
 * is found whether or not the sheet's protection was removed to make it. A
 * log row without a checksum (a version 1 workbook) has nothing to compare.
 */
export function checkSubmissions(wb: ParsedWorkbook): Finding[] {
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
