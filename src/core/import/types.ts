/**
 * What an import brings into a workbook from others of the same year
 * (section 7 of the standard), worked out before anything is written: the
 * person sees it, resolves its conflicts, and only then is `changes` applied,
 * by either adapter, as a set-up plan is.
 */
import type { Message } from '../message';
import type { CellValue, Snapshot } from '../snapshot';
import type { SetupPlan } from '../setup';
import type { PlanValue } from '../plan';

/** A source workbook: its file name, the SHA-256 of its bytes (hex) and what it holds. */
export interface ImportSource {
  readonly name: string;
  readonly sha256: string;
  readonly snapshot: Snapshot;
}

/** Whose value stays where the two workbooks disagree. */
export type ConflictChoice = 'target' | 'source';

/** Conflicts resolved one by one, by their `id`. */
export type ImportChoices = Readonly<Record<string, ConflictChoice>>;

export interface ImportOptions {
  /** The person's choice per conflict id. */
  readonly choices?: ImportChoices;
  /** The choice for every conflict not in `choices` (`--prefer`); without it such conflicts stay unresolved. */
  readonly prefer?: ConflictChoice;
  /** When the import is made (UTC ms): the `imported_at` of the log rows. */
  readonly importedAt: number;
}

/** A cell of a source workbook: its file and `'Sheet'!B7`. */
export interface SourceCell {
  readonly file: string;
  readonly cell: string;
}

/**
 * Where two workbooks disagree. `registry`: a `terr_code` or `lib_id` the
 * target has with other names, type or territory; `report`: a filled report
 * cell holding another value; `register`: a register row whose key
 * (`event_id` ...) names a different row of the target.
 */
export type ConflictKind = 'registry' | 'report' | 'register';

export interface ImportConflict {
  /**
   * Stable for the same files: `<kind>:<table>:<key>[:<column>]@<source file>`,
   * the key `choices` is given by.
   */
  readonly id: string;
  readonly kind: ConflictKind;
  /** `Territories`, `Libraries`, a report table `R_<LIB_ID>` or a register (`Events` ...). */
  readonly table: string;
  /** The library whose data it is, where there is one. */
  readonly libId: string | null;
  /** The row: `terr_code`, `lib_id`, the indicator code, or the register row's key. */
  readonly key: string;
  /** The column that differs (for a register row, the first that differs; all of them in `columns`). */
  readonly column: string;
  readonly columns: readonly string[];
  /** The target's value and its cell (`'Sheet'!F6`). */
  readonly target: { readonly value: CellValue; readonly cell: string };
  readonly source: { readonly value: CellValue } & SourceCell;
  /** The choice that applies, or null while unresolved. */
  readonly resolution: ConflictChoice | null;
}

/** A row a source adds to a table of the target. */
export interface AddedRow {
  /** The row's key: `terr_code`, `lib_id`, `event_id` ..., or `lib_id · date · title` for rows without one. */
  readonly key: string;
  readonly libId: string | null;
  /** The cell where the row starts in the source. */
  readonly from: SourceCell;
  /** The values written, by column key, in the target's language. */
  readonly values: Readonly<Record<string, PlanValue>>;
}

export interface AddedTable {
  readonly table: string;
  readonly count: number;
  readonly rows: readonly AddedRow[];
}

/** A blank cell of a report the target has, filled from a source (a new library's report sheet is listed whole). */
export interface FilledCell {
  readonly libId: string;
  readonly indicator: string;
  readonly column: string;
  readonly value: CellValue;
  /** The target's cell. */
  readonly cell: string;
  readonly from: SourceCell;
}

/**
 * A source row appended under another key, its own being another library's
 * row in the target (rule 4 of section 7); the source's references to the old
 * key (`Training.event_id` ...) follow it.
 */
export interface RenumberedRow {
  readonly table: string;
  readonly libId: string | null;
  readonly oldKey: string;
  readonly newKey: string;
  readonly from: SourceCell;
}

/** A source row the target already has: not appended. */
export interface DuplicateRow {
  readonly table: string;
  readonly key: string;
  readonly from: SourceCell;
  /** The target's row it duplicates (its first cell). */
  readonly cell: string;
}

/** One row of the `Imports` log (section 7). */
export interface ImportLogRow {
  readonly importedAt: number;
  readonly source: string;
  readonly sha256: string;
  /** The libraries the source's registry holds. */
  readonly libraries: number;
  /** Rows added to every table, the registry's included. */
  readonly rowsAdded: number;
  /** Blank report cells filled, and the cells of new libraries' report sheets. */
  readonly valuesFilled: number;
  /** Source rows the target already had (registry rows included). */
  readonly duplicates: number;
  /** Conflicts with this source, whatever their resolution. */
  readonly conflicts: number;
  /** Rows appended under another key (rule 4). */
  readonly renumbered: number;
}

export type SourceCounts = Omit<ImportLogRow, 'importedAt'>;

/** A source that cannot be imported, and why (another year, not a standard workbook ...). */
export interface RefusedSource {
  readonly source: string;
  readonly message: Message;
}

/** A source of another region than the target's: imported, and said. */
export interface OtherRegion {
  readonly source: string;
  readonly region: string;
  readonly target: string;
}

/** A source's report the target does not take (`ImportPlan.reportsNotTaken`). */
export interface ReportNotTaken {
  readonly libId: string;
  readonly source: string;
}

export interface ImportPlan {
  readonly added: readonly AddedTable[];
  /** Libraries that get a report sheet, new to the target. */
  readonly newReports: readonly string[];
  /**
   * Reports of the sources with values that are not imported: the target
   * takes no report from that library (in no registry, marked inactive, or
   * its code cannot name a sheet). Said, so that a report is never left behind unsaid.
   */
  readonly reportsNotTaken: readonly ReportNotTaken[];
  readonly filled: readonly FilledCell[];
  readonly duplicates: readonly DuplicateRow[];
  readonly conflicts: readonly ImportConflict[];
  readonly renumbered: readonly RenumberedRow[];
  readonly refused: readonly RefusedSource[];
  readonly otherRegions: readonly OtherRegion[];
  /** Each source that is not refused, with its counts (the `Imports` row it would have, the time aside). */
  readonly sources: readonly SourceCounts[];
  /** One per source that changes anything (a source that brings nothing new logs nothing). */
  readonly log: readonly ImportLogRow[];
  /**
   * Libraries whose accepted report the import changes (its report cells or
   * its register rows): they must be accepted again (rule S3).
   */
  readonly accepted: readonly string[];
  /** Choices given for conflicts the plan does not have (a mistyped or stale id). */
  readonly unknownChoices: readonly string[];
  /** Conflicts without a choice. */
  readonly unresolved: number;
  /** No unresolved conflict and no refused source: `changes` may be written. */
  readonly canApply: boolean;
  /** Nothing to write at all (e.g. the same file imported a second time). */
  readonly empty: boolean;
  /** The writes, in set-up's vocabulary: both adapters apply them as they apply set-up. */
  readonly changes: SetupPlan;
}

/** The target itself cannot take an import (not a standard workbook, or one to set up first). */
export class ImportTargetError extends Error {
  constructor(readonly problem: Message) {
    super(problem.key);
  }
}

export type PlanImport = (target: Snapshot, sources: readonly ImportSource[], options: ImportOptions) => ImportPlan;
