/**
 * The add-in's three actions — set up, check, consolidate — each one
 * `Excel.run` with a fixed sequence of syncs (read, then write), the same
 * core as the command line in between.
 */
import type { Language } from '../standard';
import type { Snapshot, TableSnapshot } from '../core/snapshot';
import { tableIndex } from '../core/snapshot';
import { validate, type Validation } from '../core/validate';
import {
  planImport,
  type ConflictChoice,
  type ImportChoices,
  type ImportPlan,
  type ImportSource,
} from '../core/import';
import { runConsolidation, type ConsolidationRun } from '../core/pipeline';
import { setupPlan, type ColumnAddition, type SetupPlan, type SetupSettings, type TablePatch } from '../core/setup';
import { MINIMUM_API, FEATURES, type ExcelHost } from './host';
import { applyPlan, PROTECTION } from './apply';
import type { CellInput, Write } from './writes';
import { guardPlan } from './guard';
import { openWorkbook } from './open';
import type { LiveSnapshot } from './read';
import { mark } from './markers';
import { changedSince } from './stale';
import { syncStep, type SyncStats } from './stats';
import { parseCellAddress, a1 } from '../core/snapshot';
import type { PlanValue } from '../core/plan';
import { msToSerial } from '../core/values';
import { textInput } from './text-input';
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
      () => applyPlan(context, host, run.plan, [], options.stats),
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

export interface ImportActionOptions extends ActionOptions {
  /** The workbooks to import, read in the task pane (never uploaded). */
  readonly sources: readonly ImportSource[];
  readonly choices?: ImportChoices;
  readonly prefer?: ConflictChoice;
  readonly now?: () => number;
}

/**
 * Section 7's import into the open workbook: the plan from what the workbook
 * holds now, written only when it can be applied (no conflict unresolved, no
 * source refused), through the same writes as set-up. The plan is returned
 * either way, for the task pane to show.
 */
export async function importWorkbooks(host: ExcelHost, options: ImportActionOptions): Promise<ImportPlan> {
  return onWorkbook(host, options, async (context, snapshot) => {
    const plan = planImport(snapshot, options.sources, {
      importedAt: (options.now ?? Date.now)(),
      ...(options.choices ? { choices: options.choices } : {}),
      ...(options.prefer ? { prefer: options.prefer } : {}),
    });
    if (plan.canApply && !plan.empty) await applySetup(context, host, snapshot, plan.changes, options);
    return plan;
  });
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
  const tables = tableIndex(snapshot);
  const wider = new Map(plan.columns.map((c) => [c.table.toUpperCase(), c.headers.length]));
  const ops: Write[] = [
    ...plan.columns.map(columnOp),
    ...plan.patches.flatMap((p) =>
      patchOp(p, host, tables.get(p.table.toUpperCase())?.[0], wider.get(p.table.toUpperCase()) ?? 0),
    ),
    ...plan.validations.flatMap((v) => v.validations.map((x): Write => ({ k: 'validation', sheet: v.sheet, plan: x }))),
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

/** New columns at a register's right (a version 1 table set up as version 2): no existing cell moves. */
function columnOp(c: ColumnAddition): Write {
  return { k: 'columns', table: c.table, headers: c.headers };
}

/** A patch's value as office-js takes it: text kept as text, dates as serial numbers, a sparse null as "leave it". */
function patchInput(v: PlanValue, sparse: boolean): CellInput | null {
  if (v === null) return sparse ? null : '';
  if (typeof v === 'string') return textInput(v, true);
  if (typeof v !== 'object') return v;
  if ('formula' in v) return `=${v.formula.replace(/^=/, '')}`;
  if ('date' in v) return msToSerial(v.date);
  return textInput(v.text, true);
}

const MS_PER_DAY = 86_400_000;
/** The formats the template gives date and date-time columns. */
const DATE_FORMAT = 'dd.mm.yyyy';
const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';

/**
 * Cells written into an existing table from `top`, as journaled writes: the
 * rows the table has are written where they are (a sparse patch's nulls leave
 * their cells, as office-js leaves a cell given null), the rows below it are
 * written and the table is resized over them to an absolute size (so that
 * making the write again does not grow it twice). Columns that receive dates
 * get a date format over the patch's rows. `wider` counts the columns the
 * same plan adds at the table's right before the patches.
 */
function patchOp(p: TablePatch, host: ExcelHost, table: TableSnapshot | undefined, wider: number): Write[] {
  const sparse = p.sparse ?? false;
  const values = p.rows.map((r) => r.map((v) => patchInput(v, sparse)));
  const dated = new Map<number, string>();
  p.rows.forEach((r) =>
    r.forEach((v, j) => {
      if (v === null || typeof v !== 'object' || !('date' in v)) return;
      if (v.date % MS_PER_DAY !== 0) dated.set(j, DATE_TIME_FORMAT);
      else if (!dated.has(j)) dated.set(j, DATE_FORMAT);
    }),
  );
  const writes: Write[] = [];
  if (p.protectedSheet) writes.push({ k: 'unprotect', sheet: p.sheet });
  const width = values[0]?.length ?? 0;
  const inTable = Math.max(0, Math.min(p.currentRows, values.length));
  if (inTable > 0)
    writes.push({ k: 'cells', sheet: p.sheet, top: p.top, left: p.left, formulas: values.slice(0, inTable) });
  if (values.length > inTable) {
    const extra = values.slice(inTable).map((r) => r.map((v) => v ?? ''));
    const top = table?.top ?? p.top - 1;
    const left = table?.left ?? p.left;
    if (host.isSetSupported('ExcelApi', FEATURES.tableResize)) {
      // Rows are written below the table, then the table is resized over them (no row-by-row adds).
      writes.push({ k: 'cells', sheet: p.sheet, top: p.top + inTable, left: p.left, formulas: extra });
      writes.push({
        k: 'resize',
        table: p.table,
        sheet: p.sheet,
        top,
        left,
        rows: p.top + values.length - top,
        columns: Math.max((table?.header.length ?? 0) + wider, p.left - left + width),
      });
    } else {
      writes.push({ k: 'rows', table: p.table, before: table?.rows.length ?? p.currentRows, rows: extra });
    }
  }
  for (const [j, format] of dated) {
    writes.push({
      k: 'numberFormat',
      sheet: p.sheet,
      top: p.top,
      left: p.left + j,
      formats: values.map(() => [format]),
    });
  }
  if (p.protectedSheet) writes.push({ k: 'protect', sheet: p.sheet, options: PROTECTION });
  return writes;
}
