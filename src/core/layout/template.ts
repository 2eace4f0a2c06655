/**
 * The standard workbook as a plan: the registers, one report sheet per active
 * library, the hidden settings and lists. Drop-downs, number and date
 * validation and formats are derived from the standard's schema.
 */
import {
  ENUMS,
  ENUM_NAMES,
  INDICATORS,
  REPORT_COLUMNS,
  REPORT_HEADER_ROW,
  REPORT_INPUT_COLUMNS,
  REPORT_TABLE_PREFIX,
  REPORT_WIDTHS,
  REGISTER_TABLES,
  STANDARD_ID,
  STANDARD_VERSION,
  TABLES,
  type ColumnDef,
  type EnumName,
  type TableDef,
} from '../../standard';
import { translator, type Translator } from '../translator';
import { a1, columnLetters } from '../snapshot';
import { area, type PlanValue, type SheetPlan, type StylePlan, type ValidationPlan, type WorkbookPlan } from '../plan';
import { DATE_FORMAT, DATE_TIME_FORMAT } from '../writes/cells';
import type { ContentRow, ReportSheet, WorkbookContent } from './content';
import { regionName } from '../regions';

/** Rows below a register's last row that carry its validation, so that rows people add are checked as they type. */
export const VALIDATION_ROWS = 2000;
const LISTS_SHEET = '_lists';
const META_SHEET = '_meta';
const IMPORTS_SHEET = '_imports';
const HEADER_FILL = 'DDEBF7';
const INPUT_FILL = 'FFF8E1';
const FORMULA_FILL = 'F2F2F2';

export function templatePlan(content: WorkbookContent): WorkbookPlan {
  const t = translator(content.settings.language);
  const lists = listsSheet(t);
  const sheets: SheetPlan[] = [];
  const rows: Record<string, readonly ContentRow[]> = {
    Territories: content.territories,
    Libraries: content.libraries,
    Events: content.events,
    Training: content.training,
    Visits: content.visits ?? [],
    Publications: content.publications ?? [],
    Participation: content.participation ?? [],
    Studies: content.studies ?? [],
    Submissions: content.submissions,
  };
  for (const name of REGISTER_TABLES) {
    sheets.push(registerSheet(tableOf(name), rows[name] ?? [], t, lists.columnOf, content.settings.year));
  }
  for (const report of content.reports)
    sheets.push(reportSheet(report, t, content.settings.year, content.settings.region));
  sheets.push(lists.sheet, metaSheet(content), importsSheet(content.imports ?? [], t));
  return { sheets, removeSheets: [] };
}

/** The hidden log of imports (section 7), written by the software only. */
export function importsSheet(content: readonly ContentRow[], t: Translator): SheetPlan {
  const def = tableOf('Imports');
  const keys = def.columns.map((c) => c.key);
  const rows: PlanValue[][] = content.map((r) => keys.map((k) => r[k] ?? null));
  if (rows.length === 0) rows.push(keys.map(() => null));
  const styles: StylePlan[] = [];
  def.columns.forEach((col, i) => {
    const fmt = numFmt(col);
    if (fmt) styles.push({ area: area(1, i, rows.length, i), style: { numFmt: fmt } });
  });
  return {
    name: IMPORTS_SHEET,
    visibility: 'hidden',
    columnWidths: def.columns.map((c) => c.width),
    blocks: [],
    tables: [{ name: def.name, top: 0, left: 0, header: keys.map((k) => t.t(`column.${def.name}.${k}`)), rows }],
    styles,
    validations: [],
  };
}

function tableOf(name: string): TableDef {
  return TABLES.find((d) => d.name === name) as TableDef;
}

function listsSheet(t: Translator): { sheet: SheetPlan; columnOf: Map<EnumName, string> } {
  const height = Math.max(...ENUM_NAMES.map((e) => ENUMS[e].length));
  const rows: PlanValue[][] = [];
  for (let r = 0; r < height; r++)
    rows.push(ENUM_NAMES.map((e) => (ENUMS[e][r] ? t.t(`enum.${e}.${ENUMS[e][r]}`) : null)));
  const columnOf = new Map<EnumName, string>();
  ENUM_NAMES.forEach((e, i) => {
    const col = columnLetters(i);
    columnOf.set(e, `=${LISTS_SHEET}!$${col}$2:$${col}$${ENUMS[e].length + 1}`);
  });
  return {
    columnOf,
    sheet: {
      name: LISTS_SHEET,
      visibility: 'hidden',
      columnWidths: ENUM_NAMES.map(() => 30),
      blocks: [],
      tables: [{ name: 'Lists', top: 0, left: 0, header: [...ENUM_NAMES], rows }],
      styles: [],
      validations: [],
    },
  };
}

