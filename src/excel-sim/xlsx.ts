/**
 * The bridge between the sim and .xlsx files, through the file adapter:
 * a workbook file is loaded into a sim (cells, looks, tables, validations,
 * conditional formats, names, sheet settings) and a sim is saved by stating
 * it as a WorkbookPlan for `writeWorkbook`. Charts are not read from files
 * (ExcelJS does not load them).
 */
import ExcelJS from 'exceljs';
import { writeWorkbook } from '../xlsx';
import { loadWorkbook } from '../xlsx/load';
import type { KeptValidations } from '../xlsx/preserve';
import { tableModels, tableName } from '../xlsx/tables';
import { decodeXml } from '../xlsx/xml';
import { parseArea, parseRef, type Area } from './address';
import {
  DEFAULT_ALERT,
  DEFAULT_PROMPT,
  DEFAULT_PROTECTION,
  DEFAULT_STYLE,
  type Cell,
  type ConditionalFormat,
  type ProtectionOptions,
  type Sheet,
  type Style,
  type Table,
  type Validation,
  type ValidationRule,
  type WorkbookModel,
} from './model';
import { normalizeTableHeader } from './ops';
import { widthPoints } from '../excel/vocabulary';
import { planFromSim } from './plan';
import type { SimOptions } from './engine';
import { SimExcel } from './sim';
import { msToSerial } from './values';

const VALIDATION_TYPES: Readonly<Record<string, ValidationRule['type']>> = {
  whole: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};

const OPERATORS: Readonly<Record<string, string>> = {
  between: 'Between',
  notBetween: 'NotBetween',
  equal: 'EqualTo',
  notEqual: 'NotEqualTo',
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  greaterThanOrEqual: 'GreaterThanOrEqualTo',
  lessThanOrEqual: 'LessThanOrEqualTo',
};

const H_ALIGN: Readonly<Record<string, string>> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
  fill: 'Fill',
  justify: 'Justify',
  centerContinuous: 'CenterAcrossSelection',
  distributed: 'Distributed',
};
const V_ALIGN: Readonly<Record<string, string>> = {
  top: 'Top',
  middle: 'Center',
  bottom: 'Bottom',
  justify: 'Justify',
  distributed: 'Distributed',
};

function color(c: Partial<ExcelJS.Color> | undefined): string | null {
  const argb = c?.argb;
  return typeof argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

/** Cell looks as the sim keeps them; equal looks share one object. */
class Styles {
  private readonly seen = new Map<string, Style>();

  of(s: Partial<ExcelJS.Style> | undefined): Style | undefined {
    if (!s) return undefined;
    const fill = s.fill?.type === 'pattern' && s.fill.pattern === 'solid' ? color(s.fill.fgColor) : null;
    const style: Style = {
      numberFormat: s.numFmt && s.numFmt !== '' ? s.numFmt : DEFAULT_STYLE.numberFormat,
      bold: s.font?.bold === true,
      italic: s.font?.italic === true,
      underline:
        s.font?.underline === true || s.font?.underline === 'single'
          ? 'Single'
          : s.font?.underline === 'double'
            ? 'Double'
            : 'None',
      strikethrough: s.font?.strike === true,
      fontColor: color(s.font?.color) ?? DEFAULT_STYLE.fontColor,
      fontSize: s.font?.size ?? DEFAULT_STYLE.fontSize,
      fontName: s.font?.name ?? DEFAULT_STYLE.fontName,
      fill,
      wrapText: s.alignment?.wrapText === true,
      horizontalAlignment: H_ALIGN[s.alignment?.horizontal ?? ''] ?? 'General',
      verticalAlignment: V_ALIGN[s.alignment?.vertical ?? ''] ?? 'Bottom',
      locked: s.protection?.locked !== false,
      formulaHidden: s.protection?.hidden === true,
    };
    const key = JSON.stringify(style);
    if (key === JSON.stringify(DEFAULT_STYLE)) return undefined;
    let shared = this.seen.get(key);
    if (!shared) {
      shared = Object.freeze(style);
      this.seen.set(key, shared);
    }
    return shared;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function plain(v: unknown, date1904: boolean): Pick<Cell, 'value' | 'error'> {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: Number.isFinite(v.getTime()) ? msToSerial(v.getTime(), date1904) : null };
  if (isObject(v)) {
    if (typeof v['error'] === 'string') return { value: v['error'], error: true };
    if (Array.isArray(v['richText']))
      return { value: v['richText'].map((r: unknown) => (isObject(r) ? String(r['text'] ?? '') : '')).join('') };
    if ('text' in v) return plain(v['text'], date1904);
  }
  return { value: String(v) };
}

function readCell(cell: ExcelJS.Cell, styles: Styles, date1904: boolean): Cell | undefined {
  const style = styles.of(cell.style);
  const base = style ? { style } : {};
  const v: unknown = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Merge:
    case ExcelJS.ValueType.Null:
      return style ? { value: null, ...base } : undefined;
    case ExcelJS.ValueType.Formula: {
      const f = (cell.formula ?? '').replace(/_xl(?:fn|ws)\./g, '');
      return { ...plain(cell.result, date1904), formula: `=${f}`, ...base };
    }
    case ExcelJS.ValueType.Hyperlink: {
      const link = isObject(v) && typeof v['hyperlink'] === 'string' ? v['hyperlink'] : '';
      const text = plain(isObject(v) ? v['text'] : v, date1904);
      const target = link.startsWith('#') ? { documentReference: link.slice(1) } : { address: link };
      return { ...text, link: { ...target, textToDisplay: String(text.value ?? '') }, ...base };
    }
    default:
      return { ...plain(v, date1904), ...base };
  }
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g))
    out.set((m[1] ?? '').replace(/^.*:/, ''), decodeXml(m[2] ?? ''));
  return out;
}

