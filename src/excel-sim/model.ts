/**
 * The workbook itself, as plain mutable data. Proxies never touch it
 * directly: commands do, at `sync()`, through the journaled setters below,
 * so that a failing command (or a sync whose response is too large) can be
 * undone exactly, as Excel never applies half a command.
 */
import {
  MAX_ROWS,
  cellCount,
  columnsOf,
  containsCell,
  isWholeColumns,
  isWholeRows,
  rowsOf,
  type Area,
} from './address';

export type Scalar = number | string | boolean;

/** Every property a cell's look has; cells share these objects, so they are never mutated. */
export interface Style {
  readonly numberFormat: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: string;
  readonly strikethrough: boolean;
  readonly fontColor: string;
  readonly fontSize: number;
  readonly fontName: string;
  /** `#RRGGBB`, or null for no fill. */
  readonly fill: string | null;
  readonly wrapText: boolean;
  readonly horizontalAlignment: string;
  readonly verticalAlignment: string;
  readonly locked: boolean;
  readonly formulaHidden: boolean;
}

export const DEFAULT_STYLE: Style = Object.freeze({
  numberFormat: 'General',
  bold: false,
  italic: false,
  underline: 'None',
  strikethrough: false,
  fontColor: '#000000',
  fontSize: 11,
  fontName: 'Calibri',
  fill: null,
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  // Cells are locked by default: protecting a sheet locks everything not explicitly unlocked.
  locked: true,
  formulaHidden: false,
});

export interface Hyperlink {
  readonly address?: string;
  readonly documentReference?: string;
  readonly textToDisplay?: string;
  readonly screenTip?: string;
}

export interface Cell {
  /**
   * The value; for a formula cell, the last value it was given (from a file's
   * cached result, or a test) since the sim does not calculate. Null is blank.
   */
  readonly value: Scalar | null;
  /** The value is an error code such as `#REF!`. */
  readonly error?: boolean;
  /** With its leading `=`. */
  readonly formula?: string;
  readonly style?: Style;
  readonly link?: Hyperlink;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: 'Normal' | 'Unlocked' | 'None';
}

export const DEFAULT_PROTECTION: ProtectionOptions = Object.freeze({
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
});

export interface Protection {
  protected: boolean;
  options: ProtectionOptions;
  password: string | null;
}

export interface BorderRecord {
  readonly area: Area;
  readonly side: string;
  readonly style: string;
  readonly color: string;
  readonly weight: string;
}

/** A rule in the shape office-js reads it back: formulas as strings such as `=10`. */
export type ValidationRule =
  | { readonly type: 'None' }
  | {
      readonly type: 'WholeNumber' | 'Decimal' | 'TextLength' | 'Date' | 'Time';
      readonly operator: string;
      readonly formula1: string;
      readonly formula2?: string;
    }
  | { readonly type: 'List'; readonly source: string; readonly inCellDropDown: boolean }
  | { readonly type: 'Custom'; readonly formula: string };

export interface ErrorAlert {
  readonly message: string;
  readonly showAlert: boolean;
  readonly style: string;
  readonly title: string;
}

export interface Prompt {
  readonly message: string;
  readonly showPrompt: boolean;
  readonly title: string;
}

export interface Validation {
  readonly id: number;
  areas: Area[];
  rule: ValidationRule;
  errorAlert: ErrorAlert;
  prompt: Prompt;
  ignoreBlanks: boolean;
}

export const DEFAULT_ALERT: ErrorAlert = { message: '', showAlert: true, style: 'Stop', title: '' };
export const DEFAULT_PROMPT: Prompt = { message: '', showPrompt: false, title: '' };

export interface CfFormat {
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: string | null;
  numberFormat: string | null;
}

export interface CfRule {
  /** Custom: the formula, e.g. `=$A1>0`. */
  formula: string;
  /** CellValue: `Between`, `GreaterThan`, ... */
  operator: string;
  formula1: string;
  formula2: string;
}

export interface ConditionalFormat {
  readonly id: string;
  type: string;
  areas: Area[];
  stopIfTrue: boolean;
  rule: CfRule;
  format: CfFormat;
}

export interface PageSetup {
  orientation: 'Portrait' | 'Landscape';
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: Area | null;
  printArea: Area[] | null;
  /** 0-based rows that start a printed page (manual horizontal page breaks). */
  rowBreaks?: number[];
}

export interface Freeze {
  rows: number;
  columns: number;
}

export interface ChartSeries {
  name: string;
  chartType: string;
  fillColor: string | null;
  lineColor: string | null;
  hasDataLabels: boolean;
  /** How many points (categories) the series has, as laid out from its source. */
  points: number;
  /** Data labels given text of their own (`point.dataLabel.text`), by point; empty: none. */
  labels: readonly (string | null)[];
}

