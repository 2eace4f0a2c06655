/**
 * One table of the target as the import builds it up: the rows the target
 * has and the rows the sources add after them, indexed by key and by
 * content, so that each source row finds the row it is (section 7: "register
 * rows keep every row, once").
 */
import type { TableDef } from '../../standard';
import type { Translator } from '../translator';
import type { Register } from '../parsed';
import type { PlanValue } from '../plan';
import type { CellValue } from '../snapshot';
import { cellAddress } from '../snapshot';
import { isBlank, looseText } from '../values';
import type { SourceCell } from './types';
import { comparable, matchKey, rowKey, sameValue, writeValue, type Comparable } from './values';

export interface WorkRow {
  /** The key the row has in the target (an appended row's after renumbering), or its `lib · date · title`. */
  readonly key: string;
  readonly libId: string | null;
  /** Language-neutral values by column key, to compare rows by. */
  readonly cmp: Record<string, Comparable>;
  /** Raw cells by column key: a target row's (an added row keeps only what it writes). */
  readonly raw: Record<string, CellValue>;
  /** Added rows: every value to write; target rows: nothing. */
  readonly write: Record<string, PlanValue>;
  /** The target's 0-based data row, or the row's place among the added ones. */
  readonly at: { readonly kind: 'target'; readonly n: number } | { readonly kind: 'added'; readonly i: number };
  /** Where an added row comes from. */
  readonly from: SourceCell | null;
}

/** A source register's row, with what it means, what to write and where it is. */
export type SourceRow = Omit<WorkRow, 'at' | 'from'> & {
  readonly from: SourceCell;
  /** The row's own key cell (`event_id` ...), trimmed; null where the table has none or it is blank. */
  readonly ownKey: string | null;
};

const KEY_NUMBER = /^([A-Za-z]+)-(\d+)$/;

export class WorkTable {
  readonly added: WorkRow[] = [];
  /** By key as rows are matched; the first row of a key the target holds twice (a D6 error there). */
  private readonly byKey = new Map<string, WorkRow>();
  /**
   * By a hash of library and content (`contentOf`), each hit checked: a
   * number per row, not its whole content as text, is what a national import
   * can keep for 200,000 rows.
   */
  private readonly byContent = new Map<number, Bucket>();
  /** By a hash of library, date and title: where a row is looked for that says less than one of the target's. */
  private readonly byIdentity = new Map<number, Bucket>();
  private sealed = false;
  /** The highest number of a `<prefix>-<number>` key in the table: renumbered rows take the ones after it. */
  private lastNumber = 0;
  /** The first data row the added rows take: after the target's last row that holds anything. */
  readonly appendAt: number;
  /** The columns two rows are compared on (rule 1): every one but the key and `note` where there is a key. */
  readonly contentColumns: readonly string[];

