/**
 * What set-up did, in the reader's language, for the command line and the
 * task pane alike: the upgrade first, then tables named back, tables added
 * (registers by their sheets' names, the software's own by what they hold),
 * report sheets by library, columns by table, the report rows of the new
 * version, repairs and rebuilt tables, each on a line of its own. Tables and
 * columns are named by their labels, never by their keys.
 */
import { INDICATORS, REPORT_TABLE_PREFIX, STANDARD_VERSION, TABLES } from '../standard';
import type { SetupSummary } from '../core/setup';
import type { Translator } from './index';
import { hasEntry } from './catalogues';

/** The lines; none when set-up changed nothing. */
export function setupSummaryLines(s: SetupSummary, t: Translator): string[] {
  const lines: string[] = [];
  const line = (key: string, names: readonly string[], args: Record<string, unknown> = {}) => {
    if (names.length > 0) lines.push(t.t(`setup.${key}`, { count: names.length, names: names.join(', '), ...args }));
  };
  const isReport = (table: string) => table.toUpperCase().startsWith(REPORT_TABLE_PREFIX);
  const libOf = (table: string) => table.slice(REPORT_TABLE_PREFIX.length);
  if (s.upgradedFrom !== undefined) lines.push(t.t('setup.upgraded', { from: s.upgradedFrom, to: STANDARD_VERSION }));
  line(
    'renamed',
    (s.renamed ?? []).map((r) => `${r.from} → ${isReport(r.to) ? r.to : `${r.to} (${tableLabel(r.to, t)})`}`),
  );
  line(
    'added',
    s.added.filter((n) => !isReport(n)).map((n) => tableLabel(n, t)),
  );
  line('reports', s.added.filter(isReport).map(libOf));
  for (const c of s.columns ?? [])
    line(
      'columns',
      c.keys.map((k) => t.t(`column.${c.table}.${k}`)),
      { table: tableLabel(c.table, t) },
    );
  // The rows the versions after the workbook's added (M01–M02 for a version 1 workbook).
  const from = s.upgradedFrom ?? Number(STANDARD_VERSION);
  const codes = INDICATORS.filter((i) => (i.since ?? 1) > from).map((i) => i.code);
  line('extended', (s.extended ?? []).map(libOf), { codes: codes.join(', ') });
  line('repaired', s.repaired.map(libOf));
  line(
    'rebuilt',
    s.rebuilt.map((n) => tableLabel(n, t)),
  );
  return lines;
}

/** A table as people know it: a register by its sheet's name, the software's own by what it holds. */
function tableLabel(name: string, t: Translator): string {
  if (hasEntry(t.lang, `setup.table.${name}`)) return t.t(`setup.table.${name}`);
  const def = TABLES.find((d) => d.name === name);
  return def && hasEntry(t.lang, `sheet.${def.sheet}`) ? t.t(`sheet.${def.sheet}`) : name;
}
