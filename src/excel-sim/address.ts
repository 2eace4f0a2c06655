import type { Area } from '../core/plan';
import { columnIndex, columnLetters } from '../core/snapshot';

export type { Area } from '../core/plan';

/** The grid of Excel 2007 and later. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Ref {
  /** As written, unquoted; absent when the text names no sheet. */
  readonly sheet?: string;
  readonly area: Area;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function part(text: string): { row?: number; col?: number } | null {
  let m = CELL.exec(text);
  if (m) return { col: columnIndex(m[1] ?? ''), row: Number(m[2]) - 1 };
  m = COLUMN.exec(text);
  if (m) return { col: columnIndex(m[1] ?? '') };
  m = ROW.exec(text);
  if (m) return { row: Number(m[1]) - 1 };
  return null;
}

function inGrid(a: Area): boolean {
  return a.top >= 0 && a.left >= 0 && a.bottom < MAX_ROWS && a.right < MAX_COLUMNS;
}

/** `B3`, `$B$3:D5`, `A:C`, `3:5` as an area; null when it is none of these or leaves the grid. */
export function parseArea(text: string): Area | null {
  const pieces = text.trim().split(':');
  if (pieces.length > 2) return null;
  const a = part(pieces[0] ?? '');
  const b = pieces.length === 2 ? part(pieces[1] ?? '') : a;
  if (!a || !b) return null;
  const kind = (p: { row?: number; col?: number }) =>
    p.row !== undefined && p.col !== undefined ? 'cell' : p.col !== undefined ? 'col' : 'row';
  const ka = kind(a);
  // A lone column or row (`A`, `3`) is not an address; `A:A` and `3:3` are.
  if (pieces.length === 1 && ka !== 'cell') return null;
  if (ka !== kind(b)) return null;
  let area: Area;
  if (ka === 'col') {
    area = {
      top: 0,
      bottom: MAX_ROWS - 1,
      left: Math.min(a.col ?? 0, b.col ?? 0),
      right: Math.max(a.col ?? 0, b.col ?? 0),
    };
  } else if (ka === 'row') {
    area = {
      left: 0,
      right: MAX_COLUMNS - 1,
      top: Math.min(a.row ?? 0, b.row ?? 0),
      bottom: Math.max(a.row ?? 0, b.row ?? 0),
    };
  } else {
    area = {
      top: Math.min(a.row ?? 0, b.row ?? 0),
      bottom: Math.max(a.row ?? 0, b.row ?? 0),
      left: Math.min(a.col ?? 0, b.col ?? 0),
      right: Math.max(a.col ?? 0, b.col ?? 0),
    };
  }
  return inGrid(area) ? area : null;
}

/** `Sheet1!A1:B2`, `'My sheet'!A1`, or an address without a sheet. */
export function parseRef(text: string): Ref | null {
  const t = text.trim().replace(/^=/, '');
  const bang = t.lastIndexOf('!');
  if (bang < 0) {
    const area = parseArea(t);
    return area ? { area } : null;
  }
  const rawSheet = t.slice(0, bang);
  let sheet: string;
  if (rawSheet.startsWith("'")) {
    if (!rawSheet.endsWith("'") || rawSheet.length < 3) return null;
    sheet = rawSheet.slice(1, -1).replace(/''/g, "'");
  } else {
    if (rawSheet === '' || /[\s'!]/.test(rawSheet)) return null;
    sheet = rawSheet;
  }
  const area = parseArea(t.slice(bang + 1));
  return area ? { sheet, area } : null;
}

export function isWholeColumns(a: Area): boolean {
  return a.top === 0 && a.bottom === MAX_ROWS - 1;
}

export function isWholeRows(a: Area): boolean {
  return a.left === 0 && a.right === MAX_COLUMNS - 1;
}

/** As Excel gives `range.address` after the sheet: `A1`, `A1:C3`, `A:B`, `3:4`. */
export function areaA1(a: Area, absolute = false): string {
  const d = absolute ? '$' : '';
  if (isWholeRows(a)) return `${d}${a.top + 1}:${d}${a.bottom + 1}`;
  if (isWholeColumns(a)) return `${d}${columnLetters(a.left)}:${d}${columnLetters(a.right)}`;
  const tl = `${d}${columnLetters(a.left)}${d}${a.top + 1}`;
  if (a.top === a.bottom && a.left === a.right) return tl;
  return `${tl}:${d}${columnLetters(a.right)}${d}${a.bottom + 1}`;
}

const PLAIN_SHEET = /^[\p{L}_][\p{L}\p{N}_.]*$/u;
const LOOKS_LIKE_REF = /^([A-Za-z]{1,3}\d+|[RrCc]|[Rr]\d*[Cc]\d*|[Rr]\d+|[Cc]\d+)$/;

/** Excel quotes a sheet name in an address only when it has to (spaces, punctuation, a leading digit, a cell-like name). */
export function sheetPrefix(sheet: string): string {
  const plain = PLAIN_SHEET.test(sheet) && !LOOKS_LIKE_REF.test(sheet) && !/^(true|false)$/i.test(sheet);
  return plain ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

export function addressOf(sheet: string, a: Area, absolute = false): string {
  return sheetPrefix(sheet) + areaA1(a, absolute);
}

export function area(top: number, left: number, bottom = top, right = left): Area {
  return { top, left, bottom, right };
}

export function rowsOf(a: Area): number {
  return a.bottom - a.top + 1;
}

export function columnsOf(a: Area): number {
  return a.right - a.left + 1;
}

export function cellCount(a: Area): number {
  return rowsOf(a) * columnsOf(a);
}

export function intersect(a: Area, b: Area): Area | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

export function overlaps(a: Area, b: Area): boolean {
  return intersect(a, b) !== null;
}

export function contains(outer: Area, inner: Area): boolean {
  return (
    outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right
  );
}

export function containsCell(a: Area, row: number, col: number): boolean {
  return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
}

export function sameArea(a: Area, b: Area): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** What is left of `a` once `b` is cut out of it: up to four rectangles. */
export function subtract(a: Area, b: Area): Area[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Area[] = [];
  if (a.top < i.top) out.push({ ...a, bottom: i.top - 1 });
  if (i.bottom < a.bottom) out.push({ ...a, top: i.bottom + 1 });
  if (a.left < i.left) out.push({ top: i.top, bottom: i.bottom, left: a.left, right: i.left - 1 });
  if (i.right < a.right) out.push({ top: i.top, bottom: i.bottom, left: i.right + 1, right: a.right });
  return out;
}

export function subtractAll(areas: readonly Area[], b: Area): Area[] {
  return areas.flatMap((a) => subtract(a, b));
}

/** Whether the areas together cover every cell of `a`. */
export function covers(areas: readonly Area[], a: Area): boolean {
  let rest: Area[] = [a];
  for (const c of areas) {
    rest = subtractAll(rest, c);
    if (rest.length === 0) return true;
  }
  return rest.length === 0;
}
