/**
 * One ExcelJS cell as a snapshot value. A formula is kept as its text and its
 * cached result is ignored: openpyxl writes none and any other program's may
 * be stale.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../core/snapshot';

export function cellValue(cell: ExcelJS.Cell | undefined): CellValue {
  if (!cell) return null;
  const value: unknown = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
      return { kind: 'formula', formula: `=${displayFormula(cell.formula ?? '')}` };
    case ExcelJS.ValueType.Date:
      return value instanceof Date && Number.isFinite(value.getTime())
        ? { kind: 'date', ms: value.getTime() }
        : { kind: 'error', code: '#NUM!' };
    case ExcelJS.ValueType.Error:
      return { kind: 'error', code: errorCode(value) };
    case ExcelJS.ValueType.Hyperlink:
      return plain(isObject(value) ? value['text'] : value);
    default:
      return plain(value);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function errorCode(v: unknown): string {
  return isObject(v) && typeof v['error'] === 'string' ? v['error'] : '#VALUE!';
}

/** Numbers, text (rich text flattened), booleans; anything else as its text. */
function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? { kind: 'date', ms: v.getTime() } : null;
  if (isObject(v)) {
    if (Array.isArray(v['richText'])) {
      return v['richText'].map((run: unknown) => (isObject(run) ? String(run['text'] ?? '') : '')).join('');
    }
    if ('error' in v) return { kind: 'error', code: errorCode(v) };
    if ('text' in v) return plain(v['text']);
  }
  return String(v);
}

/** Formulas as Excel shows them: files spell newer functions `_xlfn.IFS(...)`. */
function displayFormula(f: string): string {
  return f.replace(/_xl(?:fn|ws)\./g, '');
}
