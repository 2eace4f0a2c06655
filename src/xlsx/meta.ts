import type ExcelJS from 'exceljs';
import { WorkbookWriteError } from './errors';
import { parseRange, rangeA1 } from './ref';
import { tableModels, tableName } from './tables';
import { escapeXstring } from './xml';

const META_TABLE = 'META';

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

/**
 * Writes settings into the `Meta` table (key, value): a key's row is updated
 * where it exists, otherwise a row is added below the table and the table
 * grows to hold it.
 */
export function applyMeta(workbook: ExcelJS.Workbook, meta: Readonly<Record<string, string>>): void {
  const entries = Object.entries(meta);
  if (entries.length === 0) return;
  for (const ws of workbook.worksheets) {
    const model = tableModels(ws).find((t) => tableName(t).toUpperCase() === META_TABLE);
    if (!model) continue;
    const area = parseRange(model.tableRef ?? '');
    if (!area || model.totalsRow || area.right - area.left < 1) {
      throw new WorkbookWriteError('bad_plan', `the Meta table on sheet "${ws.name}" is not a key/value table`);
    }
    const keyCol = area.left + 1;
    let bottom = area.bottom;
    for (const [key, value] of entries) {
      let row = 0;
      for (let r = area.top + 2; r <= bottom + 1; r++) {
        if (text(ws.getCell(r, keyCol).value).trim().toLowerCase() === key.toLowerCase()) row = r;
      }
      if (row === 0) {
        row = bottom + 2;
        for (let c = area.left; c <= area.right; c++) {
          if (text(ws.getCell(row, c + 1).value) !== '') {
            throw new WorkbookWriteError(
              'bad_plan',
              `cannot add "${key}" to the Meta table: the row below it is not empty`,
            );
          }
        }
        bottom += 1;
        ws.getCell(row, keyCol).value = key;
      }
      ws.getCell(row, keyCol + 1).value = escapeXstring(value);
    }
    model.tableRef = rangeA1({ ...area, bottom });
    if (model.autoFilterRef !== undefined) model.autoFilterRef = rangeA1({ ...area, bottom });
    return;
  }
  throw new WorkbookWriteError('no_meta', 'the plan sets Meta values but the workbook has no Meta table');
}
