import {
  area,
  type Area,
  type BlockPlan,
  type CellStyle,
  type ChartPlan,
  type PlanValue,
  type SheetPlan,
  type StylePlan,
} from '../plan';
import { cut } from '../message';
import { MARKS, type Mark } from './palette';

/** Header cells of the generated tables. */
export const HEADER_STYLE: CellStyle = { bold: true, fill: 'DDEBF7', wrap: true, border: true, vAlign: 'middle' };

/**
 * What stays in view and what repeats on printed pages:
 * - `table`: the first frozen table's header (a sheet that is one long table);
 * - `title`: the title row (a sheet of several sections, where one table's
 *   header frozen above another table would mislabel it);
 * - `none`: nothing (the Dashboard, which prints as pages of its own).
 */
export type Keep = 'table' | 'title' | 'none';

export interface PrintSetup {
  readonly titleRows?: readonly [number, number];
  readonly area?: Area;
  readonly rowBreaks?: readonly number[];
}

/**
 * Lays out a generated sheet top to bottom: a title, sections of header +
 * rows, and remembers the formats as it goes. Keeps the layout functions about
 * what goes on a sheet, not about coordinates. `left` moves the cursor right,
 * for a second column of sections (the Dashboard's chart data).
 */
export class SheetBuilder {
  private row = 0;
  private readonly blocks: BlockPlan[] = [];
  private readonly styles: StylePlan[] = [];
  private readonly merges: Area[] = [];
  private readonly charts: ChartPlan[] = [];
  /**
   * Rows of wrapped text (table headers, long messages, merged lines), whose height is set from their
   * text once the column widths are known; `span` is the number of columns a merged text covers.
   */
  private readonly wrapped: { row: number; left: number; texts: readonly string[]; span: number }[] = [];
  private width = 1;
  left = 0;
  freezeRows = 0;
  /** Fixed row heights in points (the Dashboard's grid), else rows keep the default height. */
  rowHeights: number[] = [];

  constructor(private readonly name: string) {}

  get nextRow(): number {
    return this.row;
  }

  /** Puts the cursor at a row (and, optionally, a column). */
  moveTo(row: number, left = this.left): this {
    this.row = row;
    this.left = left;
    return this;
  }

  line(values: PlanValue[], style?: CellStyle, mergeTo?: number): this {
    const l = this.left;
    this.blocks.push({ top: this.row, left: l, values: [values] });
    if (style)
      this.styles.push({
        area: area(this.row, l, this.row, l + Math.max(values.length - 1, mergeTo ?? 0)),
        style,
      });
    if (mergeTo !== undefined && mergeTo > 0) this.merges.push(area(this.row, l, this.row, l + mergeTo));
    this.width = Math.max(this.width, l + values.length);
    this.row++;
    return this;
  }

  /** A line of cells, each with its own style and width in columns (e.g. the legend of the marks). */
  cells(values: readonly { readonly value: PlanValue; readonly style?: CellStyle; readonly span?: number }[]): this {
    let col = this.left;
    const row: PlanValue[] = [];
    for (const v of values) {
      const span = Math.max(1, v.span ?? 1);
      row.push(v.value, ...Array<PlanValue>(span - 1).fill(null));
      const a = area(this.row, col, this.row, col + span - 1);
      if (v.style) this.styles.push({ area: a, style: v.style });
      if (span > 1) this.merges.push(a);
      col += span;
    }
    this.blocks.push({ top: this.row, left: this.left, values: [row] });
    this.width = Math.max(this.width, col);
    this.row++;
    return this;
  }

  gap(): this {
    this.row++;
    return this;
  }

  /**
   * A header row and body rows; `formats` gives a number format per column (index → format). Headers
   * wrap, unless `wrap` is false (rows of fixed height, where a wrapped header would be cut).
   */
  table(
    header: string[],
    rows: PlanValue[][],
    formats: Record<number, string> = {},
    freeze = false,
    wrap = true,
  ): Area {
    const top = this.row;
    const l = this.left;
    this.blocks.push({ top, left: l, values: [header, ...rows] });
    this.styles.push({
      area: area(top, l, top, l + header.length - 1),
      style: wrap ? HEADER_STYLE : { ...HEADER_STYLE, wrap: false },
    });
    if (wrap) this.wrapped.push({ row: top, left: l, texts: header, span: 1 });
    if (rows.length > 0) {
      this.styles.push({ area: area(top + 1, l, top + rows.length, l + header.length - 1), style: { border: true } });
      for (const [col, numFmt] of Object.entries(formats)) {
        this.styles.push({
          area: area(top + 1, l + Number(col), top + rows.length, l + Number(col)),
          style: { numFmt },
        });
      }
    }
    if (freeze && this.freezeRows === 0) this.freezeRows = top + 1;
    this.width = Math.max(this.width, l + header.length);
    this.row += rows.length + 1;
    return area(top, l, top + rows.length, l + header.length - 1);
  }

