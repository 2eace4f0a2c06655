/**
 * The sync engine of the in-memory Excel: `Excel.run` and `context.sync()`
 * with office-js semantics (queued commands applied in order, nothing
 * half-applied, payload and read limits, requirement sets, events after the
 * sync), and the statistics of every sync. Test hooks (`hooks.ts`) strike
 * through the three protected points `waitForTurn`, `betweenSyncs` and
 * `injected`.
 */
import { jsonBytes } from '../excel/payload';
import { SINCE } from './apisets';
import { SimError, apiNotFound, invalidArgument, type SimErrorCode } from './errors';
import { EventHub, type StampedChange } from './events';
import { WorkbookModel, newSheet, type Sheet } from './model';
import { createOffice, compareVersions, enumProxy, type SimOffice } from './office';
import { SimContext, SimObject, type Command, type Engine, asApi } from './proxy';
import { SimApplication, SimRuntime, SimWorkbook } from './workbook';

/** Excel on the web's limit on a request's and a response's payload. */
export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Excel's limit on the cells a single read may return. */
export const DEFAULT_MAX_CELLS_PER_READ = 5_000_000;

export const LATEST_API_VERSION = Object.values(SINCE).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b), '1.1');

export interface SimOptions {
  /** The highest ExcelApi requirement set supported (default: the newest the sim knows). */
  readonly apiVersion?: string;
  /** Bytes of a request or a response above which a sync fails (default 5 MB). */
  readonly payloadLimit?: number;
  readonly maxCellsPerRead?: number;
  /** `Office.context.displayLanguage` (default `ru-RU`). */
  readonly displayLanguage?: string;
  readonly platform?: 'PC' | 'OfficeOnline' | 'Mac';
  /** The sheets a new workbook starts with (default `['Sheet1']`, as Excel's). */
  readonly sheets?: readonly string[];
}

export interface SyncRecord {
  /** 1-based, over the sim's life (or since `resetStats`). */
  readonly index: number;
  /** UTF-8 bytes of the queued commands as JSON, values included. */
  requestBytes: number;
  /** UTF-8 bytes of the loaded data as JSON. */
  responseBytes: number;
  readonly commands: number;
  /** Each command's location (`Range.values`, `Worksheet.load`), in order. */
  readonly locations: readonly string[];
  /** The error code when the sync failed. */
  error?: string;
}

const sentBytes = (v: unknown): number =>
  jsonBytes(v, (_, x: unknown) => (x instanceof SimObject ? { path: x.path } : x));

