/**
 * The cells of one worksheet that fall inside its tables, read from the
 * streamed sheet XML: every other cell is passed over without being kept.
 * Values follow what the ExcelJS-based reader gave (a formula as its text,
 * its cached result ignored; a number in a date format as a date), so the
 * Snapshot is the same whichever reader made it.
 */
import { columnIndex, columnLetters, type CellValue } from '../core/snapshot';
import type { Area } from '../core/plan';
import { attribute, type XmlHandler } from './scan';
import { decodeXstring } from './xml';
import { MS_PER_DAY } from '../core/values';

export type RawCell = CellValue | { readonly kind: 'shared'; readonly index: number };

export interface TableGrid {
  readonly area: Area;
  /** rows × columns of the table's whole range, null where no cell is. */
  readonly cells: RawCell[][];
}

export interface SheetContext {
  readonly date1904: boolean;
  /** Indices of cell formats (`s`) whose number format shows a date. */
  readonly dateStyles: ReadonlySet<number>;
}

/** Serial day of 1970-01-01 in the 1900 date system; the 1904 system is 1,462 days later. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1904 = 1_462;

interface Master {
  readonly formula: string;
  readonly row: number;
  readonly col: number;
}

export class SheetCells implements XmlHandler {
  readonly grids: TableGrid[];
  private readonly merges: string[] = [];
  private readonly masters = new Map<string, Master>();
  private row = -1;
  private col = -1;
  private inCell = false;
  private keep = false;
  private type: string | undefined;
  private style = 0;
  private value: string | undefined;
  private formula = '';
  private fType: string | undefined;
  private fRef: string | undefined;
  private fSi: string | undefined;
  private reading: 'v' | 'f' | 't' | null = null;
  private inPhonetic = false;
  /** The tables the current row crosses: most rows of a sheet cross none, and their cells are passed over. */
  private rowGrids: TableGrid[] = [];

  constructor(
    areas: readonly Area[],
    private readonly context: SheetContext,
  ) {
    this.grids = areas.map((area) => ({
      area,
      cells: Array.from({ length: area.bottom - area.top + 1 }, () =>
        new Array<RawCell>(area.right - area.left + 1).fill(null),
      ),
    }));
  }

  wantText(): boolean {
    return this.reading !== null && (this.keep || this.reading === 'f');
  }

  text(text: string): void {
    if (this.reading === 'f') this.formula += text;
    else if (!this.inPhonetic) this.value = (this.value ?? '') + text;
  }

  open(name: string, attrs: string): void {
    switch (name) {
      case 'row': {
        const r = Number(attribute(attrs, 'r'));
        this.row = Number.isInteger(r) && r > 0 ? r - 1 : this.row + 1;
        this.col = -1;
        this.rowGrids = this.grids.filter((g) => this.row >= g.area.top && this.row <= g.area.bottom);
        return;
      }
      case 'c':
        this.startCell(attrs);
        return;
      case 'f':
        if (!this.inCell) return;
        this.fType = attribute(attrs, 't');
        this.fRef = attribute(attrs, 'ref');
        this.fSi = attribute(attrs, 'si');
        this.reading = 'f';
        return;
      case 'v':
        if (this.inCell) this.reading = 'v';
        return;
      case 't':
        if (this.inCell) this.reading = 't';
        return;
      case 'rPh':
        this.inPhonetic = true;
        return;
      case 'mergeCell': {
        const ref = attribute(attrs, 'ref');
        if (ref) this.merges.push(ref);
        return;
      }
    }
  }

  close(name: string): void {
    switch (name) {
      case 'c':
        this.endCell();
        return;
      case 'f':
      case 'v':
      case 't':
        this.reading = null;
        return;
      case 'rPh':
        this.inPhonetic = false;
        return;
    }
  }

  /** Merged cells other than the top-left one read as empty, whatever the file holds in them. */
  applyMerges(parse: (ref: string) => Area | null): void {
    for (const ref of this.merges) {
      const m = parse(ref);
      if (!m) continue;
      for (const g of this.grids) {
        for (let r = Math.max(m.top, g.area.top); r <= Math.min(m.bottom, g.area.bottom); r++)
          for (let c = Math.max(m.left, g.area.left); c <= Math.min(m.right, g.area.right); c++)
            if (r !== m.top || c !== m.left) g.cells[r - g.area.top]![c - g.area.left] = null;
      }
    }
  }

  private startCell(attrs: string): void {
    const ref = attribute(attrs, 'r');
    const at = ref === undefined ? null : cellAddress(ref);
    if (at) {
      if (at.row !== this.row) {
        this.row = at.row;
        this.rowGrids = this.grids.filter((g) => at.row >= g.area.top && at.row <= g.area.bottom);
      }
      this.col = at.col;
    } else this.col++;
    this.inCell = true;
    this.value = undefined;
    this.formula = '';
    this.fType = this.fRef = this.fSi = undefined;
    this.keep = this.rowGrids.some((g) => this.col >= g.area.left && this.col <= g.area.right);
    // Type and style matter only for a cell that is kept.
    this.type = this.keep ? attribute(attrs, 't') : undefined;
    const s = this.keep ? attribute(attrs, 's') : undefined;
    this.style = s === undefined ? 0 : Number(s);
  }

  private endCell(): void {
    this.inCell = false;
    this.reading = null;
    const shared = this.fType === 'shared' && this.fSi !== undefined;
    if (shared && this.fRef !== undefined)
      this.masters.set(this.fSi!, { formula: this.formula, row: this.row, col: this.col });
    if (!this.keep) return;
    const v = this.cellValue(shared);
    for (const g of this.rowGrids)
      if (contains(g.area, this.row, this.col)) g.cells[this.row - g.area.top]![this.col - g.area.left] = v;
  }

  private cellValue(shared: boolean): RawCell {
    if (this.formula !== '' || this.fType !== undefined) {
      let f = this.formula;
      if (f === '' && shared && this.fRef === undefined) {
        const m = this.masters.get(this.fSi!);
        f = m ? slideFormula(m.formula, m.row, m.col, this.row, this.col) : '';
      }
      return { kind: 'formula', formula: `=${f.replace(/_xl(?:fn|ws)\./g, '')}` };
    }
    const v = this.value;
    if (v === undefined) return null;
    switch (this.type) {
      case 's': {
        const index = parseInt(v, 10);
        return Number.isInteger(index) && index >= 0 ? { kind: 'shared', index } : null;
      }
      case 'str':
      case 'inlineStr':
        return decodeXstring(v);
      case 'b':
        return parseInt(v, 10) !== 0;
      case 'e':
        return { kind: 'error', code: v };
      case 'd': {
        // An ISO 8601 date (strict OOXML); without a zone it is the calendar time as written.
        const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(v) || !v.includes('T') ? v : `${v}Z`);
        return Number.isFinite(ms) ? { kind: 'date', ms } : { kind: 'error', code: '#VALUE!' };
      }
      default: {
        const n = parseFloat(v);
        if (this.context.dateStyles.has(this.style)) {
          const ms = Math.round((n - UNIX_EPOCH_SERIAL + (this.context.date1904 ? DAYS_1904 : 0)) * MS_PER_DAY);
          return Number.isFinite(ms) ? { kind: 'date', ms } : { kind: 'error', code: '#NUM!' };
        }
        // Excel has no negative zero: `-0` is 0 (never "-0 is too small").
        return Number.isFinite(n) ? (n === 0 ? 0 : n) : null;
      }
    }
  }
}

