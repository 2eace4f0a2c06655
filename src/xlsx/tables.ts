import type ExcelJS from 'exceljs';
import type { PackageInfo } from './package';
import { parseRange, rangeA1 } from './ref';

/** The parts of ExcelJS 4.4's table model the adapter touches (it is not in ExcelJS's typings). */
export interface TableModel {
  name: string;
  displayName?: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string; filterButton?: boolean }[];
  style?: { theme?: string | null; showRowStripes?: boolean };
}

export function tableModels(ws: ExcelJS.Worksheet): TableModel[] {
  const tables = (ws as unknown as { tables?: Record<string, { table?: TableModel }> }).tables ?? {};
  return Object.values(tables)
    .map((t) => t.table)
    .filter((t): t is TableModel => t !== undefined);
}

export function tableName(t: TableModel): string {
  return t.displayName ?? t.name;
}

/**
 * Puts back what ExcelJS 4.4 loses when it loads a table it did not write, so
 * that saving the workbook again leaves the table as it was: the header row
 * (read as absent when `headerRowCount` is omitted, as Excel omits it), the
 * filter buttons (read as hidden unless marked shown), and the style element
 * (LibreOffice writes none, and ExcelJS then fails to save).
 */
export function repairLoadedTables(workbook: ExcelJS.Workbook, info: PackageInfo): void {
  for (const ws of workbook.worksheets) {
    for (const model of tableModels(ws)) {
      const found = info.tables.find(
        (t) => t.sheet === ws.name && t.name.toUpperCase() === tableName(model).toUpperCase(),
      );
      if (!found) continue;
      model.headerRow = found.headerRows > 0;
      model.totalsRow = found.totalsRows > 0;
      model.style ??= { theme: null, showRowStripes: false };
      const area = parseRange(found.ref);
      if (area && model.headerRow) {
        model.autoFilterRef ??= rangeA1({ ...area, bottom: area.bottom - found.totalsRows });
      }
      model.columns.forEach((c, i) => {
        c.filterButton = found.autoFilter && !found.hiddenButtons.includes(i);
      });
    }
  }
}
