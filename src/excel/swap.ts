import { syncStep, type SyncStats } from './stats';

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
 */
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
}

export function journalValues(journal: Journal): string[][] {
  return [[journal.phase, '', ''], ...journal.rows.map((r) => [r.kind, r.name, r.other])];
}

export function parseJournal(values: readonly (readonly unknown[])[]): Journal | null {
  const phase = values[0]?.[0];
  if (phase !== 'building' && phase !== 'swapping' && phase !== 'committed') return null;
  const rows: JournalRow[] = [];
  for (const r of values.slice(1)) {
    const [kind, name, other] = r.map((v) => (typeof v === 'string' ? v : ''));
    if ((kind === 'new' || kind === 'old') && name && other) rows.push({ kind, name, other });
  }
  return { phase, rows };
}

/** Queues the journal's creation (hidden) with its first phase. */
export function queueJournal(context: Excel.RequestContext, journal: Journal): void {
  const ws = context.workbook.worksheets.add(JOURNAL_SHEET);
  ws.visibility = 'Hidden';
  ws.getRangeByIndexes(0, 0, journal.rows.length + 1, 3).values = journalValues(journal);
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
 * left over, repairs it (one more). Returns whether anything was repaired.
 */
export async function recoverSwap(context: Excel.RequestContext, stats?: SyncStats): Promise<boolean> {
  const sheets = context.workbook.worksheets.load('items/name');
  const journalSheet = context.workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET);
  // The phase in A1, then one row per sheet (a set-up may add a report sheet per library: no fixed size).
  const cells = journalSheet.getUsedRangeOrNullObject(true).load('values');
  const tables = context.workbook.tables.load('items/name');
  await syncStep(context, stats, 'fixed');
  const names = sheets.items.map((s) => s.name);
  if (!names.some(isSwapLeftover)) return false;
  const journal = journalSheet.isNullObject || cells.isNullObject ? null : parseJournal(cells.values);
  const plan = recoveryPlan(
    journal,
    names,
    tables.items.map((t) => t.name),
  );
  // Deletions first: a backup's own name is free only once the new sheet that took it is gone.
  for (const n of plan.remove) context.workbook.worksheets.getItem(n).delete();
  for (const r of plan.rename) context.workbook.worksheets.getItem(r.from).name = r.to;
  for (const r of plan.renameTables) context.workbook.tables.getItem(r.from).name = r.to;
  await syncStep(context, stats, 'fixed');
  return true;
}
