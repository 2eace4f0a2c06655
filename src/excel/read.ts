/**
 * Reads everything the core needs into the same `Snapshot` the file reader
 * makes, in a fixed number of syncs: (1) sheet and table names, the date
 * system and whether the structure is protected, (2) where each table sits,
 * (3…) every table's cells, in as few chunks as the 5 MB payload limit
 * allows. Never a sync per table. What else an action needs to know before
 * it begins (the journal of a stopped run) travels with the first sync.
 */
import type { CellValue, SheetInfo, Snapshot, TableSnapshot } from '../core/snapshot';
import { REPORT_TABLE_PREFIX } from '../standard';
import { syncStep, type SyncStats } from './stats';
import { MAX_CELLS_PER_READ, PAYLOAD_BUDGET, estimateCellBytes, isPayloadError, packBatches } from './payload';

interface TableLocation {
  readonly name: string;
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

/** A horizontal slice of a table: rows [from, to) of its range (row 0 is the header). */
interface Slice {
  readonly table: TableLocation;
  readonly from: number;
  readonly to: number;
}

/** The sheet and table names the first sync read, and whether the structure is protected. */
export interface WorkbookNames {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  readonly structureProtected: boolean;
}

/** The snapshot, and what the adapter alone needs of the workbook. */
export interface LiveSnapshot extends Snapshot {
  /** Sheets cannot be added, removed or renamed (Review › Protect Workbook). */
  readonly structureProtected: boolean;
  /** The names once more, read with the last cells (`lastLook`). */
  readonly lastNames?: WorkbookNames;
}

export interface ReadOptions {
  /**
   * Queued with the first sync; what it returns runs once that sync is back
   * and says whether it changed the workbook (the read then starts over, once).
   */
  readonly atFirst?: (context: Excel.RequestContext) => (names: WorkbookNames) => Promise<boolean>;
  /** Read the names again with the last cells, to tell a sheet or table renamed or deleted meanwhile. */
  readonly lastLook?: boolean;
}

export async function readSnapshot(
  context: Excel.RequestContext,
  stats?: SyncStats,
  options: ReadOptions = {},
): Promise<LiveSnapshot> {
  const wb = context.workbook;
  let names = queueNames(wb);
  // The workbook's date system, from the DATE function: 1 January 1904 is serial 0 in the 1904 system, 1462 in the 1900 one.
  let epoch = wb.functions.date(1904, 1, 1).load('value');
  const after = options.atFirst?.(context);
  await syncStep(context, stats, 'fixed');
  if (after && (await after(names.read()))) {
    names = queueNames(wb);
    epoch = wb.functions.date(1904, 1, 1).load('value');
    await syncStep(context, stats, 'fixed');
  }
  const { sheets, tables } = names;

  const located = tables.items.map((t) => ({
    name: t.name,
    sheet: t.worksheet.load('name'),
    range: t.getRange().load('address,rowIndex,columnIndex,rowCount,columnCount'),
  }));
  await syncStep(context, stats, 'fixed');

  const locations: TableLocation[] = located.map((t) => ({
    name: t.name,
    sheet: t.sheet.name,
    top: t.range.rowIndex,
    left: t.range.columnIndex,
    rows: t.range.rowCount,
    columns: t.range.columnCount,
  }));
  // Before the cells: the last look loads the same collections again, and their items with it.
  const sheetInfo: SheetInfo[] = sheets.items.map((s) => ({ name: s.name, visible: s.visibility === 'Visible' }));
  const first = names.read();
  const read = await readCells(context, locations, stats, options.lastLook ?? false);
  const cells = read.grids;
  const out: TableSnapshot[] = locations.map((t) => {
    const grid = cells.get(t.name) ?? [];
    return { name: t.name, sheet: t.sheet, top: t.top, left: t.left, header: grid[0] ?? [], rows: grid.slice(1) };
  });
  return {
    date1904: epoch.value === 0,
    sheets: sheetInfo,
    tables: out,
    structureProtected: first.structureProtected,
    ...(options.lastLook ? { lastNames: read.names ?? first } : {}),
  };
}

/**
 * Queues the loads of the sheets (names and visibility), the tables' names and
 * the structure's protection; `read` gives the names once the sync is back.
 */
export function queueNames(wb: Excel.Workbook): {
  readonly sheets: Excel.WorksheetCollection;
  readonly tables: Excel.TableCollection;
  readonly read: () => WorkbookNames;
} {
  const sheets = wb.worksheets.load('items/name,items/visibility');
  const tables = wb.tables.load('items/name');
  const protection = wb.protection.load('protected');
  return {
    sheets,
    tables,
    read: () => ({
      sheets: sheets.items.map((s) => s.name),
      tables: tables.items.map((t) => t.name),
      structureProtected: protection.protected,
    }),
  };
}

function slices(tables: readonly TableLocation[]): Slice[] {
  const out: Slice[] = [];
  for (const t of tables) {
    const perCell = estimateCellBytes(t.name.toUpperCase().startsWith(REPORT_TABLE_PREFIX) ? 'report' : 'register');
    const rowsPerSlice = Math.max(
      1,
      Math.min(Math.floor(PAYLOAD_BUDGET / (perCell * t.columns)), Math.floor(MAX_CELLS_PER_READ / t.columns)),
    );
    for (let from = 0; from < t.rows; from += rowsPerSlice)
      out.push({ table: t, from, to: Math.min(t.rows, from + rowsPerSlice) });
  }
  return out;
}

function sliceBytes(s: Slice): number {
  const perCell = estimateCellBytes(s.table.name.toUpperCase().startsWith(REPORT_TABLE_PREFIX) ? 'report' : 'register');
  return (s.to - s.from) * s.table.columns * perCell;
}

/** Formulas and value types of every table, batched under the payload budget; a batch that still overflows is read in halves. */
async function readCells(
  context: Excel.RequestContext,
  tables: readonly TableLocation[],
  stats: SyncStats | undefined,
  lastLook: boolean,
): Promise<{ grids: Map<string, CellValue[][]>; names: WorkbookNames | null }> {
  const grids = new Map<string, CellValue[][]>(tables.map((t) => [t.name, new Array<CellValue[]>(t.rows)]));
  const pending = packBatches(slices(tables), sliceBytes);
  let names: WorkbookNames | null = null;
  while (pending.length > 0) {
    const batch = pending.shift() as Slice[];
    // With the last batch (so far: one that overflows is split and read again), the names once more.
    const look = lastLook && pending.length === 0 ? queueNames(context.workbook) : null;
    const loaded = batch.map((s) => {
      const range = context.workbook.worksheets
        .getItem(s.table.sheet)
        .getRangeByIndexes(s.table.top + s.from, s.table.left, s.to - s.from, s.table.columns)
        .load('formulas,valueTypes');
      return { slice: s, range };
    });
    try {
      await syncStep(context, stats, 'chunk');
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      const halves = splitBatch(batch);
      if (!halves) throw e;
      pending.unshift(...halves);
      continue;
    }
    if (look) names = look.read();
    for (const { slice, range } of loaded) {
      const grid = grids.get(slice.table.name) as CellValue[][];
      range.formulas.forEach((row, i) => {
        grid[slice.from + i] = row.map((f, j) => cellValue(f, range.valueTypes[i]?.[j]));
      });
    }
  }
  return { grids, names };
}

/** Splits a batch in two; a single slice is split by its rows. Null when it cannot get smaller. */
function splitBatch(batch: Slice[]): Slice[][] | null {
  if (batch.length > 1) {
    const mid = Math.ceil(batch.length / 2);
    return [batch.slice(0, mid), batch.slice(mid)];
  }
  const s = batch[0] as Slice;
  if (s.to - s.from < 2) return null;
  const mid = s.from + Math.floor((s.to - s.from) / 2);
  return [[{ ...s, to: mid }], [{ ...s, from: mid }]];
}

/** A cell as the file reader gives it: formulas as formulas, errors as errors, blanks as null. */
export function cellValue(formula: unknown, type: Excel.RangeValueType | string | undefined): CellValue {
  if (typeof formula === 'string' && formula.startsWith('=')) return { kind: 'formula', formula };
  if (type === 'Error') return { kind: 'error', code: String(formula) };
  if (type === 'Empty' || formula === '' || formula === null || formula === undefined) return null;
  if (typeof formula === 'number' || typeof formula === 'boolean' || typeof formula === 'string') return formula;
  return String(formula);
}
