import type { Language } from '../standard';
import type { Snapshot } from '../core/snapshot';
import { tableIndex } from '../core/snapshot';
import { validate, type Validation } from '../core/validate';
import { runConsolidation, type ConsolidationRun } from '../core/pipeline';
import { setupPlan, type ColumnAddition, type SetupPlan, type SetupSettings, type TablePatch } from '../core/setup';
import { MINIMUM_API, FEATURES, type ExcelHost } from './host';
import { applyPlan, PROTECTION } from './apply';
import type { Write } from './writes';
import { guardPlan } from './guard';
import { recoverSwap } from './swap';
import { mark } from './markers';
import { changedSince, readSteady } from './stale';
import { syncStep, type SyncStats } from './stats';
import { parseCellAddress, a1 } from '../core/snapshot';

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

function requireStandard(snapshot: Snapshot): void {
  if (!tableIndex(snapshot).has('META')) throw new NotStandardWorkbookError();
}

export interface CheckResult {
  readonly validation: Validation;
  /** Tables a co-author changed while the action ran: when any, the result may be out of date. */
  readonly stale: readonly string[];
}

export async function checkWorkbook(host: ExcelHost, options: ActionOptions = {}): Promise<CheckResult> {
  requireApi(host);
  return host.run(async (context) => {
    options.onStage?.('read');
    await recoverSwap(context, options.stats);
    const snapshot = await readSteady(context, options.stats);
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
    return { validation, stale: await changedSince(context, snapshot, options.stats) };
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

export interface ConsolidateResult extends ConsolidationRun {
  /** Tables a co-author changed while the action ran: when any, the result may be out of date. */
  readonly stale: readonly string[];
}

export async function consolidateWorkbook(host: ExcelHost, options: ConsolidateOptions): Promise<ConsolidateResult> {
  requireApi(host);
  return host.run(async (context) => {
    options.onStage?.('read');
    await recoverSwap(context, options.stats);
    const snapshot = await readSteady(context, options.stats);
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
    const written = new Set([...run.plan.sheets.map((s) => s.name), ...run.plan.removeSheets]);
    return { ...run, stale: await changedSince(context, snapshot, options.stats, written) };
  });
}

export async function setupWorkbook(
  host: ExcelHost,
  settings: SetupSettings,
  options: ActionOptions = {},
): Promise<SetupPlan> {
  requireApi(host);
  return host.run(async (context) => {
    options.onStage?.('read');
    await recoverSwap(context, options.stats);
    const snapshot = await readSteady(context, options.stats);
    const plan = setupPlan(snapshot, settings);
    guardPlan(plan.workbook, snapshot);
    const ops: Write[] = [
      ...plan.columns.map(columnOp),
      ...plan.patches.flatMap((p) => patchOp(p, host)),
      ...plan.validations.flatMap((v) =>
        v.validations.map((x): Write => ({ k: 'validation', sheet: v.sheet, plan: x })),
      ),
    ];
    if (plan.workbook.sheets.length === 0 && plan.workbook.removeSheets.length === 0 && ops.length === 0) return plan;
    options.onStage?.('write');
    await withoutEvents(context, options.stats, () => applyPlan(context, host, plan.workbook, ops, options.stats));
    return plan;
  });
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
function columnOp(c: ColumnAddition): Write {
  return { k: 'columns', table: c.table, headers: c.headers };
}

/** A table's rows restored or grown, its sheet's protection lifted for it and set again. */
function patchOp(p: TablePatch, host: ExcelHost): Write[] {
  const values = p.rows.map((r) =>
    r.map((v) =>
      v === null ? '' : typeof v === 'object' ? ('formula' in v ? `=${v.formula}` : 'date' in v ? v.date : v.text) : v,
    ),
  );
  const writes: Write[] = [];
  if (p.protectedSheet) writes.push({ k: 'unprotect', sheet: p.sheet });
  const width = values[0]?.length ?? 0;
  const inTable = Math.min(p.currentRows, values.length);
  writes.push({ k: 'cells', sheet: p.sheet, top: p.top, left: p.left, formulas: values.slice(0, inTable) });
  if (values.length > p.currentRows) {
    const extra = values.slice(p.currentRows);
    if (host.isSetSupported('ExcelApi', FEATURES.tableResize)) {
      // Rows are written below the table, then the table is resized over them (no row-by-row adds).
      writes.push({ k: 'cells', sheet: p.sheet, top: p.top + p.currentRows, left: p.left, formulas: extra });
      writes.push({
        k: 'resize',
        table: p.table,
        sheet: p.sheet,
        top: p.top - 1,
        left: p.left,
        rows: values.length + 1,
        columns: width,
      });
    } else {
      writes.push({ k: 'rows', table: p.table, before: p.currentRows, rows: extra });
    }
  }
  if (p.protectedSheet) writes.push({ k: 'protect', sheet: p.sheet, options: PROTECTION });
  return writes;
}
