/**
 * A worksheet's XML edited cell by cell: rows and cells the edit does not
 * reach keep their text exactly, so that a patched sheet differs from the
 * original only where the software wrote. Cells are kept in column order and
 * rows in row order, as Excel requires.
 */
import { a1 } from '../core/snapshot';
import { cellAddress, slideFormula } from './sheet-cells';
import { parseRange, rangeA1 } from './ref';
import { decodeXml, encodeXml, escapeXstring, withPrefix } from './xml';
import { textOf } from './shared-strings';
import type { Area, PlanValue } from '../core/plan';
import { TextArena, arenaBytes, arenaText, type ArenaText } from './text-arena';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const SHEET_DATA = /<((?:[\w.-]+:)?)sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?sheetData>)/;
const ROW = /<(?:[\w.-]+:)?row\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?row>)/g;
const CELL = /<(?:[\w.-]+:)?c\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?c>)/g;

/** A cell to write: `inner` goes between its tags (null for a cell with only a style). */
export interface NewCell {
  readonly col: number;
  readonly style: number;
  readonly type: string | null;
  readonly inner: string | null;
}

interface Row {
  /** 0-based. */
  readonly index: number;
  /** As written, while untouched (a row `addRow` wrote: '', its text is `packed`). */
  readonly text: string;
  /** A row `addRow` wrote, its text kept as UTF-8 (`text-arena.ts`). */
  readonly packed?: ArenaText;
  /** Cells by 0-based column, parsed when the row is first edited or read. */
  cells: Map<number, string> | null;
  dirty: boolean;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function startTag(xml: string): string {
  return /^<[^>]*>/.exec(xml)?.[0] ?? xml;
}

export class SheetEdit {
  private readonly rows = new Map<number, Row>();
  private readonly prefix: string;
  private head: string;
  private tail: string;
  private readonly open: string;
  private edited = false;
  /** Something around the cell data changed (`replaceAround`), not a cell. */
  private around = false;
  /** Where the rows `addRow` wrote are, for the dimension. */
  private added: Area | null = null;
  private arena: TextArena | null = null;

  constructor(xml: string) {
    const m = SHEET_DATA.exec(xml);
    if (!m) throw new Error('the sheet has no cell data');
    this.prefix = m[1] ?? '';
    this.head = xml.slice(0, m.index);
    this.tail = xml.slice(m.index + m[0].length);
    this.open = /^<[^>]*?(?=\/?>)/.exec(m[0])?.[0] ?? `<${this.prefix}sheetData`;
    let next = 0;
    for (const r of (m[2] ?? '').matchAll(ROW)) {
      const n = Number(attr(startTag(r[0]), 'r'));
      const index = Number.isInteger(n) && n > 0 ? n - 1 : next;
      this.rows.set(index, { index, text: r[0], cells: null, dirty: false });
      next = index + 1;
    }
  }

  /** The style index of a cell, or of nothing (0). */
  styleOf(row: number, col: number): number {
    const cell = this.cell(row, col);
    return cell === undefined ? 0 : Number(attr(startTag(cell), 's') ?? 0);
  }

  /** Whether a cell holds anything: a value, a formula or text (a style alone is nothing). */
  hasContent(row: number, col: number): boolean {
    const cell = this.cell(row, col);
    return cell !== undefined && /<(?:[\w.-]+:)?(?:v|f|is)\b/.test(cell);
  }

