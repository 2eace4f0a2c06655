/**
 * The Dashboard: native charts a manager reads without the add-in, on a grid
 * that prints as landscape A4 pages, each filled, and to the right of it (outside the
 * print area) the compact tables the charts draw from, so that every chart
 * refers to ranges of a generated sheet and nothing else.
 *
 * Page 1: users, visits, loans / events, change against last year, training.
 * Page 2: plan fulfilment (full width) / events by month and format, events by form.
 * Page 3 (when the workbook records methodological work, version 2): the share
 * of libraries visited / the reach of professional development, by territory.
 * A last page when several workbooks are consolidated: users, visits, loans by workbook.
 */
import { ENUMS } from '../../standard';
import type { Area, ChartPlan, PlanValue, SheetPlan } from '../plan';
import { area } from '../plan';
import { COUNT, LINE_HEIGHT, ONE_DECIMAL, SheetBuilder, wrappedLines } from './builder';
import type { Context } from './context';
import { countedRegisters, leftOutLibraries } from '../consolidate';
import { eventsByMonthAndFormat, ranked } from './dashboard-data';
import { statusCounts } from './submissions';
import { byEnum, byMonth } from './order';
import { barLabels, columnLabels } from './chart-labels';
import { chartText, type ChartFacts } from './chart-text';
import { axisFormat, labelledSeries } from './chart-numbers';
import type { Translator } from '../translator';
import {
  INDICATOR_COLORS,
  PLAN_LINE_COLOR,
  TRAINING_COLOR,
  VISITS_COLOR,
  formatColor,
  indicatorColor,
} from './palette';

export const KEY_INDICATORS = ['U01', 'V01', 'L01', 'E01'] as const;

/** Grid: charts 6 columns wide with narrow gutters, 3 across the page. */
const CHART_COLUMNS = 6;
const GRID_COLUMNS = 3 * CHART_COLUMNS + 2;
const COLUMN_WIDTH = 8.43;
const GUTTER_WIDTH = 2;
const ROW_HEIGHT = 15;
const TITLE_HEIGHT = 21;
/** Rows 0-3: title and provenance; row 4: blank. */
const HEAD_ROWS = 5;
const SMALL_BAND = 14;
const PAGE_1_ROWS = HEAD_ROWS + SMALL_BAND + 1 + SMALL_BAND;
const WIDE_BAND = 15;
const LOW_BAND = 16;
/**
 * Every later page starts with a blank row under the repeated title and holds two bands, or one band as
 * tall as both: each page is as tall as the first, which fills the printed page (see dashboardSheet).
 */
const PAGE_ROWS = 1 + WIDE_BAND + 1 + LOW_BAND;
const FULL_BAND = PAGE_ROWS - 1;
/** More bars than this would not be legible in a chart of the grid (a national network has hundreds of districts). */
const MAX_CATEGORIES = 20;
/**
 * The last rows of each chart's slot hold its alternative text, wrapped: office-js gives charts none, so
 * a screen reader on the sheet reads it there; inside the slot, it prints with the chart and never
 * overlaps the next one. As many rows as the longest text of the band needs (the charts of a band keep
 * one height), and no more: a row left blank under the last band is a row of the page left empty.
 */
const NOTE_SIZE = 8;
const NOTE_STYLE = { size: NOTE_SIZE, color: '404040' } as const;
/** Points above a bar chart's plot: a title of two lines (0.17 of a chart of 14 rows, as before the notes). */
const TITLE_ROOM = 42;
/** The data tables start two columns right of the grid. */
const DATA_LEFT = GRID_COLUMNS + 1;

const columnWidth = (i: number): number => (i % (CHART_COLUMNS + 1) === CHART_COLUMNS ? GUTTER_WIDTH : COLUMN_WIDTH);
/** Left column of the n-th (0-based) of three charts across. */
const across = (n: number): number => n * (CHART_COLUMNS + 1);
const slot = (top: number, rows: number, left: number, columns: number): Area =>
  area(top, left, top + rows - 1, left + columns - 1);

