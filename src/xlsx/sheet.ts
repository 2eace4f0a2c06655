import type ExcelJS from 'exceljs';
import type { Area, PlanValue, SheetPlan, TablePlan } from '../core/plan';
import { a1, columnLetters } from '../core/snapshot';
import { WorkbookWriteError, errorText } from './errors';
import { LINK_FONT, applyStyle, argb } from './style';
import { addValidation } from './validation';
import { dateFormatFor, excelValue, isLink } from './values';
import { escapeXstring } from './xml';

/** Table names Excel accepts: a letter, `_` or `\` first, no spaces, not a cell address. */
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d*[Cc]\d*)$/;
const PAPER_A4 = 9;

/** What ExcelJS 4.4 can protect; the options it leaves out stay forbidden, as in Excel. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
  sort: true,
};

function checkArea(area: Area, where: string): void {
  const ok =
    [area.top, area.left, area.bottom, area.right].every((n) => Number.isInteger(n) && n >= 0) &&
    area.top <= area.bottom &&
    area.left <= area.right;
  if (!ok) throw new WorkbookWriteError('bad_plan', `${where}: ${JSON.stringify(area)} is not an area of cells`);
}

function eachCell(ws: ExcelJS.Worksheet, area: Area, fn: (cell: ExcelJS.Cell) => void): void {
  for (let r = area.top; r <= area.bottom; r++) {
    const row = ws.getRow(r + 1);
    for (let c = area.left; c <= area.right; c++) fn(row.getCell(c + 1));
  }
}

export function writeValue(cell: ExcelJS.Cell, v: PlanValue, where: string): void {
  cell.value = excelValue(v, where);
  const fmt = dateFormatFor(v);
  if (fmt) cell.numFmt = fmt;
  if (isLink(v)) cell.font = { ...cell.font, ...LINK_FONT };
}

export function checkTableName(name: string, sheet: string): void {
  if (!TABLE_NAME.test(name) || LOOKS_LIKE_CELL.test(name) || name.length > 255) {
    throw new WorkbookWriteError('bad_plan', `sheet "${sheet}": "${name}" is not a valid Excel table name`);
  }
}

function addTable(ws: ExcelJS.Worksheet, t: TablePlan, sheet: string): void {
  checkTableName(t.name, sheet);
  const seen = new Set<string>();
  for (const h of t.header) {
    const key = h.trim().toLowerCase();
    // ExcelJS does not escape line breaks in column names, and Excel then repairs the table away: wrap instead.
    // eslint-disable-next-line no-control-regex
    if (key === '' || seen.has(key) || /[\u0000-\u001f]/.test(h)) {
      throw new WorkbookWriteError(
        'bad_plan',
        `table ${t.name}: column header "${h}" is empty, repeated or has a line break`,
      );
    }
    seen.add(key);
  }
  const width = t.header.length;
  // Excel tables cannot be empty: a register with no rows yet gets one blank row.
  const planRows = t.rows.length > 0 ? t.rows : [[]];
  const rows = planRows.map((row, i) => {
    if (row.length > width)
      throw new WorkbookWriteError('bad_plan', `table ${t.name}: row ${i + 1} is wider than its header`);
    return Array.from({ length: width }, (_, j) => excelValue(row[j] ?? null, `table ${t.name} row ${i + 1}`));
  });
  ws.addTable({
    name: t.name,
    displayName: t.name,
    ref: a1(t.top, t.left),
    headerRow: true,
    totalsRow: false,
    style: {
      theme: 'TableStyleMedium2',
      showRowStripes: true,
      showColumnStripes: false,
      showFirstColumn: false,
      showLastColumn: false,
    },
    // ExcelJS writes text as given: a literal `_xHHHH_` is escaped here, or Excel would read a character.
    columns: t.header.map((name) => ({ name: escapeXstring(name), filterButton: true })),
    rows,
  });
  // ExcelJS has stored the values; dates and links still need their look.
  planRows.forEach((row, i) =>
    row.forEach((v, j) => {
      const cell = ws.getCell(t.top + 2 + i, t.left + 1 + j);
      const fmt = dateFormatFor(v);
      if (fmt) cell.numFmt = fmt;
      if (isLink(v)) cell.font = { ...cell.font, ...LINK_FONT };
    }),
  );
}

/** ExcelJS puts a `$` before each end of a print area: `A$1` becomes the absolute `$A$1`. */
function rowAbsolute(row: number, col: number): string {
  return `${columnLetters(col)}$${row + 1}`;
}

function applyPrint(ws: ExcelJS.Worksheet, print: NonNullable<SheetPlan['print']>, where: string): void {
  const { landscape, fitToWidth, titleRows, area, rowBreaks } = print;
  if (area) checkArea(area, where);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_A4,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(titleRows ? { printTitlesRow: `${titleRows[0] + 1}:${titleRows[1] + 1}` } : {}),
    ...(area ? { printArea: `${rowAbsolute(area.top, area.left)}:${rowAbsolute(area.bottom, area.right)}` } : {}),
  };
  // A break "on" 1-based row n ends the page after it: that is the 0-based row n, which starts the next page.
  // Excel keeps manual breaks under "fit to 1 page wide by [blank] tall", as LibreOffice does.
  for (const r of rowBreaks ?? []) {
    if (!Number.isInteger(r) || r < 1) throw new WorkbookWriteError('bad_plan', `${where}: page break before row ${r}`);
    ws.getRow(r).addPageBreak();
  }
}

/** Fills a new worksheet from its plan: values first, then looks, then the rules on top. */
export async function fillSheet(ws: ExcelJS.Worksheet, plan: SheetPlan, date1904: boolean): Promise<void> {
  const where = `sheet "${plan.name}"`;
  plan.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  plan.rowHeights?.forEach((h, i) => {
    if (h > 0) ws.getRow(i + 1).height = h;
  });
  for (const t of plan.tables) addTable(ws, t, plan.name);
  for (const b of plan.blocks) {
    b.values.forEach((row, i) =>
      row.forEach((v, j) =>
        writeValue(ws.getCell(b.top + 1 + i, b.left + 1 + j), v, `${where} ${a1(b.top + i, b.left + j)}`),
      ),
    );
  }
  for (const s of plan.styles) {
    checkArea(s.area, where);
    eachCell(ws, s.area, (cell) => applyStyle(cell, s.style));
  }
  for (const v of plan.validations) {
    checkArea(v.area, where);
    addValidation(ws, v, date1904);
  }
  for (const m of plan.merges ?? []) {
    checkArea(m, where);
    try {
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    } catch (e) {
      throw new WorkbookWriteError('bad_plan', `${where}: cannot merge ${JSON.stringify(m)}: ${errorText(e)}`);
    }
  }
  const gridlines = plan.gridlines === false ? { showGridLines: false } : {};
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)) {
    const { rows, columns } = plan.freeze;
    ws.views = [{ state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: a1(rows, columns), ...gridlines }];
  } else if (plan.gridlines === false) ws.views = [{ ...gridlines }];
  if (plan.print) applyPrint(ws, plan.print, where);
  if (plan.tabColor) ws.properties.tabColor = { argb: argb(plan.tabColor) };
  ws.state = plan.visibility === 'hidden' ? 'hidden' : 'visible';
  if (plan.protect) await ws.protect('', PROTECTION);
}
