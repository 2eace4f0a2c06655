/**
 * A set-up plan's writes into the tables that exist (set-up's own repairs,
 * an import's rows and cells, last year's figures): columns added at a
 * register's right, cells patched, tables grown over the rows written below
 * them, dates given their format, the registers' validation, and the
 * protection of a protected sheet lifted around it all.
 */
import type { PlanValue } from '../plan';
import type { SetupPlan, TablePatch } from '../setup';
import { tableIndex, type Snapshot, type TableSnapshot } from '../snapshot';
import { cellContent, cellInput, type CellContent } from './cells';
import { PROTECTION, type CellInput, type Write } from './write';

export interface SetupWriteOptions {
  /** Whether tables can be resized over rows written below them; else rows are added to them (older Excel). */
  readonly resize: boolean;
}

export function setupWrites(plan: SetupPlan, snapshot: Snapshot, options: SetupWriteOptions): Write[] {
  const tables = tableIndex(snapshot);
  const wider = new Map(plan.columns.map((c) => [c.table.toUpperCase(), c.headers.length]));
  return [
    ...plan.columns.map((c): Write => ({ k: 'columns', table: c.table, headers: c.headers })),
    ...plan.patches.flatMap((p) =>
      patchWrites(p, snapshot.date1904, options, {
        table: tables.get(p.table.toUpperCase())?.[0],
        wider: wider.get(p.table.toUpperCase()) ?? 0,
      }),
    ),
    ...plan.validations.flatMap((v) => v.validations.map((x): Write => ({ k: 'validation', sheet: v.sheet, plan: x }))),
  ];
}

/**
 * Cells written into an existing table from `top`: the rows the table has
 * are written where they are (a sparse patch's nulls leave their cells), the
 * rows below it are written and the table is resized over them to an
 * absolute size (so that making the write again does not grow it twice).
 * Cells that receive dates get the date format. `wider` counts the columns
 * the same plan adds at the table's right before the patches.
 */
function patchWrites(
  p: TablePatch,
  date1904: boolean,
  options: SetupWriteOptions,
  at: { readonly table: TableSnapshot | undefined; readonly wider: number },
): Write[] {
  const contents = patchContents(p, date1904);
  const values: CellInput[][] = contents.map((r) => r.map((c) => (c === null ? null : cellInput(c, true))));
  const writes: Write[] = [];
  if (p.protectedSheet) writes.push({ k: 'unprotect', sheet: p.sheet });
  const width = values[0]?.length ?? 0;
  const inTable = Math.max(0, Math.min(p.currentRows, values.length));
  if (inTable > 0)
    writes.push({ k: 'cells', sheet: p.sheet, top: p.top, left: p.left, formulas: values.slice(0, inTable) });
  if (values.length > inTable) {
    const extra = values.slice(inTable).map((r) => r.map((v) => v ?? ''));
    const top = at.table?.top ?? p.top - 1;
    const left = at.table?.left ?? p.left;
    if (options.resize) {
      // Rows are written below the table, then the table is resized over them (no row-by-row adds).
      writes.push({ k: 'cells', sheet: p.sheet, top: p.top + inTable, left: p.left, formulas: extra });
      writes.push({
        k: 'resize',
        table: p.table,
        sheet: p.sheet,
        top,
        left,
        rows: p.top + values.length - top,
        columns: Math.max((at.table?.header.length ?? 0) + at.wider, p.left - left + width),
      });
    } else {
      writes.push({ k: 'rows', table: p.table, before: at.table?.rows.length ?? p.currentRows, rows: extra });
    }
  }
  writes.push(...dateFormats(p.sheet, p.top, p.left, contents));
  if (p.protectedSheet) writes.push({ k: 'protect', sheet: p.sheet, options: PROTECTION });
  return writes;
}

/** What each cell of a patch receives (`null`: a sparse patch leaves the cell as it is), for every writer. */
export function patchContents(p: TablePatch, date1904: boolean): (CellContent | null)[][] {
  return p.rows.map((r) => patchRowContents(p, r, date1904));
}

/** `patchContents` of one of the patch's rows: a writer of a long patch need not hold them all at once. */
export function patchRowContents(
  p: Pick<TablePatch, 'sparse'>,
  row: readonly PlanValue[],
  date1904: boolean,
): (CellContent | null)[] {
  return row.map((v) => (v === null && p.sparse ? null : cellContent(v, date1904)));
}

/** The date formats of a block of cells: one write per run of dated cells down a column. */
export function dateFormats(
  sheet: string,
  top: number,
  left: number,
  contents: readonly (readonly (CellContent | null)[])[],
): Write[] {
  const width = Math.max(0, ...contents.map((r) => r.length));
  const writes: Write[] = [];
  for (let j = 0; j < width; j++) {
    for (let i = 0; i < contents.length;) {
      const formats: string[][] = [];
      for (let c = contents[i + formats.length]?.[j]; c?.kind === 'number' && c.format !== undefined;) {
        formats.push([c.format]);
        c = contents[i + formats.length]?.[j];
      }
      if (formats.length > 0) writes.push({ k: 'numberFormat', sheet, top: top + i, left: left + j, formats });
      i += Math.max(1, formats.length);
    }
  }
  return writes;
}
