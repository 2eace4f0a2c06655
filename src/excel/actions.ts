import type { Language } from '../standard';
import type { Snapshot } from '../core/snapshot';
import { tableIndex, type TableSnapshot } from '../core/snapshot';
import { validate, type Validation } from '../core/validate';
import { runConsolidation, type ConsolidationRun } from '../core/pipeline';
import { setupPlan, type ColumnAddition, type SetupPlan, type SetupSettings, type TablePatch } from '../core/setup';
import { MINIMUM_API, FEATURES, type ExcelHost } from './host';
import { readSnapshot } from './read';
import { applyPlan, literalText, validationOp, PROTECTION, type Op } from './apply';
import { guardPlan } from './guard';
import { recoverSwap } from './swap';
import { mark } from './markers';
import { syncStep, type SyncStats } from './stats';
import { jsonBytes } from './payload';
import { parseCellAddress, a1 } from '../core/snapshot';
import { msToSerial } from '../core/values';

export { changeReportStatus, readBoard } from './submissions';

/**
 * The add-in's three actions — set up, check, consolidate — each one
 * `Excel.run` with a fixed sequence of syncs (read, then write), the same
 * core as the command line in between.
 */
export class ExcelTooOldError extends Error {
  constructor() {
    super(`ExcelApi ${MINIMUM_API} is not supported`);
  }
}
export class NotStandardWorkbookError extends Error {
  constructor() {
    super('the workbook has no Meta table: set it up first');
  }
}

export type Stage = 'read' | 'check' | 'consolidate' | 'layout' | 'write' | 'mark';

export interface ActionOptions {
  readonly onStage?: (stage: Stage) => void;
  /** Filled with the action's syncs: fixed steps and payload chunks. */
  readonly stats?: SyncStats;
}

function requireApi(host: ExcelHost): void {
  if (!host.isSetSupported('ExcelApi', MINIMUM_API)) throw new ExcelTooOldError();
}

export function requireStandard(snapshot: Snapshot): void {
  if (!tableIndex(snapshot).has('META')) throw new NotStandardWorkbookError();
}

/**
 * One `Excel.run` begun as every action begins: the API checked, what a
 * failed or crashed earlier run left repaired, then the workbook read.
 */
export async function withSnapshot<T>(
  host: ExcelHost,
  options: ActionOptions,
  body: (context: Excel.RequestContext, snapshot: Snapshot) => Promise<T>,
): Promise<T> {
  requireApi(host);
  return host.run(async (context) => {
    options.onStage?.('read');
    await recoverSwap(context, options.stats);
    return body(context, await readSnapshot(context, options.stats));
  });
}

export interface CheckResult {
  readonly validation: Validation;
}

export async function checkWorkbook(host: ExcelHost, options: ActionOptions = {}): Promise<CheckResult> {
  return withSnapshot(host, options, async (context, snapshot) => {
    requireStandard(snapshot);
    options.onStage?.('check');
    const validation = validate(snapshot);
    options.onStage?.('mark');
    await withoutEvents(context, options.stats, () =>
      mark(
        context,
        snapshot.sheets.map((s) => s.name),
        validation.findings,
        options.stats,
      ),
    );
    return { validation };
  });
}

export interface ConsolidateOptions extends ActionOptions {
  readonly includeErrors?: boolean;
  /** Only the reports a methodologist accepted (section 6). */
  readonly acceptedOnly?: boolean;
  readonly userLanguage: Language;
  readonly version: string;
  readonly now?: () => number;
}

export async function consolidateWorkbook(host: ExcelHost, options: ConsolidateOptions): Promise<ConsolidationRun> {
  return withSnapshot(host, options, async (context, snapshot) => {
    requireStandard(snapshot);
    const run = runConsolidation(snapshot, {
      includeErrors: options.includeErrors ?? false,
      acceptedOnly: options.acceptedOnly ?? false,
      userLanguage: options.userLanguage,
      madeAt: (options.now ?? Date.now)(),
      version: options.version,
      onStage: (s) => options.onStage?.(s),
    });
    guardPlan(run.plan, snapshot);
    options.onStage?.('write');
    await withoutEvents(context, options.stats, () => applyPlan(context, host, run.plan, [], options.stats));
    return run;
  });
}

export async function setupWorkbook(
  host: ExcelHost,
  settings: SetupSettings,
  options: ActionOptions = {},
): Promise<SetupPlan> {
  return withSnapshot(host, options, async (context, snapshot) => {
    const plan = setupPlan(snapshot, settings);
    await writeSetupPlan(context, host, plan, snapshot, options);
    return plan;
  });
}

