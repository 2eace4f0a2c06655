/**
 * Findings shown on their cells with a marker the add-in owns: a conditional
 * format whose rule carries the add-in's signature, so that it can find and
 * clear exactly its own markers and never touch the formatting people made.
 */
import type { Finding } from '../core/finding';
import { parseCellAddress, a1 } from '../core/snapshot';
import { syncStep, type SyncStats } from './stats';
import { journalBytes, queueJournal, queueJournalEnd, recoverJournal, type Journal } from './swap';
import { loadMarkers, ownMarkers, prepareWrites, runOps, type Write } from './writes';

export { MARKER_RULE, isMarker } from './writes';

/** One marker per cell: an error outranks a warning; explained warnings are not marked. */
export function markerCells(
  findings: readonly Finding[],
): Map<string, { sheet: string; cell: string; severity: 'error' | 'warning' }> {
  const out = new Map<string, { sheet: string; cell: string; severity: 'error' | 'warning' }>();
  for (const f of findings) {
    if (!f.cell || f.explained) continue;
    const at = parseCellAddress(f.cell);
    if (!at) continue;
    const key = `${at.sheet}\u0000${a1(at.row, at.col)}`;
    const prev = out.get(key);
    if (!prev || (prev.severity === 'warning' && f.severity === 'error'))
      out.set(key, { sheet: at.sheet, cell: a1(at.row, at.col), severity: f.severity });
  }
  return out;
}

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
  const wanted = new Map<string, { error: string[]; warning: string[] }>();
  const known = new Set(sheets);
  for (const m of markerCells(findings).values()) {
    if (!known.has(m.sheet)) continue;
    const cells = wanted.get(m.sheet) ?? { error: [], warning: [] };
    cells[m.severity].push(m.cell);
    wanted.set(m.sheet, cells);
  }
  const writes: Write[] = [];
  for (const { name, markers, protection } of loaded) {
    // A sheet deleted since the read (a co-author) has nothing to mark.
    if (markers.sheet.isNullObject) continue;
    const cells = wanted.get(name);
    if (ownMarkers(markers).length === 0 && !cells) continue;
    // The software's protected report sheets are opened for the markers and closed again with the options they had.
    const locked = protection.protected;
    if (locked) writes.push({ k: 'unprotect', sheet: name });
    writes.push({ k: 'markers', sheet: name, error: cells?.error ?? [], warning: cells?.warning ?? [] });
    if (locked) writes.push({ k: 'protect', sheet: name, options: protection.options });
  }
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