  /**
   * Whether the cell already holds this value, so that writing it would change
   * nothing but its spelling (a shared string made inline, rich text made plain).
   */
  holds(row: number, col: number, v: PlanValue, strings: readonly string[]): boolean {
    const cell = this.cell(row, col);
    if (cell === undefined || !this.hasContent(row, col)) return v === null;
    if (v === null || (typeof v === 'object' && 'date' in v)) return false;
    const type = attr(startTag(cell), 't');
    const f = /<(?:[\w.-]+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/.exec(cell);
    if (typeof v === 'object' && 'formula' in v)
      return f !== null && decodeXml(f[1] ?? '') === v.formula.replace(/^=/, '');
    if (f) return false;
    const raw = decodeXml(/<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(cell)?.[1] ?? '');
    if (typeof v === 'number') return (type === undefined || type === 'n') && raw !== '' && Number(raw) === v;
    if (typeof v === 'boolean') return type === 'b' && (raw === '1') === v;
    const text = typeof v === 'string' ? v : v.text;
    return (type === 's' || type === 'inlineStr' || type === 'str') && this.textAt(row, col, strings) === text;
  }

  /** What a cell shows as text: a string's text, a number's digits, '' for nothing. */
  textAt(row: number, col: number, strings: readonly string[]): string {
    const cell = this.cell(row, col);
    if (cell === undefined) return '';
    const type = attr(startTag(cell), 't');
    if (type === 'inlineStr') return textOf(cell);
    const v = decodeXml(/<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(cell)?.[1] ?? '');
    return type === 's' ? (strings[Number(v)] ?? '') : v;
  }

  /** The cell's XML, or undefined. */
  cell(row: number, col: number): string | undefined {
    const r = this.rows.get(row);
    return r ? this.cellsOf(r).get(col) : undefined;
  }

  /** Every cell: row, column and XML (for shared formulas, which span rows). */
  *allCells(): Generator<[number, number, string]> {
    for (const r of [...this.rows.values()].sort((a, b) => a.index - b.index)) {
      for (const [c, xml] of this.cellsOf(r)) yield [r.index, c, xml];
    }
  }

  /** Writes a cell (`inner` is what goes between its tags; null for a cell with only a style). */
  set(row: number, col: number, style: number, type: string | null, inner: string | null): void {
    this.unshareFrom(row, col);
    let r = this.rows.get(row);
    if (!r) {
      r = { index: row, text: '', cells: new Map(), dirty: true };
      this.rows.set(row, r);
    }
    const cells = this.cellsOf(r);
    const xml = this.cellXml(row, { col, style, type, inner });
    if (xml === null) cells.delete(col);
    else cells.set(col, xml);
    r.dirty = true;
    this.edited = true;
  }

  /** Whether the sheet has a row here (even one without cells). */
  hasRow(row: number): boolean {
    return this.rows.has(row);
  }

  /**
   * Writes a row the sheet does not have, cells in column order, as `set`
   * would cell by cell, but kept as its finished text: an import appends
   * 200,000 register rows, and a map of cells for each took over a gigabyte.
   */
  addRow(row: number, cells: readonly NewCell[]): void {
    if (this.rows.has(row)) throw new Error(`row ${row + 1} is already there`);
    this.edited = true;
    const written = cells.flatMap((c) => {
      const xml = this.cellXml(row, c);
      return xml === null ? [] : [{ col: c.col, xml }];
    });
    if (written.length === 0) return;
    const p = this.prefix;
    const body = written.map((c) => c.xml).join('');
    const packed = (this.arena ??= new TextArena()).add(`<${p}row r="${row + 1}">${body}</${p}row>`);
    this.rows.set(row, { index: row, text: '', packed, cells: null, dirty: false });
    const first = (written[0] as { col: number }).col;
    const last = (written[written.length - 1] as { col: number }).col;
    const a = this.added;
    this.added = a
      ? {
          top: Math.min(a.top, row),
          bottom: Math.max(a.bottom, row),
          left: Math.min(a.left, first),
          right: Math.max(a.right, last),
        }
      : { top: row, bottom: row, left: first, right: last };
  }

  /** A cell as written (null: a cell with neither content nor style is no cell). */
  private cellXml(row: number, { col, style, type, inner }: NewCell): string | null {
    const ref = a1(row, col);
    const s = style > 0 ? ` s="${style}"` : '';
    const t = type ? ` t="${type}"` : '';
    const p = this.prefix;
    if (inner === null && !s) return null;
    if (inner === null) return `<${p}c r="${ref}"${s}${t}/>`;
    return `<${p}c r="${ref}"${s}${t}>${withPrefix(inner, p)}</${p}c>`;
  }

  get changed(): boolean {
    return this.edited || this.around;
  }

  /**
   * A replacement in the sheet's XML around its cell data (validations,
   * conditional formats), without writing the cells out and reading them
   * back: a national import grows a register sheet to 200,000 rows.
   */
  replaceAround(pattern: RegExp, replace: (whole: string, ...groups: string[]) => string): void {
    const head = this.head.replace(pattern, replace);
    const tail = this.tail.replace(pattern, replace);
    if (head === this.head && tail === this.tail) return;
    this.head = head;
    this.tail = tail;
    this.around = true;
  }

  toXml(): string {
    return this.pieces()
      .map((p) => (typeof p === 'string' ? p : decoder.decode(p)))
      .join('');
  }

  /** `toXml` as UTF-8, piece by piece: the rows `addRow` wrote as they are kept, the rest encoded as it comes. */
  *chunks(): Generator<Uint8Array> {
    for (const p of this.pieces()) yield typeof p === 'string' ? encoder.encode(p) : p;
  }

  /** The sheet's XML in order, as text and as the UTF-8 of packed rows. */
  private pieces(): (string | Uint8Array)[] {
    const rows = [...this.rows.values()]
      .sort((a, b) => a.index - b.index)
      .map((r) => (r.packed && !r.dirty ? arenaBytes(r.packed) : this.rowXml(r)))
      .filter((r) => r.length > 0);
    const p = this.prefix;
    const head = this.withDimension(this.head);
    if (rows.length === 0) return [head, `${this.open}/>`, this.tail];
    return [head, `${this.open}>`, ...rows, `</${p}sheetData>`, this.tail];
  }

  /** A row's text as written (a packed row's decoded). */
  private textOf(r: Row): string {
    return r.packed ? arenaText(r.packed) : r.text;
  }

  private cellsOf(r: Row): Map<number, string> {
    if (r.cells) return r.cells;
    const cells = new Map<number, string>();
    const text = this.textOf(r);
    const inner = text.endsWith('/>') ? '' : text.slice(startTag(text).length);
    let next = 0;
    for (const m of inner.matchAll(CELL)) {
      const at = cellAddress(attr(startTag(m[0]), 'r') ?? '');
      const col = at ? at.col : next;
      cells.set(col, m[0]);
      next = col + 1;
    }
    r.cells = cells;
    return cells;
  }

  private rowXml(r: Row): string {
    const text = this.textOf(r);
    if (!r.dirty) return text;
    const p = this.prefix;
    const cells = [...this.cellsOf(r).entries()].sort((a, b) => a[0] - b[0]);
    // A cell written without `r` takes the position after the previous one: every cell of an edited row gets its own.
    const body = cells.map(([c, xml]) =>
      /^<[^>]*\sr="/.test(xml) ? xml : xml.replace(/^<([\w.:-]+)/, `<$1 r="${a1(r.index, c)}"`),
    );
    // `spans` is an optional hint, dropped only when the cells now fall outside of it.
    const [from, to] = (attr(startTag(text), 'spans') ?? '').split(':').map(Number);
    const inSpans = cells.every(([c]) => from !== undefined && to !== undefined && c + 1 >= from && c + 1 <= to);
    const tag = text
      ? startTag(text)
          .replace(inSpans ? /^$/ : /\sspans="[^"]*"/, '')
          .replace(/\/>$/, '>')
      : `<${p}row r="${r.index + 1}">`;
    const open = /\sr="/.test(tag) ? tag : tag.replace(/^<([\w.:-]+)/, `<$1 r="${r.index + 1}"`);
    return body.length === 0 && !text ? '' : `${open}${body.join('')}</${p}row>`;
  }

  /** The `<dimension>` grown to hold every cell written. */
  private withDimension(head: string): string {
    if (!this.edited) return head;
    return head.replace(/(<(?:[\w.-]+:)?dimension\b[^>]*?\sref=")([^"]*)"/, (whole, h: string, ref: string) => {
      const old = parseRange(ref);
      if (!old) return whole;
      let area: Area = old;
      const a = this.added;
      if (a)
        area = {
          top: Math.min(area.top, a.top),
          bottom: Math.max(area.bottom, a.bottom),
          left: Math.min(area.left, a.left),
          right: Math.max(area.right, a.right),
        };
      for (const r of this.rows.values()) {
        if (!r.dirty) continue;
        for (const c of this.cellsOf(r).keys()) {
          area = {
            top: Math.min(area.top, r.index),
            bottom: Math.max(area.bottom, r.index),
            left: Math.min(area.left, c),
            right: Math.max(area.right, c),
          };
        }
      }
      return `${h}${rangeA1(area)}"`;
    });
  }

