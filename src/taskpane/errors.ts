/**
 * What went wrong, in terms of what the person can do about it. The error
 * classes of the actions come with the lazily loaded engine, so they are
 * passed in rather than imported.
 */
import {
  JournalDamagedError,
  PeopleDataGuardError,
  SheetNameTakenError,
  WorkbookProtectedError,
  type JournalDamage,
} from '../excel/guard';

export type Problem =
  | { readonly kind: 'too_old' }
  | { readonly kind: 'not_standard' }
  | { readonly kind: 'cell_edit' }
  | { readonly kind: 'protected' }
  | { readonly kind: 'guard'; readonly sheet: string; readonly table: string }
  | { readonly kind: 'name_taken'; readonly sheet: string }
  | { readonly kind: 'journal'; readonly damage: JournalDamage; readonly where: string; readonly found: string }
  | { readonly kind: 'unexpected'; readonly detail: string };

export interface ErrorClasses {
  readonly ExcelTooOldError: abstract new (...args: never[]) => Error;
  readonly NotStandardWorkbookError: abstract new (...args: never[]) => Error;
}

/** office-js reports failures as OfficeExtension.Error with a `code`. */
function officeCode(e: unknown): string | null {
  if (typeof e !== 'object' || e === null || !('code' in e)) return null;
  const code = (e as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

export function problemOf(e: unknown, classes: ErrorClasses | null): Problem {
  if (classes && e instanceof classes.ExcelTooOldError) return { kind: 'too_old' };
  if (classes && e instanceof classes.NotStandardWorkbookError) return { kind: 'not_standard' };
  if (e instanceof PeopleDataGuardError) return { kind: 'guard', sheet: e.sheet, table: e.table };
  if (e instanceof SheetNameTakenError) return { kind: 'name_taken', sheet: e.sheet };
  if (e instanceof WorkbookProtectedError) return { kind: 'protected' };
  if (e instanceof JournalDamagedError) return { kind: 'journal', damage: e.damage, where: e.where, found: e.found };
  switch (officeCode(e)) {
    case 'InvalidOperationInCellEditMode':
      return { kind: 'cell_edit' };
    case 'AccessDenied':
      return { kind: 'protected' };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { kind: 'unexpected', detail: detail || '?' };
}
