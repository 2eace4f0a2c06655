/**
 * The workbook as typed records, as the parser (`parse.ts`) makes them and
 * the checks, the consolidation and the layouts read them. A refused value
 * is null and its column is in the row's `bad` set.
 */
import type { TableDef, TableName } from '../standard';
import type { Finding } from './finding';
import type { Meta } from './meta';
import type { TableSnapshot } from './snapshot';

export type FieldValue = string | number | null;

export interface RegisterRow {
  /** 0-based data row within the table. */
  readonly n: number;
  readonly key: string | number;
  readonly v: Readonly<Record<string, FieldValue>>;
  readonly bad: ReadonlySet<string> | null;
}

export interface Register {
  readonly def: TableDef;
  readonly table: TableSnapshot | null;
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly RegisterRow[];
}

export type ReportNumberColumn = 'plan' | 'q1' | 'q2' | 'q3' | 'q4' | 'prior_year';

export interface ReportLine {
  readonly code: string;
  /** 0-based data row within the report table. */
  readonly n: number;
  readonly plan: number | null;
  readonly q: readonly [number | null, number | null, number | null, number | null];
  readonly prior_year: number | null;
  readonly note: string | null;
  readonly bad: ReadonlySet<string> | null;
}

export interface Report {
  readonly libId: string;
  readonly table: TableSnapshot;
  readonly columns: ReadonlyMap<string, number>;
  readonly lines: ReadonlyMap<string, ReportLine>;
  /** Quarters in which the library reported anything. */
  readonly reported: readonly [boolean, boolean, boolean, boolean];
  /** No input cell holds anything: the report is missing (W6). */
  readonly empty: boolean;
}

export type RegisterName = Exclude<TableName, 'Meta' | 'Lists' | 'Imports'>;

export interface ParsedWorkbook {
  readonly meta: Meta;
  readonly registers: Readonly<Record<RegisterName, Register>>;
  readonly reports: ReadonlyMap<string, Report>;
  readonly findings: readonly Finding[];
}
