/**
 * Between the sim and a `WorkbookPlan`: `simFromPlan` builds a sim as the
 * file writer would build a workbook (handy for tests), `planFromSim` states
 * a sim's workbook as a plan (for saving it through the file writer).
 */
import type {
  Area,
  BlockPlan,
  CellStyle,
  ChartPlan,
  ChartSeriesStyle,
  PlanValue,
  SheetPlan,
  StylePlan,
  TablePlan,
  ValidationPlan,
  ValidationRule as PlanRule,
  WorkbookPlan,
} from '../core/plan';
import { cellContent } from '../core/writes';
import {
  BORDER_COLOR,
  BORDER_EDGES,
  CHART_TYPES,
  H_ALIGN,
  PROTECTION,
  V_ALIGN,
  chartKindOf,
  errorAlertOf,
  hAlignOf,
  hyperlinkOf,
  ruleOf,
  seriesByOf,
  vAlignOf,
  widthChars,
  widthPoints,
} from '../excel/vocabulary';
import { MAX_COLUMNS, columnsOf, intersect } from './address';
import { layoutSeries } from './chart';
import {
  DEFAULT_ALERT,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_PROTECTION,
  DEFAULT_ROW_HEIGHT,
  DEFAULT_STYLE,
  type Cell,
  type Chart,
  newAxis,
  type Sheet,
  type Style,
  type ValidationRule,
  type WorkbookModel,
} from './model';
import { normalizeTableHeader } from './ops';
import type { SimOptions } from './engine';
import { SimExcel } from './sim';
import { addTable, bodyArea } from './table';
import { addValidation, parseRule } from './validation';
import { deleteSheet } from './worksheet';
import { isDateFormat, serialToMs } from './values';

/** A plan's value as a cell: what the core decides every writer writes (`core/writes`), links as the sim keeps them. */
function cellOf(model: WorkbookModel, v: PlanValue, base: Cell | undefined): Cell {
  const keep = { ...(base?.style ? { style: base.style } : {}) };
  if (v !== null && typeof v === 'object' && 'link' in v) return linkCell(v, base);
  const c = cellContent(v, model.date1904);
  switch (c.kind) {
    case 'blank':
      return { value: null, ...keep };
    case 'formula':
      return { value: null, formula: `=${c.formula}`, ...keep };
    case 'text':
      return { value: c.text, ...keep };
    case 'boolean':
      return { value: c.value, ...keep };
    case 'number':
      return c.format === undefined
        ? { value: c.value, ...keep }
        : { value: c.value, style: { ...(base?.style ?? DEFAULT_STYLE), numberFormat: c.format } };
  }
}

function linkCell(v: { readonly text: string; readonly link: string }, base: Cell | undefined): Cell {
  return {
    value: v.text,
    link: hyperlinkOf(v.link, v.text),
    style: { ...(base?.style ?? DEFAULT_STYLE), fontColor: '#0563C1', underline: 'Single' },
  };
}

function put(model: WorkbookModel, sheet: Sheet, row: number, col: number, v: PlanValue): void {
  model.setCell(sheet, row, col, cellOf(model, v, model.cell(sheet, row, col)));
}

function stylePatch(s: CellStyle): Partial<Style> {
  const p: { -readonly [K in keyof Style]?: Style[K] } = {};
  if (s.bold !== undefined) p.bold = s.bold;
  if (s.italic !== undefined) p.italic = s.italic;
  if (s.size !== undefined) p.fontSize = s.size;
  if (s.color !== undefined) p.fontColor = `#${s.color.replace(/^#/, '').toUpperCase()}`;
  if (s.fill !== undefined) p.fill = `#${s.fill.replace(/^#/, '').toUpperCase()}`;
  if (s.numFmt !== undefined) p.numberFormat = s.numFmt;
  if (s.wrap !== undefined) p.wrapText = s.wrap;
  if (s.hAlign !== undefined) p.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) p.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.locked !== undefined) p.locked = s.locked;
  return p;
}