function areasOf(sqref: string): Area[] {
  return sqref
    .split(/\s+/)
    .map((s) => parseArea(s))
    .filter((a): a is Area => a !== null);
}

function validationsOf(kept: KeptValidations | undefined, counter: () => number): Validation[] {
  if (!kept) return [];
  const xml = [kept.classic ?? '', ...kept.extensions].join('');
  const out: Validation[] = [];
  for (const m of xml.matchAll(
    /<(?:[\w.-]+:)?dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?dataValidation>)/g,
  )) {
    const a = attributes(m[1] ?? '');
    const body = m[2] ?? '';
    const inner = (name: string): string | undefined => {
      const f = new RegExp(`<(?:[\\w.-]+:)?${name}>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>`).exec(body)?.[1];
      return f === undefined ? undefined : decodeXml(f.replace(/<\/?(?:[\w.-]+:)?f>/g, ''));
    };
    const sqref = a.get('sqref') ?? inner('sqref') ?? '';
    const type = VALIDATION_TYPES[a.get('type') ?? ''];
    const f1 = inner('formula1');
    const f2 = inner('formula2');
    let rule: ValidationRule;
    if (!type || f1 === undefined) rule = { type: 'None' };
    else if (type === 'List') {
      rule = {
        type,
        source: f1.startsWith('"') ? f1.slice(1, -1) : `=${f1}`,
        inCellDropDown: a.get('showDropDown') !== '1',
      };
    } else if (type === 'Custom') rule = { type, formula: `=${f1}` };
    else {
      const operator = OPERATORS[a.get('operator') ?? 'between'] ?? 'Between';
      const two = operator === 'Between' || operator === 'NotBetween';
      rule =
        two && f2 !== undefined
          ? { type, operator, formula1: `=${f1}`, formula2: `=${f2}` }
          : { type, operator, formula1: `=${f1}` };
    }
    const style = a.get('errorStyle') ?? 'stop';
    out.push({
      id: counter(),
      areas: areasOf(sqref),
      rule,
      errorAlert: {
        ...DEFAULT_ALERT,
        showAlert: a.get('showErrorMessage') === '1' || a.get('showErrorMessage') === 'true',
        style: style.charAt(0).toUpperCase() + style.slice(1),
        title: a.get('errorTitle') ?? '',
        message: a.get('error') ?? '',
      },
      prompt: {
        ...DEFAULT_PROMPT,
        showPrompt: a.get('showInputMessage') === '1' || a.get('showInputMessage') === 'true',
        title: a.get('promptTitle') ?? '',
        message: a.get('prompt') ?? '',
      },
      ignoreBlanks: a.get('allowBlank') === '1' || a.get('allowBlank') === 'true',
    });
  }
  return out;
}

