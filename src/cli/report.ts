/** Human-readable output of the CLI, in the user's language. */
import type { Translator } from '../i18n';
import type { Finding } from '../core/finding';
import type { Consolidation } from '../core/consolidate';
import { exclusionReason } from '../core/json';
import { columnLabel, tableLabel } from '../i18n/place';

export function findingLine(f: Finding, t: Translator): string {
  const column = f.column === null ? null : columnLabel(f.table, f.column, t);
  const where = [tableLabel(f.table, t), f.row, column].filter((x) => x !== null && x !== undefined).join(' · ');
  const sev = t.t(`severity.${f.severity}`);
  const explained = f.explained ? ` (${t.t('cli.explained')})` : '';
  return `${sev} ${f.rule} ${f.cell ?? ''} [${where}]${explained}\n    ${t.render(f.message)}`;
}

export function validationText(findings: readonly Finding[], errors: number, warnings: number, t: Translator): string {
  const lines = findings.map((f) => findingLine(f, t));
  lines.push('', t.t('cli.validate_summary', { errors, warnings }));
  return lines.join('\n');
}

export function consolidationText(c: Consolidation, t: Translator): string {
  const lines = [t.t('cli.consolidate_summary', { included: c.libraries.included.length, active: c.libraries.active })];
  for (const e of c.libraries.excluded)
    lines.push(`  ${t.t('cli.excluded')} ${e.libId}: ${exclusionReason(e.first, e.errors, t)}`);
  if (c.libraries.missing.length > 0) lines.push(`  ${t.t('cli.missing')} ${c.libraries.missing.join(', ')}`);
  if (c.libraries.notAccepted.length > 0)
    lines.push(`  ${t.t('cli.not_accepted')} ${c.libraries.notAccepted.map((n) => n.libId).join(', ')}`);
  if (c.libraries.rowsLeftOut.length > 0)
    lines.push(`  ${t.t('cli.rows_left_out')} ${c.libraries.rowsLeftOut.join(', ')}`);
  const y = (code: string) => c.indicators[code]?.year;
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : t.number(v));
  lines.push(
    `  U01 ${t.t('indicator.U01')}: ${n(y('U01'))}`,
    `  V01 ${t.t('indicator.V01')}: ${n(y('V01'))}`,
    `  L01 ${t.t('indicator.L01')}: ${n(y('L01'))}`,
    `  ${t.t('ratio.readership')}: ${n(c.ratios.readership === null ? null : Math.round(c.ratios.readership * 10) / 10)}`,
    `  ${t.t('generated.events_count')}: ${n(c.events.count)}, ${t.t('generated.participants').toLowerCase()}: ${n(c.events.participants)}`,
  );
  return lines.join('\n');
}
