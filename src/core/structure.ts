/**
 * Where each expected column of a table sits, found by its header in any
 * language, and the S1 findings about the header: missing, unknown (renamed),
 * duplicated or out-of-order columns.
 */
import { REPORT_TABLE_PREFIX, TABLES } from '../standard';
import type { Snapshot, TableSnapshot } from './snapshot';
import { cellAddress } from './snapshot';
import { finding, type Finding } from './finding';
import { label, msg } from './message';
import { headerLookup } from './labels';
import { isBlank, normalizeLabel, parseText } from './values';

export interface ColumnMap {
  /** Column key → 0-based index within the table. */
  readonly index: ReadonlyMap<string, number>;
  readonly findings: readonly Finding[];
}

export function mapColumns(
  table: TableSnapshot,
  catalogueTable: string,
  expected: readonly string[],
  libId?: string,
): ColumnMap {
  const lookup = headerLookup(catalogueTable, expected);
  const index = new Map<string, number>();
  const findings: Finding[] = [];
  const place = (col: number | null, column: string | null) => ({
    table: table.name,
    row: null,
    column,
    cell:
      col === null
        ? cellAddress(table.sheet, table.top, table.left)
        : cellAddress(table.sheet, table.top, table.left + col),
    ...(libId ? { libId } : {}),
  });
  const unknown: number[] = [];
  table.header.forEach((h, i) => {
    const text = parseText(h);
    const key = text.ok && text.value !== null ? lookup.get(normalizeLabel(text.value)) : undefined;
    if (key === undefined) {
      if (!isBlank(h) || i < expected.length) unknown.push(i);
      return;
    }
    if (index.has(key)) {
      findings.push(
        finding('S1', place(i, key), msg('S1.column_duplicate', { column: label(`column.${catalogueTable}.${key}`) })),
      );
      return;
    }
    index.set(key, i);
  });
  const missing = expected.filter((k) => !index.has(k));
  for (const i of unknown) {
    // An extra column after the standard ones is the user's own and harmless; one among them is a renamed column.
    if (i < expected.length || missing.length > 0) {
      const text = parseText(table.header[i] ?? null);
      findings.push(
        finding(
          'S1',
          place(i, null),
          msg('S1.column_unknown', {
            header: text.ok && text.value !== null ? text.value : '',
            expected: missing[0] ? label(`column.${catalogueTable}.${missing[0]}`) : '',
          }),
        ),
      );
    }
  }
  for (const k of missing) {
    findings.push(
      finding('S1', place(null, k), msg('S1.column_missing', { column: label(`column.${catalogueTable}.${k}`) })),
    );
  }
  const present = expected.filter((k) => index.has(k));
  const actual = [...index.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
  const firstOut = present.findIndex((k, i) => actual[i] !== k);
  if (firstOut >= 0) {
    const k = present[firstOut] as string;
    findings.push(
      finding(
        'S1',
        place(index.get(k) ?? null, k),
        msg('S1.column_order', { column: label(`column.${catalogueTable}.${k}`), position: firstOut + 1 }),
      ),
    );
  }
  return { index, findings };
}

/**
 * A table of a name the standard does not know whose header holds every
 * column `keys` names (the columns of `def` in the workbook's version): the
 * standard's table, renamed. The checks report it (S1) and set-up gives it its
 * name back; `taken` are tables already recognised as another one.
 */
export function renamedTable(
  def: { readonly name: string; readonly columns: readonly { readonly key: string }[] },
  snapshot: Snapshot,
  keys: readonly string[] = def.columns.map((c) => c.key),
  taken: ReadonlySet<TableSnapshot> = new Set(),
): TableSnapshot | null {
  for (const t of snapshot.tables) {
    if (taken.has(t) || isStandardName(t.name)) continue;
    if (mapColumns(t, def.name, keys).index.size === keys.length) return t;
  }
  return null;
}

const STANDARD_NAMES = new Set(TABLES.map((t) => t.name.toUpperCase()));

/** A name the standard gives a table: one of its tables', or a report's (`R_…`). */
export function isStandardName(name: string): boolean {
  const upper = name.toUpperCase();
  return STANDARD_NAMES.has(upper) || upper.startsWith(REPORT_TABLE_PREFIX);
}
