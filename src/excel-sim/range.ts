import {
  MAX_COLUMNS,
  MAX_ROWS,
  addressOf,
  boundingBox,
  cellCount,
  columnsOf,
  intersect,
  isWholeColumns,
  isWholeRows,
  parseRef,
  rowsOf,
  type Area,
} from './address';
import { SimConditionalFormatCollection } from './conditional';
import { SimError, invalidArgument, invalidOperation, itemNotFound, notImplemented } from './errors';
import { SimRangeFormat } from './format';
import type { Hyperlink, Sheet, WorkbookModel } from './model';
import { assertContentsWritable, clearArea, makeCell, writeContents, writeNumberFormat, type ClearWhat } from './ops';
import { SimCollection, SimObject, type LoadArg, type PropDef, type RangeTarget, type SimContext } from './proxy';
import { SimDataValidation } from './validation';
import { cellFormula, cellValue, displayText, valueType } from './values';
import { SimWorksheet } from './worksheet';

export interface RangeKey {
  readonly sheetId: string;
  readonly area: Area;
}

type Matrix = Excel.Range['values'];

/** Runs `f`, naming `location` as where an error arose (office-js reports the method that failed). */
export function at<T>(location: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SimError && !e.debugInfo.errorLocation) e.debugInfo = { ...e.debugInfo, errorLocation: location };
    throw e;
  }
}

function sheetOf(model: WorkbookModel, id: string): Sheet {
  const s = model.sheetById(id);
  if (!s) throw itemNotFound('(the worksheet was deleted)');
  return s;
}

/**
 * A `Range | string` argument, resolved at sync: a range proxy, or an address
 * on `defaultSheet` (or the sheet it names, or the active sheet).
 */
export function rangeArgument(model: WorkbookModel, arg: unknown, defaultSheet?: Sheet): RangeTarget {
  if (arg instanceof SimObject) {
    const t = arg.rangeTarget();
    if (t) return t;
    throw invalidArgument('The range argument is not a range.');
  }
  if (typeof arg !== 'string') throw invalidArgument('A range or an address was expected.');
  const ref = parseRef(arg);
  if (!ref) throw invalidArgument(`"${arg}" is not an address.`);
  let sheet = defaultSheet;
  if (ref.sheet !== undefined) sheet = model.sheetByName(ref.sheet);
  else sheet ??= model.activeSheetId ? model.sheetById(model.activeSheetId) : model.sheets[0];
  if (!sheet) throw itemNotFound(`(no sheet for "${arg}")`);
  if (defaultSheet && sheet !== defaultSheet) throw invalidArgument(`"${arg}" is not on sheet ${defaultSheet.name}.`);
  return { sheet, area: ref.area };
}

function checkInGrid(a: Area): Area {
  if (
    a.top < 0 ||
    a.left < 0 ||
    a.bottom >= MAX_ROWS ||
    a.right >= MAX_COLUMNS ||
    a.top > a.bottom ||
    a.left > a.right
  ) {
    throw invalidArgument('The range would leave the worksheet.');
  }
  return a;
}

const HYPERLINK_KEYS = ['address', 'documentReference', 'textToDisplay', 'screenTip'] as const;

type RangeMembers =
  | 'address'
  | 'addressLocal'
  | 'rowCount'
  | 'columnCount'
  | 'cellCount'
  | 'rowIndex'
  | 'columnIndex'
  | 'values'
  | 'formulas'
  | 'formulasLocal'
  | 'numberFormat'
  | 'numberFormatLocal'
  | 'text'
  | 'valueTypes'
  | 'hyperlink'
  | 'isEntireColumn'
  | 'isEntireRow'
  | 'format'
  | 'dataValidation'
  | 'conditionalFormats'
  | 'worksheet'
  | 'getCell'
  | 'getRow'
  | 'getColumn'
  | 'getResizedRange'
  | 'getAbsoluteResizedRange'
  | 'getOffsetRange'
  | 'getEntireRow'
  | 'getEntireColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getLastCell'
  | 'getRowsAbove'
  | 'getRowsBelow'
  | 'getColumnsBefore'
  | 'getColumnsAfter'
  | 'getBoundingRect'
  | 'getIntersection'
  | 'getIntersectionOrNullObject'
  | 'getUsedRange'
  | 'getUsedRangeOrNullObject'
  | 'getSpecialCells'
  | 'getSpecialCellsOrNullObject'
  | 'clear'
  | 'merge'
  | 'unmerge'
  | 'select'
  | 'load'
  | 'set'
  | 'toJSON'
  | 'track'
  | 'untrack'
  | 'isNullObject';

