/**
 * The add-in's side of Import and Fill last year's figures (section 7 of
 * the standard). The plan is made in the task pane from a snapshot read
 * first, while the person looks at it and resolves its conflicts; applying
 * it reads the workbook again in the same `Excel.run` as the writes, and
 * refuses when what the plan touches changed in between (someone typed into
 * the registry, a register grew), since the plan's rows and cells were
 * worked out from the old state. The writes go through set-up's write path
 * (`applySetup`): the same fixed syncs, payload chunks and swap.
 */
import type { SetupPlan } from '../core/setup';
import type { Snapshot, TableSnapshot } from '../core/snapshot';
import { tableIndex } from '../core/snapshot';
import type { ExcelHost } from './host';
import { applySetup, onWorkbook, type ActionOptions } from './actions';

/** The workbook changed, since the plan was made, in the tables or sheets the plan writes. */
export class WorkbookChangedError extends Error {
  constructor(readonly changed: readonly string[]) {
    super(`the workbook changed since the plan was made: ${changed.join(', ')}`);
    this.name = 'WorkbookChangedError';
  }
}

/** The open workbook as a snapshot, to make a plan from (a standard workbook only). */
export async function readTarget(host: ExcelHost, options: ActionOptions = {}): Promise<Snapshot> {
  return onWorkbook(host, options, async (_, snapshot) => snapshot);
}

/**
 * Applies changes planned from `basis` to the open workbook: re-read, refused
 * with `WorkbookChangedError` when what they touch is no longer as in
 * `basis`, else written. Nothing is written when the plan is empty.
 */
export async function applyChanges(
  host: ExcelHost,
  changes: SetupPlan,
  basis: Snapshot,
  options: ActionOptions = {},
): Promise<void> {
  await onWorkbook(host, options, async (context, now) => {
    const changed = changedSince(changes, basis, now);
    if (changed.length > 0) throw new WorkbookChangedError(changed);
    await applySetup(context, host, now, changes, options);
  });
}

/**
 * The tables and sheets `changes` writes that differ between `basis` and
 * `now`: every table patched or widened, every sheet replaced (with its
 * tables), and the name of every new sheet or table, which must still be free.
 */
export function changedSince(changes: SetupPlan, basis: Snapshot, now: Snapshot): string[] {
  const before = tableIndex(basis);
  const after = tableIndex(now);
  const changed = new Set<string>();
  const compareTable = (name: string) => {
    const a = before.get(name.toUpperCase()) ?? [];
    const b = after.get(name.toUpperCase()) ?? [];
    if (a.length !== b.length || a.some((t, i) => !sameTable(t, b[i] as TableSnapshot))) changed.add(name);
  };
  for (const p of changes.patches) compareTable(p.table);
  for (const c of changes.columns) compareTable(c.table);
  const removed = new Set(changes.workbook.removeSheets.map((s) => s.toUpperCase()));
  for (const sheet of changes.workbook.removeSheets) {
    const onSheet = (s: Snapshot) => s.tables.filter((t) => t.sheet.toUpperCase() === sheet.toUpperCase());
    const a = onSheet(basis);
    const b = onSheet(now);
    if (a.length !== b.length || a.some((t, i) => !sameTable(t, b[i] as TableSnapshot))) changed.add(sheet);
  }
  const sheetsNow = new Set(now.sheets.map((s) => s.name.toUpperCase()));
  const sheetsBefore = new Set(basis.sheets.map((s) => s.name.toUpperCase()));
  for (const s of changes.workbook.sheets) {
    const key = s.name.toUpperCase();
    if (!removed.has(key) && sheetsNow.has(key) !== sheetsBefore.has(key)) changed.add(s.name);
    for (const t of s.tables) {
      // A table of the new sheet may only take the name of one on a sheet being replaced.
      const holders = (after.get(t.name.toUpperCase()) ?? []).filter((x) => !removed.has(x.sheet.toUpperCase()));
      const held = (before.get(t.name.toUpperCase()) ?? []).filter((x) => !removed.has(x.sheet.toUpperCase()));
      if (holders.length !== held.length) changed.add(t.name);
    }
  }
  return [...changed];
}

function sameTable(a: TableSnapshot, b: TableSnapshot): boolean {
  return (
    a.sheet === b.sheet &&
    a.top === b.top &&
    a.left === b.left &&
    JSON.stringify(a.header) === JSON.stringify(b.header) &&
    JSON.stringify(a.rows) === JSON.stringify(b.rows)
  );
}
