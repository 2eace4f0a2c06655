/**
 * A `WorkbookPlan` is what the software wants a workbook to look like, as
 * data: sheets, tables, cells, formats, validations. Layout functions produce
 * it from the standard or from a consolidation; each adapter (the .xlsx
 * writer, office-js) applies it in its own medium. Cells that people fill are
 * never in a plan's write set for an existing workbook.
 */
export type PlanValue =
  | null
  | string
  | number
  | boolean
  | { readonly date: number }
  | { readonly formula: string }
  /** A link: inside the workbook when it starts with `#` (e.g. `#'KRG_TEMIRTAU'!F6`), else a URL. */
  | { readonly text: string; readonly link: string };

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  /** Font colour, RRGGBB. */
  readonly color?: string;
  /** Fill colour, RRGGBB. */
  readonly fill?: string;
  readonly numFmt?: string;
  readonly wrap?: boolean;
  readonly hAlign?: 'left' | 'center' | 'right';
  readonly vAlign?: 'top' | 'middle' | 'bottom';
  readonly border?: boolean;
  /** Cells are locked by default in Excel; input cells of protected sheets say `false`. */
  readonly locked?: boolean;
}

/** A rectangle of cells, 0-based, inclusive. */
export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface StylePlan {
  readonly area: Area;
  readonly style: CellStyle;
}

/** Values written from (top, left), row by row. */
export interface BlockPlan {
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly PlanValue[])[];
}

export interface TablePlan {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly header: readonly string[];
  /** At least one row: Excel tables cannot be empty, so an empty register has one blank row. */
  readonly rows: readonly (readonly PlanValue[])[];
}

export type ValidationRule =
  | { readonly kind: 'list'; readonly source: string }
  | { readonly kind: 'whole'; readonly min: number; readonly max?: number }
  | { readonly kind: 'decimal'; readonly min: number; readonly max?: number }
  /** Bounds in UTC milliseconds, as `{ date }` values. */
  | { readonly kind: 'date'; readonly min: number; readonly max: number }
  | { readonly kind: 'textLength'; readonly max: number };

export interface ValidationPlan {
  readonly area: Area;
  readonly rule: ValidationRule;
  /** Shown when a wrong value is typed: says what to type instead. */
  readonly errorTitle: string;
  readonly error: string;
}

/**
 * A native chart, described once and drawn by each adapter: office-js
 * (`worksheet.charts.add`, with the series orientation given explicitly since
 * "Auto" lays series out differently on the web and the desktop) and the
 * .xlsx writer (DrawingML chart parts, not pictures).
 */
export type ChartKind =
  'columnClustered' | 'barClustered' | 'columnStacked' | 'barStacked' | 'line' | 'lineMarkers' | 'pie';

export interface ChartSeriesStyle {
  /** RRGGBB; the same indicator keeps its colour on every chart. */
  readonly color?: string;
  /** Draw this series as a line over columns (e.g. the 100 % plan line). */
  readonly asLine?: boolean;
  /**
   * The data labels' text, point by point (null: no label), as the workbook's language writes the values.
   * A label left to the program takes the reader's separators (35,438 under a Russian title's 75 046);
   * text is the same in every Excel and in LibreOffice (office-js `point.dataLabel.text`, a file's `c:dLbl`).
   */
  readonly labels?: readonly (string | null)[];
}

export interface ChartPlan {
  /** Stable name, unique in the workbook (office-js `chart.name`). */
  readonly name: string;
  readonly kind: ChartKind;
  readonly title: string;
  /**
   * Alternative text in the workbook's language: the title and what the chart shows (total, highest and
   * lowest, change). Files write it as the drawing's `descr`; office-js has no alternative text for charts,
   * so the layout also puts it in a cell under the chart. Optional: a chart read back from Excel has none.
   */
  readonly altText?: string;
  /** The sheet that holds the data (a generated sheet) and the data's area, header row and category column included. */
  readonly dataSheet: string;
  readonly data: Area;
  readonly seriesBy: 'columns' | 'rows';
  /** Where it stands on its own sheet: from the top-left cell to the bottom-right cell. */
  readonly position: Area;
  readonly categoryTitle?: string;
  readonly valueTitle?: string;
  readonly dataLabels?: boolean;
  /** Styles by series, in the order of the series. */
  readonly series?: readonly ChartSeriesStyle[];
  /**
   * Categories in reverse order (office-js `categoryAxis.reversePlotOrder`), with the value axis kept
   * at the bottom: a bar chart then lists its categories top down in data order, as a sorted table reads.
   */
  readonly reverseCategories?: boolean;
  /**
   * The value axis: `min` where the interesting range is far from zero (plan % around 100), `hidden` where
   * data labels already give every value (office-js `valueAxis.minimum`, `valueAxis.visible`); `format`, the
   * number format of its ticks, with the workbook's language's separators written in (`valueAxis.numberFormat`).
   */
  readonly valueAxis?: { readonly min?: number; readonly hidden?: boolean; readonly format?: string };
  /**
   * Room for the category labels, so that a program that prints the chart does not break them mid-word:
   * on a bar chart, the share of the chart's width left of the plot (`room`); on a column chart, the
   * labels' angle in degrees (`angle`, negative: rising to the right) where they are wider than a category;
   * with `room`, the share of the chart's height above the plot, for a title of two lines (`top`).
   */
  readonly categoryLabels?: { readonly room?: number; readonly angle?: number; readonly top?: number };
}

export interface SheetPlan {
  readonly name: string;
  readonly visibility: 'visible' | 'hidden';
  readonly tabColor?: string;
  readonly columnWidths: readonly number[];
  /** Row heights in points, by row (0 or missing: the default), fixed so that charts keep their size. */
  readonly rowHeights?: readonly number[];
  readonly blocks: readonly BlockPlan[];
  readonly tables: readonly TablePlan[];
  readonly styles: readonly StylePlan[];
  readonly validations: readonly ValidationPlan[];
  readonly merges?: readonly Area[];
  /** Rows and columns kept in view when scrolling. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Protected sheets reject edits of locked cells; unlocked input cells are named in `styles`. */
  readonly protect?: boolean;
  /** Print setup; `titleRows` are 0-based, inclusive rows repeated on every page. */
  readonly print?: {
    readonly landscape: boolean;
    readonly fitToWidth: boolean;
    readonly titleRows?: readonly [number, number];
    /** The part of the sheet that prints (else everything with content). */
    readonly area?: Area;
    /** 0-based rows that start a new printed page. */
    readonly rowBreaks?: readonly number[];
  };
  /** `false` hides the cell grid on screen, so that a sheet of charts reads like a page. */
  readonly gridlines?: boolean;
  /** Native charts standing on this sheet. */
  readonly charts?: readonly ChartPlan[];
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  /** Sheets to remove before the plan's sheets are written (the previous generated sheets). */
  readonly removeSheets: readonly string[];
  /** Meta settings to write or update (e.g. the list of generated sheets). */
  readonly meta?: Readonly<Record<string, string>>;
}

export const area = (top: number, left: number, bottom = top, right = left): Area => ({ top, left, bottom, right });