export function dashboardSheet(ctx: Context): SheetPlan {
  const { t } = ctx;
  const b = ctx.sheet('sheet.Dashboard', 'dashboard.title', GRID_COLUMNS, 9);
  const name = b.name;
  // The row under the provenance, blank otherwise: the reports' statuses, in the header's small type.
  b.line([statusCounts(ctx.c, t)], { italic: true, color: '595959', size: 9 }, GRID_COLUMNS - 1);

  const band1 = HEAD_ROWS;
  const band2 = band1 + SMALL_BAND + 1;
  const page2 = PAGE_1_ROWS;
  const band3 = page2 + 1 + WIDE_BAND + 1;
  const data = new DataSection(b, name, t);

  KEY_INDICATORS.slice(0, 3).forEach((code, i) =>
    keyIndicatorChart(ctx, data, code, slot(band1, SMALL_BAND, across(i), CHART_COLUMNS)),
  );
  keyIndicatorChart(ctx, data, 'E01', slot(band2, SMALL_BAND, across(0), CHART_COLUMNS));
  changeChart(ctx, data, slot(band2, SMALL_BAND, across(1), CHART_COLUMNS));
  trainingChart(ctx, data, slot(band2, SMALL_BAND, across(2), CHART_COLUMNS));
  planChart(ctx, data, slot(page2 + 1, WIDE_BAND, 0, GRID_COLUMNS));
  eventsByMonthChart(ctx, data, slot(band3, LOW_BAND, 0, 2 * CHART_COLUMNS + 1));
  eventsByFormChart(ctx, data, slot(band3, LOW_BAND, across(2), CHART_COLUMNS));
  // A version 1 workbook (no visits, no reach recorded) keeps its two pages.
  const page3 = PAGE_1_ROWS + PAGE_ROWS;
  const method = ctx.c.method.visits.count > 0 || (ctx.c.events.pd.territories_reached ?? 0) > 0;
  if (method) methodCharts(ctx, data, page3 + 1);
  // Several workbooks consolidated together: a last page compares them.
  const bySource = (ctx.input.sources?.length ?? 0) > 0;
  const pageOfSources = page3 + (method ? PAGE_ROWS : 0);
  if (bySource) sourceCharts(ctx, data, pageOfSources + 1);
  const rows = pageOfSources + (bySource ? PAGE_ROWS : 0);
  data.place();

  // Every row of the grid has a fixed height, so that nothing (a taller title, a wrapped note, a program
  // that fits rows to their text) changes the charts' size or moves page 2.
  b.rowHeights = Array.from({ length: rows }, (_, i) => (i === 0 ? TITLE_HEIGHT : ROW_HEIGHT));
  const widths = Array.from({ length: GRID_COLUMNS }, (_, i) => columnWidth(i));
  // Printing fits the grid to the page's width, with a manual break before each page (Excel and LibreOffice
  // keep manual breaks under "fit to 1 page wide by [blank] tall"). Every page is a 21 pt title and 33 rows
  // of 15 pt, 516 pt, and the grid is 1,090 px wide in Excel's Calibri 11 (a width of 8.43 is 59 px, its
  // 5 px of padding included), 817.5 pt: printed at 90 % to fit the 741 pt between the default margins, a
  // page is 95 % of the 487 pt of A4 landscape's printable height. A row more would leave no room for
  // Excel's rounding; LibreOffice, which counts widths in digits without the padding, prints the grid
  // 6 % smaller with Calibri's metrics (91 % of the height) and smaller still with wider fonts, never
  // spilling onto one page more.
  return b.build([...widths, 3, 36, ...Array<number>(5).fill(16)], 'none', {
    area: area(0, 0, rows - 1, GRID_COLUMNS - 1),
    rowBreaks: [page2, ...(method ? [page3] : []), ...(bySource ? [pageOfSources] : [])],
    titleRows: [0, 0],
  });
}

