/**
 * The writes into existing sheets (`core/writes`) carried out through
 * office-js: what they need to know loaded first (whether a sheet or table
 * is still there, a table's rows and columns, the add-in's markers), then
 * their commands, in as few syncs as the payload allows.
 */
import type { Write } from '../core/writes';
import { protectionOf, validationOp, type Op } from './ops';
import { jsonBytes, packBatches } from './payload';
import { syncStep, type SyncStats } from './stats';

export type { CellInput, Write } from '../core/writes';

/**
 * Findings shown on their cells with a marker the add-in owns: a conditional
 * format whose rule carries the add-in's signature, so that it can find and
 * clear exactly its own markers and never touch the formatting people made.
 */
export const MARKER_RULE = { error: '=ISTEXT("kitaphana:error")', warning: '=ISTEXT("kitaphana:warning")' } as const;
const MARKER_FILL = { error: '#F8CBAD', warning: '#FFE699' } as const;

export function isMarker(formula: string | undefined): boolean {
  return formula === MARKER_RULE.error || formula === MARKER_RULE.warning;
}

/** A custom format without a rule is a marker whose making stopped between `add` and its rule: Excel's own UI cannot make one. */
const isHalfMarker = (formula: string | null | undefined): boolean => !formula;

/** A sheet (a null object when it is gone) and its conditional formats, loaded enough to tell the add-in's markers. */
export interface LoadedMarkers {
  readonly sheet: Excel.Worksheet;
  readonly formats: Excel.ConditionalFormatCollection;
}

export function loadMarkers(context: Excel.RequestContext, name: string): LoadedMarkers {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  // customOrNullObject: a person's own data bars or cell-value rules on the same cells have no `custom` part.
  const formats = sheet.getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula');
  return { sheet, formats };
}

/** The add-in's markers among the formats loaded (none when the sheet is gone). */
export function ownMarkers(loaded: LoadedMarkers): Excel.ConditionalFormat[] {
  if (loaded.sheet.isNullObject) return [];
  return loaded.formats.items.filter(
    (cf) =>
      cf.type === 'Custom' &&
      !cf.customOrNullObject.isNullObject &&
      (isMarker(cf.customOrNullObject.rule.formula) || isHalfMarker(cf.customOrNullObject.rule.formula)),
  );
}

export interface PrepareOptions {
  /** Check, before adding rows or columns, that they are not there yet (the recovery: a run may have added them). */
  readonly verify: boolean;
  /** Markers already loaded by the caller, by sheet (`loadMarkers`); the others are loaded here. */
  readonly markers?: ReadonlyMap<string, LoadedMarkers>;
}

export interface PreparedWrites {
  /** Whether loads were queued: the caller syncs before calling `ops`. */
  readonly loads: boolean;
  ops(): Op[];
}

/** Queues what the writes need to know, and makes their commands once it is known. */
export function prepareWrites(
  context: Excel.RequestContext,
  writes: readonly Write[],
  options: PrepareOptions,
): PreparedWrites {
  const markers = new Map(options.markers ?? []);
  const sheets = new Map<string, Excel.Worksheet>();
  const tables = new Map<string, Excel.Table>();
  const rowCounts = new Map<string, Excel.TableRowCollection>();
  const columnNames = new Map<string, Excel.TableColumnCollection>();
  let loads = false;
  const table = (name: string) => context.workbook.tables.getItemOrNullObject(name);
  for (const w of writes) {
    // Made again, the writes skip a sheet or table gone since (a co-author renamed or deleted it).
    if (options.verify && 'sheet' in w && !sheets.has(w.sheet)) {
      sheets.set(w.sheet, context.workbook.worksheets.getItemOrNullObject(w.sheet));
      loads = true;
    }
    if (options.verify && 'table' in w && !tables.has(w.table)) {
      tables.set(w.table, table(w.table));
      loads = true;
    }
    if (w.k === 'markers' && !markers.has(w.sheet)) {
      markers.set(w.sheet, loadMarkers(context, w.sheet));
      loads = true;
    } else if (options.verify && w.k === 'rows' && !rowCounts.has(w.table)) {
      rowCounts.set(w.table, table(w.table).rows.load('count'));
      loads = true;
    } else if (options.verify && w.k === 'columns' && !columnNames.has(w.table)) {
      columnNames.set(w.table, table(w.table).columns.load('items/name'));
      loads = true;
    }
  }
  return {
    loads,
    ops: () =>
      writes.flatMap((w): Op[] => {
        if ('sheet' in w && sheets.get(w.sheet)?.isNullObject) return [];
        if ('table' in w && tables.get(w.table)?.isNullObject) return [];
        if (w.k === 'markers') return markerOps(w, markers.get(w.sheet));
        if (w.k === 'rows') {
          const count = rowCounts.get(w.table);
          if (count && (count.isNullObject || count.count !== w.before)) return [];
        }
        if (w.k === 'columns') {
          const there = columnNames.get(w.table);
          if (there?.isNullObject) return [];
          const names = new Set(there?.items.map((c) => c.name) ?? []);
          const headers = w.headers.filter((h) => !names.has(h));
          return headers.length === 0 ? [] : [writeOp({ ...w, headers })];
        }
        return [writeOp(w)];
      }),
  };
}

