/**
 * Findings shown on their cells with a marker the add-in owns: a conditional
 * format whose rule carries the add-in's signature, so that it can find and
 * clear exactly its own markers and never touch the formatting people made.
 * Which cells, and the protection lifted around them, the core decides
 * (`core/writes/markers.ts`).
 */
import type { Finding } from '../core/finding';
import { markerWrites } from '../core/writes';
import { protectionFrom } from './ops';
import { syncStep, type SyncStats } from './stats';
import { journalBytes, queueJournal, queueJournalEnd, recoverJournal, type Journal } from './swap';
import { loadMarkers, ownMarkers, prepareWrites, runOps } from './writes';

export { MARKER_RULE, isMarker } from './writes';

/**
 * Clears the previous markers on every sheet and marks the findings' cells:
 * one sync to find the old markers and the sheets' protection, then the
 * deletions and additions in as few syncs as the payload allows — the
 * journal first (what the markers become, so that the recovery can finish a
 * run that stops half-way), its deletion last.
 */
export async function mark(
  context: Excel.RequestContext,
  sheets: readonly string[],
  findings: readonly Finding[],
  stats?: SyncStats,
): Promise<number> {
  const loaded = sheets.map((name) => {
    const markers = loadMarkers(context, name);
    return { name, markers, protection: markers.sheet.protection.load('protected,options') };
  });
  await syncStep(context, stats, 'fixed');
  const writes = markerWrites(
    findings,
    // A sheet deleted since the read (a co-author) has nothing to mark.
    loaded
      .filter((l) => !l.markers.sheet.isNullObject)
      .map(({ name, markers, protection }) => ({
        name,
        marked: ownMarkers(markers).length > 0,
        protection: { protected: protection.protected, options: protectionFrom(protection.options) },
      })),
  );
  if (writes.length === 0) return 1;
  const ops = prepareWrites(context, writes, {
    verify: false,
    markers: new Map(loaded.map((l) => [l.name, l.markers])),
  }).ops();
  const journal: Journal = { phase: 'committed', rows: [], writes };
  try {
    return (
      1 +
      (await runOps(context, ops, stats, {
        first: { bytes: journalBytes(journal), queue: (ctx) => queueJournal(ctx, journal) },
        last: { bytes: 64, queue: (ctx) => queueJournalEnd(ctx) },
      }))
    );
  } catch (e) {
    // Stopped part-way: the markers are made again from the journal (or, should that fail too, by the next action).
    if ((await recoverJournal(context).catch(() => 'failed')) !== 'completed') throw e;
    return 1;
  }
}
