/**
 * Inserting cells, as Excel does when a table grows: the cells of a band
 * (some columns from a row down, or some rows from a column rightwards) move
 * by `count`, and so do the tables, merges, validations and conditional
 * formats inside the band. Excel refuses to cut through another table or a
 * merge, and to push content off the sheet; so does this.
 */
import { MAX_COLUMNS, MAX_ROWS, intersect, type Area } from './address';
import { invalidOperation } from './errors';
import { cellKey, type Sheet, type Table, type WorkbookModel } from './model';

export interface Band {
  /** 'down': columns `from..to` move down from row `at`; 'right': rows `from..to` move right from column `at`. */
  readonly direction: 'down' | 'right';
  readonly from: number;
  readonly to: number;
  readonly at: number;
  readonly count: number;
}

function zoneOf(b: Band): Area {
  return b.direction === 'down'
    ? { top: b.at, left: b.from, bottom: MAX_ROWS - 1, right: b.to }
    : { top: b.from, left: b.at, bottom: b.to, right: MAX_COLUMNS - 1 };
}

/** Whether an area lies within the band's columns (or rows), so that it moves as a whole. */
function across(b: Band, a: Area): boolean {
  return b.direction === 'down' ? a.left >= b.from && a.right <= b.to : a.top >= b.from && a.bottom <= b.to;
}

/** An area after the insertion: moved if it starts in the band, stretched if the band starts inside it. */
export function movedArea(b: Band, a: Area): Area {
  if (!across(b, a)) return a;
  if (b.direction === 'down') {
    if (a.top >= b.at) return { ...a, top: a.top + b.count, bottom: a.bottom + b.count };
    if (a.bottom >= b.at) return { ...a, bottom: a.bottom + b.count };
    return a;
  }
  if (a.left >= b.at) return { ...a, left: a.left + b.count, right: a.right + b.count };
  if (a.right >= b.at) return { ...a, right: a.right + b.count };
  return a;
}

export function insertCells(model: WorkbookModel, sheet: Sheet, b: Band, growing?: Table): void {
  const zone = zoneOf(b);
  for (const t of model.tablesOn(sheet.id)) {
    if (t === growing || !intersect(t.area, zone)) continue;
    const starts = b.direction === 'down' ? t.area.top >= b.at : t.area.left >= b.at;
    if (!across(b, t.area) || !starts) {
      throw invalidOperation(`This operation would shift cells of table ${t.name}; Excel does not allow it.`);
    }
  }
  for (const m of sheet.merges) {
    if (!intersect(m, zone)) continue;
    const starts = b.direction === 'down' ? m.top >= b.at : m.left >= b.at;
    if (!across(b, m) || !starts) throw invalidOperation('This operation would shift part of a merged cell.');
  }
  const edge: Area =
    b.direction === 'down' ? { ...zone, top: MAX_ROWS - b.count } : { ...zone, left: MAX_COLUMNS - b.count };
  for (const [, , cell] of model.cellsIn(sheet, edge)) {
    if (cell.value !== null || cell.formula)
      throw invalidOperation('Cells with content would be pushed off the worksheet.');
  }
  // All cells leave first, then land: no cell lands on one that has yet to move.
  const moving = [...model.cellsIn(sheet, zone)];
  for (const [r, c] of moving) model.mapSet(sheet.cells, cellKey(r, c), undefined);
  for (const [r, c, cell] of moving) {
    model.mapSet(
      sheet.cells,
      cellKey(b.direction === 'down' ? r + b.count : r, b.direction === 'right' ? c + b.count : c),
      cell,
    );
  }
  for (const t of model.tablesOn(sheet.id)) {
    if (t !== growing && intersect(t.area, zone)) model.set(t, 'area', movedArea(b, t.area));
  }
  model.set(
    sheet,
    'merges',
    sheet.merges.map((m) => (intersect(m, zone) ? movedArea(b, m) : m)),
  );
  for (const v of sheet.validations)
    model.set(
      v,
      'areas',
      v.areas.map((a) => movedArea(b, a)),
    );
  for (const cf of sheet.conditionalFormats)
    model.set(
      cf,
      'areas',
      cf.areas.map((a) => movedArea(b, a)),
    );
  for (const n of model.names) {
    if (n.ref?.sheetId === sheet.id) model.set(n, 'ref', { sheetId: sheet.id, area: movedArea(b, n.ref.area) });
  }
  for (const s of model.sheets) {
    for (const ch of s.charts) if (ch.sourceSheetId === sheet.id) model.set(ch, 'source', movedArea(b, ch.source));
  }
}

/** The reverse: cells of the band from `at + count` move back by `count`; the `count` cells at `at` go. */
export function deleteCells(model: WorkbookModel, sheet: Sheet, b: Band, shrinking?: Table): void {
  const removed: Area =
    b.direction === 'down'
      ? { top: b.at, bottom: b.at + b.count - 1, left: b.from, right: b.to }
      : { left: b.at, right: b.at + b.count - 1, top: b.from, bottom: b.to };
  const zone = zoneOf(b);
  for (const t of model.tablesOn(sheet.id)) {
    if (t === shrinking || !intersect(t.area, zone)) continue;
    const after = b.direction === 'down' ? t.area.top > removed.bottom : t.area.left > removed.right;
    if (!across(b, t.area) || !after)
      throw invalidOperation(`This operation would shift cells of table ${t.name}; Excel does not allow it.`);
  }
  for (const [r, c] of [...model.cellsIn(sheet, removed)]) model.mapSet(sheet.cells, cellKey(r, c), undefined);
  const moving = [...model.cellsIn(sheet, zone)].sort((x, y) => (b.direction === 'down' ? x[0] - y[0] : x[1] - y[1]));
  for (const [r, c, cell] of moving) {
    model.mapSet(sheet.cells, cellKey(r, c), undefined);
    model.mapSet(
      sheet.cells,
      cellKey(b.direction === 'down' ? r - b.count : r, b.direction === 'right' ? c - b.count : c),
      cell,
    );
  }
  const back = (a: Area): Area | null => {
    if (!across(b, a)) return a;
    const lo = b.direction === 'down' ? a.top : a.left;
    const hi = b.direction === 'down' ? a.bottom : a.right;
    const cut = (x: number): number => (x < b.at ? x : x < b.at + b.count ? b.at : x - b.count);
    const nlo = cut(lo);
    const nhi = hi < b.at ? hi : hi < b.at + b.count ? b.at - 1 : hi - b.count;
    if (nhi < nlo) return null;
    return b.direction === 'down' ? { ...a, top: nlo, bottom: nhi } : { ...a, left: nlo, right: nhi };
  };
  for (const t of model.tablesOn(sheet.id)) {
    if (t !== shrinking && intersect(t.area, zone)) model.set(t, 'area', back(t.area) ?? t.area);
  }
  for (const v of sheet.validations)
    model.set(
      v,
      'areas',
      v.areas.flatMap((a) => back(a) ?? []),
    );
  for (const cf of sheet.conditionalFormats)
    model.set(
      cf,
      'areas',
      cf.areas.flatMap((a) => back(a) ?? []),
    );
}
