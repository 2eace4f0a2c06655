/** Files larger than this are refused before parsing: a library workbook is a few megabytes. */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

/** What is unpacked from one workbook at most, by default: a large oblast workbook unpacks to a few tens of megabytes. */
export const MAX_UNPACKED_BYTES = 500 * 1024 * 1024;

/**
 * Cells one table may cover. Eight million holds an Events register of 250,000
 * rows with version 2's 22 columns and room to spare (a year of any oblast's
 * events is a few thousand rows), while the values of so many cells still fit in
 * Node's default heap (about 100 bytes each).
 */
export const MAX_TABLE_CELLS = 8_000_000;

export type WorkbookFileReason =
  | 'empty'
  | 'not_workbook'
  /** The zip package is broken or cut short. */
  | 'damaged_zip'
  /** A part is not well-formed XML, or is missing where a relationship points (params: part). */
  | 'damaged_part'
  /** A part is in an encoding no decoder knows (params: part, encoding). */
  | 'bad_encoding'
  /** A table's range is not an A1 range (params: table, sheet, ref). */
  | 'bad_table_range'
  | 'encrypted'
  | 'too_large'
  | 'legacy_xls'
  | 'not_found'
  | 'is_folder'
  | 'unreadable'
  | 'too_unpacked'
  | 'too_many_cells';

/**
 * An error of the files layer: a reason the adapters translate, the detail
 * for the log, and the values the translated message needs (a limit, a
 * table name), besides the file and the detail.
 */
abstract class ReasonError<R extends string> extends Error {
  readonly reason: R;
  readonly detail: string;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(reason: R, detail: string, params: Record<string, string | number> = {}) {
    super(`${reason}: ${detail}`);
    this.reason = reason;
    this.detail = detail;
    this.params = params;
  }
}

/** A file that cannot be read as a workbook at all (the command line exits with 2). */
export class WorkbookFileError extends ReasonError<WorkbookFileReason> {
  override readonly name = 'WorkbookFileError';
}

export type WorkbookWriteReason =
  | 'sheet_exists'
  | 'table_exists'
  | 'no_meta'
  | 'bad_plan'
  | 'save_failed'
  | 'macro_extension'
  /** A workbook without macros given an .xlsm name (detail: the .xlsx name to use). */
  | 'plain_extension'
  /** A table cannot grow: the cells it would take hold something (params: table, sheet, cell). */
  | 'table_blocked';

/**
 * A plan that cannot be written into the workbook: a bug in the layout, or a
 * workbook whose sheets collide with the plan's. Nothing is written then.
 */
export class WorkbookWriteError extends ReasonError<WorkbookWriteReason> {
  override readonly name = 'WorkbookWriteError';
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