/**
 * The chart data tables, stacked top down right of the grid. A chart is only
 * added when its table has rows: an empty range would make an empty chart
 * (and office-js refuses a one-row source).
 */
class DataSection {
  private started = false;
  /** The charts added, placed on the grid once all are known (see place). */
  private readonly charts: { chart: Omit<ChartPlan, 'dataSheet' | 'data'>; data: Area; rows: PlanValue[][] }[] = [];
  constructor(
    private readonly b: SheetBuilder,
    private readonly sheet: string,
    private readonly t: Translator,
  ) {}

  add(
    caption: string,
    header: string[],
    rows: PlanValue[][],
    formats: Record<number, string>,
    chart: Omit<ChartPlan, 'dataSheet' | 'data'>,
    facts: Partial<ChartFacts> = {},
  ): void {
    const { b, t } = this;
    if (!this.started) {
      b.moveTo(0, DATA_LEFT);
      b.line([t.t('dashboard.data_title')], { bold: true, size: 12 });
      b.line([t.t('dashboard.data_note')], { italic: true, color: '595959' });
      b.gap();
      this.started = true;
    }
    if (rows.length === 0) return;
    b.line([caption], { bold: true });
    const table = b.table(header, rows, formats, false, false);
    b.gap();
    // The table keeps every row; a chart of a large network shows the first MAX_CATEGORIES and says so.
    const cut = chart.seriesBy === 'columns' && rows.length > MAX_CATEGORIES;
    const data = cut ? { ...table, bottom: table.top + MAX_CATEGORIES } : table;
    const title = cut
      ? `${chart.title} (${t.t('dashboard.first_of', { shown: MAX_CATEGORIES, total: rows.length })})`
      : chart.title;
    // Every category is described, those the chart leaves out too: the text is not limited by legibility.
    const points =
      facts.points ?? rows.map((r) => [String(r[0] ?? ''), typeof r[1] === 'number' ? r[1] : null] as const);
    const altText = chartText(t, title, { ...facts, points });
    const shown = rows.slice(0, data.bottom - data.top);
    this.charts.push({
      chart: {
        ...chart,
        title,
        altText,
        ...(chart.dataLabels
          ? { series: labelledSeries(t, shown, header.length - 1, formats, chart.seriesBy, chart.series) }
          : {}),
        ...(chart.valueAxis?.hidden ? {} : { valueAxis: { ...chart.valueAxis, format: axisFormat(t) } }),
      },
      data,
      rows: shown,
    });
  }

  /** Each chart in its slot (`position` as added) over its note, the charts of a band over its longest note. */
  place(): void {
    for (const { chart, data, rows } of this.charts) {
      const p = chart.position;
      const band = this.charts.filter((o) => o.chart.position.top === p.top);
      const notes = Math.max(...band.map((o) => noteRows(o.chart.position, o.chart.altText ?? '')));
      const position = { ...p, bottom: p.bottom - notes };
      this.b.chart({
        ...chart,
        position,
        dataSheet: this.sheet,
        data,
        categoryLabels: labelRoom({ ...chart, position }, rows),
      });
      this.b.text(area(position.bottom + 1, p.left, p.bottom, p.right), chart.altText ?? '', NOTE_STYLE);
    }
  }
}

/** The rows of a chart's note, by its slot's width and the text wrapped at the note's size. */
function noteRows(slot: Area, text: string): number {
  let width = 0;
  for (let i = slot.left; i <= slot.right; i++) width += columnWidth(i);
  // The estimate counts characters of 11 pt text: at a smaller size more of them fit, in lower lines.
  const lines = wrappedLines(text, (width * 11) / NOTE_SIZE);
  return Math.max(1, Math.ceil((lines * LINE_HEIGHT * NOTE_SIZE) / 11 / ROW_HEIGHT));
}

