import { promises as fs } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { CellValue, Snapshot, TableSnapshot } from '../core/snapshot';
import { cellValue } from './cells';
import { MAX_WORKBOOK_BYTES, WorkbookFileError, errorText } from './errors';
import { loadWorkbook } from './load';
import type { PackageTable } from './package';
import { parseRange } from './ref';

export { MAX_WORKBOOK_BYTES, WorkbookFileError, type WorkbookFileReason } from './errors';

export interface ReadOptions {
  /** Refuse larger files; tests pass a small limit. */
  readonly maxBytes?: number;
}

/**
 * Reads every Excel table of a workbook, wherever it sits, by name. The
 * table's `ref` in its definition part is the truth for its extent; the
 * values come from the sheet's cells. Throws only WorkbookFileError.
 */
export async function readWorkbook(data: Buffer | Uint8Array, options: ReadOptions = {}): Promise<Snapshot> {
  try {
    const { info, workbook } = await loadWorkbook(data, 'read', options.maxBytes);
    return {
      date1904: info.date1904,
      sheets: info.sheets.map((s) => ({ name: s.name, visible: s.state === 'visible' })),
      tables: info.tables.map((t) => readTable(workbook, t)),
    };
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    throw new WorkbookFileError('not_workbook', `the workbook cannot be read: ${errorText(e)}`);
  }
}

export async function readWorkbookFile(path: string, options: ReadOptions = {}): Promise<Snapshot> {
  const maxBytes = options.maxBytes ?? MAX_WORKBOOK_BYTES;
  let size: number;
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) throw new WorkbookFileError('not_found', `${path} is not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    throw new WorkbookFileError('not_found', `${path} cannot be opened: ${errorText(e)}`);
  }
  // Checked before reading, so that a huge file is never loaded into memory.
  if (size === 0) throw new WorkbookFileError('empty', `${path} is empty (0 bytes)`);
  if (size > maxBytes) {
    throw new WorkbookFileError('too_large', `${path} has ${size} bytes, more than the limit of ${maxBytes}`);
  }
  let data: Buffer;
  try {
    data = await fs.readFile(path);
  } catch (e) {
    throw new WorkbookFileError('not_found', `${path} cannot be read: ${errorText(e)}`);
  }
  return readWorkbook(data, { maxBytes });
}

function readTable(workbook: ExcelJS.Workbook, t: PackageTable): TableSnapshot {
  const area = parseRange(t.ref);
  if (!area) throw new WorkbookFileError('not_workbook', `table ${t.name} has a malformed range "${t.ref}"`);
  const ws = workbook.getWorksheet(t.sheet);
  if (!ws)
    throw new WorkbookFileError('not_workbook', `the cells of sheet "${t.sheet}" (table ${t.name}) cannot be read`);
  const row = (r: number): CellValue[] => {
    const out: CellValue[] = [];
    for (let c = area.left; c <= area.right; c++) out.push(cellValue(ws.findCell(r + 1, c + 1)));
    return out;
  };
  const rows: CellValue[][] = [];
  for (let r = area.top + t.headerRows; r <= area.bottom - t.totalsRows; r++) rows.push(row(r));
  return {
    name: t.name,
    sheet: t.sheet,
    top: area.top,
    left: area.left,
    // A table without a header row (rare; the standard's tables all have one) reports an empty header.
    header: t.headerRows > 0 ? row(area.top) : [],
    rows,
  };
}
