/**
 * The input cells of the libraries' reports, as an import fills them: the
 * target's own report (its blank cells take the source's values), or the
 * report sheet of a library new to the target, which a source's report
 * fills from blank.
 */
import { INDICATORS, REPORT_COLUMNS, REPORT_HEADER_ROW } from '../../standard';
import type { Report, ReportLine } from '../parsed';
import type { PlanValue } from '../plan';
import type { CellValue } from '../snapshot';
import { cellAddress } from '../snapshot';
import { comparable, rawValue, type Comparable } from './values';

export const IMPORTED_COLUMNS = ['plan', 'q1', 'q2', 'q3', 'q4', 'prior_year', 'note'] as const;
export type ImportedColumn = (typeof IMPORTED_COLUMNS)[number];

export interface ReportCell {
  readonly cmp: Comparable;
  readonly raw: CellValue;
  readonly write: PlanValue;
}

function lineValue(line: ReportLine, column: ImportedColumn): string | number | null {
  switch (column) {
    case 'plan':
      return line.plan;
    case 'prior_year':
      return line.prior_year;
    case 'note':
      return line.note;
    default:
      return line.q[Number(column.slice(1)) - 1] ?? null;
  }
}

/** A report's input cell: what it means, and what to write for it elsewhere. */
export function reportCell(report: Report, line: ReportLine, column: ImportedColumn): ReportCell | null {
  const i = report.columns.get(column);
  if (i === undefined) return null;
  const raw = report.table.rows[line.n]?.[i] ?? null;
  const bad = line.bad?.has(column) ?? false;
  const parsed = lineValue(line, column);
  const cmp = comparable(parsed, raw, bad);
  if (cmp === null) return null;
  // A note is written as the source holds it (its leading spaces or line break kept), like a register's free text.
  const asIs = bad || parsed === null || (column === 'note' && typeof raw === 'string');
  return { cmp, raw, write: asIs ? rawValue(raw) : parsed };
}

export function reportCellAddress(report: Report, line: ReportLine, column: ImportedColumn): string {
  const t = report.table;
  return cellAddress(t.sheet, t.top + 1 + line.n, t.left + (report.columns.get(column) ?? 0));
}

/** A report sheet the import creates for a library new to the target, filled as it goes. */
export class NewReport {
  /** Values by indicator code and column. */
  readonly values = new Map<string, Map<ImportedColumn, ReportCell>>();

  constructor(
    readonly libId: string,
    readonly sheet: string,
    readonly name: string,
  ) {}

  get(code: string, column: ImportedColumn): ReportCell | undefined {
    return this.values.get(code)?.get(column);
  }

  set(code: string, column: ImportedColumn, cell: ReportCell): void {
    let row = this.values.get(code);
    if (!row) this.values.set(code, (row = new Map()));
    row.set(column, cell);
  }

  /** Where the template puts this indicator's cell. */
  address(code: string, column: ImportedColumn): string {
    const i = INDICATORS.findIndex((x) => x.code === code);
    return cellAddress(this.sheet, REPORT_HEADER_ROW + i, REPORT_COLUMNS.indexOf(column));
  }

  /** The values as the template takes them, with the cells a resolved conflict gives another value (by `<lib>:<code>:<column>`). */
  content(overrides: ReadonlyMap<string, ReportCell>): Record<string, Partial<Record<ImportedColumn, PlanValue>>> {
    const out: Record<string, Partial<Record<ImportedColumn, PlanValue>>> = {};
    for (const [code, row] of this.values) {
      const v: Partial<Record<ImportedColumn, PlanValue>> = {};
      for (const [c, cell] of row) v[c] = (overrides.get(`${this.libId}:${code}:${c}`) ?? cell).write;
      out[code] = v;
    }
    return out;
  }
}
