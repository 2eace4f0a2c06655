/**
 * The report values an import brings: a source's values fill the blank
 * input cells of the target's report of the same library, or the report
 * sheet made for a library new to the target; a filled cell holding another
 * value is a conflict, whose effect (the source's value written) applies
 * only if the person chooses it.
 */
import { LIB_ID_PATTERN, type Language } from '../../standard';
import type { ParsedWorkbook, Report } from '../parsed';
import type { Snapshot } from '../snapshot';
import { freeName } from '../setup';
import type { WorkTable } from './registers';
import { IMPORTED_COLUMNS, NewReport, reportCell, reportCellAddress, type ReportCell } from './reports';
import { sameValue, shown } from './values';
import type { Overwrites, ReportFill } from './changes';
import type { FilledCell, ImportConflict, ReportNotTaken } from './types';

export interface ReportHooks {
  filled(): void;
  conflict(c: Omit<ImportConflict, 'resolution'>, apply: (o: Overwrites) => void): void;
}

export class ReportImport {
  readonly filled: FilledCell[] = [];
  /** Sources' reports with values the target takes from no library of that id (unknown, inactive, or no sheet name). */
  readonly notTaken: ReportNotTaken[] = [];
  private readonly fresh = new Map<string, NewReport>();
  private readonly fills = new Map<string, ReportFill>();
  private readonly sheetNames: Set<string>;

  constructor(
    private readonly wb: ParsedWorkbook,
    target: Snapshot,
    private readonly language: Language,
  ) {
    this.sheetNames = new Set(target.sheets.map((s) => s.name.toUpperCase()));
  }

  newReports(): NewReport[] {
    return [...this.fresh.values()];
  }

  /** The writes planned so far, as a copy a resolution may add to. */
  overwrites(): Overwrites {
    return { rows: new Map(), fills: new Map(this.fills), fresh: new Map() };
  }

  source(src: ParsedWorkbook, file: string, libraries: WorkTable, hooks: ReportHooks): void {
    for (const report of src.reports.values()) {
      const lib = libraries.find(report.libId);
      const own = this.wb.reports.get(report.libId);
      const fresh = own || !lib ? undefined : this.newReport(report.libId, lib.cmp);
      if (!own && !fresh) {
        if (!report.empty) this.notTaken.push({ libId: report.libId, source: file });
        continue;
      }
      for (const [code, line] of report.lines) {
        const targetLine = own?.lines.get(code);
        if (own && !targetLine) continue;
        for (const column of IMPORTED_COLUMNS) {
          const cell = reportCell(report, line, column);
          if (!cell) continue;
          const from = { file, cell: reportCellAddress(report, line, column) };
          const fillKey = `${report.libId}:${code}:${column}`;
          let present: ReportCell | null;
          let address: string;
          let put: (o: { fills: Map<string, ReportFill>; fresh: Map<string, ReportCell> }) => void;
          if (own && targetLine) {
            present = this.fills.get(fillKey)?.cell ?? ownCell(own, code, column);
            address = reportCellAddress(own, targetLine, column);
            const fill: ReportFill = { table: own.table, columns: own.columns, n: targetLine.n, column, cell };
            put = (o) => o.fills.set(fillKey, fill);
          } else {
            const r = fresh as NewReport;
            present = r.get(code, column) ?? null;
            address = r.address(code, column);
            put = (o) => o.fresh.set(fillKey, cell);
          }
          if (present === null) {
            // A new library's sheet is listed as a whole (`newReports`), its cells only counted: a national
            // import makes thousands of them, and the plan keeps what it lists.
            if (fresh) fresh.set(code, column, cell);
            else {
              put({ fills: this.fills, fresh: new Map() });
              this.filled.push({
                libId: report.libId,
                indicator: code,
                column,
                value: shown(cell.write),
                cell: address,
                from,
              });
            }
            hooks.filled();
            continue;
          }
          if (sameValue(present.cmp, cell.cmp)) continue;
          hooks.conflict(
            {
              id: `report:R_${report.libId}:${code}:${column}@${file}`,
              kind: 'report',
              table: `R_${report.libId}`,
              libId: report.libId,
              key: code,
              column,
              columns: [column],
              target: { value: present.raw, cell: address },
              source: { value: cell.raw, ...from },
            },
            put,
          );
        }
      }
    }
  }

  /** The report sheet a library new to the target gets: only one that reports (active, a code a sheet can be named by). */
  private newReport(libId: string, lib: Readonly<Record<string, unknown>>): NewReport | undefined {
    const made = this.fresh.get(libId);
    if (made) return made;
    if (lib['active'] !== 'yes' || !LIB_ID_PATTERN.test(libId)) return undefined;
    const sheet = this.sheetNames.has(libId.toUpperCase()) ? freeName(libId, this.sheetNames) : libId;
    this.sheetNames.add(sheet.toUpperCase());
    const title = lib[this.language === 'kk' ? 'name_kk' : 'name_ru'];
    const report = new NewReport(libId, sheet, typeof title === 'string' ? title : libId);
    this.fresh.set(libId, report);
    return report;
  }
}

function ownCell(own: Report, code: string, column: (typeof IMPORTED_COLUMNS)[number]): ReportCell | null {
  const line = own.lines.get(code);
  return line ? reportCell(own, line, column) : null;
}