/** Room for a chart's category labels (the first column of its rows), by its kind and width. */
function labelRoom(
  chart: Omit<ChartPlan, 'dataSheet' | 'data'>,
  rows: readonly PlanValue[][],
): ChartPlan['categoryLabels'] {
  if (chart.seriesBy !== 'columns') return undefined;
  const labels = rows.map((r) => (typeof r[0] === 'string' ? r[0] : ''));
  const columns = chart.position.right - chart.position.left + 1;
  const height = (chart.position.bottom - chart.position.top + 1) * ROW_HEIGHT;
  if (chart.kind === 'barClustered' || chart.kind === 'barStacked') {
    const room = barLabels(labels, columns);
    return room && { ...room, top: Math.round((TITLE_ROOM / height) * 1000) / 1000 };
  }
  if (chart.kind === 'columnClustered' || chart.kind === 'columnStacked') return columnLabels(labels, columns);
  return undefined;
}

function keyIndicatorChart(ctx: Context, data: DataSection, code: string, position: Area): void {
  const { t, c } = ctx;
  const value = (terr: string) => c.byTerritory[terr]?.[code]?.year ?? null;
  const order = ranked(c.territoryOrder, value);
  const indicator = t.t(`indicator.${code}`);
  const total = c.indicators[code]?.year ?? null;
  data.add(
    indicator,
    [t.t('generated.territory'), indicator],
    order.map((terr) => [ctx.nameOf(terr), value(terr)]),
    { 1: COUNT },
    {
      name: `Kitaphana_${code}`,
      kind: 'barClustered',
      title:
        total === null
          ? t.t('dashboard.by_territory', { indicator })
          : t.t('dashboard.by_territory_total', { indicator, total: t.number(total) }),
      seriesBy: 'columns',
      position,
      dataLabels: true,
      reverseCategories: true,
      valueAxis: { hidden: true },
      series: [{ color: indicatorColor(code) }],
    },
    { total },
  );
}

function changeChart(ctx: Context, data: DataSection, position: Area): void {
  const { t, c } = ctx;
  const year = c.year ?? '';
  const prior = typeof c.year === 'number' ? c.year - 1 : '';
  // Series by rows: one series (and one colour) per indicator, as on every other chart.
  data.add(
    t.t('dashboard.change_title', { prior }),
    [t.t('column.Report.indicator'), t.t('dashboard.change_category', { year, prior })],
    KEY_INDICATORS.map((code) => [t.t(`indicator.${code}`), c.indicators[code]?.change_pct ?? null]),
    { 1: ONE_DECIMAL },
    {
      name: 'Kitaphana_Change',
      kind: 'columnClustered',
      title: t.t('dashboard.change_title', { prior }),
      seriesBy: 'rows',
      position,
      dataLabels: true,
      valueAxis: { hidden: true },
      series: KEY_INDICATORS.map((code) => ({ color: indicatorColor(code) })),
    },
    { percent: true, change: true },
  );
}

function trainingChart(ctx: Context, data: DataSection, position: Area): void {
  const { t, c } = ctx;
  const value = (terr: string) => c.training.by_territory[terr]?.staff_trained_pct ?? null;
  const total = c.training.staff_trained_pct;
  data.add(
    t.t('generated.staff_trained_pct'),
    [t.t('generated.territory'), t.t('generated.staff_trained_pct')],
    // Without the Training register coverage is unknown: no table, so no chart of empty bars.
    c.training.persons === null ? [] : ranked(c.territoryOrder, value).map((terr) => [ctx.nameOf(terr), value(terr)]),
    { 1: ONE_DECIMAL },
    {
      name: 'Kitaphana_Training',
      kind: 'barClustered',
      title:
        total === null
          ? t.t('dashboard.training_title')
          : t.t('dashboard.training_title_total', { total: t.number(total, 1) }),
      seriesBy: 'columns',
      position,
      dataLabels: true,
      reverseCategories: true,
      valueAxis: { hidden: true },
      series: [{ color: TRAINING_COLOR }],
    },
    { total, percent: true },
  );
}