export interface ChartAxis {
  title: { text: string; visible: boolean };
  reversePlotOrder: boolean;
  /** Null: automatic. */
  minimum: number | null;
  maximum: number | null;
  visible: boolean;
  /** Where the other axis crosses this one: 'Automatic', 'Maximum', 'Minimum'. */
  position: string;
  /** The ticks' number format. */
  numberFormat: string;
}

export function newAxis(): ChartAxis {
  return {
    title: { text: '', visible: false },
    reversePlotOrder: false,
    minimum: null,
    maximum: null,
    visible: true,
    position: 'Automatic',
    numberFormat: 'General',
  };
}

export interface Chart {
  readonly id: string;
  name: string;
  type: string;
  sourceSheetId: string;
  source: Area;
  /** As asked ('Auto' stays 'Auto') ... */
  seriesBy: 'Auto' | 'Columns' | 'Rows';
  /** ... and as laid out. */
  effectiveSeriesBy: 'Columns' | 'Rows';
  title: { text: string; visible: boolean };
  top: number;
  left: number;
  width: number;
  height: number;
  /** The cells given to `setPosition`, if any. */
  anchor: { start: Area; end: Area | null } | null;
  categoryAxis: ChartAxis;
  valueAxis: ChartAxis;
  dataLabels: { showValue: boolean };
  legend: { position: string; visible: boolean };
  series: ChartSeries[];
}

export interface Sheet {
  readonly id: string;
  name: string;
  visibility: Visibility;
  tabColor: string;
  showGridlines: boolean;
  readonly cells: Map<number, Cell>;
  readonly rowStyles: Map<number, Style>;
  readonly colStyles: Map<number, Style>;
  /** In points, as office-js gives `format.columnWidth`. */
  readonly colWidths: Map<number, number>;
  readonly rowHeights: Map<number, number>;
  merges: Area[];
  borders: BorderRecord[];
  validations: Validation[];
  /** In priority order: the first is applied first. */
  conditionalFormats: ConditionalFormat[];
  charts: Chart[];
  protection: Protection;
  freeze: Freeze;
  pageLayout: PageSetup;
}

export interface TableColumn {
  readonly id: number;
  name: string;
}

export interface Table {
  readonly id: string;
  name: string;
  sheetId: string;
  /** Header, body and totals. */
  area: Area;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  columns: TableColumn[];
  nextColumnId: number;
}

export interface NamedItem {
  name: string;
  /** A reference to cells, or null for a constant or formula. */
  ref: { sheetId: string; area: Area } | null;
  /** For a constant or formula; for a reference it is computed from `ref`. */
  formula: string;
  comment: string;
  visible: boolean;
}

export type ChangeType = 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted';

export interface Change {
  readonly sheetId: string;
  readonly area: Area;
  readonly changeType: ChangeType;
  /** For a single cell: its value before and after, as office-js's `details` gives them. */
  readonly before?: Scalar | null;
  readonly after?: Scalar | null;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

/**
 * A cell's key in its sheet's map, column by column: every key of the first
 * 1,024 columns stays a small integer, which V8 keeps unboxed (row by row, a
 * cell past row 65,536 had a key of more than 2^30, and every lookup of it
 * allocated a number: most of the time of a 200,000-row register's reads).
 */
export function cellKey(row: number, col: number): number {
  return col * MAX_ROWS + row;
}

export const rowOfKey = (key: number): number => key % MAX_ROWS;
export const columnOfKey = (key: number): number => Math.floor(key / MAX_ROWS);

interface Mark {
  readonly journal: number;
  readonly changes: number;
}

/** An undo step: a closure, or (for the many map writes) a plain record, which is cheaper. */
type Undo =
  | (() => void)
  | { readonly map: Map<unknown, unknown>; readonly key: unknown; readonly had: boolean; readonly old: unknown };

export class WorkbookModel {
  sheets: Sheet[] = [];
  tables: Table[] = [];
  names: NamedItem[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; area: Area } | null = null;
  date1904 = false;
  /**
   * The add-in's settings (`workbook.settings`), as JSON text: what Excel
   * keeps in the file for the add-in, out of reach of structure protection.
   */
  readonly settings = new Map<string, string>();
  /** Workbook structure protection (Review › Protect Workbook): no sheet added, deleted, renamed, moved, hidden or shown. */
  structure: { protected: boolean; password: string | null } = { protected: false, password: null };
  /** Cell changes since the last `takeChanges`, for events. */
  changes: Change[] = [];
  private counter = 0;
  private journal: Undo[] | null = null;
  /**
   * The checkpoints held, innermost last: while one is, every change (syncs
   * and direct edits alike) is recorded in the innermost's `undo`.
   */
  private held: {
    undo: Undo[];
    counter: number;
    activeSheetId: string | null;
    selection: WorkbookModel['selection'];
  }[] = [];

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /** Starts recording undo steps (a sync). */
  begin(): void {
    this.journal = this.held.at(-1)?.undo ?? [];
  }