function asSimError(e: unknown): SimError {
  if (e instanceof SimError) return e;
  const err = new SimError('GeneralException', e instanceof Error ? `(${e.message})` : `(${String(e)})`);
  if (e instanceof Error && e.stack) err.stack = e.stack;
  return err;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export class SimEngine implements Engine {
  readonly model = new WorkbookModel();
  readonly events = new EventHub();
  readonly office: SimOffice;
  readonly run: typeof Excel.run;
  apiVersion: string;
  payloadLimit: number;
  maxCellsPerRead: number;
  displayLanguage: string;
  platform: 'PC' | 'OfficeOnline' | 'Mac';
  enableEvents = true;
  protected log: SyncRecord[] = [];
  /** Commands run by syncs so far (failed syncs included), since `resetStats`. */
  commandCount = 0;

  constructor(options: SimOptions = {}) {
    this.apiVersion = options.apiVersion ?? LATEST_API_VERSION;
    this.payloadLimit = options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
    this.maxCellsPerRead = options.maxCellsPerRead ?? DEFAULT_MAX_CELLS_PER_READ;
    this.displayLanguage = options.displayLanguage ?? 'ru-RU';
    this.platform = options.platform ?? 'OfficeOnline';
    for (const name of options.sheets ?? ['Sheet1']) this.addSheet(name);
    this.office = createOffice(this);
    this.run = asApi<typeof Excel.run>(this.runImpl.bind(this));
  }

  /** Adds a sheet directly (no sync), for building workbooks in tests. */
  addSheet(name: string): Sheet {
    const sheet = newSheet(this.model.nextId('{SHEET-') + '}', name);
    this.model.sheets.push(sheet);
    this.model.activeSheetId ??= sheet.id;
    return sheet;
  }

  /** A new request context, as `Excel.run` makes one (typed as office-js types it). */
  context(options: { delayForCellEdit?: boolean } = {}): Excel.RequestContext {
    return asApi<Excel.RequestContext>(this.newContext(options.delayForCellEdit === true));
  }

  private newContext(delayForCellEdit: boolean): SimContext {
    const ctx = new SimContext(this, delayForCellEdit);
    ctx.workbook = new SimWorkbook(ctx);
    ctx.application = new SimApplication(ctx);
    ctx.runtime = new SimRuntime(ctx);
    return ctx;
  }

  /**
   * `Excel.run`: `(batch)`, `(options, batch)`, or `(object | objects | context, batch)`
   * to reuse a context. Commands still queued when the batch's promise
   * resolves are sent with a last sync, as office-js does.
   */
  private async runImpl<T>(first: unknown, second?: unknown): Promise<T> {
    let batch: unknown = first;
    let ctx: SimContext | undefined;
    if (typeof first !== 'function') {
      batch = second;
      const options = first as Excel.RunOptions | undefined;
      const previous = options?.previousObjects ?? first;
      const reuse: unknown = Array.isArray(previous) ? previous[0] : previous;
      if (reuse instanceof SimContext) ctx = reuse;
      else if (reuse instanceof SimObject) ctx = reuse.ctx;
      else if (options !== undefined && options !== null && typeof options === 'object' && !Array.isArray(options)) {
        ctx = this.newContext(options.delayForCellEdit === true);
      }
    }
    if (typeof batch !== 'function') throw invalidArgument('Excel.run needs a batch function.');
    ctx ??= this.newContext(false);
    const pending = (batch as Batch<T>)(asApi<Excel.RequestContext>(ctx));
    if (!pending || typeof (pending as Promise<T>).then !== 'function') {
      const e = new SimError('GeneralException', 'The batch function passed to Excel.run must return a promise.');
      (e as { code: string }).code = 'RunMustReturnPromise';
      throw e;
    }
    const result = await pending;
    if (ctx.queue.length > 0) await ctx.sync();
    return result;
  }

  requireApi(location: string): void {
    const need = SINCE[location];
    if (need && compareVersions(need, this.apiVersion) > 0) throw apiNotFound(location, need);
  }

  /** Before a sync is sent (cell-edit mode makes it fail or wait). */
  protected async waitForTurn(ctx: SimContext, commands: readonly Command[]): Promise<void> {
    void ctx;
    void commands;
  }

  /** Between the previous sync and this one (a co-author's change lands). */
  protected betweenSyncs(): void {}

  /** After a sync in which an injected failure struck one of its commands, the workbook as that left it. */
  protected struck(): void {}

  /** A failure to strike this sync: all of it (`error`), or one of its commands (`failing`). */
  protected injected(commands: readonly Command[]): {
    error: SimError | null;
    failing: { index: number; code: SimErrorCode } | null;
  } {
    this.commandCount += commands.length;
    return { error: null, failing: null };
  }

  /** The engine of `context.sync()`. */
  async sync(ctx: SimContext): Promise<void> {
    const commands = ctx.queue;
    ctx.queue = [];
    await this.waitForTurn(ctx, commands);
    // A round trip: the batch's code never sees the results synchronously.
    await Promise.resolve();
    this.betweenSyncs();
    const record: SyncRecord = {
      index: this.log.length + 1,
      requestBytes: sentBytes(commands.map((c) => c.payload)),
      responseBytes: 0,
      commands: commands.length,
      locations: commands.map((c) => c.location),
    };
    this.log.push(record);
    const fail = (e: SimError): never => {
      record.error = e.code;
      throw e;
    };
    const { error, failing } = this.injected(commands);
    if (error) fail(error);
    if (record.requestBytes > this.payloadLimit) {
      fail(
        new SimError(
          'RequestPayloadSizeLimitExceeded',
          `(${record.requestBytes} bytes; the limit is ${this.payloadLimit})`,
        ),
      );
    }
    const model = this.model;
    model.begin();
    const start = model.mark();
    const responses: unknown[] = [];
    let failure: SimError | null = null;
    for (const [i, cmd] of commands.entries()) {
      const mark = model.mark();
      try {
        if (i === failing?.index) throw new SimError(failing.code, '(injected by failAtCommand)');
        this.requireApi(cmd.location);
        const out = cmd.run();
        if (out !== undefined) responses.push(out);
        if (!this.enableEvents) {
          for (let i = mark.changes; i < model.changes.length; i++) {
            const ch = model.changes[i];
            if (ch) model.changes[i] = { ...ch, silent: true } as StampedChange;
          }
        }
      } catch (e) {
        model.rollbackTo(mark);
        const statement = (c: typeof cmd) =>
          `${c.location}(${JSON.stringify((c.payload as { a?: unknown }).a ?? []).slice(0, 200)})`;
        failure = asSimError(e).locate(cmd.location, statement(cmd), {
          surroundingStatements: commands.slice(Math.max(0, i - 2), i + 3).map((c) => c.location),
          fullStatements: commands.map(statement),
          traceMessages: [...ctx.traces],
        });
        break;
      }
    }
    record.responseBytes = sentBytes(responses);
    if (!failure && record.responseBytes > this.payloadLimit) {
      model.rollbackTo(start);
      failure = new SimError(
        'ResponsePayloadSizeLimitExceeded',
        `(${record.responseBytes} bytes; the limit is ${this.payloadLimit})`,
      );
    }
    model.commit();
    if (!failure) for (const cmd of commands) cmd.after?.();
    this.events.dispatch(model, model.takeChanges(), 'Local', true);
    if (failure && failing) this.struck();
    if (failure) fail(failure);
  }

  // ----- statistics -----

  /** Every sync so far (failed ones included), with its bytes. */
  get syncs(): readonly SyncRecord[] {
    return this.log;
  }

  get syncCount(): number {
    return this.log.length;
  }

  get maxRequestBytes(): number {
    return this.log.reduce((m, r) => Math.max(m, r.requestBytes), 0);
  }

  get maxResponseBytes(): number {
    return this.log.reduce((m, r) => Math.max(m, r.responseBytes), 0);
  }

  resetStats(): void {
    this.log = [];
    this.commandCount = 0;
  }

  /** Resolves once every event handler called so far has finished. */
  settle(): Promise<void> {
    return this.events.settle();
  }

  /** Installs `Excel` (run and enums) and `Office` globals, for code written against the globals. */
  installGlobals(target: Record<string, unknown> = asApi<Record<string, unknown>>(globalThis)): () => void {
    const before = { Excel: target['Excel'], Office: target['Office'] };
    target['Excel'] = new Proxy(
      { run: this.run, RequestContext: SimContext },
      { get: (o, k) => (k in o ? o[k as keyof typeof o] : enumProxy[k as string]) },
    );
    target['Office'] = this.office;
    return () => {
      target['Excel'] = before.Excel;
      target['Office'] = before.Office;
    };
  }
}
