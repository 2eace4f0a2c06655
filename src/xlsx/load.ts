import ExcelJS from 'exceljs';
import { WorkbookFileError, errorText } from './errors';
import { describePackage, type PackageInfo } from './package';
import { prepareForExcelJS, type PrepareMode, type Prepared } from './prepare';
import type { KeptDrawing } from './drawings';
import type { KeptValidations } from './preserve';
import { asBuffer, checkBytes } from './sniff';
import { ZipPackage } from './zip-package';

export interface LoadedWorkbook {
  readonly info: PackageInfo;
  readonly workbook: ExcelJS.Workbook;
  /** Validations kept out of ExcelJS's hands, by sheet name (write mode). */
  readonly kept: ReadonlyMap<string, KeptValidations>;
  /** Drawings kept out of ExcelJS's hands, by sheet name (write mode). */
  readonly drawings: ReadonlyMap<string, KeptDrawing>;
}

/** ExcelJS declares its own `Buffer` type; it takes a Node Buffer at run time. */
type ExcelJsBuffer = Parameters<ExcelJS.Xlsx['load']>[0];

/** Sheet parts the reader never needs; skipping them also skips ExcelJS's fragile handling of them. */
const READ_IGNORED = [
  'dataValidations',
  'conditionalFormatting',
  'hyperlinks',
  'drawing',
  'picture',
  'tableParts',
  'extLst',
  'rowBreaks',
  'colBreaks',
];

/** Checks, opens and parses a workbook; every failure is a WorkbookFileError. */
export async function loadWorkbook(
  data: Buffer | Uint8Array,
  mode: PrepareMode,
  maxBytes?: number,
): Promise<LoadedWorkbook> {
  checkBytes(data, maxBytes);
  const zip = ZipPackage.open(asBuffer(data));
  if (zip.mainPart() === null) throw new WorkbookFileError('not_workbook', 'a zip package without a workbook part');
  let info: PackageInfo;
  let prepared: Prepared;
  try {
    info = await describePackage(zip);
    prepared = prepareForExcelJS(zip, mode);
  } catch (e) {
    throw new WorkbookFileError('not_workbook', `the workbook's package is damaged: ${errorText(e)}`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      prepared.data as unknown as ExcelJsBuffer,
      mode === 'read' ? { ignoreNodes: READ_IGNORED } : {},
    );
  } catch (e) {
    throw new WorkbookFileError('not_workbook', `the workbook's contents cannot be parsed: ${errorText(e)}`);
  }
  return { info, workbook, kept: prepared.kept, drawings: prepared.drawings };
}
