/**
 * The generated sheets of section 4 (the Dashboard, the analytical Note,
 * Summary, SummaryByType, EventsSummary, TrainingSummary, MethodSummary,
 * Issues) as a plan. They are rebuilt from
 * scratch on every run; the previous ones, found by their name in any of the
 * three languages, are removed first. No personal data is ever laid out here:
 * training appears only as counts by territory.
 */
import {
  CONSOLIDATION_SHEETS,
  ENUMS,
  INDICATORS,
  LANGUAGES,
  RATIOS,
  type EnumName,
  type Indicator,
} from '../../standard';
import { translator } from '../translator';
import { columnLabel, tableLabel } from '../table-labels';
import type { CountAndParticipants, IndicatorTotals, Totals, TrainingTotals } from '../consolidate';
import type { PlanValue, SheetPlan, WorkbookPlan } from '../plan';
import { area } from '../plan';
import { COUNT, ONE_DECIMAL, SheetBuilder } from './builder';
import { Context, type GeneratedInput } from './context';
import { dashboardSheet } from './dashboard';
import { noteSheet } from './note';
import { eventsV2Section, methodSheet } from './method';
import { changeMark, planMark } from './palette';
import { statusLine } from './submissions';
import { byEnum, byMonth } from './order';
import { bySourceSection, issuePlace } from './by-source';

export type { GeneratedInput } from './context';

/** Every name a generated sheet may have had, in any language. */
export function generatedSheetNames(): Set<string> {
  const names = new Set<string>(FORMER_SHEET_NAMES.map((n) => n.toUpperCase()));
  for (const lang of LANGUAGES) {
    const t = translator(lang);
    for (const s of CONSOLIDATION_SHEETS) names.add(t.t(`sheet.${s}`).toUpperCase());
  }
  return names;
}

/**
 * Names generated sheets had before the glossary (src/i18n/glossary.ts) gave
 * findings one word: a workbook consolidated then still has them, and the
 * next run replaces them rather than leaving a stale copy beside the new one.
 */
const FORMER_SHEET_NAMES = ['Issues', 'Ескертулер'];

export function generatedPlan(input: GeneratedInput): WorkbookPlan {
  const t = translator(input.language);
  const known = generatedSheetNames();
  const removeSheets = input.existingSheets.filter((s) => known.has(s.toUpperCase()));
  const ctx = new Context(input, t);
  // The note needs the reporting year; a consolidation without one has no note (and says so in Issues).
  const note = noteSheet(ctx);
  return {
    removeSheets,
    sheets: [
      dashboardSheet(ctx),
      ...(note ? [note] : []),
      summarySheet(ctx),
      byTypeSheet(ctx),
      eventsSheet(ctx),
      trainingSheet(ctx),
      methodSheet(ctx),
      issuesSheet(ctx),
    ],
  };
}

const TOTAL_COLUMNS = ['plan', 'q1', 'q2', 'q3', 'q4', 'year', 'plan_pct', 'prior_year', 'change_pct'] as const;
/** Columns of the totals tables (code, indicator, unit, then TOTAL_COLUMNS), 0-based. */
const YEAR_COL = 8;
const PLAN_PCT_COL = 9;
const CHANGE_PCT_COL = 11;
const TOTALS_FORMATS = {
  3: COUNT,
  4: COUNT,
  5: COUNT,
  6: COUNT,
  7: COUNT,
  8: COUNT,
  9: ONE_DECIMAL,
  10: COUNT,
  11: ONE_DECIMAL,
};
/** Summary: code, names (territories and indicators), then figures. */
const SUMMARY_WIDTHS = [10, 42, 12, ...Array<number>(9).fill(13)];

function totalsRow(x: Totals | undefined): PlanValue[] {
  return TOTAL_COLUMNS.map((k) => x?.[k] ?? null);
}

/**
 * One indicator per row with plan, quarters, year, prior year, plan % and
 * change %: the network's totals, and each territory's. Plan % and change %
 * carry their marks.
 */
