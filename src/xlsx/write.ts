import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { PlanValue, WorkbookPlan } from '../core/plan';
import { WorkbookWriteError, errorText } from './errors';
import { finishPackage } from './finish';
import { loadWorkbook, type LoadedWorkbook } from './load';
import { applyMeta } from './meta';
import { checkTableName, fillSheet } from './sheet';
import { repairLoadedTables, tableModels, tableName } from './tables';

export { WorkbookWriteError, type WorkbookWriteReason } from './errors';

const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

/**
 * Writes a plan: into a new workbook, or into `base`, whose sheets named in
 * `plan.removeSheets` are dropped and everything else kept. Throws
 * WorkbookFileError when `base` cannot be read and WorkbookWriteError when the
 * plan does not fit it; nothing is returned half-done.
 */
export async function writeWorkbook(plan: WorkbookPlan, base?: Buffer | Uint8Array): Promise<Buffer> {
  const { workbook, kept, drawings } = base
    ? await openBase(base)
    : { workbook: new ExcelJS.Workbook(), kept: new Map(), drawings: new Map() };
  const date1904 = workbook.properties.date1904 === true;
  const previouslyActive = activeSheet(workbook)?.name;
  removeSheets(workbook, plan.removeSheets);
  checkPlan(workbook, plan);
  for (const sheet of plan.sheets) {
    try {
      await fillSheet(workbook.addWorksheet(sheet.name), sheet, date1904);
    } catch (e) {
      if (e instanceof WorkbookWriteError) throw e;
      throw new WorkbookWriteError('bad_plan', `sheet "${sheet.name}": ${errorText(e)}`);
    }
  }
  if (plan.meta) applyMeta(workbook, plan.meta);
  selectSheet(workbook, previouslyActive);
  // Formulas are written without results: Excel computes them all when it opens the file.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  const out = Buffer.from(await workbook.xlsx.writeBuffer());
  const removed = (name: string): boolean => plan.removeSheets.some((n) => sameName(n, name));
  return finishPackage(out, {
    base: base !== undefined,
    internalLinks: hasInternalLink(plan),
    kept: new Map([...kept].filter(([name]) => !removed(name))),
    // The removed sheets' drawings (the previous Dashboard's charts) are not put back.
    drawings: new Map([...drawings].filter(([name]) => !removed(name))),
    plan,
    date1904,
  });
}

async function openBase(base: Buffer | Uint8Array): Promise<LoadedWorkbook> {
  const loaded = await loadWorkbook(base, 'write');
  repairLoadedTables(loaded.workbook, loaded.info);
  return loaded;
}

function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

function removeSheets(workbook: ExcelJS.Workbook, names: readonly string[]): void {
  const removed: string[] = [];
  for (const ws of [...workbook.worksheets]) {
    if (names.some((n) => sameName(n, ws.name))) {
      removed.push(ws.name);
      workbook.removeWorksheet(ws.id);
    }
  }
  if (removed.length > 0) dropNamesOn(workbook, removed);
}

/** Defined names that pointed into a removed sheet would point nowhere (Excel repairs the file). */
function dropNamesOn(workbook: ExcelJS.Workbook, sheets: readonly string[]): void {
  const sheetOf = (range: string): string => {
    const s = range.includes('!') ? range.slice(0, range.lastIndexOf('!')) : '';
    return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
  };
  const model = workbook.definedNames.model as unknown as { name: string; ranges: string[] }[];
  workbook.definedNames.model = model
    .map((n) => ({ ...n, ranges: n.ranges.filter((r) => !sheets.some((s) => sameName(s, sheetOf(r)))) }))
    .filter((n) => n.ranges.length > 0) as unknown as ExcelJS.DefinedNamesModel;
}

function checkSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > MAX_SHEET_NAME ||
    BAD_SHEET_CHARS.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    sameName(name, 'History')
  ) {
    throw new WorkbookWriteError('bad_plan', `"${name}" is not a valid sheet name`);
  }
}

function checkPlan(workbook: ExcelJS.Workbook, plan: WorkbookPlan): void {
  const sheets = workbook.worksheets.map((ws) => ws.name);
  const tables = workbook.worksheets.flatMap((ws) => tableModels(ws).map(tableName));
  const names = (workbook.definedNames.model as unknown as { name: string }[]).map((n) => n.name);
  for (const sheet of plan.sheets) {
    checkSheetName(sheet.name);
    if (sheets.some((s) => sameName(s, sheet.name))) {
      throw new WorkbookWriteError(
        'sheet_exists',
        `the workbook already has a sheet "${sheet.name}" that the plan does not remove`,
      );
    }
    sheets.push(sheet.name);
    for (const t of sheet.tables) {
      checkTableName(t.name, sheet.name);
      if ([...tables, ...names].some((n) => sameName(n, t.name))) {
        throw new WorkbookWriteError('table_exists', `the workbook already has a table or name "${t.name}"`);
      }
      tables.push(t.name);
    }
  }
}

function activeSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  // A loaded workbook without `bookViews` has no views at all, despite ExcelJS's typings.
  const tab = workbook.views?.[0]?.activeTab ?? 0;
  return workbook.worksheets[tab];
}

/**
 * Keeps the sheet that was active if it is still there and visible, else the
 * first visible one; Excel and LibreOffice misbehave when the active sheet is
 * hidden (LibreOffice unhides it), and selecting several tabs groups them.
 */
function selectSheet(workbook: ExcelJS.Workbook, preferred: string | undefined): void {
  const sheets = workbook.worksheets;
  const visible = sheets.filter((ws) => ws.state === 'visible' || ws.state === undefined);
  const target = visible.find((ws) => ws.name === preferred) ?? visible[0];
  if (!target) throw new WorkbookWriteError('bad_plan', 'the workbook would have no visible sheet');
  const view = workbook.views?.[0] ?? { x: 0, y: 0, width: 12000, height: 24000, visibility: 'visible' };
  workbook.views = [{ ...view, firstSheet: 0, activeTab: sheets.indexOf(target), visibility: 'visible' }];
  for (const ws of sheets) {
    const views = ws.views?.length ? ws.views : [{}];
    ws.views = views.map((v) => ({ ...v, tabSelected: ws === target }));
  }
}

function isInternalLink(v: PlanValue): boolean {
  return v !== null && typeof v === 'object' && 'link' in v && v.link.startsWith('#');
}

function hasInternalLink(plan: WorkbookPlan): boolean {
  return plan.sheets.some(
    (s) =>
      s.blocks.some((b) => b.values.some((row) => row.some(isInternalLink))) ||
      s.tables.some((t) => t.rows.some((row) => row.some(isInternalLink))),
  );
}

/**
 * Saves through a temporary file in the same folder and a rename, so that a
 * failed run never leaves a half-written workbook in place of a good one.
 */
export async function saveWorkbookFile(path: string, data: Buffer | Uint8Array): Promise<void> {
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
