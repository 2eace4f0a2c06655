/**
 * Operations on cells that commands share: writing values, formulas and
 * formats with Excel's checks (shape, protection), clearing, and keeping
 * table headers in step with their column names.
 */
import {
  areaA1,
  cellCount,
  columnsOf,
  intersect,
  isWholeColumns,
  isWholeRows,
  rowsOf,
  subtractAll,
  type Area,
} from './address';
import { accessDenied, invalidArgument } from './errors';
import { DEFAULT_STYLE, type Cell, type Scalar, type Sheet, type Style, type Table, type WorkbookModel } from './model';
import { parseInput } from './values';

export type CellPatch = { -readonly [K in keyof Cell]?: Cell[K] };

/** A cell with some of its parts replaced (a key present with `undefined` removes the part). */
export function makeCell(base: Cell | undefined, patch: CellPatch): Cell {
  const out: CellPatch & { value: Cell['value'] } = { value: ('value' in patch ? patch.value : base?.value) ?? null };
  if ('error' in patch ? patch.error : base?.error) out.error = true;
  const formula = 'formula' in patch ? patch.formula : base?.formula;
  if (formula) out.formula = formula;
  const style = 'style' in patch ? patch.style : base?.style;
  if (style) out.style = style;
  const link = 'link' in patch ? patch.link : base?.link;
  if (link) out.link = link;
  return out;
}

const SHAPE = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/**
 * A 2-D input as a cell accessor, checked against the area's shape. A single
 * value (not an array) is applied to every cell, as office-js does.
 */
export function matrixOf(input: unknown, a: Area, what: string): (r: number, c: number) => unknown {
  if (input === null || input === undefined) throw invalidArgument(`${what} cannot be set to null.`);
  if (!Array.isArray(input)) return () => input;
  const rows = rowsOf(a);
  const cols = columnsOf(a);
  if (input.length !== rows || !input.every((row) => Array.isArray(row) && row.length === cols)) {
    const got = `${input.length}×${Array.isArray(input[0]) ? (input[0] as unknown[]).length : '?'}`;
    throw invalidArgument(`${SHAPE} (${what}: ${got} for ${rows}×${cols})`);
  }
  const m = input as unknown[][];
  return (r, c) => m[r]?.[c];
}

/** Whether any cell of the area is locked (cells are locked unless unlocked). */
function anyLocked(model: WorkbookModel, sheet: Sheet, a: Area): boolean {
  return model.styleValuesIn(sheet, a, 'locked').has(true);
}

export function assertContentsWritable(
  model: WorkbookModel,
  sheet: Sheet,
  a: Area,
  only?: (r: number, c: number) => boolean,
): void {
  if (!sheet.protection.protected || !anyLocked(model, sheet, a)) return;
  if (!only) throw accessDenied(`(${sheet.name}!${areaA1(a)})`);
  for (let r = a.top; r <= a.bottom; r++) {
    for (let c = a.left; c <= a.right; c++) {
      if (only(r, c) && model.styleAt(sheet, r, c).locked)
        throw accessDenied(`(${sheet.name}!${areaA1({ top: r, left: c, bottom: r, right: c })})`);
    }
  }
}

export function assertFormatWritable(model: WorkbookModel, sheet: Sheet, a: Area): void {
  if (!sheet.protection.protected || sheet.protection.options.allowFormatCells) return;
  if (anyLocked(model, sheet, a)) throw accessDenied(`(${sheet.name}!${areaA1(a)})`);
}

function recordEdit(model: WorkbookModel, sheet: Sheet, a: Area, before?: Scalar | null, after?: Scalar | null): void {
  const single = cellCount(a) === 1;
  model.recordChange({
    sheetId: sheet.id,
    area: a,
    changeType: 'RangeEdited',
    ...(single ? { before: before ?? null, after: after ?? null } : {}),
  });
}

/** `values` and `formulas` writes (Excel parses both as typed input). */
export function writeContents(model: WorkbookModel, sheet: Sheet, a: Area, input: unknown, what: string): void {
  const at = matrixOf(input, a, what);
  const rows = rowsOf(a);
  const cols = columnsOf(a);
  if (cellCount(a) > 1 && !Array.isArray(input) && (isWholeColumns(a) || isWholeRows(a))) {
    throw invalidArgument(`${what}: too many cells to fill one by one.`);
  }
  assertContentsWritable(model, sheet, a, (r, c) => {
    const v = at(r - a.top, c - a.left);
    return v !== null && v !== undefined;
  });
  let before: Scalar | null = null;
  let after: Scalar | null = null;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const r = a.top + i;
      const c = a.left + j;
      const cell = model.cell(sheet, r, c);
      const text = model.styleAt(sheet, r, c).numberFormat === '@';
      const inp = parseInput(at(i, j), text);
      if (inp.kind === 'skip') continue;
      before = cell?.formula ?? cell?.value ?? null;
      if (inp.kind === 'clear') {
        model.setCell(sheet, r, c, makeCell(cell, { value: null, error: false, formula: undefined }));
        after = null;
      } else {
        model.setCell(
          sheet,
          r,
          c,
          makeCell(cell, { value: inp.value, error: inp.error === true, formula: inp.formula }),
        );
        after = inp.formula ?? inp.value;
      }
    }
  }
  syncHeaders(model, sheet, a);
  recordEdit(model, sheet, a, before, after);
}

