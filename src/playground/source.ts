/**
 * What the workbook view reads from the in-memory Excel (SimExcel has all
 * of it) and what it asks of it, as the add-in does or as a person typing.
 */
import type { ChartSeriesLook } from './chart';

export type Scalar = number | string | boolean;

export interface ChartInfo {
  readonly name: string;
  readonly type: string;
  readonly source: string;
  readonly effectiveSeriesBy: 'Columns' | 'Rows';
  readonly title: { readonly text: string; readonly visible: boolean };
  readonly dataLabels: boolean;
  readonly series: readonly ChartSeriesLook[];
}

/** What the view reads from the in-memory Excel (SimExcel has all of it). */
export interface WorkbookSource {
  sheets(): readonly { readonly name: string; readonly visibility: string }[];
  activeSheet(): string | null;
  selection(): { sheet: string; address: string } | null;
  contents(sheet: string): Record<string, Scalar>;
  numberFormats(sheet: string, address: string): string[][];
  values(sheet: string, address: string): Scalar[][];
  conditionalFormats(sheet: string): readonly { readonly address: string; readonly formula: string }[];
  describeCharts(sheet?: string): readonly ChartInfo[];
}

/** What the view asks of Excel: through `Excel.run`, as the add-in does, or as a person typing. */
export interface WorkbookActions {
  activate(sheet: string): Promise<void>;
  select(sheet: string, address: string): Promise<void>;
  edit(sheet: string, address: string, value: Scalar | null): Promise<void>;
}