  style(a: Area, style: CellStyle): this {
    this.styles.push({ area: a, style });
    return this;
  }

  /** Marks one cell (plan % below or over plan, change % down); `null` leaves it as it is. */
  mark(row: number, col: number, mark: Mark | null): this {
    if (mark) this.styles.push({ area: area(row, col), style: MARKS[mark] });
    return this;
  }

  chart(chart: ChartPlan): this {
    this.charts.push(chart);
    return this;
  }

  /** Makes a row tall enough for a wrapped text starting at `col` and spanning `span` columns. */
  fit(row: number, col: number, text: string, span = 1): this {
    this.wrapped.push({ row, left: col, texts: [text], span });
    return this;
  }

  /**
   * Heights for the rows of wrapped text: neither Excel nor LibreOffice fits a row to wrapped text in a
   * file they open, so a long header or message would be cut to its first line.
   */
  private wrappedHeights(columnWidths: readonly number[]): number[] {
    const heights = [...this.rowHeights];
    const width = (col: number, span: number) => {
      let w = 0;
      for (let i = col; i < col + span; i++) w += columnWidths[i] ?? 8.43;
      return w;
    };
    for (const h of this.wrapped) {
      const lines = Math.max(...h.texts.map((text, i) => wrappedLines(text, width(h.left + i, h.span))));
      if (lines > 1) heights[h.row] = Math.max(heights[h.row] ?? 0, LINE_HEIGHT * lines + 3);
    }
    return Array.from(heights, (x) => x ?? 0);
  }

  build(columnWidths: number[], keep: Keep = 'table', print: PrintSetup = {}): SheetPlan {
    const rowHeights = this.wrappedHeights(columnWidths);
    const frozen = keep === 'table' ? this.freezeRows : keep === 'title' ? 1 : 0;
    const titleRows: readonly [number, number] | undefined =
      keep === 'table' && frozen > 0 ? [frozen - 1, frozen - 1] : keep === 'title' ? [0, 0] : undefined;
    return {
      name: this.name,
      visibility: 'visible',
      columnWidths,
      ...(rowHeights.length > 0 ? { rowHeights } : {}),
      blocks: this.blocks.map(withinCellLimit),
      tables: [],
      styles: this.styles,
      validations: [],
      merges: this.merges,
      ...(frozen > 0 ? { freeze: { rows: frozen, columns: 0 } } : {}),
      print: {
        landscape: true,
        fitToWidth: true,
        ...(titleRows ? { titleRows } : {}),
        ...print,
      },
      ...(this.charts.length > 0 ? { charts: this.charts, gridlines: false } : {}),
    };
  }
}

/** The most characters an Excel cell holds. */
export const CELL_TEXT_MAX = 32_767;

const tooLong = (v: PlanValue): boolean =>
  (typeof v === 'string' && v.length > CELL_TEXT_MAX) ||
  (v !== null && typeof v === 'object' && 'text' in v && v.text.length > CELL_TEXT_MAX);

/**
 * A block whose texts all fit in a cell: messages already quote values
 * briefly, this is the last guard, so that no text of a workbook can make
 * the file unwritable.
 */
function withinCellLimit(block: BlockPlan): BlockPlan {
  if (!block.values.some((row) => row.some(tooLong))) return block;
  const fit = (v: PlanValue): PlanValue =>
    !tooLong(v)
      ? v
      : typeof v === 'string'
        ? cut(v, CELL_TEXT_MAX)
        : { ...(v as { text: string; link: string }), text: cut((v as { text: string }).text, CELL_TEXT_MAX) };
  return { ...block, values: block.values.map((row) => row.map(fit)) };
}

/** Points per line of 11-point text. */
const LINE_HEIGHT = 14.5;

/**
 * How many lines a text takes in a column `width` characters wide (Excel's unit: the width of a digit),
 * wrapping at spaces, with some room for bold and wide letters.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width * 0.95) - 1);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const len = word.length;
    if (used === 0) used = len;
    else if (used + 1 + len <= room) used += 1 + len;
    else {
      lines++;
      used = len;
    }
    while (used > room) {
      lines++;
      used -= room;
    }
  }
  return lines;
}

export const COUNT = '#,##0';
export const ONE_DECIMAL = '#,##0.0';
