/**
 * How a `WorkbookPlan`'s terms are said in office-js: chart kinds,
 * alignments, column widths, borders, links, validation rules, protection.
 * One translation, used by the adapter (`apply.ts`) and by the in-memory
 * Excel when it builds a workbook from a plan, so that both say the same.
 * String values, not the `Excel.*` enums: those exist at run time only inside
 * Office, not in tests or the playground.
 */
import type { CellStyle, ChartKind, ChartPlan, ValidationPlan } from '../core/plan';
import { PROTECTION as SOFTWARE_PROTECTION } from '../core/writes';

/** How the software protects report sheets (`core/writes`), as office-js takes it. */
export const PROTECTION: Excel.WorksheetProtectionOptions = { ...SOFTWARE_PROTECTION };

export const TABLE_STYLE = 'TableStyleMedium2';

export const CHART_TYPES: Readonly<Record<ChartKind, `${Excel.ChartType}`>> = {
  columnClustered: 'ColumnClustered',
  barClustered: 'BarClustered',
  columnStacked: 'ColumnStacked',
  barStacked: 'BarStacked',
  line: 'Line',
  lineMarkers: 'LineMarkers',
  pie: 'Pie',
};

/** The plan's chart kind of an office-js chart type, or null when a plan has no word for it. */
export function chartKindOf(type: string): ChartKind | null {
  return (Object.keys(CHART_TYPES) as ChartKind[]).find((k) => CHART_TYPES[k] === type) ?? null;
}

/** The orientation is always explicit: "Auto" lays series out differently on the web and the desktop. */
export const seriesByOf = (c: ChartPlan): 'Columns' | 'Rows' => (c.seriesBy === 'columns' ? 'Columns' : 'Rows');

type HAlign = NonNullable<CellStyle['hAlign']>;
type VAlign = NonNullable<CellStyle['vAlign']>;

export const H_ALIGN: Readonly<Record<HAlign, `${Excel.HorizontalAlignment}`>> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};
export const V_ALIGN: Readonly<Record<VAlign, `${Excel.VerticalAlignment}`>> = {
  top: 'Top',
  middle: 'Center',
  bottom: 'Bottom',
};

/** The plan's alignment of an office-js one, or undefined when a plan has no word for it. */
export const hAlignOf = (a: string): HAlign | undefined =>
  (Object.keys(H_ALIGN) as HAlign[]).find((k) => H_ALIGN[k] === a);
export const vAlignOf = (a: string): VAlign | undefined =>
  (Object.keys(V_ALIGN) as VAlign[]).find((k) => V_ALIGN[k] === a);

/** A plan's `border: true`: thin grey lines around and inside the area. */
export const BORDER_EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideHorizontal',
  'InsideVertical',
] as const satisfies readonly `${Excel.BorderIndex}`[];
export const BORDER_COLOR = '#BFBFBF';

/** Excel wants a column width in points; plans and files give characters of the default font. */
export const widthPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
export const widthChars = (points: number): number => Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);

/** A plan's link (`#Sheet!A1` inside the workbook, else a URL) as office-js states it. */
export function hyperlinkOf(link: string, text: string): Excel.RangeHyperlink {
  return link.startsWith('#')
    ? { documentReference: link.slice(1), textToDisplay: text }
    : { address: link, textToDisplay: text };
}

export function ruleOf(v: ValidationPlan): Excel.DataValidationRule {
  const r = v.rule;
  switch (r.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: r.source } };
    case 'whole':
    case 'decimal': {
      const basic: Excel.BasicDataValidation =
        r.max === undefined
          ? { formula1: r.min, operator: 'GreaterThanOrEqualTo' }
          : { formula1: r.min, formula2: r.max, operator: 'Between' };
      return r.kind === 'whole' ? { wholeNumber: basic } : { decimal: basic };
    }
    case 'date':
      return {
        date: {
          formula1: new Date(r.min).toISOString().slice(0, 10),
          formula2: new Date(r.max).toISOString().slice(0, 10),
          operator: 'Between',
        },
      };
    case 'textLength':
      return { textLength: { formula1: r.max, operator: 'LessThanOrEqualTo' } };
  }
}

/** Excel cuts an alert's title at 32 characters and its message at 255. */
export function errorAlertOf(v: ValidationPlan): Excel.DataValidationErrorAlert {
  return { showAlert: true, style: 'Stop', title: v.errorTitle.slice(0, 32), message: v.error.slice(0, 255) };
}
