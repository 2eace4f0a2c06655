import type { WorkbookPlan } from '../core/plan';
import { WorkbookWriteError } from './errors';
import { checkTableName } from './sheet';
import { nameKey as key, sameName } from './workbook-part';

export { sameName } from './workbook-part';

const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

/** The names a workbook already uses, which the plan's sheets and tables must not take. */
export interface TakenNames {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  readonly definedNames: readonly string[];
}

function checkSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > MAX_SHEET_NAME ||
    BAD_SHEET_CHARS.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    sameName(name, 'History')
  ) {
    throw new WorkbookWriteError('bad_plan', `"${name}" is not a valid sheet name`);
  }
}

/** Sheet names are unique in a workbook, and table names among tables and defined names, case aside. */
export function checkPlanNames(plan: WorkbookPlan, taken: TakenNames): void {
  // Sets of the names as `sameName` compares them: an import adds 4,000 sheets and tables.
  const sheets = new Set(taken.sheets.map(key));
  const names = new Set([...taken.tables, ...taken.definedNames].map(key));
  for (const sheet of plan.sheets) {
    checkSheetName(sheet.name);
    if (sheets.has(key(sheet.name))) {
      throw new WorkbookWriteError(
        'sheet_exists',
        `the workbook already has a sheet "${sheet.name}" that the plan does not remove`,
      );
    }
    sheets.add(key(sheet.name));
    for (const t of sheet.tables) {
      checkTableName(t.name, sheet.name);
      if (names.has(key(t.name))) {
        throw new WorkbookWriteError('table_exists', `the workbook already has a table or name "${t.name}"`);
      }
      names.add(key(t.name));
    }
  }
}
