/**
 * Writes a plan: into a new workbook, or into `base`, whose sheets named in
 * `plan.removeSheets` are dropped and every other part kept as it was (see
 * graft.ts). Throws WorkbookFileError when `base` cannot be read and
 * WorkbookWriteError when the plan does not fit it; nothing is returned half-done.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { WorkbookPlan } from '../core/plan';
import { WorkbookWriteError, errorText } from './errors';
import { graftWorkbook } from './graft';
import { CONTENT_TYPES_PART } from './parts';
import { checkPlanNames } from './plan-check';
import { renderSheets } from './render';
import { ZipPackage } from './zip-package';

export { WorkbookWriteError, type WorkbookWriteReason } from './errors';

export async function writeWorkbook(plan: WorkbookPlan, base?: Buffer | Uint8Array): Promise<Buffer> {
  if (base) {
    const out = await graftWorkbook(plan, base);
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }
  if (plan.sheets.length === 0) throw new WorkbookWriteError('bad_plan', 'a new workbook needs at least one sheet');
  checkPlanNames(plan, { sheets: [], tables: [], definedNames: [] });
  return renderSheets(plan, false);
}

/**
 * Saves through a temporary file in the same folder and a rename, so that a
 * failed run never leaves a half-written workbook in place of a good one.
 */
export async function saveWorkbookFile(path: string, data: Buffer | Uint8Array): Promise<void> {
  refuseMacrosInXlsx(path, data);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.mkdir(dirname(path), { recursive: true });
    const mode = await fs.stat(path).then(
      (st) => st.mode & 0o777,
      () => undefined,
    );
    const fh = await fs.open(tmp, 'wx', mode);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const hint = /EBUSY|EPERM|EACCES/.test(errorText(e)) ? ' (is it open in Excel?)' : '';
    throw new WorkbookWriteError('save_failed', `cannot save ${path}${hint}: ${errorText(e)}`);
  }
}

const MACRO_ENABLED = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/**
 * A workbook with macros keeps them (and its macro-enabled content type) when
 * consolidated; saved under `.xlsx`, Excel would refuse to open it ("the file
 * format or extension is not valid"), and dropping the macros would lose
 * people's work. So such a workbook is only saved as `.xlsm`.
 */
function refuseMacrosInXlsx(path: string, data: Uint8Array): void {
  const xlsm = /\.xlsm$/i.test(path);
  let types: string;
  try {
    types = ZipPackage.open(data).text(CONTENT_TYPES_PART) ?? '';
  } catch {
    // Not a package this check can read: the caller's own checks report it.
    return;
  }
  // The detail is the name to save it under, which the message suggests.
  if (!xlsm && types.includes(MACRO_ENABLED))
    throw new WorkbookWriteError('macro_extension', path.replace(/\.[^./\\]*$/, '') + '.xlsm');
  // The reverse: a plain workbook's content type under .xlsm, which Excel refuses just the same.
  if (xlsm && types !== '' && !types.includes(MACRO_ENABLED))
    throw new WorkbookWriteError('plain_extension', path.replace(/\.[^./\\]*$/, '') + '.xlsx');
}