/** Writes that need nothing loaded (all but markers) as commands, in their order. */
export function writeOps(writes: readonly Write[]): Op[] {
  return writes.flatMap((w) => (w.k === 'markers' ? [] : [writeOp(w)]));
}

/** A block of one property of a sheet's cells (their formulas, their number formats) from its top left cell. */
function blockOp(
  at: { readonly sheet: string; readonly top: number; readonly left: number },
  property: 'formulas' | 'numberFormat',
  block: readonly (readonly unknown[])[],
): Op {
  const width = block[0]?.length ?? 0;
  return {
    bytes: jsonBytes(block) + 128,
    queue: (ctx) => {
      if (width === 0) return;
      const range = ctx.workbook.worksheets.getItem(at.sheet).getRangeByIndexes(at.top, at.left, block.length, width);
      range[property] = block.map((r) => [...r]);
    },
  };
}

function writeOp(w: Exclude<Write, { k: 'markers' }>): Op {
  const sheet = (ctx: Excel.RequestContext, name: string) => ctx.workbook.worksheets.getItem(name);
  switch (w.k) {
    case 'cells':
      return blockOp(w, 'formulas', w.formulas);
    case 'numberFormat':
      return blockOp(w, 'numberFormat', w.formats);
    case 'resize':
      return {
        bytes: 256,
        queue: (ctx) =>
          ctx.workbook.tables
            .getItem(w.table)
            .resize(sheet(ctx, w.sheet).getRangeByIndexes(w.top, w.left, w.rows, w.columns)),
      };
    case 'rows':
      return {
        bytes: jsonBytes(w.rows) + 128,
        queue: (ctx) =>
          ctx.workbook.tables.getItem(w.table).rows.add(
            undefined,
            w.rows.map((r) => [...r]),
          ),
      };
    case 'columns':
      return {
        bytes: jsonBytes(w.headers) + 256,
        queue: (ctx) => {
          const table = ctx.workbook.tables.getItem(w.table);
          for (const h of w.headers) table.columns.add(undefined, undefined, h);
        },
      };
    case 'validation':
      return validationOp(w.sheet, w.plan);
    case 'locked':
      return {
        bytes: 128,
        queue: (ctx) => {
          sheet(ctx, w.sheet).getRangeByIndexes(w.top, w.left, w.rows, w.columns).format.protection.locked = w.locked;
        },
      };
    case 'unprotect':
      return { bytes: 64, queue: (ctx) => sheet(ctx, w.sheet).protection.unprotect() };
    case 'protect':
      return { bytes: 256, queue: (ctx) => sheet(ctx, w.sheet).protection.protect(protectionOf(w.options)) };
  }
}

function markerOps(w: Extract<Write, { k: 'markers' }>, there: LoadedMarkers | undefined): Op[] {
  if (!there || there.sheet.isNullObject) return [];
  const ops: Op[] = ownMarkers(there).map((cf): Op => ({ bytes: 64, queue: () => cf.delete() }));
  const add = (cell: string, severity: 'error' | 'warning'): Op => ({
    bytes: 256,
    queue: (ctx) => {
      const cf = ctx.workbook.worksheets.getItem(w.sheet).getRange(cell).conditionalFormats.add('Custom');
      cf.custom.rule.formula = MARKER_RULE[severity];
      cf.custom.format.fill.color = MARKER_FILL[severity];
    },
  });
  for (const c of w.error) ops.push(add(c, 'error'));
  for (const c of w.warning) ops.push(add(c, 'warning'));
  return ops;
}

/**
 * Runs commands in as few syncs as the payload allows: `first` at the start
 * of the first (the journal, so that it is there before any write), `last`
 * at the end of the last (the journal's deletion). Returns the syncs made.
 */
export async function runOps(
  context: Excel.RequestContext,
  ops: readonly Op[],
  stats: SyncStats | undefined,
  ends: { readonly first?: Op; readonly last?: Op } = {},
): Promise<number> {
  const all = [...(ends.first ? [ends.first] : []), ...ops, ...(ends.last ? [ends.last] : [])];
  let syncs = 0;
  for (const batch of packBatches(all, (o) => o.bytes)) {
    for (const op of batch) op.queue(context);
    await syncStep(context, stats, 'chunk');
    syncs++;
  }
  return syncs;
}
