/**
 * Native charts for the plan's sheets, added to the package ExcelJS has
 * written (ExcelJS 4.4 cannot write charts): per sheet one drawing part
 * (`xl/drawings/drawingN.xml`) anchoring one chart part per chart
 * (`xl/charts/chartN.xml`), their relationships and content types. Part
 * numbers are the first free ones, so they never clash with what ExcelJS or
 * the kept drawings of the user's sheets hold.
 */
import type { Area, ChartPlan, SheetPlan, WorkbookPlan } from '../core/plan';
import { chartXml, NS_CHART, NS_DRAWING, NS_RELATIONSHIPS } from './chart-xml';
import { WorkbookWriteError } from './errors';
import type { WorkbookSheet } from './workbook-part';
import type { ZipPackage } from './zip-package';
import {
  CONTENT_TYPES_PART,
  ContentTypes,
  REL_CHART,
  TYPE_CHART,
  TYPE_DRAWING,
  attachDrawing,
  freshPart,
  hasDrawing,
  relativeTarget,
} from './parts';
import { planCells, type PlanCells } from './plan-cells';
import { encodeXml } from './xml';

const NS_SPREADSHEET_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

export function planHasCharts(plan: WorkbookPlan): boolean {
  return plan.sheets.some((s) => (s.charts?.length ?? 0) > 0);
}

function marker(tag: 'from' | 'to', row: number, col: number): string {
  return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

const EMU_PER_PIXEL = 9525;
const DEFAULT_COLUMN_WIDTH = 8.43;
const DEFAULT_ROW_HEIGHT = 15;

/** A column's width in pixels as Excel computes it for its default font (Calibri 11: digits 7 pixels wide). */
const columnPixels = (width: number) => Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);

/**
 * The chart's offset and size in EMU from the sheet's column widths and row heights, as Excel writes
 * them: Excel places a two-cell anchor by its cells, and this frame is there for readers that want one.
 */
function frame(sheet: SheetPlan, p: Area): { x: number; y: number; cx: number; cy: number } {
  const col = (i: number) => columnPixels(sheet.columnWidths[i] || DEFAULT_COLUMN_WIDTH);
  const row = (i: number) => ((sheet.rowHeights?.[i] || DEFAULT_ROW_HEIGHT) * 96) / 72;
  const sum = (from: number, to: number, size: (i: number) => number) => {
    let total = 0;
    for (let i = from; i < to; i++) total += size(i);
    return Math.round(total * EMU_PER_PIXEL);
  };
  return {
    x: sum(0, p.left, col),
    y: sum(0, p.top, row),
    cx: sum(p.left, p.right + 1, col),
    cy: sum(p.top, p.bottom + 1, row),
  };
}

/** One anchor: the chart covers its position's cells, from the top-left cell to the bottom-right one inclusive. */
function anchorXml(sheet: SheetPlan, chart: ChartPlan, id: number, relId: string): string {
  const p = chart.position;
  const f = frame(sheet, p);
  return (
    `<xdr:twoCellAnchor>${marker('from', p.top, p.left)}${marker('to', p.bottom + 1, p.right + 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>` +
    `<xdr:cNvPr id="${id}" name="${encodeXml(chart.name)}" descr="${encodeXml(chart.altText ?? chart.title)}"/>` +
    `<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="${f.x}" y="${f.y}"/><a:ext cx="${f.cx}" cy="${f.cy}"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_RELATIONSHIPS}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function checkChart(chart: ChartPlan, sheets: ReadonlySet<string>, where: string): void {
  const areas = [chart.position, chart.data];
  const ok = areas.every(
    (a) =>
      [a.top, a.left, a.bottom, a.right].every((n) => Number.isInteger(n) && n >= 0) &&
      a.top <= a.bottom &&
      a.left <= a.right,
  );
  if (!ok) throw new WorkbookWriteError('bad_plan', `${where}: chart ${chart.name} has an area that is not one`);
  if (!sheets.has(chart.dataSheet.toUpperCase())) {
    throw new WorkbookWriteError(
      'bad_plan',
      `${where}: chart ${chart.name} draws from "${chart.dataSheet}", not a sheet`,
    );
  }
}

export function addCharts(
  pkg: ZipPackage,
  sheets: readonly WorkbookSheet[],
  plan: WorkbookPlan,
  date1904: boolean,
): void {
  if (!planHasCharts(plan)) return;
  const types = ContentTypes.fromXml(pkg.text(CONTENT_TYPES_PART) ?? '');
  const taken = new Set<string>();
  const names = new Set(sheets.map((s) => s.name.toUpperCase()));
  // Only the sheets charts draw from are indexed (the Issues sheet of a large network is big).
  const cellsByName = new Map<string, PlanCells | null>();
  const cellsOf = (name: string): PlanCells | null => {
    const key = name.toUpperCase();
    if (!cellsByName.has(key)) {
      const sheet = plan.sheets.find((s) => s.name.toUpperCase() === key);
      cellsByName.set(key, sheet ? planCells(sheet) : null);
    }
    return cellsByName.get(key) ?? null;
  };
  const chartNames = new Set<string>();
  for (const sheet of plan.sheets) {
    const charts = sheet.charts ?? [];
    if (charts.length === 0) continue;
    const where = `sheet "${sheet.name}"`;
    const part = sheets.find((s) => s.name === sheet.name)?.part;
    if (!part) throw new WorkbookWriteError('bad_plan', `${where}: the written package has no such sheet`);
    if (hasDrawing(pkg.text(part) ?? '')) {
      throw new WorkbookWriteError('bad_plan', `${where}: the sheet already has a drawing`);
    }
    const drawing = freshPart(pkg, 'xl/drawings', 'drawing', 'xml', taken);
    const rels: { id: string; type: string; target: string; external: boolean }[] = [];
    const anchors = charts.map((chart, i) => {
      checkChart(chart, names, where);
      if (chartNames.has(chart.name)) throw new WorkbookWriteError('bad_plan', `chart name ${chart.name} is repeated`);
      chartNames.add(chart.name);
      const chartPart = freshPart(pkg, 'xl/charts', 'chart', 'xml', taken);
      const cells = cellsOf(chart.dataSheet);
      pkg.setText(chartPart, chartXml(chart, chart.dataSheet, cells, date1904));
      types.override(chartPart, TYPE_CHART);
      const relId = `rId${i + 1}`;
      rels.push({ id: relId, type: REL_CHART, target: relativeTarget(drawing, chartPart), external: false });
      return anchorXml(sheet, chart, i + 2, relId);
    });
    pkg.setText(
      drawing,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<xdr:wsDr xmlns:xdr="${NS_SPREADSHEET_DRAWING}" xmlns:a="${NS_DRAWING}">${anchors.join('')}</xdr:wsDr>`,
    );
    pkg.setRelationships(drawing, rels);
    types.override(drawing, TYPE_DRAWING);
    attachDrawing(pkg, part, drawing);
  }
  types.save(pkg);
}