function contains(a: Area, row: number, col: number): boolean {
  return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
}

/** `B3` (or `$B$3`, with spaces around) as 0-based row and column; read char by char, as every cell has one. */
export function cellAddress(ref: string): { row: number; col: number } | null {
  let i = 0;
  let end = ref.length;
  while (i < end && isBlank(ref.charCodeAt(i))) i++;
  while (end > i && isBlank(ref.charCodeAt(end - 1))) end--;
  if (ref.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  const lettersFrom = i;
  for (let c = ref.charCodeAt(i) | 32; i < end && c >= 97 && c <= 122; c = ref.charCodeAt(++i) | 32)
    col = col * 26 + (c - 96);
  if (i === lettersFrom || i - lettersFrom > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (let c = ref.charCodeAt(i); i < end && c >= 48 && c <= 57; c = ref.charCodeAt(++i)) row = row * 10 + (c - 48);
  if (i === digitsFrom || i !== end || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const REFERENCE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/**
 * A shared formula as it reads in another cell of its range: relative
 * references move by the distance from the master cell, as Excel does (and
 * as ExcelJS did); text in quotes is left alone.
 */
export function slideFormula(formula: string, fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE, (match, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
            if (paren) return match;
            const m = CELL.exec(addr);
            if (!m) return match;
            const letters = m[2]!.toUpperCase();
            if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return match;
            const col = columnIndex(letters) + (m[1] ? 0 : toCol - fromCol);
            const row = Number(m[4]) + (m[3] ? 0 : toRow - fromRow);
            return `${sheet ?? ''}${m[1] ?? ''}${columnLetters(col)}${m[3] ?? ''}${row}`;
          }),
    )
    .join('');
}
