/**
 * The swap of generated sheets, made safe against a command that fails in the
 * middle of a batch and against a run that never finishes (pane closed,
 * connection lost). A journal (`journal.ts`, in the workbook's settings) says
 * what the run is doing:
 *
 * 1. building — the new sheets are built hidden under temporary names;
 * 2. swapping — the old generated sheets are renamed to backup names, the new
 *    ones shown and given their names; the last command of that sync writes
 * 3. committed — then the backups and the journal are deleted.
 *
 * `recoverSwap` reads the journal and what sheets are there: before the
 * commit it puts the previous sheets back (half-built and half-named new
 * sheets removed, backups renamed back); after it, it finishes the clean-up.
 * Running it twice does nothing more the second time, and every action runs
 * it first, so what a crashed run left is repaired by the next one.
 *
 * The writes into sheets that exist (set-up's repairs, check's markers, a
 * submission's row and protection) are in the journal too, written before
 * them, and made after the commit: the recovery of a committed journal makes
 * them again (each can be made twice, see `writes.ts`); should that fail
 * where the journal also says how to put things back (`undo`), it does that.
 */
import { WorkbookProtectedError } from './guard';
import {
  DAMAGED_KEY,
  OLD_JOURNAL_SHEET,
  PHASE_KEY,
  foundJournal,
  probeJournal,
  queueJournal,
  queueJournalEnd,
  type FoundJournal,
  type Journal,
} from './journal';
import { queueNames, type WorkbookNames } from './read';
import { syncStep, type SyncStats } from './stats';
import { prepareWrites, runOps, type Write } from './writes';

export {
  OLD_JOURNAL_SHEET as JOURNAL_SHEET,
  journalBytes,
  parseJournal,
  queueJournal,
  queueJournalEnd,
  queuePhase,
  type Journal,
  type JournalRow,
  type SwapPhase,
} from './journal';

export const TEMP_PREFIX = '~kp';
export const BACKUP_PREFIX = '~kb';

/** What the recovery does, decided from the journal and the sheets there: pure, so that it can be tested alone. */
export interface RecoveryPlan {
  readonly remove: readonly string[];
  readonly rename: readonly { readonly from: string; readonly to: string }[];
  /** Tables of the backups to give their names back (once the new tables that took them are gone). */
  readonly renameTables: readonly { readonly from: string; readonly to: string }[];
}

/** A backup sheet's table keeps its place under this name while the new table takes its own. */
export function backupTableName(name: string, stamp: string): string {
  return `${name}_kb${stamp}`.slice(0, 250);
}
const BACKUP_TABLE = /^(.+)_kb[0-9a-z]{6,12}$/;

export function recoveryPlan(
  journal: Journal | null,
  sheets: readonly string[],
  tables: readonly string[] = [],
): RecoveryPlan {
  const there = new Set(sheets);
  const remove: string[] = [];
  const rename: { from: string; to: string }[] = [];
  const temps = sheets.filter((n) => n.startsWith(TEMP_PREFIX) && n !== OLD_JOURNAL_SHEET);
  if (!journal) {
    // No journal: only leftovers of older versions or of a run that failed before writing it.
    return {
      remove: [...temps, ...(there.has(OLD_JOURNAL_SHEET) ? [OLD_JOURNAL_SHEET] : [])],
      rename,
      renameTables: [],
    };
  }
  const olds = journal.rows.filter((r) => r.kind === 'old');
  const news = journal.rows.filter((r) => r.kind === 'new');
  if (journal.phase === 'committed') {
    for (const r of olds) if (there.has(r.other)) remove.push(r.other);
  } else {
    remove.push(...temps);
    if (journal.phase === 'swapping') {
      // Every temporary sheet existed when the swap began: one that is gone was given its final name.
      for (const r of news) if (!there.has(r.other) && there.has(r.name)) remove.push(r.name);
    }
    for (const r of olds) if (there.has(r.other)) rename.push({ from: r.other, to: r.name });
  }
  if (there.has(OLD_JOURNAL_SHEET)) remove.push(OLD_JOURNAL_SHEET);
  // Before the commit the backups come back, and so do their tables' names; after it they are deleted.
  const renameTables =
    journal.phase === 'committed'
      ? []
      : tables.flatMap((t) => {
          const base = BACKUP_TABLE.exec(t)?.[1];
          return base ? [{ from: t, to: base }] : [];
        });
  return { remove: [...new Set(remove)], rename, renameTables };
}

export function isSwapLeftover(name: string): boolean {
  return name.startsWith(TEMP_PREFIX) || name.startsWith(BACKUP_PREFIX);
}

/**
 * Reads the journal and the names (one sync) and, when something is left
 * over, repairs it (one more, and those of the writes). Returns whether
 * anything was repaired. Actions do the reading with their own first read
 * (`recoveryAtFirst`).
 */
export async function recoverSwap(context: Excel.RequestContext, stats?: SyncStats): Promise<boolean> {
  return (await recoverJournal(context, stats)) !== 'nothing';
}

/** What the recovery did: nothing left over, the previous state put back, the change completed, or its writes undone. */
export type RecoveryOutcome = 'nothing' | 'rolled back' | 'completed' | 'undone';

export async function recoverJournal(context: Excel.RequestContext, stats?: SyncStats): Promise<RecoveryOutcome> {
  const probe = probeJournal(context);
  const names = queueNames(context.workbook);
  await syncStep(context, stats, 'fixed');
  return repair(context, foundJournal(probe), names.read(), stats);
}

