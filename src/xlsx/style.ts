import type ExcelJS from 'exceljs';
import type { CellStyle } from '../core/plan';
import { WorkbookWriteError } from './errors';

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const VERTICAL: Readonly<Record<NonNullable<CellStyle['vAlign']>, ExcelJS.Alignment['vertical']>> = {
  top: 'top',
  middle: 'middle',
  bottom: 'bottom',
};

/** `RRGGBB` (or `#RRGGBB`, or ARGB) as ExcelJS's opaque ARGB. */
export function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  throw new WorkbookWriteError('bad_plan', `"${color}" is not a colour (RRGGBB)`);
}

/**
 * Merges a style onto a cell: only the properties the plan names change, so
 * that several style plans over the same cells compose. New objects are
 * assigned rather than mutated because ExcelJS shares them between cells.
 */
export function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.bold !== undefined || s.italic !== undefined || s.size !== undefined || s.color !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...cell.font };
    if (s.bold !== undefined) font.bold = s.bold;
    if (s.italic !== undefined) font.italic = s.italic;
    if (s.size !== undefined) font.size = s.size;
    if (s.color !== undefined) font.color = { argb: argb(s.color) };
    cell.font = font;
  }
  if (s.fill !== undefined) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  }
  if (s.numFmt !== undefined) cell.numFmt = s.numFmt;
  if (s.wrap !== undefined || s.hAlign !== undefined || s.vAlign !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...cell.alignment };
    if (s.wrap !== undefined) alignment.wrapText = s.wrap;
    if (s.hAlign !== undefined) alignment.horizontal = s.hAlign;
    if (s.vAlign !== undefined) alignment.vertical = VERTICAL[s.vAlign];
    cell.alignment = alignment;
  }
  if (s.border !== undefined) {
    cell.border = s.border ? { top: THIN, left: THIN, bottom: THIN, right: THIN } : {};
  }
  if (s.locked !== undefined) cell.protection = { ...cell.protection, locked: s.locked };
}

/** How a link looks, since Excel applies no style to a hyperlink written into a file. */
export const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };
