/**
 * An import's writes in set-up's vocabulary, so that the file writer and the
 * add-in apply them as they apply set-up: rows appended below a table's last
 * filled row (the table grows over them), single cells written into existing
 * rows with everything else left as it is (sparse patches), and new sheets:
 * the report sheets of libraries new to the target, laid out by the same
 * template as set-up's, and the `Imports` log where the target has none yet.
 */
import { REPORT_TABLE_PREFIX, TABLES, type Language, type TableDef } from '../../standard';
import { translator } from '../translator';
import type { ParsedWorkbook } from '../parsed';
import type { PlanValue, SheetPlan } from '../plan';
import type { SetupPlan, TablePatch } from '../setup';
import type { Snapshot, TableSnapshot } from '../snapshot';
import { tableIndex } from '../snapshot';
import { mapColumns } from '../structure';
import { importsSheet, templatePlan } from '../layout/template';
import { emptyContent, type ContentRow } from '../layout/content';
import type { WorkRow, WorkTable } from './registers';
import type { ImportedColumn, NewReport, ReportCell } from './reports';
import type { ImportLogRow, SourceCounts } from './types';

export interface ReportFill {
  readonly table: TableSnapshot;
  /** Where the report's columns are in its table. */
  readonly columns: ReadonlyMap<string, number>;
  /** 0-based data row of the report table. */
  readonly n: number;
  readonly column: ImportedColumn;
  readonly cell: ReportCell;
}

/** What is written over the rows and report cells of the target (or of rows and sheets the import adds). */
export interface Overwrites {
  /** Cells of register and registry rows, by the row, for a conflict resolved for the source. */
  readonly rows: Map<WorkRow, { readonly table: string; readonly cells: Readonly<Record<string, PlanValue>> }>;
  /** Report cells of the target's own reports, by `<lib>:<code>:<column>`. */
  readonly fills: Map<string, ReportFill>;
  /** Cells of the new report sheets a conflict resolved for the source takes, by `<lib>:<code>:<column>`. */
  readonly fresh: Map<string, ReportCell>;
}

export interface ChangesInput {
  readonly target: Snapshot;
  readonly wb: ParsedWorkbook;
  readonly language: Language;
  readonly tables: readonly WorkTable[];
  readonly overwrites: Overwrites;
  readonly newReports: readonly NewReport[];
  readonly log: readonly ImportLogRow[];
}

const IMPORTS: TableDef = TABLES.find((d) => d.name === 'Imports') as TableDef;

export function importChanges(input: ChangesInput): SetupPlan {
  const patches: TablePatch[] = [];
  const added: string[] = [];
  const { rows: overwritten } = input.overwrites;
  for (const work of input.tables) {
    const t = work.target.table;
    if (!t) continue;
    if (work.added.length > 0) {
      patches.push(
        appendPatch(
          t,
          work.appendAt,
          work.target.columns,
          // A copy only of a row a resolved conflict writes over: 200,000 copies were a national import's.
          work.added.map((r) => {
            const cells = overwritten.get(r)?.cells;
            return cells ? { ...r.write, ...cells } : r.write;
          }),
        ),
      );
      added.push(`${work.def.name}: +${work.added.length}`);
    }
    const changed: [number, Readonly<Record<string, PlanValue>>][] = [];
    for (const [row, o] of overwritten)
      if (o.table === work.def.name && row.at.kind === 'target') changed.push([row.at.n, o.cells]);
    for (const [n, cells] of changed.sort((a, b) => a[0] - b[0]))
      patches.push(cellsPatch(t, n, work.target.columns, cells, false));
  }
  const byRow = new Map<
    string,
    { table: TableSnapshot; columns: ReadonlyMap<string, number>; n: number; cells: Record<string, PlanValue> }
  >();
  for (const f of input.overwrites.fills.values()) {
    const k = `${f.table.name}\u0000${f.n}`;
    const entry = byRow.get(k) ?? { table: f.table, columns: f.columns, n: f.n, cells: {} };
    entry.cells[f.column] = f.cell.write;
    byRow.set(k, entry);
  }
  for (const { table, columns, n, cells } of byRow.values()) patches.push(cellsPatch(table, n, columns, cells, true));

  const logRows: ContentRow[] = input.log.map((l) => ({ ...logColumns(l), imported_at: { date: l.importedAt } }));
  const sheets: SheetPlan[] = [];
  const imports = tableIndex(input.target).get('IMPORTS')?.[0];
  if (logRows.length > 0) {
    if (imports) {
      const columns = mapColumns(
        imports,
        'Imports',
        IMPORTS.columns.map((c) => c.key),
      ).index;
      patches.push(appendPatch(imports, filledRows(imports), columns, logRows));
    } else {
      sheets.push(importsSheet(logRows, translator(input.language)));
      added.push('Imports');
    }
  }
  if (input.newReports.length > 0) {
    const meta = input.wb.meta;
    const plan = templatePlan({
      ...emptyContent({
        level: meta.level ?? 'oblast',
        region: meta.region ?? '',
        year: meta.year as number,
        language: input.language,
      }),
      reports: input.newReports.map((r) => ({
        libId: r.libId,
        name: r.name,
        values: r.content(input.overwrites.fresh),
      })),
    });
    const sheetOf = new Map(input.newReports.map((r) => [`${REPORT_TABLE_PREFIX}${r.libId}`, r.sheet]));
    for (const s of plan.sheets) {
      const name = sheetOf.get(s.tables[0]?.name ?? '');
      if (name === undefined) continue;
      sheets.push({ ...s, name });
      added.push(name);
    }
  }
  return {
    workbook: { sheets, removeSheets: [] },
    patches,
    columns: [],
    validations: [],
    summary: { added, repaired: [], rebuilt: [] },
  };
}

/** A log row by the `Imports` table's column keys (its time as UTC ms, where it has one). */
export function logColumns<L extends SourceCounts>(l: L) {
  return {
    ...('importedAt' in l ? { imported_at: l.importedAt as number } : {}),
    source: l.source,
    sha256: l.sha256,
    libraries: l.libraries,
    rows_added: l.rowsAdded,
    values_filled: l.valuesFilled,
    duplicates: l.duplicates,
    conflicts: l.conflicts,
    renumbered: l.renumbered,
  };
}

/** How many rows of a table come before its trailing blank ones. */
function filledRows(t: TableSnapshot): number {
  for (let n = t.rows.length - 1; n >= 0; n--) if (t.rows[n]?.some((v) => v !== null && v !== '')) return n + 1;
  return 0;
}

/** Rows written from the table's `from`-th data row on (blank rows reused), the table growing under the rest. */
function appendPatch(
  t: TableSnapshot,
  from: number,
  columns: ReadonlyMap<string, number>,
  rows: readonly Readonly<Record<string, PlanValue>>[],
): TablePatch {
  const width = t.header.length;
  return {
    table: t.name,
    sheet: t.sheet,
    top: t.top + 1 + from,
    left: t.left,
    rows: rows.map((r) => {
      const out: PlanValue[] = Array<PlanValue>(width).fill(null);
      for (const [k, i] of columns) if (i < width) out[i] = r[k] ?? null;
      return out;
    }),
    currentRows: t.rows.length - from,
    protectedSheet: false,
  };
}

/** Single cells of one existing row; the cells between them are left as they are. */
function cellsPatch(
  t: TableSnapshot,
  n: number,
  columns: ReadonlyMap<string, number>,
  cells: Readonly<Record<string, PlanValue>>,
  protectedSheet: boolean,
): TablePatch {
  const at = Object.entries(cells)
    .map(([k, v]) => [columns.get(k), v] as const)
    .filter((x): x is readonly [number, PlanValue] => x[0] !== undefined);
  const left = Math.min(...at.map(([i]) => i));
  const right = Math.max(...at.map(([i]) => i));
  const row: PlanValue[] = Array<PlanValue>(right - left + 1).fill(null);
  for (const [i, v] of at) row[i - left] = v;
  return {
    table: t.name,
    sheet: t.sheet,
    top: t.top + 1 + n,
    left: t.left + left,
    rows: [row],
    currentRows: t.rows.length - n,
    protectedSheet,
    sparse: true,
  };
}