interface ExcelJsConditional {
  ref: string;
  rules: {
    type: string;
    formulae?: unknown[];
    operator?: string;
    style?: Partial<ExcelJS.Style>;
    stopIfTrue?: boolean;
  }[];
}

/** What ExcelJS keeps but does not type (its model as it reads it from the file). */
function internal(o: object, key: string): unknown {
  return Reflect.get(o, key);
}

function conditionalFormatsOf(ws: ExcelJS.Worksheet, nextId: () => string): ConditionalFormat[] {
  const list = (internal(ws, 'conditionalFormattings') as ExcelJsConditional[] | undefined) ?? [];
  const out: ConditionalFormat[] = [];
  for (const cf of list) {
    for (const r of cf.rules) {
      const type = r.type === 'expression' ? 'Custom' : r.type === 'cellIs' ? 'CellValue' : null;
      if (!type) continue;
      const f = (r.formulae ?? []).map((x) => `=${String(x)}`);
      const fill =
        r.style?.fill?.type === 'pattern' ? (color(r.style.fill.bgColor) ?? color(r.style.fill.fgColor)) : null;
      out.push({
        id: nextId(),
        type,
        areas: areasOf(cf.ref),
        stopIfTrue: r.stopIfTrue === true,
        rule: {
          formula: type === 'Custom' ? (f[0] ?? '') : '',
          operator: OPERATORS[r.operator ?? ''] ?? 'Invalid',
          formula1: type === 'CellValue' ? (f[0] ?? '') : '',
          formula2: type === 'CellValue' ? (f[1] ?? '') : '',
        },
        format: {
          fill,
          fontColor: color(r.style?.font?.color),
          bold: r.style?.font?.bold ?? null,
          italic: r.style?.font?.italic ?? null,
          strikethrough: r.style?.font?.strike ?? null,
          underline: null,
          numberFormat: r.style?.numFmt ?? null,
        },
      });
    }
  }
  return out;
}

/** ExcelJS's protection flags name what people may still do (`formatColumns: true` allows it). */
function protectionOf(p: Record<string, unknown> | undefined): ProtectionOptions {
  const allowed = (k: string): boolean => p?.[k] === true;
  return {
    ...DEFAULT_PROTECTION,
    allowFormatCells: allowed('formatCells'),
    allowFormatColumns: allowed('formatColumns'),
    allowFormatRows: allowed('formatRows'),
    allowInsertColumns: allowed('insertColumns'),
    allowInsertRows: allowed('insertRows'),
    allowInsertHyperlinks: allowed('insertHyperlinks'),
    allowDeleteColumns: allowed('deleteColumns'),
    allowDeleteRows: allowed('deleteRows'),
    allowSort: allowed('sort'),
    allowAutoFilter: allowed('autoFilter'),
    allowPivotTables: allowed('pivotTables'),
  };
}

function readSheet(model: WorkbookModel, sheet: Sheet, ws: ExcelJS.Worksheet, styles: Styles): void {
  const date1904 = model.date1904;
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height && internal(row, 'customHeight') !== false) sheet.rowHeights.set(r - 1, row.height);
    // Empty cells too: a blank cell keeps its look (a report's input cells are formatted before anyone fills them).
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = readCell(cell, styles, date1904);
      if (v) model.setCell(sheet, r - 1, c - 1, v);
    });
  });
  const cols = ws.columns ?? [];
  cols.forEach((col, i) => {
    if (col.width !== undefined) sheet.colWidths.set(i, widthPoints(col.width));
    const st = styles.of(col.style);
    if (st) sheet.colStyles.set(i, st);
  });
  for (const m of (internal(ws.model, 'merges') as string[] | undefined) ?? []) {
    const a = parseArea(m);
    if (a) sheet.merges.push(a);
  }
  const view = ws.views?.[0] as (Partial<ExcelJS.WorksheetViewFrozen> & { state?: string }) | undefined;
  if (view?.state === 'frozen') sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
  const argb = (ws.properties.tabColor as Partial<ExcelJS.Color> | undefined)?.argb;
  if (typeof argb === 'string' && argb.length === 8) sheet.tabColor = `#${argb.slice(2).toUpperCase()}`;
  const p = internal(ws, 'sheetProtection') as Record<string, unknown> | undefined;
  if (p?.['sheet'] === true) sheet.protection = { protected: true, options: protectionOf(p), password: null };
}

