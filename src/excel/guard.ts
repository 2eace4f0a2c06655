/**
 * Nothing people typed is ever written over or deleted by a plan: a plan may
 * not remove or replace a sheet that holds a table people fill (a register
 * or a library's report), nor add a sheet of the same name. And what the
 * adapter refuses before writing anything, with the reason the task pane
 * shows: a protected structure, a damaged journal.
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

/** Refuses a plan that would write over a table people fill, or add or remove sheets in a workbook whose structure is protected. */
export function guardPlan(plan: WorkbookPlan, snapshot: Snapshot & { readonly structureProtected?: boolean }): void {
  if (snapshot.structureProtected && (plan.sheets.length > 0 || plan.removeSheets.length > 0))
    throw new WorkbookProtectedError();
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

/**
 * The workbook's structure is protected (Review › Protect Workbook) and the
 * action must add, remove or rename sheets: nothing was written.
 */
export class WorkbookProtectedError extends Error {
  constructor() {
    super("the workbook's structure is protected: sheets cannot be added, removed or renamed");
    this.name = 'WorkbookProtectedError';
  }
}

/** What is wrong with a journal read back: cut short, a field missing or mistyped, a kind of write unknown, an address outside the sheet. */
export type JournalDamage = 'cut_short' | 'shape' | 'kind' | 'address';

/**
 * The journal of a change that did not finish (see `journal.ts`) is damaged:
 * nothing of it was made; it was set aside, and the next action goes on.
 */
export class JournalDamagedError extends Error {
  constructor(
    readonly damage: JournalDamage,
    /** Where in the journal, e.g. `writes[3].top`. */
    readonly where: string,
    /** The unknown kind, for `kind`. */
    readonly found: string = '',
  ) {
    super(`the journal of an unfinished change is damaged (${damage} at ${where || 'the start'})`);
    this.name = 'JournalDamagedError';
  }
}