function planChart(ctx: Context, data: DataSection, position: Area): void {
  const { t, c } = ctx;
  const line = t.t('dashboard.plan_line');
  const pct = (terr: string, code: string) => c.byTerritory[terr]?.[code]?.plan_pct ?? null;
  const values = c.territoryOrder.flatMap((terr) => KEY_INDICATORS.map((code) => pct(terr, code)));
  data.add(
    t.t('dashboard.plan_title'),
    [t.t('generated.territory'), ...KEY_INDICATORS.map((code) => t.t(`indicator.${code}`)), line],
    c.territoryOrder.map((terr) => [ctx.nameOf(terr), ...KEY_INDICATORS.map((code) => pct(terr, code)), 100]),
    { 1: ONE_DECIMAL, 2: ONE_DECIMAL, 3: ONE_DECIMAL, 4: ONE_DECIMAL, 5: ONE_DECIMAL },
    {
      name: 'Kitaphana_Plan',
      kind: 'columnClustered',
      title: t.t('dashboard.plan_title'),
      seriesBy: 'columns',
      position,
      valueTitle: '%',
      valueAxis: { min: planAxisMin(values) },
      series: [
        ...KEY_INDICATORS.map((code) => ({ color: INDICATOR_COLORS[code] ?? '' })),
        { color: PLAN_LINE_COLOR, asLine: true },
      ],
    },
    {
      percent: true,
      points: c.territoryOrder.flatMap((terr) =>
        KEY_INDICATORS.map((code) => [`${ctx.nameOf(terr)}, ${t.t(`indicator.${code}`)}`, pct(terr, code)] as const),
      ),
    },
  );
}

/**
 * Where the plan chart's value axis starts: plan % clusters around 100, and
 * from zero every bar would look the same. The axis starts at a round ten
 * below the lowest value (and at zero when something is far below plan), its
 * labels saying so; the 100 % line is the reference a reader compares with.
 */
export function planAxisMin(values: readonly (number | null)[]): number {
  const low = Math.min(100, ...values.filter((v): v is number => v !== null));
  return low < 60 ? 0 : Math.floor((low - 5) / 10) * 10;
}

function eventsByMonthChart(ctx: Context, data: DataSection, position: Area): void {
  const { t, c } = ctx;
  // The events the consolidation counted: those of the libraries left out are not in its totals either.
  const counted = countedRegisters(ctx.input.validation, leftOutLibraries(c.libraries)).workbook;
  const counts = eventsByMonthAndFormat(counted);
  const formats = ENUMS.event_format;
  data.add(
    t.t('dashboard.events_month_title'),
    [t.t('generated.month'), ...formats.map((f) => t.t(`enum.event_format.${f}`))],
    // Without the Events register the months are unknown, not empty: no table, so no chart.
    c.events.count === null
      ? []
      : byMonth<Record<string, number>>(counts, {}).map(([m, byFormat]) => [
          t.month(m, 'short'),
          ...formats.map((f) => byFormat[f] ?? 0),
        ]),
    Object.fromEntries(formats.map((_, i) => [i + 1, COUNT])),
    {
      name: 'Kitaphana_EventsByMonth',
      kind: 'columnStacked',
      title: t.t('dashboard.events_month_title_total', { total: t.number(c.events.count ?? 0) }),
      seriesBy: 'columns',
      position,
      valueTitle: t.t('dashboard.events_axis'),
      series: formats.map((f) => ({ color: formatColor(f) })),
    },
    {
      total: c.events.count,
      points: byMonth<Record<string, number>>(counts, {}).map(
        ([m, byFormat]) => [t.month(m), Object.values(byFormat).reduce((a, n) => a + n, 0)] as const,
      ),
    },
  );
}