function applyTable(model: WorkbookModel, sheet: Sheet, t: TablePlan): void {
  t.header.forEach((h, j) => model.setCell(sheet, t.top, t.left + j, { value: h }));
  const rows = t.rows.length > 0 ? t.rows : [[]];
  rows.forEach((row, i) => t.header.forEach((_, j) => put(model, sheet, t.top + 1 + i, t.left + j, row[j] ?? null)));
  const area: Area = { top: t.top, left: t.left, bottom: t.top + rows.length, right: t.left + t.header.length - 1 };
  addTable(model, sheet, area, true, t.name);
}

function chartOf(model: WorkbookModel, sheet: Sheet, c: ChartPlan): Chart {
  const source = model.sheetByName(c.dataSheet);
  const type = CHART_TYPES[c.kind];
  const by = seriesByOf(c);
  const laid = layoutSeries(model, source, c.data, by, type);
  const styles: readonly ChartSeriesStyle[] = c.series ?? [];
  const offset = (map: Map<number, number>, to: number, fallback: number) => {
    let sum = 0;
    for (let i = 0; i < to; i++) sum += map.get(i) ?? fallback;
    return sum;
  };
  const span = (map: Map<number, number>, from: number, to: number, fallback: number) =>
    offset(map, to + 1, fallback) - offset(map, from, fallback);
  return {
    id: `{${model.nextId('CHART-')}}`,
    name: c.name,
    type,
    sourceSheetId: source?.id ?? '',
    source: c.data,
    seriesBy: by,
    effectiveSeriesBy: laid.effectiveSeriesBy,
    series: laid.series.map((s, i) => ({
      ...s,
      fillColor: styles[i]?.color ? `#${styles[i]?.color?.toUpperCase()}` : null,
      chartType: styles[i]?.asLine ? 'Line' : s.chartType,
      labels: styles[i]?.labels ?? [],
    })),
    title: { text: c.title, visible: c.title !== '' },
    top: offset(sheet.rowHeights, c.position.top, DEFAULT_ROW_HEIGHT),
    left: offset(sheet.colWidths, c.position.left, DEFAULT_COLUMN_WIDTH),
    height: span(sheet.rowHeights, c.position.top, c.position.bottom, DEFAULT_ROW_HEIGHT),
    width: span(sheet.colWidths, c.position.left, c.position.right, DEFAULT_COLUMN_WIDTH),
    anchor: {
      start: { top: c.position.top, left: c.position.left, bottom: c.position.top, right: c.position.left },
      end: { top: c.position.bottom, left: c.position.right, bottom: c.position.bottom, right: c.position.right },
    },
    categoryAxis: {
      ...newAxis(),
      title: { text: c.categoryTitle ?? '', visible: c.categoryTitle !== undefined },
      reversePlotOrder: c.reverseCategories === true,
    },
    valueAxis: {
      ...newAxis(),
      title: { text: c.valueTitle ?? '', visible: c.valueTitle !== undefined },
      minimum: c.valueAxis?.min ?? null,
      visible: c.valueAxis?.hidden !== true,
      numberFormat: c.valueAxis?.format ?? 'General',
    },
    dataLabels: { showValue: c.dataLabels === true },
    legend: { position: 'Right', visible: true },
  };
}

function applyMeta(model: WorkbookModel, meta: Readonly<Record<string, string>>): void {
  const t = model.tableByName('Meta');
  const sheet = t && model.sheetById(t.sheetId);
  if (!t || !sheet) throw new Error('the plan sets Meta values but the workbook has no Meta table');
  for (const [key, value] of Object.entries(meta)) {
    let row = -1;
    for (let r = t.area.top + 1; r <= t.area.bottom; r++) {
      if (
        String(model.cell(sheet, r, t.area.left)?.value ?? '')
          .trim()
          .toLowerCase() === key.toLowerCase()
      )
        row = r;
    }
    if (row < 0) {
      row = t.area.bottom + 1;
      t.area = { ...t.area, bottom: row };
      model.setCell(sheet, row, t.area.left, { value: key });
    }
    model.setCell(sheet, row, t.area.left + 1, { value });
  }
}