function metaSheet(content: WorkbookContent): SheetPlan {
  const s = content.settings;
  const rows: PlanValue[][] = [
    ['standard', STANDARD_ID],
    ['version', STANDARD_VERSION],
    ['level', s.level],
    ['region', s.region],
    ['year', String(s.year)],
    ['language', s.language],
  ];
  return {
    name: META_SHEET,
    visibility: 'hidden',
    columnWidths: [16, 40],
    blocks: [],
    tables: [{ name: 'Meta', top: 0, left: 0, header: ['key', 'value'], rows }],
    styles: [],
    validations: [],
  };
}

function numFmt(col: ColumnDef): string | undefined {
  switch (col.type.kind) {
    case 'integer':
      return '#,##0';
    case 'number':
      return '0.0';
    case 'date':
      return DATE_FORMAT;
    case 'datetime':
      return DATE_TIME_FORMAT;
    default:
      return undefined;
  }
}

function validationFor(
  col: ColumnDef,
  table: string,
  t: Translator,
  lists: Map<EnumName, string>,
  year: number,
): Omit<ValidationPlan, 'area'> | null {
  const column = t.t(`column.${table}.${col.key}`);
  const ty = col.type;
  switch (ty.kind) {
    case 'enum':
      return {
        rule: { kind: 'list', source: lists.get(ty.enum) as string },
        errorTitle: column,
        error: t.t('template.validation.list'),
      };
    case 'integer':
      return {
        rule: { kind: 'whole', min: ty.min },
        errorTitle: column,
        error: t.t('template.validation.whole', { min: ty.min }),
      };
    case 'number':
      return {
        rule: { kind: 'decimal', min: ty.exclusiveMin ?? 0, ...(ty.max !== undefined ? { max: ty.max } : {}) },
        errorTitle: column,
        error: t.t('template.validation.decimal', { max: ty.max ?? 100000 }),
      };
    case 'date':
      return ty.withinYear
        ? {
            rule: { kind: 'date', min: Date.UTC(year, 0, 1), max: Date.UTC(year, 11, 31) },
            errorTitle: column,
            error: t.t('template.validation.date', { year }),
          }
        : null;
    case 'text':
      return ty.maxLength
        ? {
            rule: { kind: 'textLength', max: ty.maxLength },
            errorTitle: column,
            error: t.t('template.validation.length', { max: ty.maxLength }),
          }
        : null;
    default:
      return null;
  }
}

function registerSheet(
  def: TableDef,
  content: readonly ContentRow[],
  t: Translator,
  lists: Map<EnumName, string>,
  year: number,
): SheetPlan {
  const keys = def.columns.map((c) => c.key);
  const rows: PlanValue[][] = content.map((r) => keys.map((k) => r[k] ?? null));
  if (rows.length === 0) rows.push(keys.map(() => null));
  const last = rows.length + VALIDATION_ROWS;
  const styles: StylePlan[] = [];
  const validations: ValidationPlan[] = [];
  def.columns.forEach((col, i) => {
    const fmt = numFmt(col);
    if (fmt) styles.push({ area: area(1, i, last, i), style: { numFmt: fmt } });
    const v = validationFor(col, def.name, t, lists, year);
    if (v) validations.push({ area: area(1, i, last, i), ...v });
  });
  return {
    name: t.t(`sheet.${def.sheet}`),
    visibility: 'visible',
    columnWidths: def.columns.map((c) => c.width),
    blocks: [],
    tables: [{ name: def.name, top: 0, left: 0, header: keys.map((k) => t.t(`column.${def.name}.${k}`)), rows }],
    styles,
    validations,
    freeze: { rows: 1, columns: def.keyColumn ? 1 : 0 },
    print: { landscape: true, fitToWidth: true, titleRows: [0, 0] },
  };
}

const COL = Object.fromEntries(REPORT_COLUMNS.map((c, i) => [c, i])) as Record<(typeof REPORT_COLUMNS)[number], number>;

/** The formulas of a report row: the year by aggregation, plan % and change %. Blank stays blank. */
export function reportFormulas(
  agg: 'sum' | 'last' | 'ytd',
  row: number,
): { year: string; plan_pct: string; change_pct: string } {
  const q = (c: 'q1' | 'q2' | 'q3' | 'q4') => a1(row, COL[c]);
  const [q1, q2, q3, q4] = [q('q1'), q('q2'), q('q3'), q('q4')];
  const year = a1(row, COL.year);
  const plan = a1(row, COL.plan);
  const prior = a1(row, COL.prior_year);
  return {
    year:
      agg === 'sum'
        ? `IF(COUNT(${q1}:${q4})=0,"",SUM(${q1}:${q4}))`
        : `IF(ISNUMBER(${q4}),${q4},IF(ISNUMBER(${q3}),${q3},IF(ISNUMBER(${q2}),${q2},IF(ISNUMBER(${q1}),${q1},""))))`,
    plan_pct: `IF(AND(ISNUMBER(${year}),ISNUMBER(${plan})),IF(${plan}=0,"",${year}/${plan}*100),"")`,
    change_pct: `IF(AND(ISNUMBER(${year}),ISNUMBER(${prior})),IF(${prior}=0,"",(${year}-${prior})/${prior}*100),"")`,
  };
}

