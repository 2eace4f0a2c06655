import type ExcelJS from 'exceljs';
import type { CellValue, Snapshot, TableSnapshot } from '../../src/core/snapshot';
import { cellValue } from '../../src/xlsx/cells';
import { loadWorkbook } from '../../src/xlsx/load';
import type { PackageTable } from '../../src/xlsx/package';
import { parseRange } from '../../src/xlsx/ref';

/** The reader as it was before the streaming one: every workbook through ExcelJS's model. */
export async function readWithExcelJS(data: Buffer): Promise<Snapshot> {
  const { info, workbook } = await loadWorkbook(data, 'read');
  return {
    date1904: info.date1904,
    sheets: info.sheets.map((s) => ({ name: s.name, visible: s.state === 'visible' })),
    tables: info.tables.map((t) => readTable(workbook, t)),
  };
}

function readTable(workbook: ExcelJS.Workbook, t: PackageTable): TableSnapshot {
  const area = parseRange(t.ref)!;
  const ws = workbook.getWorksheet(t.sheet)!;
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
    header: t.headerRows > 0 ? row(area.top) : [],
    rows,
  };
}
