/**
 * ExcelJS writes a link inside the workbook as an external relationship
 * (Excel and LibreOffice then look for another file), so such links are
 * tagged here and turned into `location` hyperlinks after saving (links.ts).
 */
import type ExcelJS from 'exceljs';
import type { PlanValue } from '../core/plan';
import { dateFormat } from '../core/writes';
import { WorkbookWriteError } from './errors';
import { escapeXstring } from './xml';

export const INTERNAL_LINK = 'kitaphana-internal:';

/** Excel's limit on the text of one cell. */
const MAX_TEXT = 32_767;

export function excelValue(v: PlanValue, where: string): ExcelJS.CellValue {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new WorkbookWriteError('bad_plan', `${where}: ${v} is not a number Excel can store`);
    return v;
  }
  if (typeof v === 'string') {
    if (v.length > MAX_TEXT)
      throw new WorkbookWriteError('bad_plan', `${where}: text longer than ${MAX_TEXT} characters`);
    return escapeXstring(v);
  }
  if ('date' in v) {
    if (!Number.isFinite(v.date)) throw new WorkbookWriteError('bad_plan', `${where}: the date is not a number`);
    return new Date(v.date);
  }
  if ('formula' in v) return { formula: v.formula.replace(/^=/, '') };
  const internal = v.link.startsWith('#');
  return { text: escapeXstring(v.text), hyperlink: internal ? INTERNAL_LINK + v.link.slice(1) : v.link };
}

/** The number format a date value needs when the plan gives none: the one every writer gives (`core/writes`). */
export function dateFormatFor(v: PlanValue): string | null {
  if (v === null || typeof v !== 'object' || !('date' in v)) return null;
  return dateFormat(v.date);
}

export function isLink(v: PlanValue): boolean {
  return v !== null && typeof v === 'object' && 'link' in v;
}