  /**
   * Records everything from now on, so that `restore` can bring the workbook
   * back exactly (tests run many actions on one load). Checkpoints nest: a
   * test holds one over a file's tests, a helper one over each run.
   */
  checkpoint(): void {
    const held = { undo: [], counter: this.counter, activeSheetId: this.activeSheetId, selection: this.selection };
    this.held.push(held);
    this.journal = held.undo;
  }

  /** Back to the innermost checkpoint, which is let go. */
  restore(): void {
    const held = this.held.pop();
    if (!held) throw new Error('no checkpoint to restore');
    this.journal = held.undo;
    this.rollbackTo({ journal: 0, changes: 0 });
    this.counter = held.counter;
    this.activeSheetId = held.activeSheetId;
    this.selection = held.selection;
    this.journal = this.held.at(-1)?.undo ?? null;
  }

  mark(): Mark {
    return { journal: this.journal?.length ?? 0, changes: this.changes.length };
  }

  rollbackTo(mark: Mark): void {
    const j = this.journal;
    if (j) {
      while (j.length > mark.journal) {
        const u = j.pop();
        if (typeof u === 'function') u();
        else if (u) {
          if (u.had) u.map.set(u.key, u.old);
          else u.map.delete(u.key);
        }
      }
    }
    this.changes.length = Math.min(this.changes.length, mark.changes);
  }

  commit(): void {
    this.journal = this.held.at(-1)?.undo ?? null;
  }

  set<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): void {
    const old = obj[key];
    if (old === value) return;
    obj[key] = value;
    this.journal?.push(() => {
      obj[key] = old;
    });
  }

  /** Takes `item` out of the list `obj[key]` (a sheet's charts, the workbook's tables), as `set` does. */
  remove<K extends string, I>(obj: { [P in NoInfer<K>]: readonly I[] }, key: K, item: I): void {
    this.set(
      obj,
      key,
      obj[key].filter((x) => x !== item),
    );
  }