/** `numberFormat` writes: a style change, cell by cell, with null leaving a cell as it is. */
export function writeNumberFormat(model: WorkbookModel, sheet: Sheet, a: Area, input: unknown): void {
  const at = matrixOf(input, a, 'numberFormat');
  assertFormatWritable(model, sheet, a);
  if (!Array.isArray(input)) {
    if (typeof input !== 'string') throw invalidArgument('numberFormat must be a string.');
    model.patchStyle(sheet, a, { numberFormat: input === '' ? 'General' : input });
    return;
  }
  for (let r = a.top; r <= a.bottom; r++) {
    for (let c = a.left; c <= a.right; c++) {
      const v = at(r - a.top, c - a.left);
      if (v === null || v === undefined) continue;
      if (typeof v !== 'string' && typeof v !== 'number') throw invalidArgument('numberFormat must be a string.');
      const fmt = v === '' ? 'General' : String(v);
      const cell = model.cell(sheet, r, c);
      model.setCell(sheet, r, c, makeCell(cell, { style: { ...model.styleAt(sheet, r, c), numberFormat: fmt } }));
    }
  }
}

export type ClearWhat = 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents';

export function clearArea(model: WorkbookModel, sheet: Sheet, a: Area, applyTo: ClearWhat): void {
  const contents = applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents';
  const formats = applyTo === 'All' || applyTo === 'Formats' || applyTo === 'RemoveHyperlinks';
  const links = applyTo !== 'Contents' && applyTo !== 'ResetContents' && applyTo !== 'Formats';
  if (contents) assertContentsWritable(model, sheet, a);
  if (formats || links) assertFormatWritable(model, sheet, a);
  for (const [r, c, cell] of [...model.cellsIn(sheet, a)]) {
    const patch: CellPatch = {};
    if (contents) Object.assign(patch, { value: null, error: false, formula: undefined });
    if (formats) {
      const background = sheet.rowStyles.has(r) || sheet.colStyles.has(c);
      patch.style = background ? DEFAULT_STYLE : undefined;
    }
    if (links) patch.link = undefined;
    model.setCell(sheet, r, c, makeCell(cell, patch));
  }
  if (formats) {
    if (isWholeColumns(a))
      for (const c of [...sheet.colStyles.keys()])
        if (c >= a.left && c <= a.right) model.mapSet(sheet.colStyles, c, undefined);
    if (isWholeRows(a))
      for (const r of [...sheet.rowStyles.keys()])
        if (r >= a.top && r <= a.bottom) model.mapSet(sheet.rowStyles, r, undefined);
    // Clearing formats takes conditional formats off the cells too.
    const kept = sheet.conditionalFormats
      .map((cf) => ({ cf, areas: subtractAll(cf.areas, a) }))
      .filter((x) => x.areas.length > 0);
    for (const { cf, areas } of kept) model.set(cf, 'areas', areas);
    model.set(
      sheet,
      'conditionalFormats',
      kept.map((x) => x.cf),
    );
  }
  if (contents) {
    syncHeaders(model, sheet, a);
    recordEdit(model, sheet, a);
  }
}

export function patchFormat(model: WorkbookModel, sheet: Sheet, a: Area, patch: Partial<Style>): void {
  if ('locked' in patch || 'formulaHidden' in patch) {
    // Excel refuses to change what protection guards while it guards it.
    if (sheet.protection.protected) throw accessDenied('(the sheet is protected)');
  } else {
    assertFormatWritable(model, sheet, a);
  }
  model.patchStyle(sheet, a, patch);
}

function headerText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * Column names are the header cells' text: Excel names a blank header
 * `ColumnN`, makes a repeated one unique (`Name2`) and turns a number into
 * text, writing the result back into the header cell.
 */
export function normalizeTableHeader(model: WorkbookModel, sheet: Sheet, t: Table): void {
  if (!t.showHeaders) return;
  const row = t.area.top;
  const used = new Set<string>();
  const names: string[] = [];
  for (let j = 0; j < t.columns.length; j++) {
    let name =
      headerText(model.cell(sheet, row, t.area.left + j)).trim() === ''
        ? ''
        : headerText(model.cell(sheet, row, t.area.left + j));
    let base = name;
    let n = 1;
    if (name === '') {
      base = 'Column';
      n = j + 1;
      name = `Column${n}`;
    }
    while (used.has(name.toUpperCase())) {
      n++;
      name = `${base}${n}`;
    }
    used.add(name.toUpperCase());
    names.push(name);
  }
  names.forEach((name, j) => {
    const col = t.columns[j];
    if (col && col.name !== name) model.set(col, 'name', name);
    const cell = model.cell(sheet, row, t.area.left + j);
    if (cell?.value !== name || cell.formula)
      model.setCell(sheet, row, t.area.left + j, makeCell(cell, { value: name, formula: undefined, error: false }));
  });
}

export function syncHeaders(model: WorkbookModel, sheet: Sheet, a: Area): void {
  for (const t of model.tablesOn(sheet.id)) {
    if (t.showHeaders && intersect(a, { ...t.area, bottom: t.area.top })) normalizeTableHeader(model, sheet, t);
  }
}