/**
 * For an action's first read: queues the journal's probe with it and, once it
 * is back, repairs what a stopped run left. Says whether the workbook changed
 * (then the read starts over).
 */
export function recoveryAtFirst(
  stats?: SyncStats,
): (context: Excel.RequestContext) => (names: WorkbookNames) => Promise<boolean> {
  return (context) => {
    const probe = probeJournal(context);
    return async (names) => (await repair(context, foundJournal(probe), names, stats)) !== 'nothing';
  };
}

/**
 * Repairs from the journal found and the names there. A damaged journal is
 * set aside and reported (`JournalDamagedError`) with nothing of it made. In
 * a workbook whose structure is protected no sheet can be removed or renamed:
 * a change stopped before its commit cannot be put back (refused with
 * `WorkbookProtectedError`, the journal kept); after it, the writes are made
 * and the backups wait, with a journal that says only that, for a run in an
 * unprotected workbook.
 */
export async function repair(
  context: Excel.RequestContext,
  found: FoundJournal,
  names: WorkbookNames,
  stats?: SyncStats,
): Promise<RecoveryOutcome> {
  const { sheets, tables, structureProtected: locked } = names;
  const place = found.place;
  // A phase without its journal: the clean-up stopped between the two deletions (the journal goes first).
  const strayPhase = place.phased && !place.settings;
  if (!sheets.some(isSwapLeftover) && !place.settings && !strayPhase) return 'nothing';
  const wb = context.workbook;
  // The old sheet is read once: removed with the leftovers, or emptied where the structure keeps it.
  const emptyOldSheet = () => wb.worksheets.getItem(OLD_JOURNAL_SHEET).getRange().clear();
  if (found.state === 'damaged') {
    const { damage, where } = found.error;
    wb.settings.add(DAMAGED_KEY, { at: new Date().toISOString(), damage, where, journal: found.raw });
    if (place.settings) queueJournalEnd(context, place.phased);
    else if (locked) emptyOldSheet();
    if (strayPhase) wb.settings.getItem(PHASE_KEY).delete();
    // Temporary sheets never hold what people typed: they go (the backups stay).
    if (!locked) for (const n of recoveryPlan(null, sheets).remove) wb.worksheets.getItem(n).delete();
    await syncStep(context, stats, 'fixed');
    throw found.error;
  }
  const journal = found.state === 'ok' ? found.journal : null;
  const plan = recoveryPlan(journal, sheets, tables);
  const committed = journal?.phase === 'committed';
  const writes = committed ? (journal.writes ?? []) : [];
  const structural =
    plan.rename.length > 0 || plan.renameTables.length > 0 || plan.remove.some((n) => n !== OLD_JOURNAL_SHEET);
  let rest: Journal | null = null;
  if (locked) {
    if (structural && !committed) throw new WorkbookProtectedError();
    if (structural && journal) rest = { phase: 'committed', rows: journal.rows };
    const same = rest !== null && place.settings && !journal?.writes?.length && !journal?.undo?.length;
    if (writes.length === 0 && !place.oldFull && !strayPhase && (journal === null || same)) return 'nothing';
    if (place.oldFull) emptyOldSheet();
  } else {
    // Deletions first: a backup's own name is free only once the new sheet that took it is gone.
    for (const n of plan.remove) wb.worksheets.getItem(n).delete();
    for (const r of plan.rename) wb.worksheets.getItem(r.from).name = r.to;
    for (const r of plan.renameTables) wb.tables.getItem(r.from).name = r.to;
  }
  // A journal from the old sheet that must outlive this sync moves into the settings.
  const moved = !place.settings && journal !== null && (writes.length > 0 || rest !== null);
  if (moved) queueJournal(context, writes.length > 0 ? journal : (rest as Journal));
  const end = () => {
    if (rest) queueJournal(context, rest);
    else if (place.settings || moved) queueJournalEnd(context, place.phased);
    else if (strayPhase) wb.settings.getItem(PHASE_KEY).delete();
  };
  const outcome = committed ? 'completed' : 'rolled back';
  if (writes.length === 0) {
    end();
    await syncStep(context, stats, 'fixed');
    return outcome;
  }
  context.runtime.enableEvents = false;
  let failure: unknown = null;
  let undone = false;
  try {
    try {
      await makeWrites(context, writes, stats);
    } catch (e) {
      const undo = journal?.undo ?? [];
      if (undo.length === 0) {
        // A sheet or table the writes name is gone (a co-author renamed or deleted it): they can never be made, and
        // a journal kept would stop every action; it goes, and the error is reported.
        if ((e as { code?: unknown }).code === 'ItemNotFound') end();
        throw e;
      }
      await makeWrites(context, undo, stats);
      undone = true;
    }
    // Until the writes are made, the journal stays: the next run makes them.
    end();
  } catch (e) {
    failure = e;
  }
  context.runtime.enableEvents = true;
  await syncStep(context, stats, 'fixed').catch((e: unknown) => {
    failure ??= e;
  });
  if (failure) throw failure;
  return undone ? 'undone' : outcome;
}

/** The writes made again: what they depend on is read first (with anything queued before), then they are made. */
async function makeWrites(context: Excel.RequestContext, writes: readonly Write[], stats?: SyncStats): Promise<void> {
  const prepared = prepareWrites(context, writes, { verify: true });
  await syncStep(context, stats, 'fixed');
  await runOps(context, prepared.ops(), stats);
}
