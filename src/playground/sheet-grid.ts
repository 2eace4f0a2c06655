/**
 * The active sheet as the view draws it: its cells (at most the first
 * 200 rows and 40 columns), their number formats, and the add-in's finding
 * markers found from its conditional formats.
 */
import { MARKER_RULE } from '../excel/markers';
import { a1, parseCellAddress } from '../core/snapshot';
import type { Scalar, WorkbookSource } from './source';

export const MAX_ROWS = 200;
export const MAX_COLUMNS = 40;

export interface Grid {
  readonly rows: number;
  readonly columns: number;
  readonly totalRows: number;
  readonly cells: Map<string, Scalar>;
  readonly formats: string[][];
}

export function gridOf(source: Pick<WorkbookSource, 'contents' | 'numberFormats'>, sheet: string): Grid {
  const cells = new Map<string, Scalar>();
  let rows = 0;
  let columns = 0;
  for (const [address, value] of Object.entries(source.contents(sheet))) {
    const at = parseCellAddress(`'x'!${address}`);
    if (!at) continue;
    rows = Math.max(rows, at.row + 1);
    columns = Math.max(columns, at.col + 1);
    cells.set(a1(at.row, at.col), value);
  }
  const shownRows = Math.min(rows, MAX_ROWS);
  const shownColumns = Math.min(columns, MAX_COLUMNS);
  const formats =
    shownRows && shownColumns ? source.numberFormats(sheet, `A1:${a1(shownRows - 1, shownColumns - 1)}`) : [];
  return { rows: shownRows, columns: shownColumns, totalRows: rows, cells, formats };
}

/** Marker severity by cell, from the conditional formats whose rule is the add-in's signature. */
export function markersOf(
  source: Pick<WorkbookSource, 'conditionalFormats'>,
  sheet: string,
): Map<string, 'error' | 'warning'> {
  const out = new Map<string, 'error' | 'warning'>();
  for (const cf of source.conditionalFormats(sheet)) {
    const severity = cf.formula === MARKER_RULE.error ? 'error' : cf.formula === MARKER_RULE.warning ? 'warning' : null;
    if (!severity) continue;
    for (const part of cf.address.split(',')) {
      for (const cell of cellsOf(part)) if (out.get(cell) !== 'error') out.set(cell, severity);
    }
  }
  return out;
}

function cellsOf(range: string): string[] {
  const bare = range.includes('!') ? range.slice(range.lastIndexOf('!') + 1) : range;
  const [from, to] = bare.replace(/\$/g, '').split(':');
  const a = parseCellAddress(`'x'!${from}`);
  const b = parseCellAddress(`'x'!${to ?? from}`);
  if (!a || !b) return [];
  const out: string[] = [];
  for (let r = a.row; r <= Math.min(b.row, a.row + MAX_ROWS); r++)
    for (let c = a.col; c <= Math.min(b.col, a.col + MAX_COLUMNS); c++) out.push(a1(r, c));
  return out;
}

/** An address without its sheet and `$`s. */
export function bareAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '');
}

/** Whether `cell` lies in `range` (`B3` or `B3:D5`). */
export function inRange(cell: string, range: string): boolean {
  const [from, to] = range.split(':');
  const a = parseCellAddress(`'x'!${from}`);
  const b = parseCellAddress(`'x'!${to ?? from}`);
  const x = parseCellAddress(`'x'!${cell}`);
  if (!a || !b || !x) return false;
  return x.row >= a.row && x.row <= b.row && x.col >= a.col && x.col <= b.col;
}