/** Applies a plan to a sim as the file writer applies it to a workbook: values first, then looks, then rules. */
export function applyPlan(sim: SimExcel, plan: WorkbookPlan): void {
  const model = sim.model;
  for (const name of plan.removeSheets) {
    const s = model.sheetByName(name);
    if (s) deleteSheet(model, s);
  }
  const pending: [Sheet, ChartPlan][] = [];
  for (const sp of plan.sheets) {
    const sheet = sim.addSheet(sp.name);
    sp.columnWidths.forEach((w, i) => {
      if (w > 0) sheet.colWidths.set(i, widthPoints(w));
    });
    sp.rowHeights?.forEach((h, i) => {
      if (h > 0) sheet.rowHeights.set(i, h);
    });
    if (sp.gridlines === false) sheet.showGridlines = false;
    if (sp.print) {
      const { landscape, fitToWidth, titleRows, area } = sp.print;
      sheet.pageLayout = {
        orientation: landscape ? 'Landscape' : 'Portrait',
        zoom: fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 },
        printTitleRows: titleRows ? { top: titleRows[0], bottom: titleRows[1], left: 0, right: MAX_COLUMNS - 1 } : null,
        printArea: area ? [area] : null,
      };
    }
    for (const t of sp.tables) applyTable(model, sheet, t);
    for (const b of sp.blocks)
      b.values.forEach((row, i) => row.forEach((v, j) => put(model, sheet, b.top + i, b.left + j, v)));
    for (const s of sp.styles) {
      model.patchStyle(sheet, s.area, stylePatch(s.style));
      if (s.style.border) {
        for (const side of BORDER_EDGES)
          sheet.borders.push({ area: s.area, side, style: 'Continuous', color: BORDER_COLOR, weight: 'Thin' });
      }
    }
    for (const v of sp.validations) {
      addValidation(model, sheet, v.area, parseRule(model, ruleOf(v), sheet), {
        errorAlert: { ...DEFAULT_ALERT, ...errorAlertOf(v) },
      });
    }
    for (const m of sp.merges ?? []) sheet.merges.push(m);
    if (sp.freeze) sheet.freeze = { ...sp.freeze };
    if (sp.tabColor) sheet.tabColor = `#${sp.tabColor.replace(/^#/, '').toUpperCase()}`;
    if (sp.visibility === 'hidden') sheet.visibility = 'Hidden';
    if (sp.protect) {
      sheet.protection = { protected: true, options: { ...DEFAULT_PROTECTION, ...PROTECTION }, password: null };
    }
    for (const c of sp.charts ?? []) pending.push([sheet, c]);
    for (const t of model.tablesOn(sheet.id)) normalizeTableHeader(model, sheet, t);
  }
  // Charts last: their series are named from data that may sit on a later sheet.
  for (const [sheet, c] of pending) sheet.charts.push(chartOf(model, sheet, c));
  if (plan.meta) applyMeta(model, plan.meta);
  if (model.activeSheetId === null || model.sheetById(model.activeSheetId)?.visibility !== 'Visible') {
    model.activeSheetId = model.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
  }
  model.takeChanges();
}

/** A fresh sim holding what the plan describes. */
export function simFromPlan(plan: WorkbookPlan, options: SimOptions = {}): SimExcel {
  const sim = new SimExcel({ ...options, sheets: [] });
  applyPlan(sim, plan);
  return sim;
}

// ----- sim → plan -----