export class SimRange extends SimObject implements Pick<Excel.Range, RangeMembers> {
  get typeName(): string {
    return 'Range';
  }

  constructor(
    ctx: SimContext,
    path: string,
    private readonly locate: () => RangeKey | null,
    orNull = false,
  ) {
    super(ctx, path, orNull);
  }

  resolve(): RangeTarget | null {
    const key = this.bind(this.locate);
    if (key === null) return null;
    return { sheet: sheetOf(this.model, key.sheetId), area: key.area };
  }

  override rangeTarget(): RangeTarget | null {
    const t = this.resolve();
    if (!t) throw invalidArgument('The range is a null object.');
    return t;
  }

  private target(): RangeTarget {
    const t = this.resolve();
    if (!t) throw invalidOperation('The range is a null object.');
    return t;
  }

  private matrix<T>(f: (sheet: Sheet, r: number, c: number) => T): T[][] {
    const { sheet, area: a } = this.target();
    if (cellCount(a) > this.ctx.engine.maxCellsPerRead) {
      throw new SimError(
        'RangeExceedsLimit',
        `(${cellCount(a)} cells; at most ${this.ctx.engine.maxCellsPerRead} per read)`,
      );
    }
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(f(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  protected properties(): Record<string, PropDef> {
    const m = this.model;
    const t = () => this.target();
    const contents = (what: string) => ({
      get: () =>
        this.matrix((s, r, c) => (what === 'values' ? cellValue(m.cell(s, r, c)) : cellFormula(m.cell(s, r, c)))),
      set: (v: unknown) => writeContents(m, t().sheet, t().area, v, what),
    });
    const numberFormat = {
      get: () => this.matrix((s, r, c) => m.styleAt(s, r, c).numberFormat),
      set: (v: unknown) => writeNumberFormat(m, t().sheet, t().area, v),
    };
    return {
      address: { get: () => addressOf(t().sheet.name, t().area) },
      addressLocal: { get: () => addressOf(t().sheet.name, t().area) },
      rowCount: { get: () => rowsOf(t().area) },
      columnCount: { get: () => columnsOf(t().area) },
      cellCount: { get: () => cellCount(t().area) },
      rowIndex: { get: () => t().area.top },
      columnIndex: { get: () => t().area.left },
      isEntireColumn: { get: () => isWholeColumns(t().area) },
      isEntireRow: { get: () => isWholeRows(t().area) },
      values: contents('values'),
      formulas: contents('formulas'),
      formulasLocal: contents('formulasLocal'),
      numberFormat,
      numberFormatLocal: numberFormat,
      text: {
        get: () => this.matrix((s, r, c) => displayText(m.cell(s, r, c), m.styleAt(s, r, c).numberFormat, m.date1904)),
      },
      valueTypes: { get: () => this.matrix((s, r, c) => valueType(m.cell(s, r, c))) },
      hyperlink: {
        get: () => {
          const { sheet, area } = t();
          const links = new Set<string>();
          for (let r = area.top; r <= area.bottom; r++) {
            for (let c = area.left; c <= area.right; c++) links.add(JSON.stringify(m.cell(sheet, r, c)?.link ?? {}));
          }
          return links.size === 1 ? (JSON.parse([...links][0] ?? '{}') as Hyperlink) : null;
        },
        set: (v: unknown) => this.setHyperlink(v),
        explicit: true,
      },
    };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return {
      format: () => this.format as unknown as SimObject,
      dataValidation: () => this.dataValidation as unknown as SimObject,
      conditionalFormats: () => this.conditionalFormats as unknown as SimObject,
      worksheet: () => this.worksheet as unknown as SimObject,
    };
  }

  private setHyperlink(v: unknown): void {
    if (typeof v !== 'object' || v === null) throw invalidArgument('hyperlink must be an object.');
    const raw = v as Record<string, unknown>;
    const link: Record<string, string> = {};
    for (const k of HYPERLINK_KEYS) {
      const x = raw[k];
      if (x === undefined || x === null) continue;
      if (typeof x !== 'string') throw invalidArgument(`hyperlink.${k} must be a string.`);
      link[k] = x;
    }
    const { sheet, area } = this.target();
    const m = this.model;
    assertContentsWritable(m, sheet, area);
    const target = link['address'] ?? link['documentReference'];
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = m.cell(sheet, r, c);
        if (!target) {
          m.setCell(sheet, r, c, makeCell(cell, { link: undefined }));
          continue;
        }
        const shown = link['textToDisplay'] ?? (cell?.value === null || cell === undefined ? target : undefined);
        m.setCell(
          sheet,
          r,
          c,
          makeCell(cell, { link, ...(shown !== undefined ? { value: shown, formula: undefined, error: false } : {}) }),
        );
      }
    }
    m.recordChange({ sheetId: sheet.id, area, changeType: 'RangeEdited' });
  }

  get address(): string {
    return this.read('address');
  }
  get addressLocal(): string {
    return this.read('addressLocal');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get cellCount(): number {
    return this.read('cellCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get isEntireColumn(): boolean {
    return this.read('isEntireColumn');
  }
  get isEntireRow(): boolean {
    return this.read('isEntireRow');
  }
  get values(): Matrix {
    return this.read('values');
  }
  set values(v: Matrix) {
    this.write('values', v);
  }
  get formulas(): Matrix {
    return this.read('formulas');
  }
  set formulas(v: Matrix) {
    this.write('formulas', v);
  }
  get formulasLocal(): Matrix {
    return this.read('formulasLocal');
  }
  set formulasLocal(v: Matrix) {
    this.write('formulasLocal', v);
  }
  get numberFormat(): Matrix {
    return this.read('numberFormat');
  }
  set numberFormat(v: Matrix) {
    this.write('numberFormat', v);
  }
  get numberFormatLocal(): Matrix {
    return this.read('numberFormatLocal');
  }
  set numberFormatLocal(v: Matrix) {
    this.write('numberFormatLocal', v);
  }
  get text(): string[][] {
    return this.read('text');
  }
  get valueTypes(): Excel.Range['valueTypes'] {
    return this.read('valueTypes');
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this.read('hyperlink');
  }
  set hyperlink(v: Excel.RangeHyperlink) {
    this.write('hyperlink', v);
  }

  get format(): Excel.RangeFormat {
    return this.child(
      'format',
      () => new SimRangeFormat(this.ctx, `${this.path}.format`, this),
    ) as unknown as Excel.RangeFormat;
  }

  get dataValidation(): Excel.DataValidation {
    return this.child(
      'dataValidation',
      () => new SimDataValidation(this.ctx, `${this.path}.dataValidation`, this),
    ) as unknown as Excel.DataValidation;
  }

  get conditionalFormats(): Excel.ConditionalFormatCollection {
    return this.child(
      'conditionalFormats',
      () => new SimConditionalFormatCollection(this.ctx, `${this.path}.conditionalFormats`, this),
    ) as unknown as Excel.ConditionalFormatCollection;
  }

  get worksheet(): Excel.Worksheet {
    return this.child(
      'worksheet',
      () =>
        new SimWorksheet(this.ctx, `${this.path}.worksheet`, () => {
          const t = this.resolve();
          return t ? t.sheet.id : null;
        }),
    ) as unknown as Excel.Worksheet;
  }

  /** A range computed from this one at sync; `member` names where errors arise and gates the API set. */
  private derive(member: string, args: unknown[], f: (t: RangeTarget) => Area | null, orNull = false): Excel.Range {
    const location = `Range.${member}`;
    const r = new SimRange(
      this.ctx,
      `${this.path}.${member}(${args.map((a) => JSON.stringify(a)).join(',')})`,
      () =>
        at(location, () => {
          this.ctx.engine.requireApi(location);
          const t = this.resolve();
          if (!t) return null;
          const a = f(t);
          return a ? { sheetId: t.sheet.id, area: checkInGrid(a) } : null;
        }),
      orNull,
    );
    return r as unknown as Excel.Range;
  }

  getCell(row: number, column: number): Excel.Range {
    return this.derive('getCell', [row, column], ({ area: a }) => ({
      top: a.top + row,
      left: a.left + column,
      bottom: a.top + row,
      right: a.left + column,
    }));
  }

  getRow(row: number): Excel.Range {
    return this.derive('getRow', [row], ({ area: a }) => {
      if (row < 0 || row >= rowsOf(a)) throw invalidArgument(`Row ${row} is outside the range.`);
      return { ...a, top: a.top + row, bottom: a.top + row };
    });
  }

  getColumn(column: number): Excel.Range {
    return this.derive('getColumn', [column], ({ area: a }) => {
      if (column < 0 || column >= columnsOf(a)) throw invalidArgument(`Column ${column} is outside the range.`);
      return { ...a, left: a.left + column, right: a.left + column };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return this.derive('getResizedRange', [deltaRows, deltaColumns], ({ area: a }) => {
      const out = { ...a, bottom: a.bottom + deltaRows, right: a.right + deltaColumns };
      if (out.bottom < out.top || out.right < out.left) throw invalidArgument('The resized range would have no cells.');
      return out;
    });
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): Excel.Range {
    return this.derive('getAbsoluteResizedRange', [numRows, numColumns], ({ area: a }) => {
      if (numRows < 1 || numColumns < 1) throw invalidArgument('A range has at least one row and one column.');
      return { ...a, bottom: a.top + numRows - 1, right: a.left + numColumns - 1 };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return this.derive('getOffsetRange', [rowOffset, columnOffset], ({ area: a }) => ({
      top: a.top + rowOffset,
      bottom: a.bottom + rowOffset,
      left: a.left + columnOffset,
      right: a.right + columnOffset,
    }));
  }

  getEntireRow(): Excel.Range {
    return this.derive('getEntireRow', [], ({ area: a }) => ({ ...a, left: 0, right: MAX_COLUMNS - 1 }));
  }

  getEntireColumn(): Excel.Range {
    return this.derive('getEntireColumn', [], ({ area: a }) => ({ ...a, top: 0, bottom: MAX_ROWS - 1 }));
  }

  getLastRow(): Excel.Range {
    return this.derive('getLastRow', [], ({ area: a }) => ({ ...a, top: a.bottom }));
  }

  getLastColumn(): Excel.Range {
    return this.derive('getLastColumn', [], ({ area: a }) => ({ ...a, left: a.right }));
  }

  getLastCell(): Excel.Range {
    return this.derive('getLastCell', [], ({ area: a }) => ({
      top: a.bottom,
      left: a.right,
      bottom: a.bottom,
      right: a.right,
    }));
  }

  getRowsAbove(count = 1): Excel.Range {
    return this.derive('getRowsAbove', [count], ({ area: a }) => ({ ...a, top: a.top - count, bottom: a.top - 1 }));
  }

  getRowsBelow(count = 1): Excel.Range {
    return this.derive('getRowsBelow', [count], ({ area: a }) => ({
      ...a,
      top: a.bottom + 1,
      bottom: a.bottom + count,
    }));
  }

  getColumnsBefore(count = 1): Excel.Range {
    return this.derive('getColumnsBefore', [count], ({ area: a }) => ({
      ...a,
      left: a.left - count,
      right: a.left - 1,
    }));
  }

  getColumnsAfter(count = 1): Excel.Range {
    return this.derive('getColumnsAfter', [count], ({ area: a }) => ({
      ...a,
      left: a.right + 1,
      right: a.right + count,
    }));
  }

  getBoundingRect(anotherRange: Excel.Range | string): Excel.Range {
    return this.derive('getBoundingRect', [describeArg(anotherRange)], (t) => {
      const o = rangeArgument(this.model, anotherRange, t.sheet);
      return boundingBox(t.area, o.area);
    });
  }

  getIntersection(anotherRange: Excel.Range | string): Excel.Range {
    return this.derive('getIntersection', [describeArg(anotherRange)], (t) => {
      const i = intersect(t.area, rangeArgument(this.model, anotherRange, t.sheet).area);
      if (!i) throw itemNotFound('(the ranges do not intersect)');
      return i;
    });
  }

  getIntersectionOrNullObject(anotherRange: Excel.Range | string): Excel.Range {
    return this.derive(
      'getIntersectionOrNullObject',
      [describeArg(anotherRange)],
      (t) => intersect(t.area, rangeArgument(this.model, anotherRange, t.sheet).area),
      true,
    );
  }

  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this.derive('getUsedRange', [valuesOnly ?? false], (t) => {
      const used = this.model.usedArea(t.sheet, valuesOnly === true);
      const i = used && intersect(used, t.area);
      if (!i) throw itemNotFound('(the range has no used cells)');
      return i;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this.derive(
      'getUsedRangeOrNullObject',
      [valuesOnly ?? false],
      (t) => {
        const used = this.model.usedArea(t.sheet, valuesOnly === true);
        return used && intersect(used, t.area);
      },
      true,
    );
  }

  private special(member: string, orNull: boolean, cellType: string, valueType: string | undefined): Excel.RangeAreas {
    const location = `Range.${member}`;
    const areas = new SimRangeAreas(
      this.ctx,
      `${this.path}.${member}(${JSON.stringify(cellType)})`,
      () =>
        at(location, () => {
          this.ctx.engine.requireApi(location);
          const t = this.resolve();
          if (!t) return null;
          const found = specialCells(this.model, t, cellType, valueType ?? 'All');
          if (found.length === 0) {
            if (orNull) return null;
            throw itemNotFound('No cells were found.');
          }
          return { sheetId: t.sheet.id, areas: found };
        }),
      orNull,
    );
    return areas as unknown as Excel.RangeAreas;
  }

  getSpecialCells(
    cellType: Excel.SpecialCellType | Parameters<Excel.Range['getSpecialCells']>[0],
    cellValueType?: Excel.SpecialCellValueType | Parameters<Excel.Range['getSpecialCells']>[1],
  ): Excel.RangeAreas {
    return this.special('getSpecialCells', false, cellType, cellValueType);
  }

  getSpecialCellsOrNullObject(
    cellType: Excel.SpecialCellType | Parameters<Excel.Range['getSpecialCells']>[0],
    cellValueType?: Excel.SpecialCellValueType | Parameters<Excel.Range['getSpecialCells']>[1],
  ): Excel.RangeAreas {
    return this.special('getSpecialCellsOrNullObject', true, cellType, cellValueType);
  }

  clear(applyTo?: Excel.ClearApplyTo | ClearWhat): void {
    const what = (applyTo ?? 'All') as ClearWhat;
    this.enqueue('clear', [what], () => {
      const { sheet, area } = this.target();
      if (!['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'].includes(what)) {
        throw invalidArgument(`"${what}" is not a ClearApplyTo value.`);
      }
      clearArea(this.model, sheet, area, what);
    });
  }

  merge(across?: boolean): void {
    this.enqueue('merge', [across ?? false], () => {
      const { sheet, area } = this.target();
      const m = this.model;
      if (m.tablesOn(sheet.id).some((t) => intersect(t.area, area))) {
        throw invalidOperation('Cells in a table cannot be merged.');
      }
      if (sheet.protection.protected) assertContentsWritable(m, sheet, area);
      const parts: Area[] = across
        ? Array.from({ length: rowsOf(area) }, (_, i) => ({ ...area, top: area.top + i, bottom: area.top + i }))
        : [area];
      let merges = sheet.merges.filter((x) => !intersect(x, area));
      for (const p of parts) {
        if (cellCount(p) < 2) continue;
        merges = [...merges, p];
        // Only the top-left value survives a merge.
        for (const [r, c, cell] of [...m.cellsIn(sheet, p)]) {
          if (r !== p.top || c !== p.left)
            m.setCell(sheet, r, c, makeCell(cell, { value: null, formula: undefined, error: false }));
        }
      }
      m.set(sheet, 'merges', merges);
    });
  }

  unmerge(): void {
    this.enqueue('unmerge', [], () => {
      const { sheet, area } = this.target();
      this.model.set(
        sheet,
        'merges',
        sheet.merges.filter((x) => !intersect(x, area)),
      );
    });
  }

  select(): void {
    this.enqueue('select', [], () => {
      const { sheet, area } = this.target();
      if (sheet.visibility !== 'Visible') throw invalidOperation('A range on a hidden sheet cannot be selected.');
      this.model.set(this.model, 'selection', { sheetId: sheet.id, area });
      this.model.set(this.model, 'activeSheetId', sheet.id);
    });
  }

  load(option?: LoadArg): Excel.Range {
    this.queueLoad(option);
    return this as unknown as Excel.Range;
  }

  set(properties: object): void {
    this.setMany(properties);
  }

  toJSON(): Excel.Interfaces.RangeData {
    return this.jsonOf() as Excel.Interfaces.RangeData;
  }

  track(): Excel.Range {
    return this as unknown as Excel.Range;
  }

  untrack(): Excel.Range {
    return this as unknown as Excel.Range;
  }
}

function describeArg(x: unknown): unknown {
  return x instanceof SimObject ? { path: x.path } : x;
}

/** Cells of `getSpecialCells`, within the used range, as rectangles (runs of a row merged down). */
function specialCells(model: WorkbookModel, t: RangeTarget, cellType: string, valueType: string): Area[] {
  const used = model.usedArea(t.sheet, false);
  const scope = used && intersect(used, t.area);
  if (!scope) return [];
  const wants = (v: unknown, error: boolean): boolean => {
    if (valueType === 'All') return true;
    if (error) return valueType.includes('Errors');
    if (typeof v === 'boolean') return valueType.includes('Logical');
    if (typeof v === 'number') return valueType.includes('Numbers');
    return valueType.includes('Text');
  };
  const match = (r: number, c: number): boolean => {
    const cell = model.cell(t.sheet, r, c);
    switch (cellType) {
      case 'Blanks':
        return !cell || (cell.value === null && !cell.formula);
      case 'Constants':
        return !!cell && !cell.formula && cell.value !== null && wants(cell.value, cell.error === true);
      case 'Formulas':
        return !!cell?.formula && wants(cell.value, cell.error === true);
      case 'Visible':
        return true;
      case 'DataValidations':
        return t.sheet.validations.some((v) =>
          v.areas.some((a) => intersect(a, { top: r, left: c, bottom: r, right: c })),
        );
      case 'ConditionalFormats':
        return t.sheet.conditionalFormats.some((f) =>
          f.areas.some((a) => intersect(a, { top: r, left: c, bottom: r, right: c })),
        );
      default:
        throw notImplemented(`getSpecialCells("${cellType}")`);
    }
  };
  const runs: Area[] = [];
  for (let r = scope.top; r <= scope.bottom; r++) {
    let start = -1;
    for (let c = scope.left; c <= scope.right + 1; c++) {
      const ok = c <= scope.right && match(r, c);
      if (ok && start < 0) start = c;
      if (!ok && start >= 0) {
        const prev = runs.find((x) => x.bottom === r - 1 && x.left === start && x.right === c - 1);
        if (prev) runs[runs.indexOf(prev)] = { ...prev, bottom: r };
        else runs.push({ top: r, bottom: r, left: start, right: c - 1 });
        start = -1;
      }
    }
  }
  return runs;
}

interface AreasKey {
  readonly sheetId: string;
  readonly areas: readonly Area[];
}

export class SimRangeAreas
  extends SimObject
  implements
    Pick<
      Excel.RangeAreas,
      'address' | 'addressLocal' | 'areaCount' | 'cellCount' | 'areas' | 'load' | 'toJSON' | 'isNullObject'
    >
{
  get typeName(): string {
    return 'RangeAreas';
  }

  constructor(
    ctx: SimContext,
    path: string,
    private readonly locate: () => AreasKey | null,
    orNull = false,
  ) {
    super(ctx, path, orNull);
  }

  resolve(): { sheet: Sheet; areas: readonly Area[] } | null {
    const key = this.bind(this.locate);
    if (key === null) return null;
    return { sheet: sheetOf(this.model, key.sheetId), areas: key.areas };
  }

  private got(): { sheet: Sheet; areas: readonly Area[] } {
    const r = this.resolve();
    if (!r) throw invalidOperation('The object is a null object.');
    return r;
  }

  protected properties(): Record<string, PropDef> {
    const address = () => {
      const { sheet, areas } = this.got();
      return areas.map((a) => addressOf(sheet.name, a)).join(',');
    };
    return {
      address: { get: address },
      addressLocal: { get: address },
      areaCount: { get: () => this.got().areas.length },
      cellCount: { get: () => this.got().areas.reduce((n, a) => n + cellCount(a), 0) },
    };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return { areas: () => this.areas as unknown as SimObject };
  }

  get address(): string {
    return this.read('address');
  }
  get addressLocal(): string {
    return this.read('addressLocal');
  }
  get areaCount(): number {
    return this.read('areaCount');
  }
  get cellCount(): number {
    return this.read('cellCount');
  }

  get areas(): Excel.RangeCollection {
    return this.child(
      'areas',
      () =>
        new SimRangeCollection(this.ctx, `${this.path}.areas`, () => {
          const r = this.resolve();
          return r ? r.areas.map((a) => ({ sheetId: r.sheet.id, area: a })) : null;
        }),
    ) as unknown as Excel.RangeCollection;
  }

  load(option?: LoadArg): Excel.RangeAreas {
    this.queueLoad(option);
    return this as unknown as Excel.RangeAreas;
  }

  toJSON(): Excel.Interfaces.RangeAreasData {
    return this.jsonOf() as Excel.Interfaces.RangeAreasData;
  }
}

export class SimRangeCollection
  extends SimCollection<SimRange, Excel.Range>
  implements Pick<Excel.RangeCollection, 'load' | 'getItemAt'>
{
  get typeName(): string {
    return 'RangeCollection';
  }

  constructor(
    ctx: SimContext,
    path: string,
    private readonly keys: () => RangeKey[] | null,
  ) {
    super(ctx, path);
  }

  resolve(): RangeKey[] | null {
    return this.keys();
  }

  protected itemProxies(): SimRange[] {
    return (this.keys() ?? []).map((k, i) => new SimRange(this.ctx, `${this.path}.items[${i}]`, () => k));
  }

  getItemAt(index: number): Excel.Range {
    return new SimRange(this.ctx, `${this.path}.getItemAt(${index})`, () => {
      const k = this.keys()?.[index];
      if (!k) throw itemNotFound(`(no area ${index})`);
      return k;
    }) as unknown as Excel.Range;
  }

  load(option?: LoadArg): Excel.RangeCollection {
    this.queueLoad(option);
    return this as unknown as Excel.RangeCollection;
  }
}
