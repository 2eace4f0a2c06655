/**
 * What a workbook holds, as plain data: every table by name with its header
 * and body values and where it sits. Both readers (the .xlsx file and Excel
 * through office-js) produce it; nothing after it knows where it came from.
 */
export type CellValue =
  | null
  | number
  | string
  | boolean
  /** A cell Excel shows as a date: UTC milliseconds of its calendar date and time. */
  | { readonly kind: 'date'; readonly ms: number }
  /** #REF!, #VALUE!, #N/A, ... */
  | { readonly kind: 'error'; readonly code: string }
  /** A formula; its cached result is deliberately not kept (it may be stale or absent). */
  | { readonly kind: 'formula'; readonly formula: string };

export interface TableSnapshot {
  readonly name: string;
  readonly sheet: string;
  /** 0-based row and column of the header row's first cell on the sheet. */
  readonly top: number;
  readonly left: number;
  readonly header: readonly CellValue[];
  readonly rows: readonly (readonly CellValue[])[];
}

export interface SheetInfo {
  readonly name: string;
  readonly visible: boolean;
}

export interface Snapshot {
  /** The workbook counts serial dates from 1904 (old Mac Excel) rather than 1900. */
  readonly date1904: boolean;
  readonly sheets: readonly SheetInfo[];
  readonly tables: readonly TableSnapshot[];
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of column letters: A → 0. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A sheet name as a formula reference: always quoted, quotes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * `'Sheet'!F6` for 0-based row and column. Joined, not concatenated: V8
 * keeps a concatenated string as a tree of its pieces, and an import keeps
 * an address for each of 200,000 rows (some 100 bytes more each).
 */
export function cellAddress(sheet: string, row: number, col: number): string {
  return [quoteSheet(sheet), '!', columnLetters(col), row + 1].join('');
}

/** `A1` style address without the sheet. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Parses `'Sheet'!F6` or `Sheet!F6` into sheet and 0-based row/column. */
export function parseCellAddress(address: string): { sheet: string; row: number; col: number } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
  return { sheet, row: Number(m[4]) - 1, col: columnIndex(m[3] ?? 'A') };
}

/** Case-insensitive lookup of tables by name, as Excel compares them. */
export function tableIndex(snapshot: Snapshot): Map<string, TableSnapshot[]> {
  const map = new Map<string, TableSnapshot[]>();
  for (const t of snapshot.tables) {
    const k = t.name.toUpperCase();
    const list = map.get(k);
    if (list) list.push(t);
    else map.set(k, [t]);
  }
  return map;
}