function eventsByFormChart(ctx: Context, data: DataSection, position: Area): void {
  const { t, c } = ctx;
  const all = byEnum('event_form', c.events.by_form, { count: 0, participants: 0 });
  // Forms nobody used would be a column of zeros; with no events at all, every form is shown.
  const used = all.some(([, v]) => v.count > 0) ? all.filter(([, v]) => v.count > 0) : all;
  data.add(
    t.t('dashboard.events_form_title'),
    [t.t('column.Events.form'), t.t('generated.events_count')],
    ranked(used, ([, v]) => v.count).map(([k, v]) => [t.t(`enum.event_form.${k}`), v.count]),
    { 1: COUNT },
    {
      name: 'Kitaphana_EventsByForm',
      kind: 'barClustered',
      title: t.t('dashboard.events_form_title'),
      seriesBy: 'columns',
      position,
      dataLabels: true,
      reverseCategories: true,
      valueAxis: { hidden: true },
      series: [{ color: indicatorColor('E01') }],
    },
    { total: c.events.count },
  );
}

/** Page 3: the share of libraries visited, and under it the reach of professional development, each as wide as the grid. */
function methodCharts(ctx: Context, data: DataSection, top: number): void {
  const { t, c } = ctx;
  const visits = c.method.visits;
  const share = (terr: string) => {
    const v = visits.by_territory[terr];
    return v && v.libraries > 0 ? (v.visited / v.libraries) * 100 : null;
  };
  const total = visits.libraries_visited_pct;
  const title = t.t('dashboard.visited_title');
  data.add(
    title,
    [t.t('generated.territory'), t.t('generated.libraries_visited_pct')],
    ranked(
      c.territoryOrder.filter((terr) => share(terr) !== null),
      share,
    ).map((terr) => [ctx.nameOf(terr), share(terr)]),
    { 1: ONE_DECIMAL },
    {
      name: 'Kitaphana_Visited',
      kind: 'barClustered',
      title: total === null ? title : t.t('dashboard.visited_title_total', { total: t.number(total, 1) }),
      seriesBy: 'columns',
      position: slot(top, WIDE_BAND, 0, GRID_COLUMNS),
      dataLabels: true,
      reverseCategories: true,
      valueAxis: { hidden: true },
      series: [{ color: VISITS_COLOR }],
    },
    { total, percent: true },
  );
  const reach = (terr: string) => c.events.pd.reach[terr] ?? 0;
  data.add(
    t.t('dashboard.reach_title'),
    [t.t('generated.territory'), t.t('generated.pd_reach')],
    ranked(c.territoryOrder, reach).map((terr) => [ctx.nameOf(terr), reach(terr)]),
    { 1: COUNT },
    {
      name: 'Kitaphana_PdReach',
      kind: 'columnClustered',
      title: t.t('dashboard.reach_title'),
      seriesBy: 'columns',
      position: slot(top + WIDE_BAND + 1, LOW_BAND, 0, GRID_COLUMNS),
      dataLabels: true,
      valueTitle: t.t('dashboard.reach_axis'),
      series: [{ color: TRAINING_COLOR }],
    },
  );
}

/** The page of several workbooks consolidated together: users, visits and loans by workbook. */
function sourceCharts(ctx: Context, data: DataSection, top: number): void {
  const { t } = ctx;
  const sources = ctx.input.sources ?? [];
  KEY_INDICATORS.slice(0, 3).forEach((code, i) => {
    const value = (s: (typeof sources)[number]) => s.consolidation.indicators[code]?.year ?? null;
    const indicator = t.t(`indicator.${code}`);
    data.add(
      t.t('many.chart', { indicator }),
      [t.t('many.source'), indicator],
      ranked(sources, value).map((s) => [s.key, value(s)]),
      { 1: COUNT },
      {
        name: `Kitaphana_Source_${code}`,
        kind: 'barClustered',
        title: t.t('many.chart', { indicator }),
        seriesBy: 'columns',
        position: slot(top, FULL_BAND, across(i), CHART_COLUMNS),
        dataLabels: true,
        reverseCategories: true,
        valueAxis: { hidden: true },
        series: [{ color: indicatorColor(code) }],
      },
    );
  });
}
