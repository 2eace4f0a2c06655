/**
 * The workbook as an action begins: read, with what a stopped run left (its
 * journal) read in the same first sync and repaired before the rest of the
 * read, so that recovering costs no round trip when there is nothing to
 * recover.
 */
import type { LiveSnapshot } from './read';
import { readSteady } from './stale';
import type { SyncStats } from './stats';
import { recoveryAtFirst } from './swap';

export function openWorkbook(context: Excel.RequestContext, stats?: SyncStats): Promise<LiveSnapshot> {
  return readSteady(context, stats, { atFirst: recoveryAtFirst(stats) });
}
