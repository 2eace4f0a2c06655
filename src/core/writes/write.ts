/**
 * Writes into sheets that already exist (set-up's repairs of the tables
 * people fill, an import's and last year's figures, Check's markers, a
 * submission's log row and protection), as data rather than closures: plain
 * JSON, so that the journal can hold them before they are made and the
 * recovery can make them again when a run stops half-way.
 *
 * Each write can be made twice: cells, sizes, validations and markers are
 * set to a value, not changed by one; the protection of a sheet is always
 * lifted before it is set again; rows and columns are added only where the
 * recovery finds that they were not added yet.
 *
 * The adapters carry them out (`src/excel/writes.ts` through office-js); what
 * a cell receives is decided once, in `cells.ts`.
 */
import type { ValidationPlan } from '../plan';

/**
 * A cell's new content as Excel takes it typed into the cell: a number (a date
 * as its serial in the workbook's date system), a truth value, a formula
 * (`=…`), or text (led by an apostrophe where Excel would read it otherwise).
 * `null` leaves the cell as it is, for sparse patches.
 */
export type CellInput = string | number | boolean | null;

/** How a sheet is protected: office-js's `WorksheetProtectionOptions`, as plain JSON. */
export interface ProtectionOptions {
  readonly allowAutoFilter?: boolean;
  readonly allowDeleteColumns?: boolean;
  readonly allowDeleteRows?: boolean;
  readonly allowEditObjects?: boolean;
  readonly allowEditScenarios?: boolean;
  readonly allowFormatCells?: boolean;
  readonly allowFormatColumns?: boolean;
  readonly allowFormatRows?: boolean;
  readonly allowInsertColumns?: boolean;
  readonly allowInsertHyperlinks?: boolean;
  readonly allowInsertRows?: boolean;
  readonly allowPivotTables?: boolean;
  readonly allowSort?: boolean;
  readonly selectionMode?: 'Normal' | 'Unlocked' | 'None';
}

/** How the software protects report sheets: the fixed cells are locked, people can still size, filter and sort. */
export const PROTECTION: ProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: true,
};

export type Write =
  | {
      readonly k: 'cells';
      readonly sheet: string;
      readonly top: number;
      readonly left: number;
      readonly formulas: readonly (readonly CellInput[])[];
    }
  /** The table's whole range, header included, after rows were written below it. */
  | {
      readonly k: 'resize';
      readonly table: string;
      readonly sheet: string;
      readonly top: number;
      readonly left: number;
      readonly rows: number;
      readonly columns: number;
    }
  /** Rows added at the table's end; `before` is its number of rows when they were not there yet. */
  | {
      readonly k: 'rows';
      readonly table: string;
      readonly before: number;
      readonly rows: readonly (readonly NonNullable<CellInput>[])[];
    }
  /** Number formats over a block of cells (the date columns a patch fills). */
  | {
      readonly k: 'numberFormat';
      readonly sheet: string;
      readonly top: number;
      readonly left: number;
      readonly formats: readonly (readonly string[])[];
    }
  /** Columns at the table's right, by header; those already there are not added again. */
  | { readonly k: 'columns'; readonly table: string; readonly headers: readonly string[] }
  | { readonly k: 'validation'; readonly sheet: string; readonly plan: ValidationPlan }
  | {
      readonly k: 'locked';
      readonly sheet: string;
      readonly top: number;
      readonly left: number;
      readonly rows: number;
      readonly columns: number;
      readonly locked: boolean;
    }
  | { readonly k: 'unprotect'; readonly sheet: string }
  | { readonly k: 'protect'; readonly sheet: string; readonly options: ProtectionOptions }
  /** The sheet's markers become exactly these cells (A1 addresses; the add-in's own conditional formats). */
  | {
      readonly k: 'markers';
      readonly sheet: string;
      readonly error: readonly string[];
      readonly warning: readonly string[];
    };

/** The kinds of write, for readers of a journal that check what they read. */
export const WRITE_KINDS = [
  'cells',
  'resize',
  'rows',
  'numberFormat',
  'columns',
  'validation',
  'locked',
  'unprotect',
  'protect',
  'markers',
] as const satisfies readonly Write['k'][];