function planValue(model: WorkbookModel, cell: Cell | undefined, style: Style): PlanValue {
  if (!cell) return null;
  if (cell.formula) return { formula: cell.formula };
  const v = cell.value;
  if (v === null) return null;
  if (cell.link) {
    const target =
      cell.link.address ?? (cell.link.documentReference !== undefined ? `#${cell.link.documentReference}` : undefined);
    if (target) return { text: String(v), link: target };
  }
  if (typeof v === 'number' && isDateFormat(style.numberFormat)) return { date: serialToMs(v, model.date1904) };
  return v;
}

function cellStyle(style: Style, border: boolean): CellStyle | null {
  const s: { -readonly [K in keyof CellStyle]?: CellStyle[K] } = {};
  const d = DEFAULT_STYLE;
  const hex = (c: string) => c.replace(/^#/, '').toUpperCase();
  if (style.bold !== d.bold) s.bold = style.bold;
  if (style.italic !== d.italic) s.italic = style.italic;
  if (style.fontSize !== d.fontSize) s.size = style.fontSize;
  if (style.fontColor !== d.fontColor) s.color = hex(style.fontColor);
  if (style.fill !== null) s.fill = hex(style.fill);
  if (style.numberFormat !== d.numberFormat) s.numFmt = style.numberFormat;
  if (style.wrapText !== d.wrapText) s.wrap = style.wrapText;
  const h = hAlignOf(style.horizontalAlignment);
  if (h) s.hAlign = h;
  const v = vAlignOf(style.verticalAlignment);
  if (v && style.verticalAlignment !== d.verticalAlignment) s.vAlign = v;
  if (border) s.border = true;
  if (style.locked !== d.locked) s.locked = style.locked;
  return Object.keys(s).length > 0 ? s : null;
}

function planRule(v: ValidationRule, date1904: boolean): PlanRule | null {
  const num = (f: string | undefined): number | null => {
    if (f === undefined) return null;
    const n = Number(f.replace(/^=/, ''));
    return Number.isFinite(n) ? n : null;
  };
  switch (v.type) {
    case 'List':
      return { kind: 'list', source: v.source };
    case 'WholeNumber':
    case 'Decimal': {
      const kind = v.type === 'WholeNumber' ? 'whole' : 'decimal';
      const a = num(v.formula1);
      if (a === null) return null;
      if (v.operator === 'GreaterThanOrEqualTo') return { kind, min: a };
      const b = num(v.formula2);
      return v.operator === 'Between' && b !== null ? { kind, min: a, max: b } : null;
    }
    case 'Date': {
      const a = num(v.formula1);
      const b = num(v.formula2);
      return v.operator === 'Between' && a !== null && b !== null
        ? { kind: 'date', min: serialToMs(a, date1904), max: serialToMs(b, date1904) }
        : null;
    }
    case 'TextLength': {
      const a = num(v.formula1);
      return v.operator === 'LessThanOrEqualTo' && a !== null ? { kind: 'textLength', max: a } : null;
    }
    default:
      return null;
  }
}

function chartPlan(model: WorkbookModel, sheet: Sheet, c: Chart): ChartPlan | null {
  const kind = chartKindOf(c.type);
  const source = model.sheetById(c.sourceSheetId);
  if (!kind || !source) return null;
  const cellAt = (map: Map<number, number>, pos: number, fallback: number): number => {
    let sum = 0;
    let i = 0;
    while (sum + (map.get(i) ?? fallback) <= pos) sum += map.get(i++) ?? fallback;
    return i;
  };
  const position: Area = c.anchor
    ? {
        top: c.anchor.start.top,
        left: c.anchor.start.left,
        bottom: c.anchor.end?.bottom ?? c.anchor.start.top,
        right: c.anchor.end?.right ?? c.anchor.start.left,
      }
    : {
        top: cellAt(sheet.rowHeights, c.top, DEFAULT_ROW_HEIGHT),
        left: cellAt(sheet.colWidths, c.left, DEFAULT_COLUMN_WIDTH),
        bottom: cellAt(sheet.rowHeights, c.top + c.height - 1, DEFAULT_ROW_HEIGHT),
        right: cellAt(sheet.colWidths, c.left + c.width - 1, DEFAULT_COLUMN_WIDTH),
      };
  const series = c.series.map((s) => ({
    ...(s.fillColor ? { color: s.fillColor.replace(/^#/, '') } : {}),
    ...(s.chartType.startsWith('Line') && !c.type.startsWith('Line') ? { asLine: true } : {}),
    ...(s.labels.length > 0 ? { labels: s.labels } : {}),
  }));
  const axisFormat = c.valueAxis.numberFormat !== 'General' ? c.valueAxis.numberFormat : undefined;
  return {
    name: c.name,
    kind,
    title: c.title.visible ? c.title.text : '',
    dataSheet: source.name,
    data: c.source,
    seriesBy: c.effectiveSeriesBy === 'Columns' ? 'columns' : 'rows',
    position,
    ...(c.categoryAxis.title.text ? { categoryTitle: c.categoryAxis.title.text } : {}),
    ...(c.valueAxis.title.text ? { valueTitle: c.valueAxis.title.text } : {}),
    ...(c.categoryAxis.reversePlotOrder ? { reverseCategories: true } : {}),
    ...(c.valueAxis.minimum !== null || !c.valueAxis.visible || axisFormat
      ? {
          valueAxis: {
            ...(c.valueAxis.minimum !== null ? { min: c.valueAxis.minimum } : {}),
            ...(!c.valueAxis.visible ? { hidden: true } : {}),
            ...(axisFormat ? { format: axisFormat } : {}),
          },
        }
      : {}),
    ...(c.dataLabels.showValue ? { dataLabels: true } : {}),
    ...(series.some((s) => Object.keys(s).length > 0) ? { series } : {}),
  };
}

/** Runs of equal styles along each row, as style plans. */
function stylePlans(model: WorkbookModel, sheet: Sheet, used: Area | null): StylePlan[] {
  if (!used) return [];
  const bordered = (r: number, c: number) =>
    sheet.borders.some((b) => b.style !== 'None' && intersect(b.area, { top: r, left: c, bottom: r, right: c }));
  const out: StylePlan[] = [];
  for (let r = used.top; r <= used.bottom; r++) {
    let run: { left: number; key: string; style: CellStyle } | null = null;
    const flush = (right: number) => {
      if (run) out.push({ area: { top: r, left: run.left, bottom: r, right }, style: run.style });
      run = null;
    };
    for (let c = used.left; c <= used.right + 1; c++) {
      const style = c <= used.right ? cellStyle(model.styleAt(sheet, r, c), bordered(r, c)) : null;
      const key = style ? JSON.stringify(style) : '';
      const current = run as { left: number; key: string; style: CellStyle } | null;
      if (current && current.key === key) continue;
      flush(c - 1);
      if (style) run = { left: c, key, style };
    }
  }
  return out;
}

function printOf(sheet: Sheet): Pick<SheetPlan, 'print'> {
  const p = sheet.pageLayout;
  const fit = p.zoom.horizontalFitToPages === 1;
  if (p.orientation === 'Portrait' && !fit && !p.printTitleRows && !p.printArea) return {};
  const area = p.printArea?.[0];
  return {
    print: {
      landscape: p.orientation === 'Landscape',
      fitToWidth: fit,
      ...(p.printTitleRows ? { titleRows: [p.printTitleRows.top, p.printTitleRows.bottom] as const } : {}),
      ...(area ? { area } : {}),
    },
  };
}

/** The sim's workbook as a plan for a new file: sheets, tables, cells, looks, rules and charts it can express. */
export function planFromSim(sim: SimExcel): WorkbookPlan {
  const model = sim.model;
  const sheets: SheetPlan[] = model.sheets.map((sheet) => {
    const tables = model.tablesOn(sheet.id);
    const inTable = (r: number, c: number) =>
      tables.some(
        (t) =>
          r >= t.area.top &&
          r <= t.area.bottom &&
          c >= t.area.left &&
          c <= t.area.right &&
          t.showHeaders &&
          (!t.showTotals || r < t.area.bottom),
      );
    const tablePlans: TablePlan[] = tables
      .filter((t) => t.showHeaders)
      .map((t) => {
        const body = bodyArea(t);
        const rows: PlanValue[][] = [];
        if (body) {
          for (let r = body.top; r <= body.bottom; r++) {
            rows.push(
              Array.from({ length: columnsOf(body) }, (_, j) =>
                planValue(model, model.cell(sheet, r, body.left + j), model.styleAt(sheet, r, body.left + j)),
              ),
            );
          }
        }
        return { name: t.name, top: t.area.top, left: t.area.left, header: t.columns.map((c) => c.name), rows };
      });
    const used = model.usedArea(sheet, false);
    const blocks: BlockPlan[] = [];
    if (used) {
      for (let r = used.top; r <= used.bottom; r++) {
        let run: PlanValue[] = [];
        let left = -1;
        for (let c = used.left; c <= used.right + 1; c++) {
          const cell = c <= used.right && !inTable(r, c) ? model.cell(sheet, r, c) : undefined;
          const v = cell ? planValue(model, cell, model.styleAt(sheet, r, c)) : null;
          if (v !== null) {
            if (left < 0) left = c;
            run.push(v);
          } else if (left >= 0) {
            blocks.push({ top: r, left, values: [run] });
            run = [];
            left = -1;
          }
        }
      }
    }
    let lastWidth = -1;
    for (const c of sheet.colWidths.keys()) lastWidth = Math.max(lastWidth, c);
    const columnWidths = Array.from({ length: lastWidth + 1 }, (_, i) => {
      const pt = sheet.colWidths.get(i);
      return pt === undefined ? 0 : widthChars(pt);
    });
    let lastHeight = -1;
    for (const r of sheet.rowHeights.keys()) lastHeight = Math.max(lastHeight, r);
    const rowHeights = Array.from({ length: lastHeight + 1 }, (_, i) => sheet.rowHeights.get(i) ?? 0);
    const validations: ValidationPlan[] = sheet.validations.flatMap((v) => {
      const rule = planRule(v.rule, model.date1904);
      return rule
        ? v.areas.map((area) => ({ area, rule, errorTitle: v.errorAlert.title, error: v.errorAlert.message }))
        : [];
    });
    const charts = sheet.charts.flatMap((c) => chartPlan(model, sheet, c) ?? []);
    const plan: SheetPlan = {
      name: sheet.name,
      visibility: sheet.visibility === 'Visible' ? 'visible' : 'hidden',
      ...(sheet.tabColor ? { tabColor: sheet.tabColor.replace(/^#/, '') } : {}),
      columnWidths,
      ...(rowHeights.length > 0 ? { rowHeights } : {}),
      ...(sheet.showGridlines ? {} : { gridlines: false }),
      blocks,
      tables: tablePlans,
      styles: stylePlans(model, sheet, used),
      validations,
      merges: [...sheet.merges],
      ...(sheet.freeze.rows > 0 || sheet.freeze.columns > 0 ? { freeze: { ...sheet.freeze } } : {}),
      ...(sheet.protection.protected ? { protect: true } : {}),
      ...printOf(sheet),
      ...(charts.length > 0 ? { charts } : {}),
    };
    return plan;
  });
  return { sheets, removeSheets: [] };
}

/** The charts of a sim as chart plans (for writers that take them apart from the sheets). */
export function chartPlansOf(sim: SimExcel): ChartPlan[] {
  return sim.model.sheets.flatMap((s) => s.charts.flatMap((c) => chartPlan(sim.model, s, c) ?? []));
}
