/**
 * What a co-author changed while an action ran. Excel tells an add-in of
 * others' edits only through events, which arrive late and not at all while
 * the add-in has turned them off for its own writes; so the action reads the
 * tables again at its end and compares them with what it worked from. A
 * table changed, added, moved or gone means the result may be out of date.
 */
import type { Snapshot, TableSnapshot } from '../core/snapshot';
import { readSnapshot, type LiveSnapshot, type ReadOptions } from './read';
import type { SyncStats } from './stats';

const key = (t: TableSnapshot) =>
  JSON.stringify([t.sheet, t.top, t.left, t.header, t.rows.map((r) => r.map((c) => c ?? null))]);

/** The tables (by name) that differ between two reads of the workbook, sorted; those on `written` sheets are the action's own. */
export function changedTables(before: Snapshot, after: Snapshot, written: ReadonlySet<string> = new Set()): string[] {
  const theirs = (s: Snapshot) => s.tables.filter((t) => !written.has(t.sheet));
  const was = new Map(theirs(before).map((t) => [t.name.toUpperCase(), t]));
  const now = new Map(theirs(after).map((t) => [t.name.toUpperCase(), t]));
  const changed = new Set<string>();
  for (const [name, t] of was) {
    const n = now.get(name);
    if (!n || key(n) !== key(t)) changed.add(t.name);
  }
  for (const [name, t] of now) if (!was.has(name)) changed.add(t.name);
  return [...changed].sort();
}

/**
 * `readSnapshot`, read again when a sheet or table it located is gone before
 * its cells were read (a co-author renamed or deleted it between two syncs).
 */
export async function readSteady(
  context: Excel.RequestContext,
  stats?: SyncStats,
  options: ReadOptions = {},
): Promise<LiveSnapshot> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readSnapshot(context, stats, options);
    } catch (e) {
      if (attempt >= 3 || (e as { code?: unknown }).code !== 'ItemNotFound') throw e;
    }
  }
}

/** Reads the workbook again and says which tables changed since `snapshot` was read (apart from the `written` sheets). */
export async function changedSince(
  context: Excel.RequestContext,
  snapshot: Snapshot,
  stats?: SyncStats,
  written: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const again = await readSteady(context, stats, { lastLook: true });
  const changed = changedTables(snapshot, again, written);
  // The last look at the names, with the last cells: a sheet renamed or deleted while the cells were being read again.
  const last = again.lastNames;
  const live = new Set(last?.sheets);
  const liveTables = new Set(last?.tables.map((x) => x.toUpperCase()));
  const gone = again.tables
    .filter((t) => !written.has(t.sheet) && (!live.has(t.sheet) || !liveTables.has(t.name.toUpperCase())))
    .map((t) => t.name);
  return [...new Set([...changed, ...gone])].sort();
}
