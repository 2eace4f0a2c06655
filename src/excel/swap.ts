/**
 * The swap of generated sheets, made safe against a command that fails in the
 * middle of a batch and against a run that never finishes (pane closed,
 * connection lost). A hidden journal sheet says what the run is doing:
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
import { syncStep, type SyncStats } from './stats';
import { prepareWrites, runOps, type Write } from './writes';

export const TEMP_PREFIX = '~kp';
export const BACKUP_PREFIX = '~kb';
export const JOURNAL_SHEET = '~kpjournal';

export type SwapPhase = 'building' | 'swapping' | 'committed';

/** One new sheet (final name ← temporary name) or one old one (name → backup name). */
export interface JournalRow {
  readonly kind: 'new' | 'old';
  readonly name: string;
  readonly other: string;
}

export interface Journal {
  readonly phase: SwapPhase;
  readonly rows: readonly JournalRow[];
  /** Made after the commit, and again by the recovery. */
  readonly writes?: readonly Write[];
  /** What puts the sheets back as they were, should the writes fail again in the recovery. */
  readonly undo?: readonly Write[];
}

/** Excel holds at most 32,767 characters in a cell: the writes' JSON is cut into pieces. */
const PIECE = 30_000;
/** Before each piece, so that Excel takes none of them for a number, a formula or a date. */
const PIECE_MARK = '|';

function pieces(kind: 'do' | 'undo', writes: readonly Write[] | undefined): string[][] {
  if (!writes || writes.length === 0) return [];
  const json = JSON.stringify(writes);
  const out: string[][] = [];
  for (let i = 0; i < json.length; i += PIECE) out.push([kind, 'json', PIECE_MARK + json.slice(i, i + PIECE)]);
  return out;
}

export function journalValues(journal: Journal): string[][] {
  return [
    [journal.phase, '', ''],
    ...journal.rows.map((r) => [r.kind, r.name, r.other]),
    ...pieces('do', journal.writes),
    ...pieces('undo', journal.undo),
  ];
}

function parseWrites(texts: readonly string[]): Write[] | null {
  if (texts.length === 0) return [];
  try {
    const parsed: unknown = JSON.parse(texts.map((t) => t.slice(PIECE_MARK.length)).join(''));
    return Array.isArray(parsed) ? (parsed as Write[]) : null;
  } catch {
    return null;
  }
}

export function parseJournal(values: readonly (readonly unknown[])[]): Journal | null {
  const phase = values[0]?.[0];
  if (phase !== 'building' && phase !== 'swapping' && phase !== 'committed') return null;
  const rows: JournalRow[] = [];
  const texts = { do: [] as string[], undo: [] as string[] };
  for (const r of values.slice(1)) {
    const [kind, name, other] = r.map((v) => (typeof v === 'string' ? v : ''));
    if ((kind === 'new' || kind === 'old') && name && other) rows.push({ kind, name, other });
    if ((kind === 'do' || kind === 'undo') && other?.startsWith(PIECE_MARK)) texts[kind].push(other);
  }
  const writes = parseWrites(texts.do);
  const undo = parseWrites(texts.undo);
  // A journal cut short (its writing stopped part-way) says nothing reliable.
  if (!writes || !undo) return null;
  return writes.length || undo.length ? { phase, rows, writes, undo } : { phase, rows };
}

/** Queues the journal's creation (hidden) with its first phase. */
export function queueJournal(context: Excel.RequestContext, journal: Journal): void {
  const ws = context.workbook.worksheets.add(JOURNAL_SHEET);
  ws.visibility = 'Hidden';
  const values = journalValues(journal);
  ws.getRangeByIndexes(0, 0, values.length, 3).values = values;
}

export function queuePhase(context: Excel.RequestContext, phase: SwapPhase): void {
  context.workbook.worksheets.getItem(JOURNAL_SHEET).getRange('A1').values = [[phase]];
}

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
  const temps = sheets.filter((n) => n.startsWith(TEMP_PREFIX) && n !== JOURNAL_SHEET);
  if (!journal) {
    // No journal: only leftovers of older versions or of a run that failed before writing it.
    return { remove: [...temps, ...(there.has(JOURNAL_SHEET) ? [JOURNAL_SHEET] : [])], rename, renameTables: [] };
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
  if (there.has(JOURNAL_SHEET)) remove.push(JOURNAL_SHEET);
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
 * Reads the journal and the sheet names (one sync) and, when something is
 * left over, repairs it (one more, and those of the writes). Returns whether
 * anything was repaired.
 */
export async function recoverSwap(context: Excel.RequestContext, stats?: SyncStats): Promise<boolean> {
  return (await recoverJournal(context, stats)) !== 'nothing';
}

/** What the recovery did: nothing left over, the previous state put back, the change completed, or its writes undone. */
export type RecoveryOutcome = 'nothing' | 'rolled back' | 'completed' | 'undone';

export async function recoverJournal(context: Excel.RequestContext, stats?: SyncStats): Promise<RecoveryOutcome> {
  const sheets = context.workbook.worksheets.load('items/name');
  const journalSheet = context.workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET);
  // The phase in A1, then one row per sheet (a set-up may add a report sheet per library: no fixed size).
  const cells = journalSheet.getUsedRangeOrNullObject(true).load('values');
  const tables = context.workbook.tables.load('items/name');
  await syncStep(context, stats, 'fixed');
  const names = sheets.items.map((s) => s.name);
  if (!names.some(isSwapLeftover)) return 'nothing';
  const journal = journalSheet.isNullObject || cells.isNullObject ? null : parseJournal(cells.values);
  const plan = recoveryPlan(
    journal,
    names,
    tables.items.map((t) => t.name),
  );
  // Deletions first: a backup's own name is free only once the new sheet that took it is gone.
  const writes = journal?.phase === 'committed' ? (journal.writes ?? []) : [];
  // The journal goes last when it still has writes to make: until they are made, the next run makes them.
  for (const n of plan.remove)
    if (writes.length === 0 || n !== JOURNAL_SHEET) context.workbook.worksheets.getItem(n).delete();
  for (const r of plan.rename) context.workbook.worksheets.getItem(r.from).name = r.to;
  for (const r of plan.renameTables) context.workbook.tables.getItem(r.from).name = r.to;
  const outcome = journal?.phase === 'committed' ? 'completed' : 'rolled back';
  if (writes.length === 0) {
    await syncStep(context, stats, 'fixed');
    return outcome;
  }
  context.runtime.enableEvents = false;
  let failure: unknown = null;
  let undone = false;
  let gone = false;
  try {
    try {
      await makeWrites(context, writes, stats);
    } catch (e) {
      const undo = journal?.undo ?? [];
      if (undo.length === 0) {
        // A sheet or table the writes name is gone (a co-author renamed or deleted it): they can never be made, and
        // a journal kept would stop every action; it goes, and the error is reported.
        if ((e as { code?: unknown }).code === 'ItemNotFound') gone = true;
        throw e;
      }
      await makeWrites(context, undo, stats);
      undone = true;
    }
    context.workbook.worksheets.getItem(JOURNAL_SHEET).delete();
  } catch (e) {
    failure = e;
  }
  if (gone) context.workbook.worksheets.getItem(JOURNAL_SHEET).delete();
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
