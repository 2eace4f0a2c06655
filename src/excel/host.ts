/**
 * What the adapter needs from its host: `Excel.run` and the requirement-set
 * check. Office provides them as globals; the in-memory Excel provides its
 * own, so the adapter runs unchanged in Excel, in tests and in the playground.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: 'ExcelApi', version: string): boolean;
}

/** The host inside Office: every action waits for the user to leave cell-edit mode instead of failing. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run({ delayForCellEdit: true }, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/** The minimum the manifest declares: data validation needs ExcelApi 1.8. */
export const MINIMUM_API = '1.8';

/** Newer features, detected at run time. */
export const FEATURES = {
  /** `Table.resize`: rows added below a table, then the table resized (no TableRowCollection.add in bulk). */
  tableResize: '1.13',
  /** `Worksheet.pageLayout`: print setup. */
  pageLayout: '1.9',
  /** `Range.hyperlink` for the Issues sheet's links. */
  hyperlink: '1.7',
} as const;
