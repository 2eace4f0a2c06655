/** The .xlsx file adapter: a Snapshot from a workbook file, a WorkbookPlan into one. */
export { readWorkbook, readWorkbookFile, type ReadOptions } from './read';
export { writeWorkbook, saveWorkbookFile } from './write';
export {
  MAX_WORKBOOK_BYTES,
  WorkbookFileError,
  WorkbookWriteError,
  type WorkbookFileReason,
  type WorkbookWriteReason,
} from './errors';