function totalsTable(ctx: Context, b: SheetBuilder, totals: IndicatorTotals, freeze: boolean): void {
  const { t } = ctx;
  const header = ['code', 'indicator', 'unit', ...TOTAL_COLUMNS].map((k) => t.t(`column.Report.${k}`));
  const rows = INDICATORS.map((ind) => [
    ind.code,
    t.t(`indicator.${ind.code}`),
    t.t(`unit.${ind.unit}`),
    ...totalsRow(totals[ind.code]),
  ]);
  const a = b.table(header, rows, TOTALS_FORMATS, freeze);
  b.wrapColumn(a, 1, rows);
  b.style(area(a.top + 1, YEAR_COL, a.bottom, YEAR_COL), { bold: true });
  INDICATORS.forEach((ind, i) => {
    b.mark(a.top + 1 + i, PLAN_PCT_COL, planMark(totals[ind.code]?.plan_pct));
    b.mark(a.top + 1 + i, CHANGE_PCT_COL, changeMark(totals[ind.code]?.change_pct));
  });
}

/** The indicators in the groups of section 2 (users, visits, loans, collection, events, staff, technology). */
function indicatorGroups(): [string, Indicator[]][] {
  const groups = new Map<string, Indicator[]>();
  for (const ind of INDICATORS) {
    const key = ind.code.slice(0, 1);
    groups.set(key, [...(groups.get(key) ?? []), ind]);
  }
  return [...groups];
}

function summarySheet(ctx: Context): SheetPlan {
  const { t, c } = ctx;
  const b = ctx.sheet('sheet.Summary', 'generated.summary_title', SUMMARY_WIDTHS.length);
  const statuses = statusLine(c, t);
  b.fit(b.nextRow, b.left, statuses, SUMMARY_WIDTHS.length);
  b.line([statuses], { italic: true, color: '595959', wrap: true, vAlign: 'top' }, SUMMARY_WIDTHS.length - 1);
  ctx.legend(b, 1, 2);
  b.gap();
  b.line([t.t('generated.network_totals')], { bold: true, size: 12 });
  totalsTable(ctx, b, c.indicators, false);
  b.gap();
  bySourceSection(ctx, b, indicatorGroups());

  // The 26 indicators by territory would be one table too wide to read or print: one block per group.
  b.line([t.t('generated.by_territory')], { bold: true, size: 12 });
  for (const [group, inds] of indicatorGroups()) {
    b.line([null, t.t(`generated.group.${group}`)], { bold: true, italic: true });
    const codes = inds.map((i) => i.code);
    const rows = ctx.territoryRows((code) => codes.map((k) => c.byTerritory[code]?.[k]?.year ?? null));
    rows.push(['', t.t('generated.total'), ...codes.map((k) => c.indicators[k]?.year ?? null)]);
    const a = b.table(
      [
        t.t('column.Territories.terr_code'),
        t.t('generated.territory'),
        ...codes.map((k) => `${k} ${t.t(`indicator.${k}`)}`),
      ],
      rows,
      Object.fromEntries(codes.map((_, i) => [i + 2, COUNT])),
    );
    b.style(area(a.bottom, 0, a.bottom, a.right), { bold: true });
    b.gap();
  }

  b.line([t.t('generated.ratios')], { bold: true, size: 12 });
  const ratioRows = ctx.territoryRows((code) => RATIOS.map((r) => c.ratiosByTerritory[code]?.[r.key] ?? null));
  ratioRows.push(['', t.t('generated.total'), ...RATIOS.map((r) => c.ratios[r.key])]);
  const rat = b.table(
    [t.t('column.Territories.terr_code'), t.t('generated.territory'), ...RATIOS.map((r) => t.t(`ratio.${r.key}`))],
    ratioRows,
    Object.fromEntries(RATIOS.map((_, i) => [i + 2, ONE_DECIMAL])),
  );
  b.style(area(rat.bottom, 0, rat.bottom, rat.right), { bold: true });
  b.gap();

  b.line([t.t('generated.totals_by_territory')], { bold: true, size: 12 });
  for (const code of c.territoryOrder) {
    b.line([code, ctx.nameOf(code)], { bold: true, italic: true });
    totalsTable(ctx, b, c.byTerritory[code] ?? {}, false);
    b.gap();
  }
  return b.build(SUMMARY_WIDTHS, 'title');
}

