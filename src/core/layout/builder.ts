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
  /** Pages are landscape unless a sheet says otherwise (the Note, a page of text). */
  readonly landscape?: boolean;
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
  private readonly wrapped: {
    row: number;
    left: number;
    texts: readonly string[];
    span: number;
    /** A table's header: bold, and each column made wide enough for its longest word. */
    header?: boolean;
  }[] = [];
  private width = 1;
  left = 0;
  freezeRows = 0;
  /** Fixed row heights in points (the Dashboard's grid), else rows keep the default height. */
  rowHeights: number[] = [];

  constructor(readonly name: string) {}

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
    if (wrap) this.wrapped.push({ row: top, left: l, texts: header, span: 1, header: true });
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

  /** A text filling an area (merged, wrapped, at the top): a note under a chart, in rows of fixed height. */
  text(a: Area, text: string, style: CellStyle): this {
    this.blocks.push({ top: a.top, left: a.left, values: [[text]] });
    this.styles.push({ area: a, style: { ...style, wrap: true, vAlign: 'top' } });
    if (a.bottom > a.top || a.right > a.left) this.merges.push(a);
    this.width = Math.max(this.width, a.right + 1);
    return this;
  }

  chart(chart: ChartPlan): this {
    this.charts.push(chart);
    return this;
  }

  /**
   * Wraps the body of a table's column (`a` as `table` returned it), each row made tall enough for its
   * text: a long label would otherwise run into the next column, or be cut where that one is filled.
   */
  wrapColumn(a: Area, col: number, rows: readonly (readonly PlanValue[])[]): this {
    if (rows.length === 0) return this;
    this.styles.push({ area: area(a.top + 1, a.left + col, a.bottom, a.left + col), style: { wrap: true } });
    rows.forEach((row, i) => {
      const v = row[col];
      if (typeof v === 'string') this.fit(a.top + 1 + i, a.left + col, v);
    });
    return this;
  }

  /** Makes a row tall enough for a wrapped text starting at `col` and spanning `span` columns. */
  fit(row: number, col: number, text: string, span = 1): this {
    this.wrapped.push({ row, left: col, texts: [text], span });
    return this;
  }

  /**
   * Column widths in which every word of every wrapped header fits: a column narrower than a word makes
   * Excel and LibreOffice break the word itself ("Маңыздылығ|ы"), and Kazakh and Russian words are long.
   */
  private widthsForHeaders(columnWidths: readonly number[]): number[] {
    const widths = [...columnWidths];
    for (const h of this.wrapped) {
      if (!h.header) continue;
      h.texts.forEach((text, i) => {
        const col = h.left + i;
        widths[col] = Math.max(widths[col] ?? DEFAULT_WIDTH, widthForWords(text, true));
      });
    }
    return Array.from(widths, (w) => w ?? DEFAULT_WIDTH);
  }

  /**
   * Heights for the rows of wrapped text: neither Excel nor LibreOffice fits a row to wrapped text in a
   * file they open, so a long header or message would be cut to its first line.
   */
  private wrappedHeights(columnWidths: readonly number[]): number[] {
    const heights = [...this.rowHeights];
    const width = (col: number, span: number) => {
      let w = 0;
      for (let i = col; i < col + span; i++) w += columnWidths[i] ?? DEFAULT_WIDTH;
      return w;
    };
    for (const h of this.wrapped) {
      const lines = Math.max(
        ...h.texts.map((text, i) => wrappedLines(text, width(h.left + i, h.span), h.header === true)),
      );
      if (lines > 1) heights[h.row] = Math.min(MAX_ROW_HEIGHT, Math.max(heights[h.row] ?? 0, LINE_HEIGHT * lines + 3));
    }
    return Array.from(heights, (x) => x ?? 0);
  }

  /** The sheet's plan; `widths` are the columns' widths before they are widened for the headers' words. */
  build(widths: number[], keep: Keep = 'table', print: PrintSetup = {}): SheetPlan {
    const columnWidths = this.widthsForHeaders(widths);
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

/** Excel's default column width, in its unit. */
const DEFAULT_WIDTH = 8.43;
/** Points per line of 11-point text. */
export const LINE_HEIGHT = 14.5;
/** Excel's tallest row, in points: office-js refuses a taller one, and a file with one is repaired. */
export const MAX_ROW_HEIGHT = 409;
/** The lines of wrapped text that fit in the tallest row. */
export const MAX_ROW_LINES = Math.floor((MAX_ROW_HEIGHT - 3) / LINE_HEIGHT);

/**
 * A text cut into pieces each of which fits in one row of `width` (at most `maxLines` wrapped lines):
 * between sentences where it can, else between words. A long list (the libraries not visited, at the
 * scale of a republic) would otherwise need a row taller than Excel allows, and be cut.
 */
export function rowsOfText(text: string, width: number, maxLines = MAX_ROW_LINES): string[] {
  if (wrappedLines(text, width) <= maxLines) return [text];
  const pieces: string[] = [];
  let current = '';
  const push = (unit: string) => {
    const joined = current ? `${current} ${unit}` : unit;
    if (!current || wrappedLines(joined, width) <= maxLines) current = joined;
    else {
      pieces.push(current);
      current = unit;
    }
  };
  // Plain spaces only: a no-break space holds a number's groups ("110 312") together.
  for (const sentence of text.split(/(?<=[.!?;]) +/)) {
    if (wrappedLines(sentence, width) <= maxLines) push(sentence);
    else for (const word of sentence.split(/ +/).filter(Boolean)) push(word);
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Widths of letters in Excel's column unit (the width of a digit of the sheet's font: Calibri 11, or
 * what LibreOffice puts in its place), from Calibri's advance widths; Cyrillic and Kazakh letters as wide
 * as their Latin look-alikes, Ж Ш Щ Ю М and ж ш щ ю м ы ф wider than any Latin lower-case letter but m and w.
 */
const LETTER_WIDTHS: readonly [string, number][] = [
  [" .,:;'!|iljIіІ()[]", 0.5],
  ['frtгтсзэсчь-/«»"', 0.8],
  ['mwжшщюыфМЖШЩЮФWҚҢ', 1.6],
  ['ABCDEFGHJKLNOPQRSTUVXYZАБВГДЕЁЗИЙКЛНОПРСТУХЦЧЪЫЬЭЯӘҒӨҰҮҺ%', 1.25],
];
const LETTER_WIDTH = new Map(LETTER_WIDTHS.flatMap(([letters, w]) => [...letters].map((c) => [c, w] as const)));
/** Bold letters are this much wider. */
const BOLD = 1.1;
/** Room a cell keeps on either side of its text, in the same unit. */
const CELL_PADDING = 0.8;

/** How wide a text is, in Excel's column unit (an estimate on the generous side). */
export function textWidth(text: string, bold = false): number {
  let w = 0;
  for (const c of text) w += LETTER_WIDTH.get(c) ?? 1;
  return w * (bold ? BOLD : 1);
}

/** The column width in which the longest word of a text fits on a line of its own. */
export function widthForWords(text: string, bold = false): number {
  const words = text.split(/\s+/).filter(Boolean);
  return Math.ceil(Math.max(0, ...words.map((w) => textWidth(w, bold))) + CELL_PADDING);
}

/**
 * How many lines a text takes in a column `width` characters wide (Excel's unit: the width of a digit),
 * wrapping at spaces, by the letters' estimated widths.
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const room = Math.max(1, width - CELL_PADDING);
  const space = textWidth(' ', bold);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const len = textWidth(word, bold);
    if (used === 0) used = len;
    else if (used + space + len <= room) used += space + len;
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