  constructor(
    readonly def: TableDef,
    readonly target: Register,
  ) {
    this.contentColumns = def.columns
      .map((c) => c.key)
      .filter((k) => !keyedRegister(def) || (k !== def.keyColumn && k !== 'note'));
    const t = target.table;
    let used = 0;
    if (t) for (let n = t.rows.length - 1; n >= 0 && used === 0; n--) if (!t.rows[n]?.every(isBlank)) used = n + 1;
    this.appendAt = used;
    for (const r of target.rows) {
      const key = rowKey(def.name, def.keyColumn, r.v);
      if (key === null) continue;
      const raw = t?.rows[r.n] ?? [];
      const cmp: Record<string, Comparable> = {};
      const cells: Record<string, CellValue> = {};
      for (const [k, i] of target.columns) {
        cells[k] = raw[i] ?? null;
        cmp[k] = comparable(r.v[k] ?? null, raw[i] ?? null, r.bad?.has(k) ?? false);
      }
      this.index({
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

  /** Whether rows are told apart by a key of their own (`event_id` ...), not by all they hold. */
  get keyed(): boolean {
    return keyedRegister(this.def);
  }

  /** The row a key names (for the registry: the territory or library). */
  find(key: string): WorkRow | undefined {
    return this.byKey.get(matchKey(key));
  }

  /** The rows of the same library and content as a source row, in the order they were added. */
  sameContent(row: Pick<WorkRow, 'libId' | 'cmp'>): readonly WorkRow[] {
    const own = this.contentOf(row);
    return rowsOf(this.byContent.get(hash(own))).filter((r) => this.contentOf(r) === own);
  }

  /**
   * The rows a source row says nothing against: the same library, date and
   * title, and every other column the source fills the same. A branch's own
   * file leaves blank what it cannot hold (a course at an oblast's event names
   * no `event_id` there), and its row is still the one the oblast has.
   */
  sameWhereFilled(row: Pick<WorkRow, 'libId' | 'cmp'>): readonly WorkRow[] {
    const own = identityOf(row);
    return rowsOf(this.byIdentity.get(hash(own))).filter(
      (r) => identityOf(r) === own && differences(r.cmp, row.cmp, this.contentColumns, sameValue).length === 0,
    );
  }

  add(row: Omit<WorkRow, 'at'>): WorkRow {
    if (this.sealed) throw new Error(`${this.def.name}: a row added after the import was finished`);
    // Field by field, not `{ ...row, at }`: V8 gave each row made so a hidden class of its own (~300 bytes more
    // a row, 200,000 rows in a national import).
    const added: WorkRow = {
      key: row.key,
      libId: row.libId,
      cmp: row.cmp,
      raw: row.raw,
      write: row.write,
      at: { kind: 'added', i: this.added.length },
      from: row.from,
    };
    this.added.push(added);
    this.index(added);
    return added;
  }

  /**
   * The sources are all in: the indexes rows were matched by go (a national
   * import's are tens of megabytes, and resolving and writing need none).
   */
  seal(): void {
    this.byKey.clear();
    this.byContent.clear();
    this.byIdentity.clear();
    this.sealed = true;
  }

  /** The key after the table's highest, free in the target and not among `taken` (the source's own keys). */
  nextKey(taken: ReadonlySet<string>): string {
    const prefix = this.def.keyPrefix ?? this.def.name.slice(0, 2).toUpperCase();
    for (;;) {
      const key = `${prefix}-${String(++this.lastNumber).padStart(4, '0')}`;
      if (!this.byKey.has(matchKey(key)) && !taken.has(matchKey(key))) return key;
    }
  }

  /** The target's cell of a row and column (an added row's: where it will be written). */
  cell(row: WorkRow, column: string | null): string {
    const t = this.target.table;
    if (!t) return '';
    const col = column === null ? 0 : (this.target.columns.get(column) ?? 0);
    const n = row.at.kind === 'target' ? row.at.n : this.appendAt + row.at.i;
    return cellAddress(t.sheet, t.top + 1 + n, t.left + col);
  }

  private index(row: WorkRow): void {
    const k = matchKey(row.key);
    if (!this.byKey.has(k)) this.byKey.set(k, row);
    const m = KEY_NUMBER.exec(row.key);
    if (m) this.lastNumber = Math.max(this.lastNumber, Number(m[2]));
    if (this.def.name === 'Territories' || this.def.name === 'Libraries') return;
    push(this.byContent, hash(this.contentOf(row)), row);
    push(this.byIdentity, hash(identityOf(row)), row);
  }

  /** A row's library and content as one string: text compared case- and space-insensitively. */
  private contentOf(row: Pick<WorkRow, 'libId' | 'cmp'>): string {
    return JSON.stringify([
      row.libId,
      ...this.contentColumns.map((c) => {
        const v = row.cmp[c] ?? null;
        return typeof v === 'string' ? looseText(v) : v;
      }),
    ]);
  }
}

/**
 * A 30-bit hash of a text (FNV-1a of its UTF-16 units); equal texts are
 * checked where it matches. Thirty bits are a small integer to V8: a map
 * keyed by it holds no number object per row.
 */
function hash(s: string): number {
  let a = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) a = Math.imul(a ^ s.charCodeAt(i), 0x01000193);
  return (a >>> 2) & 0x3fffffff;
}

/** The rows of one hash: one row alone (most hashes have one), else a list. */
type Bucket = WorkRow | WorkRow[];

function rowsOf(b: Bucket | undefined): readonly WorkRow[] {
  return b === undefined ? [] : Array.isArray(b) ? b : [b];
}

function push(m: Map<number, Bucket>, k: number, row: WorkRow): void {
  const b = m.get(k);
  if (b === undefined) m.set(k, row);
  else if (Array.isArray(b)) b.push(row);
  else m.set(k, [b, row]);
}

/** A register row's library, date and title (case and spaces of the title aside). */
function identityOf(row: Pick<WorkRow, 'libId' | 'cmp'>): string {
  const title = row.cmp['title'] ?? null;
  return JSON.stringify([
    row.libId,
    row.cmp['date'] ?? row.cmp['date_start'] ?? null,
    typeof title === 'string' ? looseText(title) : title,
  ]);
}

/** A register whose rows have a key of their own (`event_id`, `visit_id` ...), the registry aside. */
function keyedRegister(def: TableDef): boolean {
  return def.keyColumn !== undefined && def.name !== 'Territories' && def.name !== 'Libraries';
}

function libOf(def: TableDef, v: Readonly<Record<string, unknown>>): string | null {
  const id = v['lib_id'];
  return def.columns.some((c) => c.key === 'lib_id') && typeof id === 'string' ? id.toUpperCase() : null;
}

export function sourceRows(reg: Register, file: string, t: Translator): SourceRow[] {
  const table = reg.table;
  if (!table) return [];
  const out: SourceRow[] = [];
  // One string per library, not one per row (a library's thousands of events each kept its own copy).
  const libIds = new Map<string, string>();
  const lib = (id: string | null) => {
    if (id === null) return null;
    const known = libIds.get(id);
    if (known !== undefined) return known;
    libIds.set(id, id);
    return id;
  };
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
      write[col.key] = writeValue(col, reg.def, r.v[col.key] ?? null, cell, bad, t);
    }
    const own = reg.def.keyColumn ? r.v[reg.def.keyColumn] : null;
    out.push({
      key,
      ownKey: own === null || own === undefined || String(own).trim() === '' ? null : String(own).trim(),
      libId: lib(libOf(reg.def, r.v)),
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