/**
 * Writes a `SetupPlan` made from `snapshot` (set-up's, and import's and
 * last year's figures', which speak its vocabulary): new sheets swapped in,
 * then the writes into existing tables. Nothing is written for an empty plan.
 */
export async function writeSetupPlan(
  context: Excel.RequestContext,
  host: ExcelHost,
  plan: SetupPlan,
  snapshot: Snapshot,
  options: ActionOptions = {},
): Promise<void> {
  guardPlan(plan.workbook, snapshot);
  const ops: Op[] = [
    ...plan.columns.map(columnOp),
    ...plan.patches.map((p) => patchOp(p, host, tableIndex(snapshot).get(p.table.toUpperCase())?.[0])),
    ...plan.validations.flatMap((v) => v.validations.map((x) => validationOp(v.sheet, x))),
  ];
  if (plan.workbook.sheets.length === 0 && plan.workbook.removeSheets.length === 0 && ops.length === 0) return;
  options.onStage?.('write');
  await withoutEvents(context, options.stats, () => applyPlan(context, host, plan.workbook, ops, options.stats));
}

/** Selects a finding's cell in Excel (and its sheet). */
export async function selectCell(host: ExcelHost, address: string): Promise<void> {
  const at = parseCellAddress(address);
  if (!at) return;
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(at.sheet);
    ws.activate();
    ws.getRange(a1(at.row, at.col)).select();
    await context.sync();
  });
}

/** Events off while the software writes, so that its own writes do not trigger re-checks; always back on after. */
async function withoutEvents<T>(
  context: Excel.RequestContext,
  stats: SyncStats | undefined,
  f: () => Promise<T>,
): Promise<T> {
  context.runtime.enableEvents = false;
  try {
    return await f();
  } finally {
    context.runtime.enableEvents = true;
    await syncStep(context, stats, 'fixed').catch(() => undefined);
  }
}

/** New columns at a register's right (a version 1 table set up as version 2): no existing cell moves. */
function columnOp(c: ColumnAddition): Op {
  return {
    bytes: jsonBytes(c.headers) + 256,
    queue: (ctx) => {
      const table = ctx.workbook.tables.getItem(c.table);
      for (const h of c.headers) table.columns.add(undefined, undefined, h);
    },
  };
}

/**
 * A patch of an existing table: its rows written from `top`, those beyond the
 * table's end added to it. `table` is where the table stands now (the patch
 * may start anywhere in it: an import appends below the last filled row).
 */
function patchOp(p: TablePatch, host: ExcelHost, table: TableSnapshot | undefined): Op {
  // In a sparse patch a null leaves its cell as it is: office-js skips null in a 2-D array.
  const blank = p.sparse ? null : '';
  const values = p.rows.map((r) =>
    r.map((v) =>
      v === null
        ? blank
        : typeof v === 'object'
          ? 'formula' in v
            ? `=${v.formula}`
            : 'date' in v
              ? msToSerial(v.date)
              : literalText(v.text)
          : typeof v === 'string'
            ? literalText(v)
            : v,
    ),
  );
  const width = values[0]?.length ?? 0;
  const headerRow = table?.top ?? p.top - 1;
  const left = Math.min(table?.left ?? p.left, p.left);
  const right = Math.max((table?.left ?? p.left) + (table?.header.length ?? 0), p.left + width);
  return {
    bytes: jsonBytes(values) + 512,
    queue: (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(p.sheet);
      if (p.protectedSheet) ws.protection.unprotect();
      const inTable = Math.min(p.currentRows, values.length);
      if (inTable > 0) ws.getRangeByIndexes(p.top, p.left, inTable, width).formulas = values.slice(0, inTable);
      if (values.length > p.currentRows) {
        const t = ctx.workbook.tables.getItem(p.table);
        const extra = values.slice(p.currentRows);
        if (host.isSetSupported('ExcelApi', FEATURES.tableResize)) {
          // Rows are written below the table, then the table is resized over them (no row-by-row adds).
          ws.getRangeByIndexes(p.top + p.currentRows, p.left, extra.length, width).formulas = extra;
          t.resize(ws.getRangeByIndexes(headerRow, left, p.top + values.length - headerRow, right - left));
        } else {
          // New rows have nothing to leave as it was: a null is a blank there.
          t.rows.add(
            undefined,
            extra.map((r) => r.map((v) => v ?? '')),
          );
        }
      }
      if (p.protectedSheet) ws.protection.protect(PROTECTION);
    },
  };
}
