/**
 * The add-in's actions on the open workbook — set up, check, consolidate,
 * and the writes of an import or last year's figures (`import.ts`) and of a
 * submission (`submissions.ts`) — each one `Excel.run` with a fixed sequence
 * of syncs (read, then write), the same core as the command line in between.
 */
import type { Language } from '../standard';
import type { Snapshot } from '../core/snapshot';
import { tableIndex } from '../core/snapshot';
import { validate, type Validation } from '../core/validate';
import { runConsolidation, type ConsolidationRun } from '../core/pipeline';
import { setupPlan, type SetupPlan, type SetupSettings, type TableRename } from '../core/setup';
import { setupWrites } from '../core/writes';
import { MINIMUM_API, FEATURES, type ExcelHost } from './host';
import { applyPlan } from './apply';
import { PROTECTION } from './vocabulary';
import { guardPlan } from './guard';
import { openWorkbook } from './open';
import type { LiveSnapshot } from './read';
import { mark } from './markers';
import { changedSince } from './stale';
import { syncStep, type SyncStats } from './stats';
import { parseCellAddress, a1 } from '../core/snapshot';
// The catalogues, handed to the core as it lays out text (`core/translator.ts`).
import '../i18n';

export { changeReportStatus, readBoard } from './submissions';

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

/** One `Excel.run`: the workbook opened (refused unless standard, where asked), then `f`. */
export function onWorkbook<T>(
  host: ExcelHost,
  options: ActionOptions,
  f: (context: Excel.RequestContext, snapshot: LiveSnapshot) => Promise<T>,
  standard = true,
): Promise<T> {
  requireApi(host);
  return host.run(async (context) => {
    options.onStage?.('read');
    const snapshot = await openWorkbook(context, options.stats);
    if (standard) requireStandard(snapshot);
    return f(context, snapshot);
  });
}

export interface CheckResult {
  readonly validation: Validation;
  /** Tables a co-author changed while the action ran: when any, the result may be out of date. */
  readonly stale: readonly string[];
}

export async function checkWorkbook(host: ExcelHost, options: ActionOptions = {}): Promise<CheckResult> {
  return onWorkbook(host, options, async (context, snapshot) => {
    options.onStage?.('check');
    const validation = validate(snapshot);
    options.onStage?.('mark');
    await withoutEvents(
      context,
      options.stats,
      () =>
        mark(
          context,
          snapshot.sheets.map((s) => s.name),
          validation.findings,
          options.stats,
        ),
      'with the re-read',
    );
    return { validation, stale: await eventsBackOn(context, changedSince(context, snapshot, options.stats)) };
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
  return onWorkbook(host, options, async (context, snapshot) => {
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
    await withoutEvents(
      context,
      options.stats,
      () => applyPlan(context, host, run.plan, snapshot.date1904, [], options.stats),
      'with the re-read',
    );
    const written = new Set([...run.plan.sheets.map((s) => s.name), ...run.plan.removeSheets]);
    return { ...run, stale: await eventsBackOn(context, changedSince(context, snapshot, options.stats, written)) };
  });
}

export async function setupWorkbook(
  host: ExcelHost,
  settings: SetupSettings,
  options: ActionOptions = {},
): Promise<SetupPlan> {
  return onWorkbook(
    host,
    options,
    async (context, snapshot) => {
      const plan = setupPlan(snapshot, settings);
      await applySetup(context, host, snapshot, plan, options);
      return plan;
    },
    false,
  );
}

/** Writes a set-up plan (set-up's own, or an import's changes): new sheets swapped in, then the table patches. */
export async function applySetup(
  context: Excel.RequestContext,
  host: ExcelHost,
  snapshot: LiveSnapshot,
  plan: SetupPlan,
  options: ActionOptions,
): Promise<void> {
  guardPlan(plan.workbook, snapshot);
  const writes = setupWrites(plan, snapshot, { resize: host.isSetSupported('ExcelApi', FEATURES.tableResize) });
  const renames = plan.renames ?? [];
  const nothingElse =
    plan.workbook.sheets.length === 0 && plan.workbook.removeSheets.length === 0 && writes.length === 0;
  if (nothingElse && renames.length === 0) return;
  options.onStage?.('write');
  await withoutEvents(context, options.stats, async () => {
    // Made with the first sync that follows: the rest of the plan names the tables by their standard names.
    queueRenames(context, renames);
    if (nothingElse) await syncStep(context, options.stats, 'fixed');
    else await applyPlan(context, host, plan.workbook, snapshot.date1904, writes, options.stats);
  });
}

/**
 * Standard tables someone renamed, given their names back (Excel makes the
 * formulas that refer to them follow). A report's sheet is protected by the
 * software: lifted for the rename and set again, as for a patch.
 */
function queueRenames(context: Excel.RequestContext, renames: readonly TableRename[]): void {
  for (const r of renames) {
    const sheet = context.workbook.worksheets.getItem(r.sheet);
    if (r.protectedSheet) sheet.protection.unprotect();
    context.workbook.tables.getItem(r.from).name = r.to;
    if (r.protectedSheet) sheet.protection.protect(PROTECTION);
  }
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

/**
 * Events off while the software writes, so that its own writes do not
 * trigger re-checks; always back on after: at once, or, for an action that
 * reads the workbook again next (`with the re-read`), with that read's first
 * sync rather than a round trip of its own.
 */
async function withoutEvents<T>(
  context: Excel.RequestContext,
  stats: SyncStats | undefined,
  f: () => Promise<T>,
  on: 'at once' | 'with the re-read' = 'at once',
): Promise<T> {
  context.runtime.enableEvents = false;
  let ok = false;
  try {
    const result = await f();
    ok = true;
    return result;
  } finally {
    context.runtime.enableEvents = true;
    if (!ok || on === 'at once') await syncStep(context, stats, 'fixed').catch(() => undefined);
  }
}

/** The re-read that carries events' return: should it fail, they are turned back on by a sync of their own. */
async function eventsBackOn<T>(context: Excel.RequestContext, reread: Promise<T>): Promise<T> {
  try {
    return await reread;
  } catch (e) {
    context.runtime.enableEvents = true;
    await context.sync().catch(() => undefined);
    throw e;
  }
}
