/** The board of reports (section 6 of the standard) as `kitaphana status` prints it: JSON, or an aligned table. */
import type { Translator } from '../i18n';
import type { Board } from '../core/board';
import { REPORT_STATUSES } from '../core/submissions';

export function boardJson(board: Board) {
  return {
    libraries: board.rows.map((r) => ({
      lib_id: r.libId,
      terr_code: r.terrCode,
      status: r.status,
      changed_by: r.changedBy,
      changed_at: r.changedAt === null ? null : new Date(r.changedAt).toISOString(),
      comment: r.comment,
      errors: r.errors,
      report_errors: r.reportErrors,
      warnings: r.warnings,
    })),
    by_status: board.byStatus,
  };
}

/** Code points, not UTF-16 units: Kazakh and Russian letters are one column each. */
const width = (s: string): number => [...s].length;
const pad = (s: string, n: number, right = false): string => {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return right ? fill + s : s + fill;
};

export function boardText(board: Board, t: Translator): string {
  const head = ['library', 'status', 'changed_by', 'changed_at', 'errors', 'report_errors', 'warnings'].map((k) =>
    t.t(`cli.status.column.${k}`),
  );
  const body = board.rows.map((r) => [
    r.libId,
    t.t(`enum.report_status.${r.status}`),
    r.changedBy ?? '—',
    r.changedAt === null ? '—' : t.dateTime(r.changedAt),
    t.number(r.errors),
    t.number(r.reportErrors),
    t.number(r.warnings),
  ]);
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((row) => width(row[i] ?? ''))));
  // Counts read best aligned on the right.
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, i >= 4))
      .join('  ')
      .trimEnd();
  const counts = REPORT_STATUSES.map((s) => `${t.t(`enum.report_status.${s}`)}: ${t.number(board.byStatus[s])}`).join(
    ', ',
  );
  return [
    line(head),
    ...body.map(line),
    '',
    t.t('cli.status.summary', { active: t.number(board.rows.length), counts }),
  ].join('\n');
}