  /**
   * A shared formula is written once, in its first cell, and the others of
   * its range refer to it: before that cell is overwritten every cell of the
   * group gets its own formula, so that none of them loses it.
   */
  private unshareFrom(row: number, col: number): void {
    const cell = this.cell(row, col);
    if (!cell) return;
    const f = /<((?:[\w.-]+:)?)f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/.exec(cell);
    if (!f || attr(f[0], 't') !== 'shared' || attr(f[2] ?? '', 'ref') === undefined) return;
    const si = attr(f[2] ?? '', 'si');
    const master = f[3] ?? '';
    for (const [r, c, xml] of [...this.allCells()]) {
      const g = /<((?:[\w.-]+:)?)f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/.exec(xml);
      if (!g || attr(g[2] ?? '', 't') !== 'shared' || attr(g[2] ?? '', 'si') !== si) continue;
      const own = (g[3] ?? '') !== '' ? (g[3] ?? '') : encodeXml(slideFormula(decodeXml(master), row, col, r, c));
      const p = g[1] ?? '';
      const at = this.rows.get(r);
      if (!at) continue;
      this.cellsOf(at).set(c, xml.replace(g[0], `<${p}f>${own}</${p}f>`));
      at.dirty = true;
      this.edited = true;
    }
  }
}

/** The text of a plan's string as a cell's inline string. */
export function inlineString(text: string): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<is><t${space}>${encodeXml(escapeXstring(text))}</t></is>`;
}
