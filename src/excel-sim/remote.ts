/**
 * A co-author's changes to the workbook, made between two syncs of an action
 * (`sim.beforeSync(n, (sim) => remote.renameSheet(sim, ...))`), as Excel
 * merges them: applied whole, raising `onChanged` with source `Remote` to
 * handlers that are listening (none while the add-in has events turned off).
 * Cell edits are `sim.simulateRemoteEdit`; these are the others.
 */
import type { SimExcel } from './sim';
import { addRows } from './table';
import { checkSheetName, deleteSheet, rewriteSheetRefs } from './worksheet';
import { sheetPrefix } from './address';
import { itemNotFound } from './errors';

function change(sim: SimExcel, f: () => void): void {
  sim.applyOutside(f, 'Remote');
}

/** Rows typed at a table's end (the table grows over them, as Excel's AutoExpansion does). */
export function addTableRows(sim: SimExcel, table: string, rows: unknown[][]): void {
  const t = sim.model.tableByName(table);
  if (!t) throw itemNotFound(`(no table "${table}")`);
  change(sim, () => addRows(sim.model, t, null, rows));
}

export function renameSheet(sim: SimExcel, from: string, to: string): void {
  const sheet = sim.model.sheetByName(from);
  if (!sheet) throw itemNotFound(`(no sheet "${from}")`);
  change(sim, () => {
    const name = checkSheetName(sim.model, to, sheet);
    sim.model.set(sheet, 'name', name);
    rewriteSheetRefs(sim.model, from, sheetPrefix(name));
  });
}

export function deleteSheetRemotely(sim: SimExcel, name: string): void {
  const sheet = sim.model.sheetByName(name);
  if (!sheet) throw itemNotFound(`(no sheet "${name}")`);
  change(sim, () => deleteSheet(sim.model, sheet));
}

/** A new sheet of that name with something typed in it: the name an action was about to give is taken. */
export function addSheetRemotely(sim: SimExcel, name: string): void {
  sim.addSheet(name);
  sim.simulateRemoteEdit(name, 'A1', [['co-author']]);
}