  mapSet<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
    if (this.journal) {
      const old = map.get(key);
      this.journal.push({ map: map as Map<unknown, unknown>, key, had: old !== undefined || map.has(key), old });
    }
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }

  setCell(sheet: Sheet, row: number, col: number, cell: Cell | undefined): void {
    const empty = !cell || (cell.value === null && !cell.formula && !cell.style && !cell.link);
    this.mapSet(sheet.cells, cellKey(row, col), empty ? undefined : cell);
  }

  recordChange(change: Change): void {
    this.changes.push(change);
  }

  takeChanges(): Change[] {
    const out = this.changes;
    this.changes = [];
    return out;
  }

  sheetById(id: string): Sheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): Sheet | undefined {
    const k = name.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === k);
  }

  tableById(id: string): Table | undefined {
    return this.tables.find((t) => t.id === id);
  }

  tableByName(name: string): Table | undefined {
    const k = name.toUpperCase();
    return this.tables.find((t) => t.name.toUpperCase() === k);
  }

  tablesOn(sheetId: string): Table[] {
    return this.tables.filter((t) => t.sheetId === sheetId);
  }

  nameByName(name: string): NamedItem | undefined {
    const k = name.toUpperCase();
    return this.names.find((n) => n.name.toUpperCase() === k);
  }

  cell(sheet: Sheet, row: number, col: number): Cell | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  styleAt(sheet: Sheet, row: number, col: number): Style {
    return this.cell(sheet, row, col)?.style ?? sheet.rowStyles.get(row) ?? sheet.colStyles.get(col) ?? DEFAULT_STYLE;
  }

  /** The stored cells inside an area, by whichever is cheaper to walk: the area or the sheet. */
  *cellsIn(sheet: Sheet, a: Area): Generator<[number, number, Cell]> {
    if (cellCount(a) <= sheet.cells.size) {
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          const cell = sheet.cells.get(cellKey(r, c));
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const [key, cell] of sheet.cells) {
      const r = rowOfKey(key);
      const c = columnOfKey(key);
      if (containsCell(a, r, c)) yield [r, c, cell];
    }
  }

  /**
   * The distinct values a style property takes over an area, cheaply: cells
   * without a style of their own are counted through the row, column and
   * default styles that may reach them (an over-approximation when every
   * such cell happens to be covered otherwise, which reads as "mixed").
   */
  styleValuesIn<K extends keyof Style>(sheet: Sheet, a: Area, key: K): Set<Style[K]> {
    const out = new Set<Style[K]>();
    let styled = 0;
    for (const [, , cell] of this.cellsIn(sheet, a)) {
      if (cell.style) {
        out.add(cell.style[key]);
        styled++;
      }
    }
    if (styled < cellCount(a)) {
      let bareRows = rowsOf(a);
      for (const [r, st] of sheet.rowStyles) {
        if (r >= a.top && r <= a.bottom) {
          out.add(st[key]);
          bareRows--;
        }
      }
      let bareCols = columnsOf(a);
      if (bareRows > 0) {
        for (const [c, st] of sheet.colStyles) {
          if (c >= a.left && c <= a.right) {
            out.add(st[key]);
            bareCols--;
          }
        }
      }
      if (bareRows > 0 && bareCols > 0) out.add(DEFAULT_STYLE[key]);
    }
    return out;
  }

  /**
   * Applies a style change to an area as Excel does: a whole column or row
   * gets a column or row style (so that formatting `A:A` does not create a
   * million cells), and cells that already have a style of their own are
   * changed too.
   */
  patchStyle(sheet: Sheet, a: Area, patch: Partial<Style>): void {
    const memo = new Map<Style, Style>();
    const patched = (base: Style): Style => {
      let s = memo.get(base);
      if (!s) {
        s = { ...base, ...patch };
        memo.set(base, s);
      }
      return s;
    };
    const wholeCols = isWholeColumns(a);
    const wholeRows = isWholeRows(a);
    if (wholeCols || wholeRows) {
      // Cells with a style of their own change with the area.
      for (const [r, c, cell] of [...this.cellsIn(sheet, a)]) {
        if (cell.style) this.setCell(sheet, r, c, { ...cell, style: patched(cell.style) });
      }
      if (wholeRows && wholeCols) {
        for (const [r, st] of [...sheet.rowStyles]) this.mapSet(sheet.rowStyles, r, patched(st));
        for (let c = a.left; c <= a.right; c++) {
          this.mapSet(sheet.colStyles, c, patched(sheet.colStyles.get(c) ?? DEFAULT_STYLE));
        }
      } else if (wholeRows) {
        // Where a column has a style of its own, the cells at the crossing get the change explicitly
        // (first: the new row style would hide the column's).
        for (const c of [...sheet.colStyles.keys()]) {
          for (let r = a.top; r <= a.bottom; r++) {
            if (!this.cell(sheet, r, c)?.style) this.restyle(sheet, r, c, patched);
          }
        }
        for (let r = a.top; r <= a.bottom; r++) {
          this.mapSet(sheet.rowStyles, r, patched(sheet.rowStyles.get(r) ?? DEFAULT_STYLE));
        }
      } else {
        // Rows with a style of their own would hide the column style: their cells get it explicitly.
        for (const r of [...sheet.rowStyles.keys()]) {
          for (let c = a.left; c <= a.right; c++) {
            if (!this.cell(sheet, r, c)?.style) this.restyle(sheet, r, c, patched);
          }
        }
        for (let c = a.left; c <= a.right; c++) {
          this.mapSet(sheet.colStyles, c, patched(sheet.colStyles.get(c) ?? DEFAULT_STYLE));
        }
      }
      return;
    }
    for (let r = a.top; r <= a.bottom; r++) {
      for (let c = a.left; c <= a.right; c++) this.restyle(sheet, r, c, patched);
    }
  }

  private restyle(sheet: Sheet, r: number, c: number, patched: (s: Style) => Style): void {
    const cell = this.cell(sheet, r, c);
    this.setCell(sheet, r, c, { ...(cell ?? { value: null }), style: patched(this.styleAt(sheet, r, c)) });
  }

  /** The smallest area holding every cell with content (and, unless `valuesOnly`, a format); null when none. */
  usedArea(sheet: Sheet, valuesOnly: boolean): Area | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of sheet.cells) {
      const hasValue = cell.value !== null || cell.formula !== undefined;
      if (valuesOnly ? !hasValue : !hasValue && !cell.style && !cell.link) continue;
      const r = rowOfKey(key);
      const c = columnOfKey(key);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export function newSheet(id: string, name: string): Sheet {
  return {
    id,
    name,
    visibility: 'Visible',
    tabColor: '',
    showGridlines: true,
    cells: new Map(),
    rowStyles: new Map(),
    colStyles: new Map(),
    colWidths: new Map(),
    rowHeights: new Map(),
    merges: [],
    borders: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    protection: { protected: false, options: { ...DEFAULT_PROTECTION }, password: null },
    freeze: { rows: 0, columns: 0 },
    pageLayout: { orientation: 'Portrait', zoom: { scale: 100 }, printTitleRows: null, printArea: null },
  };
}
