/**
 * Nothing people typed is ever written over or deleted by a plan: a plan may
 * not remove or replace a sheet that holds a table people fill (a register
 * or a library's report), nor add a sheet of the same name.
 */
import { TABLES, REPORT_TABLE_PREFIX } from '../standard';
import type { Snapshot } from '../core/snapshot';
import type { WorkbookPlan } from '../core/plan';

export class PeopleDataGuardError extends Error {
  constructor(
    readonly sheet: string,
    readonly table: string,
  ) {
    super(`refusing to write over the sheet ${sheet}, which holds the table ${table} that people fill`);
  }
}

const PEOPLE_TABLES = new Set(TABLES.filter((t) => t.filledBy === 'people').map((t) => t.name.toUpperCase()));

export function isPeopleTable(name: string): boolean {
  const upper = name.toUpperCase();
  return PEOPLE_TABLES.has(upper) || upper.startsWith(REPORT_TABLE_PREFIX);
}

export function guardPlan(plan: WorkbookPlan, snapshot: Snapshot): void {
  const peopleSheets = new Map<string, string>();
  for (const t of snapshot.tables) if (isPeopleTable(t.name)) peopleSheets.set(t.sheet.toUpperCase(), t.name);
  const touched = [...plan.removeSheets, ...plan.sheets.map((s) => s.name)];
  for (const sheet of touched) {
    const table = peopleSheets.get(sheet.toUpperCase());
    if (table) throw new PeopleDataGuardError(sheet, table);
  }
}

/** A sheet an action was to add was created by someone else (a co-author) meanwhile: nothing was written. */
export class SheetNameTakenError extends Error {
  constructor(readonly sheet: string) {
    super(`the sheet ${sheet} was created by someone else meanwhile`);
  }
}
