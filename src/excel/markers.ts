/**
 * Findings shown on their cells with a marker the add-in owns: a conditional
 * format whose rule carries the add-in's signature, so that it can find and
 * clear exactly its own markers and never touch the formatting people made.
 */
import type { Finding } from '../core/finding';
import { parseCellAddress, a1 } from '../core/snapshot';
import { PROTECTION, type Op } from './apply';
import { packBatches } from './payload';
import { syncStep, type SyncStats } from './stats';

export const MARKER_RULE = { error: '=ISTEXT("kitaphana:error")', warning: '=ISTEXT("kitaphana:warning")' } as const;
const MARKER_FILL = { error: '#F8CBAD', warning: '#FFE699' } as const;

export function isMarker(formula: string | undefined): boolean {
  return formula === MARKER_RULE.error || formula === MARKER_RULE.warning;
}

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
 * one sync to find the old markers, then the deletions and additions in as
 * few syncs as the payload allows.
 */
export async function mark(
  context: Excel.RequestContext,
  sheets: readonly string[],
  findings: readonly Finding[],
  stats?: SyncStats,
): Promise<void> {
  const loaded = sheets.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    const cfs = ws.getRange().conditionalFormats;
    // customOrNullObject: a person's own data bars or cell-value rules on the same cells have no `custom` part.
    cfs.load('items/type,items/customOrNullObject/rule/formula');
    return { name, cfs, protection: ws.protection.load('protected') };
  });
  await syncStep(context, stats, 'fixed');
  const ops: (Op & { sheet: string })[] = [];
  for (const { name, cfs } of loaded) {
    for (const cf of cfs.items) {
      if (cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isMarker(cf.customOrNullObject.rule.formula))
        ops.push({ sheet: name, bytes: 64, queue: () => cf.delete() });
    }
  }
  const known = new Set(sheets);
  for (const m of markerCells(findings).values()) {
    if (!known.has(m.sheet)) continue;
    ops.push({
      sheet: m.sheet,
      bytes: 256,
      queue: (ctx) => {
        const cf = ctx.workbook.worksheets.getItem(m.sheet).getRange(m.cell).conditionalFormats.add('Custom');
        cf.custom.rule.formula = MARKER_RULE[m.severity];
        cf.custom.format.fill.color = MARKER_FILL[m.severity];
      },
    });
  }
  const isProtected = new Set(loaded.filter((l) => l.protection.protected).map((l) => l.name));
  for (const batch of packBatches(ops, (o) => o.bytes)) {
    // The software's protected report sheets are opened and closed again within the same sync.
    const touched = [...new Set(batch.map((o) => o.sheet))].filter((s) => isProtected.has(s));
    for (const s of touched) context.workbook.worksheets.getItem(s).protection.unprotect();
    for (const op of batch) op.queue(context);
    for (const s of touched) context.workbook.worksheets.getItem(s).protection.protect(PROTECTION);
    await syncStep(context, stats, 'chunk');
  }
}