/**
 * `reportFormulas`, made once for each row: every report sheet has the same
 * formulas, and an import of the republic's oblasts lays out 4,000 sheets,
 * each of whose formulas was a string of its own (built piece by piece, some
 * 1,000 string fragments a sheet). Plans are never changed once made, so the
 * sheets share the values too.
 */
const formulasByRow = new Map<string, Record<keyof ReturnType<typeof reportFormulas>, PlanValue>>();

function sharedReportFormulas(
  agg: 'sum' | 'last' | 'ytd',
  row: number,
): Record<keyof ReturnType<typeof reportFormulas>, PlanValue> {
  const key = `${agg}:${row}`;
  let f = formulasByRow.get(key);
  if (!f) {
    const made = reportFormulas(agg, row);
    f = {
      year: { formula: made.year },
      plan_pct: { formula: made.plan_pct },
      change_pct: { formula: made.change_pct },
    };
    formulasByRow.set(key, f);
  }
  return f;
}

/** The formats of a report sheet: the same on every one (see `sharedReportFormulas`). */
let reportStyles: readonly StylePlan[] | null = null;

function reportSheetStyles(top: number, bottom: number): StylePlan[] {
  const styles: StylePlan[] = [
    { area: area(0, 0), style: { bold: true, size: 14 } },
    { area: area(1, 0), style: { italic: true, color: '595959' } },
  ];
  for (const c of REPORT_INPUT_COLUMNS) {
    styles.push({
      area: area(top + 1, COL[c], bottom, COL[c]),
      style: { locked: false, fill: INPUT_FILL, ...(c === 'note' ? { wrap: true } : { numFmt: '#,##0' }) },
    });
  }
  styles.push({
    area: area(top + 1, COL.year, bottom, COL.year),
    style: { fill: FORMULA_FILL, numFmt: '#,##0', bold: true },
  });
  for (const c of ['plan_pct', 'change_pct'] as const)
    styles.push({ area: area(top + 1, COL[c], bottom, COL[c]), style: { fill: FORMULA_FILL, numFmt: '0.0' } });
  INDICATORS.forEach((ind, i) => {
    if (ind.partOf) styles.push({ area: area(top + 1 + i, COL.indicator), style: { italic: true } });
  });
  return styles;
}

function reportSheet(report: ReportSheet, t: Translator, year: number, region: string): SheetPlan {
  const top = REPORT_HEADER_ROW - 1;
  const rows: PlanValue[][] = INDICATORS.map((ind, i) => {
    const values = report.values?.[ind.code] ?? {};
    const f = sharedReportFormulas(ind.agg, top + 1 + i);
    return REPORT_COLUMNS.map((c): PlanValue => {
      switch (c) {
        case 'code':
          return report.rowEdits?.[ind.code]?.code ?? ind.code;
        case 'indicator':
          return report.rowEdits?.[ind.code]?.indicator ?? t.t(`indicator.${ind.code}`);
        case 'unit':
          return t.t(`unit.${ind.unit}`);
        case 'year':
        case 'plan_pct':
        case 'change_pct':
          return f[c];
        default:
          return values[c] ?? null;
      }
    });
  });
  const bottom = top + INDICATORS.length;
  reportStyles ??= reportSheetStyles(top, bottom);
  const numberCols = ['plan', 'q1', 'q2', 'q3', 'q4', 'prior_year'] as const;
  return {
    name: report.libId,
    visibility: 'visible',
    tabColor: HEADER_FILL,
    columnWidths: REPORT_COLUMNS.map((c) => REPORT_WIDTHS[c]),
    blocks: [
      {
        top: 0,
        left: 0,
        values: [
          [report.name],
          [t.t('template.report_subtitle', { year, region: regionName(region, t), lib: report.libId })],
          [t.t('template.report_hint')],
        ],
      },
    ],
    tables: [
      {
        name: `${REPORT_TABLE_PREFIX}${report.libId}`,
        top,
        left: 0,
        header: REPORT_COLUMNS.map((c) => t.t(`column.Report.${c}`)),
        rows,
      },
    ],
    styles: reportStyles,
    validations: [
      {
        area: area(top + 1, COL[numberCols[0]], bottom, COL.q4),
        rule: { kind: 'whole', min: 0 },
        errorTitle: t.t('template.validation.report_title'),
        error: t.t('template.validation.whole', { min: 0 }),
      },
      {
        area: area(top + 1, COL.prior_year, bottom, COL.prior_year),
        rule: { kind: 'whole', min: 0 },
        errorTitle: t.t('template.validation.report_title'),
        error: t.t('template.validation.whole', { min: 0 }),
      },
    ],
    freeze: { rows: REPORT_HEADER_ROW, columns: 3 },
    protect: true,
    print: { landscape: true, fitToWidth: true, titleRows: [top, top] },
  };
}