/** A sim holding the workbook in an .xlsx file. Throws the file adapter's WorkbookFileError for an unreadable file. */
export async function loadSimFromXlsx(data: Buffer | Uint8Array, options: SimOptions = {}): Promise<SimExcel> {
  const { info, workbook, kept } = await loadWorkbook(data, 'write');
  const sim = new SimExcel({ ...options, sheets: [] });
  const model = sim.model;
  model.date1904 = info.date1904;
  const styles = new Styles();
  let vid = 0;
  for (const ps of info.sheets) {
    const ws = workbook.getWorksheet(ps.name);
    const sheet = sim.addSheet(ps.name);
    sheet.visibility = ps.state === 'hidden' ? 'Hidden' : ps.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
    if (!ws) continue;
    readSheet(model, sheet, ws, styles);
    sheet.validations = validationsOf(kept.get(ps.name), () => ++vid);
    sheet.conditionalFormats = conditionalFormatsOf(ws, () => `{${model.nextId('CF-')}}`);
  }
  for (const pt of info.tables) {
    const sheet = model.sheetByName(pt.sheet);
    const area = parseArea(pt.ref);
    if (!sheet || !area) continue;
    const ws = workbook.getWorksheet(pt.sheet);
    const tm = ws ? tableModels(ws).find((t) => tableName(t).toUpperCase() === pt.name.toUpperCase()) : undefined;
    const theme = tm?.style?.theme;
    const table: Table = {
      id: model.nextId(''),
      name: pt.name,
      sheetId: sheet.id,
      area,
      showHeaders: pt.headerRows > 0,
      showTotals: pt.totalsRows > 0,
      style: typeof theme === 'string' ? theme : '',
      showBandedRows: tm?.style?.showRowStripes !== false,
      showBandedColumns: false,
      showFilterButton: pt.autoFilter,
      highlightFirstColumn: false,
      highlightLastColumn: false,
      columns: Array.from({ length: area.right - area.left + 1 }, (_, j) => ({
        id: j + 1,
        name: tm?.columns[j]?.name ?? '',
      })),
      nextColumnId: area.right - area.left + 2,
    };
    model.tables.push(table);
    normalizeTableHeader(model, sheet, table);
  }
  for (const n of internal(workbook.definedNames, 'model') as { name: string; ranges: string[] }[]) {
    if (n.name.startsWith('_xlnm.') || n.ranges.length !== 1) continue;
    const ref = parseRef(n.ranges[0] ?? '');
    const sheet = ref?.sheet !== undefined ? model.sheetByName(ref.sheet) : undefined;
    if (ref && sheet)
      model.names.push({
        name: n.name,
        ref: { sheetId: sheet.id, area: ref.area },
        formula: '',
        comment: '',
        visible: true,
      });
  }
  const views = internal(workbook, 'views') as { activeTab?: number }[] | undefined;
  const active = model.sheets[views?.[0]?.activeTab ?? 0];
  model.activeSheetId =
    (active?.visibility === 'Visible' ? active : model.sheets.find((s) => s.visibility === 'Visible'))?.id ?? null;
  model.takeChanges();
  return sim;
}

/** The sim's workbook as an .xlsx file, written by the file adapter from a WorkbookPlan. */
export async function saveSimToXlsx(sim: SimExcel): Promise<Buffer> {
  return writeWorkbook(planFromSim(sim));
}