function byTypeSheet(ctx: Context): SheetPlan {
  const { t, c } = ctx;
  const types = ENUMS.library_type.filter((k) => c.byType[k]);
  const b = ctx.sheet('sheet.SummaryByType', 'generated.by_type_title', types.length + 4);
  b.gap();
  const header = [
    t.t('column.Report.code'),
    t.t('column.Report.indicator'),
    ...types.map((k) => t.t(`enum.library_type.${k}`)),
    t.t('generated.total'),
  ];
  const rows = INDICATORS.map((ind) => [
    ind.code,
    t.t(`indicator.${ind.code}`),
    ...types.map((k) => c.byType[k]?.[ind.code]?.year ?? null),
    c.indicators[ind.code]?.year ?? null,
  ]);
  const a = b.table(header, rows, Object.fromEntries(header.slice(2).map((_, i) => [i + 2, COUNT])), true);
  b.wrapColumn(a, 1, rows);
  b.style(area(a.top + 1, a.right, a.bottom, a.right), { bold: true });
  return b.build([8, 44, ...types.map(() => 16), 14]);
}

function eventsSheet(ctx: Context): SheetPlan {
  const { t, c } = ctx;
  const e = c.events;
  const b = ctx.sheet('sheet.EventsSummary', 'generated.events_title', 4);
  b.gap();
  b.table(
    [t.t('generated.measure'), t.t('generated.value')],
    [
      [t.t('generated.events_count'), ctx.known(e.count)],
      [t.t('generated.participants'), ctx.known(e.participants)],
      [t.t('generated.territories_covered'), ctx.known(e.territories_covered)],
      [t.t('generated.pd_count'), ctx.known(e.pd.count)],
      [t.t('generated.pd_hours'), ctx.known(e.pd.hours)],
      [t.t('generated.pd_certificates'), ctx.known(e.pd.certificates)],
    ],
    { 1: COUNT },
  );
  if (e.count === null) {
    // The register is missing: its breakdowns would be tables of zeros that mean nothing.
    b.gap();
    b.line([t.t('generated.register_missing', { sheet: t.t('sheet.Events') })], { italic: true });
    return b.build([46, 28, 16, 16], 'title');
  }
  const section = (
    titleKey: string,
    column: string,
    enumName: EnumName,
    data: Record<string, CountAndParticipants>,
  ) => {
    b.gap();
    b.line([t.t(titleKey)], { bold: true, size: 12 });
    const entries = byEnum(enumName, data, { count: 0, participants: 0 });
    const rows: PlanValue[][] = entries.map(([k, v]) => [t.t(`enum.${enumName}.${k}`), v.count, v.participants]);
    // The column sums: an event whose form (or format...) is missing is in no row above.
    const sum = (f: (x: CountAndParticipants) => number) => entries.reduce((s, [, v]) => s + f(v), 0);
    rows.push([t.t('generated.total'), sum((x) => x.count), sum((x) => x.participants)]);
    const a = b.table(
      [t.t(`column.Events.${column}`), t.t('generated.events_count'), t.t('generated.participants')],
      rows,
      { 1: COUNT, 2: COUNT },
    );
    b.wrapColumn(a, 0, rows);
    b.style(area(a.bottom, a.left, a.bottom, a.right), { bold: true });
  };
  eventsV2Section(ctx, b);
  section('generated.by_form', 'form', 'event_form', e.by_form);
  section('generated.by_format', 'format', 'event_format', e.by_format);
  section('generated.by_language', 'language', 'event_language', e.by_language);
  section('generated.by_audience', 'audience', 'audience', e.by_audience);
  b.gap();
  b.line([t.t('generated.by_month')], { bold: true, size: 12 });
  b.table(
    [t.t('generated.month'), t.t('generated.events_count')],
    byMonth(e.by_month, 0).map(([m, n]) => [t.month(m), n]),
    { 1: COUNT },
  );
  b.gap();
  b.line([t.t('generated.by_organiser_territory')], { bold: true, size: 12 });
  b.table(
    [
      t.t('column.Territories.terr_code'),
      t.t('generated.territory'),
      t.t('generated.events_count'),
      t.t('generated.participants'),
    ],
    ctx.territoryRows((code) => [e.by_territory[code]?.count ?? 0, e.by_territory[code]?.participants ?? 0]),
    { 2: COUNT, 3: COUNT },
  );
  return b.build([46, 28, 16, 16], 'title');
}

