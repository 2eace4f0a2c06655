/**
 * What the adapter needs from its host: `Excel.run`, the requirement-set
 * check and, inside Office, the document's address. Office provides them as
 * globals; the in-memory Excel provides its own, so the adapter runs
 * unchanged in Excel, in tests and in the playground. Every use of the
 * `Office` global is in this file (the task pane's lint rule keeps it so).
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: 'ExcelApi', version: string): boolean;
  /** Where the open file is (a path or a OneDrive/SharePoint address); null for a new, unsaved one or outside Office. */
  documentUrl?(): string | null;
}

/** The host inside Office: every action waits for the user to leave cell-edit mode instead of failing. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run({ delayForCellEdit: true }, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    documentUrl: () => Office.context.document?.url || null,
  };
}

/** What the pane takes from Office when it starts: the language and theme Office shows. */
export interface OfficeStart {
  /** e.g. `kk-KZ`. */
  readonly displayLanguage: string;
  readonly officeTheme: Office.OfficeTheme & { readonly isDarkTheme?: boolean };
}

/** Resolves once office.js is ready (loaded by the page from Microsoft's CDN, as Office requires). */
export async function officeReady(): Promise<OfficeStart> {
  await Office.onReady();
  return {
    displayLanguage: Office.context.displayLanguage,
    officeTheme: Office.context.officeTheme as OfficeStart['officeTheme'],
  };
}

/**
 * The minimum the manifest declares: data validation needs ExcelApi 1.8. It
 * also covers the journal's place, `workbook.settings` (1.4), and the
 * structure protection read before adding sheets, `workbook.protection` (1.7).
 */
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
