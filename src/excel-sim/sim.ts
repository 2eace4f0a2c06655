import { MAX_COLUMNS, areaA1, parseArea, parseRef, type Area } from './address';
import { SINCE } from './apisets';
import { describeChart, type ChartDescription } from './chart';
import { SimError, apiNotFound, invalidArgument, itemNotFound, type SimErrorCode } from './errors';
import { EventHub, type EventSource, type StampedChange } from './events';
import { DEFAULT_STYLE, WorkbookModel, newSheet, type Cell, type Scalar, type Sheet } from './model';
import { createOffice, compareVersions, enumProxy, type SimOffice } from './office';
import { writeContents } from './ops';
import { describePageLayout } from './pagelayout';
import { SimContext, SimObject, type Command, type Engine } from './proxy';
import { tableAddress } from './table';
import { ruleObject } from './validation';
import { cellFormula, cellValue, normalizeColor } from './values';
import { SimApplication, SimRuntime, SimWorkbook, nameFormula } from './workbook';

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

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v, (_, x: unknown) => (x instanceof SimObject ? { path: x.path } : x)) ?? '');
}

function asSimError(e: unknown): SimError {
  if (e instanceof SimError) return e;
  const err = new SimError('GeneralException', e instanceof Error ? `(${e.message})` : `(${String(e)})`);
  if (e instanceof Error && e.stack) err.stack = e.stack;
  return err;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/**
 * Where an injected failure strikes. Real Excel runs a batch's commands in
 * order and stops at the first that fails: the ones before it stay applied.
 * - `{ command: n }`: the n-th command from now (1-based, counted across syncs);
 * - `{ sync: m, command: k }`: the k-th command of the m-th sync from now;
 * - `{ location: 'Worksheet.name' }`: the first command at that location
 *   (`Type.member`, as `debugInfo.errorLocation` names it; a property's setter
 *   is a command, its reading is a `load`).
 */
export type FailurePoint =
  | { readonly command: number; readonly sync?: undefined; readonly location?: undefined }
  | { readonly sync: number; readonly command: number; readonly location?: undefined }
  | { readonly location: string; readonly sync?: undefined; readonly command?: undefined };

interface ArmedFailure {
  readonly point: FailurePoint;
  readonly code: SimErrorCode;
  /** Commands (or syncs, for `sync`) still to pass before the failing one. */
  commandsLeft: number;
  syncsLeft: number;
  /** After the failure every sync fails too, until `reconnect()`: a closed pane or a lost connection. */
  readonly crash: boolean;
}

/** A change made by someone else between two syncs of an action. */
export type BetweenSyncs = (sim: SimExcel) => void;

/**
 * An Excel workbook in memory, driven through the Excel JavaScript API:
 * `sim.run` is shaped like `Excel.run`, `sim.office` like the `Office`
 * global. The rest of this class is for tests and the playground: inspect
 * the workbook directly, edit it as a person or a co-author would, count
 * syncs and bytes, inject failures.
 */
export class SimExcel implements Engine {
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
  private log: SyncRecord[] = [];
  private failure: { countdown: number; code: SimErrorCode } | null = null;
  private commandFailure: ArmedFailure | null = null;
  private disconnected = false;
  private remote: { countdown: number; change: BetweenSyncs }[] = [];
  /** Commands run by syncs so far (failed syncs included), since `resetStats`. */
  commandCount = 0;
  private editing = false;
  private editWaiters: (() => void)[] = [];

  constructor(options: SimOptions = {}) {
    this.apiVersion = options.apiVersion ?? LATEST_API_VERSION;
    this.payloadLimit = options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
    this.maxCellsPerRead = options.maxCellsPerRead ?? DEFAULT_MAX_CELLS_PER_READ;
    this.displayLanguage = options.displayLanguage ?? 'ru-RU';
    this.platform = options.platform ?? 'OfficeOnline';
    for (const name of options.sheets ?? ['Sheet1']) this.addSheet(name);
    this.office = createOffice(this);
    this.run = this.runImpl.bind(this) as unknown as typeof Excel.run;
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
    return this.newContext(options.delayForCellEdit === true) as unknown as Excel.RequestContext;
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
    const pending = (batch as Batch<T>)(ctx as unknown as Excel.RequestContext);
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

  /** The engine of `context.sync()`. */
  async sync(ctx: SimContext): Promise<void> {
    const commands = ctx.queue;
    ctx.queue = [];
    if (this.editing) {
      if (!ctx.delayForCellEdit) {
        this.log.push({
          index: this.log.length + 1,
          requestBytes: 0,
          responseBytes: 0,
          commands: commands.length,
          locations: commands.map((c) => c.location),
          error: 'InvalidOperationInCellEditMode',
        });
        throw new SimError('InvalidOperationInCellEditMode');
      }
      await new Promise<void>((resolve) => this.editWaiters.push(resolve));
    }
    // A round trip: the batch's code never sees the results synchronously.
    await Promise.resolve();
    // A co-author's change lands between the previous sync and this one.
    for (const r of this.remote.splice(0)) {
      if (--r.countdown === 0) r.change(this);
      else this.remote.push(r);
    }
    const record: SyncRecord = {
      index: this.log.length + 1,
      requestBytes: jsonBytes(commands.map((c) => c.payload)),
      responseBytes: 0,
      commands: commands.length,
      locations: commands.map((c) => c.location),
    };
    this.log.push(record);
    const fail = (e: SimError): never => {
      record.error = e.code;
      throw e;
    };
    if (this.disconnected) fail(new SimError('GeneralException', '(the connection to the workbook was lost)'));
    const failing = this.failingCommand(commands);
    if (this.failure && --this.failure.countdown === 0) {
      const code = this.failure.code;
      this.failure = null;
      fail(new SimError(code, '(injected by failAtSync)'));
    }
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
    record.responseBytes = jsonBytes(responses);
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
    if (failure) fail(failure);
  }

  // ----- instrumentation -----

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

  /** Makes the n-th sync from now (1-based) fail before applying anything. */
  failAtSync(n: number, code: SimErrorCode = 'GeneralException'): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError('failAtSync counts syncs from 1');
    this.failure = { countdown: n, code };
  }

  /**
   * Makes a command fail as Excel fails one: the commands before it in its
   * sync stay applied, it and the ones after it do not run, and the error
   * carries its `debugInfo.errorLocation`. A number is the n-th command from
   * now, counted across syncs. With `crash`, every later sync fails too until
   * `reconnect()`, as when the pane is closed or the connection lost mid-action.
   */
  failAtCommand(point: number | FailurePoint, options: { code?: SimErrorCode; crash?: boolean } = {}): void {
    const p: FailurePoint = typeof point === 'number' ? { command: point } : point;
    if (p.command !== undefined && (!Number.isInteger(p.command) || p.command < 1))
      throw new RangeError('failAtCommand counts commands from 1');
    if (p.sync !== undefined && (!Number.isInteger(p.sync) || p.sync < 1))
      throw new RangeError('failAtCommand counts syncs from 1');
    this.commandFailure = {
      point: p,
      code: options.code ?? 'GeneralException',
      commandsLeft: p.sync === undefined ? (p.command ?? 0) : 0,
      syncsLeft: p.sync ?? 0,
      crash: options.crash ?? false,
    };
  }

  /** The index of the command of this sync that an armed failure strikes, if any (and disarms it). */
  private failingCommand(commands: readonly Command[]): { index: number; code: SimErrorCode } | null {
    const f = this.commandFailure;
    let index = -1;
    if (f) {
      if (f.point.location !== undefined) index = commands.findIndex((c) => c.location === f.point.location);
      else if (f.point.sync !== undefined) {
        if (--f.syncsLeft === 0) index = f.point.command - 1 < commands.length ? f.point.command - 1 : -2;
      } else if (f.commandsLeft <= commands.length) index = f.commandsLeft - 1;
      else f.commandsLeft -= commands.length;
    }
    this.commandCount += index >= 0 ? index + 1 : commands.length;
    if (!f || index === -1) return null;
    this.commandFailure = null;
    if (index === -2) return null; // that sync had fewer commands: nothing fails
    if (f.crash) this.disconnected = true;
    return { index, code: f.code };
  }

  /**
   * Remembers the workbook as it is now; `restore()` brings it back exactly
   * (cells, sheets, ids), so that a test can run an action many times on one
   * loaded workbook. Failures, co-author changes and statistics are reset too.
   */
  checkpoint(): void {
    this.model.checkpoint();
  }

  restore(): void {
    this.model.restore();
    this.clearFailure();
    this.remote = [];
    this.resetStats();
  }

  /** The connection is back after a crash (`failAtCommand(..., { crash: true })`). */
  reconnect(): void {
    this.disconnected = false;
  }

  clearFailure(): void {
    this.failure = null;
    this.commandFailure = null;
    this.disconnected = false;
  }

  /**
   * A co-author's change applied just before the n-th sync from now runs its
   * commands, i.e. between two syncs of whatever action is running then.
   */
  beforeSync(n: number, change: BetweenSyncs): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError('beforeSync counts syncs from 1');
    this.remote.push({ countdown: n, change });
  }

  /**
   * The user is typing in a cell: a sync without `delayForCellEdit` fails
   * with InvalidOperationInCellEditMode; one with it waits until editing ends.
   */
  setCellEditing(on: boolean): void {
    this.editing = on;
    if (!on) for (const w of this.editWaiters.splice(0)) w();
  }

  /** Resolves once every event handler called so far has finished. */
  settle(): Promise<void> {
    return this.events.settle();
  }

  // ----- edits from outside the add-in -----

  private edit(sheetName: string, address: string, values: unknown, source: EventSource): void {
    const sheet = this.sheetOrThrow(sheetName);
    const area = parseArea(address);
    if (!area) throw invalidArgument(`"${address}" is not an address.`);
    const m = this.model;
    m.begin();
    const mark = m.mark();
    try {
      writeContents(m, sheet, area, values, 'values');
    } catch (e) {
      m.rollbackTo(mark);
      m.commit();
      throw e;
    }
    m.commit();
    if (!this.enableEvents) {
      m.takeChanges();
      return;
    }
    this.events.dispatch(m, m.takeChanges(), source, false);
  }

  /** The user types into cells (protection applies); events fire with source Local. */
  simulateUserEdit(sheet: string, address: string, values: unknown): void {
    this.edit(sheet, address, values, 'Local');
  }

  /** A co-author changes cells; events fire with source Remote. */
  simulateRemoteEdit(sheet: string, address: string, values: unknown): void {
    this.edit(sheet, address, values, 'Remote');
  }

  /** Sets the value a formula cell shows (the sim does not calculate), e.g. to test reading results. */
  setFormulaResult(sheet: string, address: string, value: Scalar | null): void {
    const s = this.sheetOrThrow(sheet);
    const a = parseArea(address);
    if (!a) throw invalidArgument(`"${address}" is not an address.`);
    const cell = this.model.cell(s, a.top, a.left);
    if (!cell?.formula) throw invalidArgument(`${address} holds no formula.`);
    this.model.setCell(s, a.top, a.left, { ...cell, value });
  }

  // ----- inspection (no sync, no counting) -----

  private sheetOrThrow(name: string): Sheet {
    const s = this.model.sheetByName(name);
    if (!s) throw itemNotFound(`(no sheet "${name}")`);
    return s;
  }

  private grid<T>(sheet: string, address: string, f: (cell: Cell | undefined) => T): T[][] {
    const s = this.sheetOrThrow(sheet);
    const a = parseArea(address);
    if (!a) throw invalidArgument(`"${address}" is not an address.`);
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(f(this.model.cell(s, r, c)));
      out.push(row);
    }
    return out;
  }

  values(sheet: string, address: string): Scalar[][] {
    return this.grid(sheet, address, cellValue);
  }

  formulas(sheet: string, address: string): Scalar[][] {
    return this.grid(sheet, address, cellFormula);
  }

  numberFormats(sheet: string, address: string): string[][] {
    const s = this.sheetOrThrow(sheet);
    const a = parseArea(address);
    if (!a) throw invalidArgument(`"${address}" is not an address.`);
    return Array.from({ length: a.bottom - a.top + 1 }, (_, i) =>
      Array.from({ length: a.right - a.left + 1 }, (_, j) => this.model.styleAt(s, a.top + i, a.left + j).numberFormat),
    );
  }

  /** The look of one cell (bold, fill, locked, ...). */
  styleOf(sheet: string, address: string): Readonly<Record<string, unknown>> {
    const s = this.sheetOrThrow(sheet);
    const a = parseArea(address);
    if (!a) throw invalidArgument(`"${address}" is not an address.`);
    return { ...this.model.styleAt(s, a.top, a.left) };
  }

  sheets(): {
    name: string;
    visibility: string;
    protected: boolean;
    tabColor: string;
    freeze: { rows: number; columns: number };
  }[] {
    return this.model.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protection.protected,
      tabColor: s.tabColor,
      freeze: { ...s.freeze },
    }));
  }

  tables(): {
    name: string;
    sheet: string;
    address: string;
    columns: string[];
    showHeaders: boolean;
    showTotals: boolean;
    style: string;
  }[] {
    return this.model.tables.map((t) => ({
      name: t.name,
      sheet: this.model.sheetById(t.sheetId)?.name ?? '#REF!',
      address: tableAddress(this.model, t),
      columns: t.columns.map((c) => c.name),
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      style: t.style,
    }));
  }

  validations(sheet: string): {
    address: string;
    type: string;
    rule: Excel.DataValidationRule;
    errorAlert: object;
    prompt: object;
    ignoreBlanks: boolean;
  }[] {
    const s = this.sheetOrThrow(sheet);
    return s.validations.map((v) => ({
      address: v.areas.map((a) => areaA1(a)).join(','),
      type: v.rule.type,
      rule: ruleObject(v.rule),
      errorAlert: { ...v.errorAlert },
      prompt: { ...v.prompt },
      ignoreBlanks: v.ignoreBlanks,
    }));
  }

  /** Conditional formats of one sheet, or of every sheet. */
  conditionalFormats(sheet?: string): {
    sheet: string;
    id: string;
    type: string;
    address: string;
    formula: string;
    fill: string | null;
    fontColor: string | null;
  }[] {
    const sheets = sheet === undefined ? this.model.sheets : [this.sheetOrThrow(sheet)];
    return sheets.flatMap((s) =>
      s.conditionalFormats.map((cf) => ({
        sheet: s.name,
        id: cf.id,
        type: cf.type,
        address: cf.areas.map((a) => areaA1(a)).join(','),
        formula: cf.rule.formula,
        fill: cf.format.fill,
        fontColor: cf.format.fontColor,
      })),
    );
  }

  /** A person's own conditional format (custom rule, fill colour), added as in Excel's UI: last in priority. */
  addConditionalFormat(sheet: string, address: string, formula: string, fill: string): string {
    const s = this.sheetOrThrow(sheet);
    const a = parseArea(address);
    if (!a) throw invalidArgument(`"${address}" is not an address.`);
    const id = `{${this.model.nextId('CF-')}}`;
    s.conditionalFormats.push({
      id,
      type: 'Custom',
      areas: [a],
      stopIfTrue: false,
      rule: {
        formula: formula.startsWith('=') ? formula : `=${formula}`,
        operator: 'Invalid',
        formula1: '',
        formula2: '',
      },
      format: {
        fill: normalizeColor(fill),
        fontColor: null,
        bold: null,
        italic: null,
        strikethrough: null,
        underline: null,
        numberFormat: null,
      },
    });
    return id;
  }

  names(): { name: string; formula: string; comment: string }[] {
    return this.model.names.map((n) => ({ name: n.name, formula: nameFormula(this.model, n), comment: n.comment }));
  }

  merges(sheet: string): string[] {
    return this.sheetOrThrow(sheet).merges.map((a) => areaA1(a));
  }

  /** Every chart's description, on one sheet or all. */
  describeCharts(sheet?: string): ChartDescription[] {
    const sheets = sheet === undefined ? this.model.sheets : [this.sheetOrThrow(sheet)];
    return sheets.flatMap((s) => s.charts.map((c) => describeChart(this.model, s, c)));
  }

  /** The selected range: its sheet, and its address on that sheet (`F5`). */
  selection(): { sheet: string; address: string } | null {
    const sel = this.model.selection;
    const s = sel && this.model.sheetById(sel.sheetId);
    return sel && s ? { sheet: s.name, address: areaA1(sel.area) } : null;
  }

  activeSheet(): string | null {
    return (this.model.activeSheetId && this.model.sheetById(this.model.activeSheetId)?.name) || null;
  }

  /**
   * A deterministic text of everything the workbook holds (cells with their
   * values, formulas and looks, tables, validations, formats, charts, names,
   * sheet settings): equal fingerprints mean equal workbooks.
   */
  fingerprint(): string {
    const m = this.model;
    const sheets = m.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      tabColor: s.tabColor,
      protection: s.protection,
      freeze: s.freeze,
      cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]),
      rowStyles: [...s.rowStyles.entries()].sort((a, b) => a[0] - b[0]),
      colStyles: [...s.colStyles.entries()].sort((a, b) => a[0] - b[0]),
      colWidths: [...s.colWidths.entries()].sort((a, b) => a[0] - b[0]),
      rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      merges: s.merges,
      borders: s.borders,
      validations: s.validations.map((v) => ({ ...v, id: undefined })),
      conditionalFormats: s.conditionalFormats,
      charts: s.charts,
    }));
    return JSON.stringify({ sheets, tables: m.tables, names: m.names });
  }

  /**
   * Everything a person could see in the workbook, as readable text without
   * the sim's internal ids: sheets in order with their settings, every cell
   * with content or a look of its own, tables, validations, conditional
   * formats, charts and names. Equal dumps mean workbooks that look the same.
   */
  dump(): string {
    const m = this.model;
    const defaults = DEFAULT_STYLE as unknown as Record<string, unknown>;
    const compact = (st: object | undefined) => {
      if (!st) return undefined;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(st)) if (v !== defaults[k]) out[k] = v;
      return Object.keys(out).length > 0 ? out : undefined;
    };
    const sorted = <V>(map: Map<number, V>) => [...map.entries()].sort((a, b) => a[0] - b[0]);
    const sheets = m.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      tabColor: s.tabColor,
      gridlines: s.showGridlines,
      protection: s.protection.protected ? s.protection.options : false,
      freeze: s.freeze,
      pageLayout: describePageLayout(s),
      columnWidths: sorted(s.colWidths),
      rowHeights: sorted(s.rowHeights),
      columnStyles: sorted(s.colStyles).map(([c, st]) => [c, compact(st)]),
      rowStyles: sorted(s.rowStyles).map(([r, st]) => [r, compact(st)]),
      cells: sorted(s.cells).map(([key, cell]) => {
        const r = Math.floor(key / MAX_COLUMNS);
        const c = key - r * MAX_COLUMNS;
        return [
          areaA1({ top: r, left: c, bottom: r, right: c }),
          cell.formula ?? cell.value,
          compact(cell.style),
          cell.link,
        ];
      }),
      merges: s.merges.map((a) => areaA1(a)),
      borders: s.borders.map((b) => [areaA1(b.area), b.side, b.style, b.color, b.weight]),
      validations: s.validations.map((v) => ({
        address: v.areas.map((a) => areaA1(a)).join(','),
        rule: ruleObject(v.rule),
        errorAlert: v.errorAlert,
        prompt: v.prompt,
        ignoreBlanks: v.ignoreBlanks,
      })),
      conditionalFormats: s.conditionalFormats.map((cf) => ({
        type: cf.type,
        address: cf.areas.map((a) => areaA1(a)).join(','),
        rule: cf.rule,
        format: cf.format,
        stopIfTrue: cf.stopIfTrue,
      })),
      charts: s.charts.map((c) => describeChart(m, s, c)),
    }));
    const book = {
      sheets,
      tables: this.tables(),
      names: this.names(),
      active: this.activeSheet(),
      date1904: m.date1904,
    };
    return JSON.stringify(book, null, 1);
  }

  /** The cells of one sheet with content, as `A1` → value or formula (for hashing what people filled). */
  contents(sheet: string, address?: string): Record<string, Scalar> {
    const s = this.sheetOrThrow(sheet);
    const area: Area | null = address ? (parseRef(address)?.area ?? null) : this.model.usedArea(s, true);
    const out: Record<string, Scalar> = {};
    if (!area) return out;
    for (const [r, c, cell] of this.model.cellsIn(s, area)) {
      if (cell.formula || cell.value !== null)
        out[areaA1({ top: r, left: c, bottom: r, right: c })] = cell.formula ?? cell.value ?? '';
    }
    return out;
  }

  /** Installs `Excel` (run and enums) and `Office` globals, for code written against the globals. */
  installGlobals(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
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
