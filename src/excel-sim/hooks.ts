/**
 * The in-memory Excel's test hooks: failures injected at a sync or a
 * command (with a crash until `reconnect`), co-authors' changes between
 * syncs, cell-edit mode, edits as the user or a co-author, checkpoints.
 */
import { parseArea, type Area } from './address';
import { SimError, invalidArgument, itemNotFound, type SimErrorCode } from './errors';
import type { EventSource } from './events';
import type { Scalar, Sheet } from './model';
import { writeContents } from './ops';
import type { Command, SimContext } from './proxy';
import { SimEngine } from './engine';

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
  readonly whenStruck?: () => void;
}

/** A change made by someone else between two syncs of an action. */
export type BetweenSyncs<S> = (sim: S) => void;

export class SimHooks extends SimEngine {
  private failure: { countdown: number; code: SimErrorCode } | null = null;
  private commandFailure: ArmedFailure | null = null;
  private onStruck: (() => void) | null = null;
  private disconnected = false;
  private remote: { countdown: number; change: () => void }[] = [];
  private editing = false;
  private editWaiters: (() => void)[] = [];

  protected override async waitForTurn(ctx: SimContext, commands: readonly Command[]): Promise<void> {
    if (!this.editing) return;
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

  protected override betweenSyncs(): void {
    for (const r of this.remote.splice(0)) {
      if (--r.countdown === 0) r.change();
      else this.remote.push(r);
    }
  }

  protected override injected(commands: readonly Command[]): {
    error: SimError | null;
    failing: { index: number; code: SimErrorCode } | null;
  } {
    if (this.disconnected)
      return { error: new SimError('GeneralException', '(the connection to the workbook was lost)'), failing: null };
    const failing = this.failingCommand(commands);
    if (this.failure && --this.failure.countdown === 0) {
      const code = this.failure.code;
      this.failure = null;
      return { error: new SimError(code, '(injected by failAtSync)'), failing };
    }
    return { error: null, failing };
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
   * `whenStruck` runs once the failing sync is over, with the workbook as the
   * failure left it and before the action sees the error: what a crash at that
   * command would leave, which a test may keep (`checkpoint()`) instead of
   * running the action again to crash it.
   */
  failAtCommand(
    point: number | FailurePoint,
    options: { code?: SimErrorCode; crash?: boolean; whenStruck?: () => void } = {},
  ): void {
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
      ...(options.whenStruck ? { whenStruck: options.whenStruck } : {}),
    };
  }

  protected override struck(): void {
    const f = this.onStruck;
    this.onStruck = null;
    f?.();
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
    this.onStruck = f.whenStruck ?? null;
    return { index, code: f.code };
  }

  /**
   * Remembers the workbook as it is now; `restore()` brings it back exactly
   * (cells, sheets, ids), so that a test can run an action many times on one
   * loaded workbook. Failures, co-author changes and statistics are reset too.
   * Checkpoints nest: `restore()` goes back to the innermost one held.
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
    this.onStruck = null;
    this.disconnected = false;
  }

  /**
   * A co-author's change applied just before the n-th sync from now runs its
   * commands, i.e. between two syncs of whatever action is running then.
   */
  beforeSync(n: number, change: BetweenSyncs<this>): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError('beforeSync counts syncs from 1');
    this.remote.push({ countdown: n, change: () => change(this) });
  }

  /**
   * The user is typing in a cell: a sync without `delayForCellEdit` fails
   * with InvalidOperationInCellEditMode; one with it waits until editing ends.
   */
  setCellEditing(on: boolean): void {
    this.editing = on;
    if (!on) for (const w of this.editWaiters.splice(0)) w();
  }

  // ----- edits from outside the add-in -----

  private edit(sheetName: string, address: string, values: unknown, source: EventSource): void {
    const { sheet: sheet, area: area } = this.place(sheetName, address);
    this.applyOutside(() => writeContents(this.model, sheet, area, values, 'values'), source);
  }

  /**
   * A change made outside the add-in's syncs (a person typing, a co-author's
   * edit merged in), as Excel applies it: whole or not at all, then
   * `onChanged` raised with its source to the handlers listening, unless
   * events are off.
   */
  applyOutside(change: () => void, source: EventSource): void {
    const m = this.model;
    m.begin();
    const mark = m.mark();
    try {
      change();
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
    const { sheet: s, area: a } = this.place(sheet, address);
    const cell = this.model.cell(s, a.top, a.left);
    if (!cell?.formula) throw invalidArgument(`${address} holds no formula.`);
    this.model.setCell(s, a.top, a.left, { ...cell, value });
  }

  /** A sheet and an address on it, as tests name them. */
  protected place(sheet: string, address: string): { sheet: Sheet; area: Area } {
    const area = parseArea(address);
    if (!area) throw invalidArgument(`"${address}" is not an address.`);
    return { sheet: this.sheetOrThrow(sheet), area };
  }

  protected sheetOrThrow(name: string): Sheet {
    const s = this.model.sheetByName(name);
    if (!s) throw itemNotFound(`(no sheet "${name}")`);
    return s;
  }
}
