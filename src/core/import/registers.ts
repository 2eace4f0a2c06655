/**
 * One table of the target as the import builds it up: the rows the target
 * has, the rows the sources add after them, and the cells of existing rows
 * a source's value replaces (a conflict resolved for the source).
 */
import type { TableDef } from '../../standard';
import type { Translator } from '../translator';
import type { Register } from '../parsed';
import type { PlanValue } from '../plan';
import type { CellValue } from '../snapshot';
import { cellAddress } from '../snapshot';
import { isBlank } from '../values';
import type { SourceCell } from './types';
import { comparable, matchKey, rowKey, writeValue, type Comparable } from './values';

export interface WorkRow {
  readonly key: string;
  readonly libId: string | null;
  /** Language-neutral values by column key, to compare rows by. */
  readonly cmp: Record<string, Comparable>;
  /** Raw cells by column key (the target's, or the source's for an added row). */
  readonly raw: Record<string, CellValue>;
  /** Added rows: every value to write; target rows: only the cells to overwrite. */
  readonly write: Record<string, PlanValue>;
  /** The target's 0-based data row, or the row's place among the added ones. */
  readonly at: { readonly kind: 'target'; readonly n: number } | { readonly kind: 'added'; readonly i: number };
  /** Where an added row comes from. */
  readonly from: SourceCell | null;
}

export class WorkTable {
  readonly rows = new Map<string, WorkRow>();
  readonly added: WorkRow[] = [];
  /** Target rows with cells to overwrite, by their data row. */
  readonly changed = new Map<number, WorkRow>();
  /** The first data row the added rows take: after the target's last row that holds anything. */
  readonly appendAt: number;

  constructor(
    readonly def: TableDef,
    readonly target: Register,
  ) {
    const t = target.table;
    let used = 0;
    if (t) for (let n = t.rows.length - 1; n >= 0 && used === 0; n--) if (!t.rows[n]?.every(isBlank)) used = n + 1;
    this.appendAt = used;
    for (const r of target.rows) {
      const key = rowKey(def.name, def.keyColumn, r.v);
      if (key === null || this.rows.has(matchKey(key))) continue;
      const raw = t?.rows[r.n] ?? [];
      const cmp: Record<string, Comparable> = {};
      const cells: Record<string, CellValue> = {};
      for (const [k, i] of target.columns) {
        cells[k] = raw[i] ?? null;
        cmp[k] = comparable(r.v[k] ?? null, raw[i] ?? null, r.bad?.has(k) ?? false);
      }
      this.rows.set(matchKey(key), {
        key,
        libId: libOf(def, r.v),
        cmp,
        raw: cells,
        write: {},
        at: { kind: 'target', n: r.n },
        from: null,
      });
    }
  }

  find(key: string): WorkRow | undefined {
    return this.rows.get(matchKey(key));
  }

  add(row: Omit<WorkRow, 'at'>): WorkRow {
    const added: WorkRow = { ...row, at: { kind: 'added', i: this.added.length } };
    this.added.push(added);
    this.rows.set(matchKey(row.key), added);
    return added;
  }

  /** The source's value replaces the row's: in the added row, or as a cell to overwrite in the target's. */
  overwrite(row: WorkRow, column: string, value: PlanValue, cmp: Comparable, raw: CellValue): void {
    row.write[column] = value;
    row.cmp[column] = cmp;
    row.raw[column] = raw;
    if (row.at.kind === 'target') this.changed.set(row.at.n, row);
  }

  /** The target's cell of a row and column (an added row's: where it will be written). */
  cell(row: WorkRow, column: string | null): string {
    const t = this.target.table;
    if (!t) return '';
    const col = column === null ? 0 : (this.target.columns.get(column) ?? 0);
    const n = row.at.kind === 'target' ? row.at.n : this.appendAt + row.at.i;
    return cellAddress(t.sheet, t.top + 1 + n, t.left + col);
  }
}

function libOf(def: TableDef, v: Readonly<Record<string, unknown>>): string | null {
  const id = v['lib_id'];
  return def.columns.some((c) => c.key === 'lib_id') && typeof id === 'string' ? id.toUpperCase() : null;
}

/** A source register's row, with what it means, what to write and where it is. */
export type SourceRow = Omit<WorkRow, 'at' | 'from'> & { readonly from: SourceCell };

export function sourceRows(reg: Register, file: string, t: Translator): SourceRow[] {
  const table = reg.table;
  if (!table) return [];
  const out: SourceRow[] = [];
  for (const r of reg.rows) {
    const key = rowKey(reg.def.name, reg.def.keyColumn, r.v);
    if (key === null) continue;
    const rawRow = table.rows[r.n] ?? [];
    const cmp: Record<string, Comparable> = {};
    const raw: Record<string, CellValue> = {};
    const write: Record<string, PlanValue> = {};
    for (const col of reg.def.columns) {
      const i = reg.columns.get(col.key);
      if (i === undefined) continue;
      const cell = rawRow[i] ?? null;
      const bad = r.bad?.has(col.key) ?? false;
      raw[col.key] = cell;
      cmp[col.key] = comparable(r.v[col.key] ?? null, cell, bad);
      write[col.key] = writeValue(col, r.v[col.key] ?? null, cell, bad, t);
    }
    out.push({
      key,
      libId: libOf(reg.def, r.v),
      cmp,
      raw,
      write,
      from: { file, cell: cellAddress(table.sheet, table.top + 1 + r.n, table.left) },
    });
  }
  return out;
}

/** The columns where the source says something else than the target (a blank in the source says nothing). */
export function differences(
  target: Record<string, Comparable>,
  source: Record<string, Comparable>,
  columns: readonly string[],
  same: (a: Comparable, b: Comparable) => boolean,
): string[] {
  return columns.filter((c) => {
    const s = source[c];
    return s !== undefined && s !== null && !same(target[c] ?? null, s);
  });
}
