import {
  area,
  type Area,
  type BlockPlan,
  type CellStyle,
  type PlanValue,
  type SheetPlan,
  type StylePlan,
} from '../plan';

/**
 * Lays out a generated sheet top to bottom: a title, sections of header +
 * rows, and remembers the formats as it goes. Keeps the layout functions about
 * what goes on a sheet, not about coordinates.
 */
export class SheetBuilder {
  private row = 0;
  private readonly blocks: BlockPlan[] = [];
  private readonly styles: StylePlan[] = [];
  private readonly merges: Area[] = [];
  private width = 1;
  freezeRows = 0;

  constructor(private readonly name: string) {}

  get nextRow(): number {
    return this.row;
  }

  line(values: PlanValue[], style?: CellStyle, mergeTo?: number): this {
    this.blocks.push({ top: this.row, left: 0, values: [values] });
    if (style)
      this.styles.push({ area: area(this.row, 0, this.row, Math.max(values.length - 1, mergeTo ?? 0)), style });
    if (mergeTo !== undefined && mergeTo > 0) this.merges.push(area(this.row, 0, this.row, mergeTo));
    this.width = Math.max(this.width, values.length);
    this.row++;
    return this;
  }

  gap(): this {
    this.row++;
    return this;
  }

  /** A header row and body rows; `formats` gives a number format per column (index → format). */
  table(header: string[], rows: PlanValue[][], formats: Record<number, string> = {}, freeze = false): Area {
    const top = this.row;
    this.blocks.push({ top, left: 0, values: [header, ...rows] });
    this.styles.push({
      area: area(top, 0, top, header.length - 1),
      style: { bold: true, fill: 'DDEBF7', wrap: true, border: true, vAlign: 'middle' },
    });
    if (rows.length > 0) {
      this.styles.push({ area: area(top + 1, 0, top + rows.length, header.length - 1), style: { border: true } });
      for (const [col, numFmt] of Object.entries(formats)) {
        this.styles.push({ area: area(top + 1, Number(col), top + rows.length, Number(col)), style: { numFmt } });
      }
    }
    if (freeze && this.freezeRows === 0) this.freezeRows = top + 1;
    this.width = Math.max(this.width, header.length);
    this.row += rows.length + 1;
    return area(top, 0, top + rows.length, header.length - 1);
  }

  style(a: Area, style: CellStyle): this {
    this.styles.push({ area: a, style });
    return this;
  }

  build(columnWidths: number[]): SheetPlan {
    return {
      name: this.name,
      visibility: 'visible',
      columnWidths,
      blocks: this.blocks,
      tables: [],
      styles: this.styles,
      validations: [],
      merges: this.merges,
      ...(this.freezeRows > 0 ? { freeze: { rows: this.freezeRows, columns: 0 } } : {}),
      print: {
        landscape: true,
        fitToWidth: true,
        ...(this.freezeRows > 0 ? { titleRows: [this.freezeRows - 1, this.freezeRows - 1] as const } : {}),
      },
    };
  }
}

export const COUNT = '#,##0';
export const ONE_DECIMAL = '#,##0.0';
