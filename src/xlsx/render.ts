/**
 * The plan's sheets as a workbook of their own, written by ExcelJS (which
 * writes cells, styles, tables, validations and print settings well) and
 * finished with the charts and in-workbook links it cannot write. A new
 * workbook is exactly this; an existing one receives these parts by
 * grafting (graft.ts), so ExcelJS never has to load and save people's files.
 */
import type ExcelJS from 'exceljs';
import type { PlanValue, WorkbookPlan } from '../core/plan';
import { WorkbookWriteError, errorText } from './errors';
import { finishPackage } from './finish';
import { applyMeta } from './meta';
import { fillSheet } from './sheet';
import { namedFonts } from './style-merge';
import { ZipPackage } from './zip-package';

/**
 * ExcelJS's Workbook alone. The package's entry point also loads its
 * streaming reader and writer, some 400 modules more (archiver, unzipper),
 * which cost a consolidation a third of its start-up and are never used.
 * (webpack gives the browser exceljs-workbook.browser.ts for this path.)
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaded = require('exceljs/lib/doc/workbook.js') as WorkbookModule;
const Workbook = 'default' in loaded ? loaded.default : loaded;

/** Where ExcelJS writes the styles. */
const STYLES_PART = 'xl/styles.xml';

type WorkbookModule = typeof ExcelJS.Workbook | { readonly default: typeof ExcelJS.Workbook };

export async function renderPackage(plan: WorkbookPlan, date1904: boolean): Promise<ZipPackage> {
  const workbook = new Workbook();
  // Dates become serial numbers of the system of the workbook they will be grafted into.
  workbook.properties.date1904 = date1904;
  for (const sheet of plan.sheets) {
    try {
      await fillSheet(workbook.addWorksheet(sheet.name), sheet, date1904);
    } catch (e) {
      if (e instanceof WorkbookWriteError) throw e;
      throw new WorkbookWriteError('bad_plan', `sheet "${sheet.name}": ${errorText(e)}`);
    }
  }
  // In a new workbook the Meta table is one of the plan's own (a base's is patched by graft.ts).
  if (plan.meta) applyMeta(workbook, plan.meta);
  // A plan that only removes sheets renders none, and one that only rebuilds hidden sheets (set-up's
  // lists) has no tab to select: grafted, such a package only lends its parts and styles.
  if (plan.sheets.some((s) => s.visibility === 'visible')) selectFirstVisible(workbook);
  // Formulas are written without results: Excel computes them all when it opens the file.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  // Stored, not deflated: the parts are unzipped at once and compressed once, by fflate, when the package is.
  const out = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  const pkg = ZipPackage.open(out as unknown as Uint8Array, { recompress: true });
  finishPackage(pkg, { internalLinks: hasInternalLink(plan), plan, date1904 });
  return pkg;
}

/** A new workbook: the plan's sheets and nothing else. */
export async function renderSheets(plan: WorkbookPlan, date1904: boolean): Promise<Buffer> {
  if (!plan.sheets.some((s) => s.visibility === 'visible')) {
    throw new WorkbookWriteError('bad_plan', 'the workbook would have no visible sheet');
  }
  const pkg = await renderPackage(plan, date1904);
  // Grafted, the package's fonts take the target's typeface (style-merge.ts); new, the package's own.
  const styles = pkg.text(STYLES_PART);
  if (styles !== null) pkg.setText(STYLES_PART, namedFonts(styles));
  const bytes = pkg.toBytes();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The first visible sheet is the active one and the only one selected: Excel
 * and LibreOffice misbehave when the active sheet is hidden, and selecting
 * several tabs groups them.
 */
function selectFirstVisible(workbook: ExcelJS.Workbook): void {
  const sheets = workbook.worksheets;
  const target = sheets.find((ws) => ws.state === 'visible' || ws.state === undefined);
  if (!target) throw new WorkbookWriteError('bad_plan', 'the workbook would have no visible sheet');
  workbook.views = [
    {
      x: 0,
      y: 0,
      width: 12000,
      height: 24000,
      firstSheet: 0,
      activeTab: sheets.indexOf(target),
      visibility: 'visible',
    },
  ];
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
