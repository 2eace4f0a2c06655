/** Files larger than this are refused before parsing: a library workbook is a few megabytes. */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

export type WorkbookFileReason = 'empty' | 'not_workbook' | 'encrypted' | 'too_large' | 'legacy_xls' | 'not_found';

/** A file that cannot be read as a workbook at all (the command line exits with 2). */
export class WorkbookFileError extends Error {
  readonly reason: WorkbookFileReason;
  readonly detail: string;

  constructor(reason: WorkbookFileReason, detail: string) {
    super(`${reason}: ${detail}`);
    this.name = 'WorkbookFileError';
    this.reason = reason;
    this.detail = detail;
  }
}

export type WorkbookWriteReason =
  'sheet_exists' | 'table_exists' | 'no_meta' | 'bad_plan' | 'save_failed' | 'macro_extension';

/**
 * A plan that cannot be written into the workbook: a bug in the layout, or a
 * workbook whose sheets collide with the plan's. Nothing is written then.
 */
export class WorkbookWriteError extends Error {
  readonly reason: WorkbookWriteReason;
  readonly detail: string;

  constructor(reason: WorkbookWriteReason, detail: string) {
    super(`${reason}: ${detail}`);
    this.name = 'WorkbookWriteError';
    this.reason = reason;
    this.detail = detail;
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