function trainingSheet(ctx: Context): SheetPlan {
  const { t, c } = ctx;
  const tr = c.training;
  const b = ctx.sheet('sheet.TrainingSummary', 'generated.training_title', 7);
  b.gap();
  const header = [
    t.t('column.Territories.terr_code'),
    t.t('generated.territory'),
    t.t('generated.persons_trained'),
    t.t('generated.person_hours'),
    t.t('generated.certificates'),
    t.t('generated.staff'),
    t.t('generated.staff_trained_pct'),
  ];
  // Without the Training register its figures are unknown; the staff (S01 of the reports) stays known.
  const unknown = ctx.known(null);
  const row = (x: TrainingTotals): PlanValue[] =>
    tr.persons === null
      ? [unknown, unknown, unknown, x.staff, unknown]
      : [x.persons, x.hours, x.certificates, x.staff, x.staff_trained_pct];
  const rows = ctx.territoryRows((code) =>
    row(tr.by_territory[code] ?? { persons: 0, hours: 0, certificates: 0, staff: null, staff_trained_pct: null }),
  );
  rows.push(['', t.t('generated.total'), ...row(tr)]);
  const a = b.table(header, rows, { 2: COUNT, 3: COUNT, 4: COUNT, 5: COUNT, 6: ONE_DECIMAL }, true);
  b.style(area(a.bottom, 0, a.bottom, a.right), { bold: true });
  return b.build([10, 30, 14, 14, 14, 12, 14]);
}

/**
 * The Issues sheet's columns: for people, in the workbook's language; the last two keep the table's and
 * the column's keys for a program filtering the sheet, as `--json` gives them.
 */
const ISSUE_COLUMNS = [
  'severity',
  'rule',
  'rule_name',
  'table',
  'row',
  'column',
  'cell',
  'message',
  'explained',
  'table_key',
  'column_key',
] as const;
/** Columns of text that wrap rather than run into the next column (a rule's name, a long label, the message). */
const ISSUE_TEXT_COLUMNS = (['severity', 'rule_name', 'table', 'column', 'message'] as const).map((k) =>
  ISSUE_COLUMNS.indexOf(k),
);

const SEVERITY_COLORS = { error: '9C0006', warning: '9C5700' } as const;

function issuesSheet(ctx: Context): SheetPlan {
  const { t } = ctx;
  const v = ctx.input.validation;
  const b = ctx.sheet('sheet.Issues', 'generated.issues_title', ISSUE_COLUMNS.length);
  b.line([t.t('generated.issues_counts', { errors: v.errors, warnings: v.warnings })], { bold: true });
  const header = ISSUE_COLUMNS.map((k) => t.t(`generated.issue.${k}`));
  // An accepted report changed afterwards (S3) is what the methodologist must see first.
  const findings = [...v.findings.filter((f) => f.rule === 'S3'), ...v.findings.filter((f) => f.rule !== 'S3')];
  const rows = findings.map((f): PlanValue[] => [
    t.t(`severity.${f.severity}`),
    f.rule,
    t.t(`rule.${f.rule}`),
    tableLabel(f.table, t),
    f.row,
    f.column === null ? null : columnLabel(f.table, f.column, t),
    issuePlace(f),
    t.render(f.message),
    f.explained ? t.t('enum.yes_no.yes') : null,
    f.table,
    f.column,
  ]);
  const a = b.table(header, rows, {}, true);
  if (rows.length > 0) b.style(area(a.top + 1, 0, a.bottom, a.right), { vAlign: 'top' });
  for (const col of ISSUE_TEXT_COLUMNS) b.wrapColumn(a, col, rows);
  findings.forEach((f, i) => {
    if (!f.explained) b.style(area(a.top + 1 + i, 0), { color: SEVERITY_COLORS[f.severity], bold: true });
  });
  return b.build([14, 9, 22, 18, 12, 12, 18, 80, 10, 14, 14]);
}
