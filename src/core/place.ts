/**
 * Where a register or report cell is, as findings name it: the parser and
 * every check point at cells the same way.
 */
import type { Place } from './finding';
import type { Register, RegisterRow, Report, ReportLine } from './parsed';
import { cellAddress } from './snapshot';

/** Where a register cell is, as findings name it. */
export function registerPlace(reg: Register, row: RegisterRow | null, column: string | null, libId?: string): Place {
  const t = reg.table;
  if (!t) return { table: reg.def.name, row: null, column, cell: null };
  const col = column === null ? 0 : (reg.columns.get(column) ?? 0);
  return {
    table: t.name,
    row: row ? row.key : null,
    column,
    cell: cellAddress(t.sheet, row ? t.top + 1 + row.n : t.top, t.left + col),
    ...(libId ? { libId } : {}),
  };
}

export function reportPlace(report: Report, line: ReportLine | null, column: string | null, code?: string): Place {
  const t = report.table;
  const col = column === null ? 0 : (report.columns.get(column) ?? 0);
  return {
    table: t.name,
    row: line ? line.code : (code ?? null),
    column,
    cell: cellAddress(t.sheet, line ? t.top + 1 + line.n : t.top, t.left + col),
    libId: report.libId,
  };
}
