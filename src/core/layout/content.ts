/**
 * What a new standard workbook is filled with: the settings, the registers'
 * rows and the libraries' report values, as the cell values to write. `init`
 * gives empty registers (or the registry of an existing workbook); the sample
 * generator fills everything, mistakes included, to make test workbooks.
 */
import type { Language, Level, ReportColumn } from '../../standard';
import type { PlanValue } from '../plan';

export type ContentRow = Readonly<Record<string, PlanValue>>;

export type ReportInput = Partial<
  Record<Exclude<ReportColumn, 'code' | 'indicator' | 'unit' | 'year' | 'plan_pct' | 'change_pct'>, PlanValue>
>;

export interface WorkbookSettings {
  readonly level: Level;
  readonly region: string;
  readonly year: number;
  readonly language: Language;
}

export interface ReportSheet {
  readonly libId: string;
  /** The library's name in the workbook language, for the sheet's title. */
  readonly name: string;
  /** Input values by indicator code; missing codes are blank rows. */
  readonly values?: Readonly<Record<string, ReportInput>>;
  /**
   * Damage to a row's fixed cells (code, indicator name), as people do to templates: only the sample
   * workbook with mistakes uses it, to show rule S1 at work.
   */
  readonly rowEdits?: Readonly<Record<string, { readonly code?: string; readonly indicator?: string }>>;
}

export interface WorkbookContent {
  readonly settings: WorkbookSettings;
  readonly territories: readonly ContentRow[];
  readonly libraries: readonly ContentRow[];
  readonly submissions: readonly ContentRow[];
  readonly events: readonly ContentRow[];
  readonly training: readonly ContentRow[];
  /** The registers of methodological work (version 2); absent means empty. */
  readonly visits?: readonly ContentRow[];
  readonly publications?: readonly ContentRow[];
  readonly participation?: readonly ContentRow[];
  readonly studies?: readonly ContentRow[];
  /** The rows of the `Imports` log; absent means empty. */
  readonly imports?: readonly ContentRow[];
  /** One report sheet per entry, in this order (the active libraries). */
  readonly reports: readonly ReportSheet[];
}

/** A workbook with its settings and no rows: a new one (`init`), or the frame a plan adds sheets to. */
export function emptyContent(settings: WorkbookSettings): WorkbookContent {
  return { settings, territories: [], libraries: [], submissions: [], events: [], training: [], reports: [] };
}
