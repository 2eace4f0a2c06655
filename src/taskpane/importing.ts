/**
 * What Import and Fill last year's figures need beyond the pane's first
 * load, as one chunk loaded when a person first picks a file: the file
 * reader with its zip code and hash, the two plans, and the adapter's
 * writing of them.
 */
export { readPicked } from './read-files';
export { planImport, startImport, resolveImport, ImportTargetError } from '../core/import';
export { planPriorYear } from '../core/prior-year';
export { applyChanges, readTarget, WorkbookChangedError } from '../excel/import';
export { ExcelTooOldError, NotStandardWorkbookError } from '../excel/actions';
