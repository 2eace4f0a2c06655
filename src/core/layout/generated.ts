import { ENUMS, GENERATED_SHEETS, INDICATORS, LANGUAGES, RATIOS, type Language } from '../../standard';
import { translator, type Translator } from '../../i18n';
import type { Consolidation, CountAndParticipants, Totals } from '../consolidate';
import type { Validation } from '../validate';
import type { PlanValue, SheetPlan, WorkbookPlan } from '../plan';
import { area } from '../plan';
import { COUNT, ONE_DECIMAL, SheetBuilder } from './builder';

/**
 * The generated sheets of section 4 (Summary, SummaryByType, EventsSummary,
 * TrainingSummary, Issues) as a plan. They are rebuilt from scratch on every
 * run; the previous ones, found by their name in any of the three languages,
 * are removed first. No personal data is ever laid out here.
 */
export interface GeneratedInput {
  readonly consolidation: Consolidation;
  readonly validation: Validation;
  readonly language: Language;
  /** When the sheets were made (UTC ms): the only thing that differs between two runs. */
  readonly madeAt: number;
  readonly version: string;
  /** Names of the sheets the workbook has now. */
  readonly existingSheets: readonly string[];
}

/** Every name a generated sheet may have had, in any language. */
export function generatedSheetNames(): Set<string> {
  const names = new Set<string>();
  for (const lang of LANGUAGES) {
    const t = translator(lang);
    for (const s of [...GENERATED_SHEETS, 'Dashboard']) names.add(t.t(`sheet.${s}`).toUpperCase());
  }
  return names;
}

export function generatedPlan(input: GeneratedInput): WorkbookPlan {
  const t = translator(input.language);
  const known = generatedSheetNames();
  const removeSheets = input.existingSheets.filter((s) => known.has(s.toUpperCase()));
  const ctx = new Context(input, t);
  return {
    removeSheets,
    sheets: [summarySheet(ctx), byTypeSheet(ctx), eventsSheet(ctx), trainingSheet(ctx), issuesSheet(ctx)],
  };
}

class Context {
  readonly c: Consolidation;
  readonly territoryName: Map<string, string>;
  constructor(
    readonly input: GeneratedInput,
    readonly t: Translator,
  ) {
    this.c = input.consolidation;
    const nameCol = input.language === 'kk' ? 'name_kk' : 'name_ru';
    this.territoryName = new Map();
    for (const row of input.validation.workbook.registers.Territories.rows) {
      const code = row.v.terr_code;
      const name = row.v[nameCol];
      if (typeof code === 'string') this.territoryName.set(code, typeof name === 'string' ? name : code);
    }
  }

  /** Title and provenance lines every generated sheet starts with. */
  head(b: SheetBuilder, titleKey: string, width: number): void {
    const { t, c, input } = this;
    b.line([t.t(titleKey, { region: c.region ?? '', year: c.year ?? '' })], { bold: true, size: 14 }, width - 1);
    b.line(
      [
        t.t('generated.provenance', {
          date: t.dateTime(input.madeAt),
          included: c.libraries.included.length,
          active: c.libraries.active,
          version: input.version,
        }),
      ],
      { italic: true, color: '595959' },
      width - 1,
    );
    const excluded = c.libraries.excluded.map((e) => `${e.libId} (${e.first.rule})`).join(', ');
    b.line(
      [t.t('generated.excluded', { list: excluded || '—', n: c.libraries.excluded.length })],
      { italic: true, color: '595959', wrap: true },
      width - 1,
    );
    b.line(
      [t.t('generated.missing', { list: c.libraries.missing.join(', ') || '—', n: c.libraries.missing.length })],
      { italic: true, color: '595959', wrap: true },
      width - 1,
    );
    b.gap();
  }

  territoryRows<T>(values: (code: string) => T[]): PlanValue[][] {
    return this.c.territoryOrder.map((code) => [
      code,
      this.territoryName.get(code) ?? code,
      ...(values(code) as PlanValue[]),
    ]);
  }
}

const TOTAL_COLUMNS = ['plan', 'q1', 'q2', 'q3', 'q4', 'year', 'plan_pct', 'prior_year', 'change_pct'] as const;

function totalsRow(x: Totals | undefined): PlanValue[] {
  return TOTAL_COLUMNS.map((k) => x?.[k] ?? null);
}

function summarySheet(ctx: Context): SheetPlan {
  const { t, c } = ctx;
  const b = new SheetBuilder(t.t('sheet.Summary'));
  ctx.head(b, 'generated.summary_title', 12);
  b.line([t.t('generated.network_totals')], { bold: true });
  const header = ['code', 'indicator', 'unit', ...TOTAL_COLUMNS].map((k) => t.t(`column.Report.${k}`));
  const rows = INDICATORS.map((ind) => [
    ind.code,
    t.t(`indicator.${ind.code}`),
    t.t(`unit.${ind.unit}`),
    ...totalsRow(c.indicators[ind.code]),
  ]);
  const fmt = {
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
  const main = b.table(header, rows, fmt, true);
  b.style(area(main.top + 1, 8, main.bottom, 8), { bold: true });
  b.gap();

  b.line([t.t('generated.by_territory')], { bold: true });
  const codes = INDICATORS.map((i) => i.code);
  const terrRows = ctx.territoryRows((code) => codes.map((k) => c.byTerritory[code]?.[k]?.year ?? null));
  terrRows.push(['', t.t('generated.total'), ...codes.map((k) => c.indicators[k]?.year ?? null)]);
  const terr = b.table(
    [t.t('column.Territories.terr_code'), t.t('generated.territory'), ...codes],
    terrRows,
    Object.fromEntries(codes.map((_, i) => [i + 2, COUNT])),
  );
  b.style(area(terr.bottom, 0, terr.bottom, terr.right), { bold: true });
  b.gap();

  b.line([t.t('generated.ratios')], { bold: true });
  const ratioRows = ctx.territoryRows((code) => RATIOS.map((r) => c.ratiosByTerritory[code]?.[r.key] ?? null));
  ratioRows.push(['', t.t('generated.total'), ...RATIOS.map((r) => c.ratios[r.key])]);
  const rat = b.table(
    [t.t('column.Territories.terr_code'), t.t('generated.territory'), ...RATIOS.map((r) => t.t(`ratio.${r.key}`))],
    ratioRows,
    Object.fromEntries(RATIOS.map((_, i) => [i + 2, ONE_DECIMAL])),
  );
  b.style(area(rat.bottom, 0, rat.bottom, rat.right), { bold: true });
  return b.build([8, 44, 12, ...Array<number>(26).fill(11)]);
}

function byTypeSheet(ctx: Context): SheetPlan {
  const { t, c } = ctx;
  const b = new SheetBuilder(t.t('sheet.SummaryByType'));
  const types = ENUMS.library_type.filter((k) => c.byType[k]);
  ctx.head(b, 'generated.by_type_title', types.length + 4);
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
  b.table(header, rows, Object.fromEntries(header.slice(2).map((_, i) => [i + 2, COUNT])), true);
  return b.build([8, 44, ...types.map(() => 18), 14]);
}

function eventsSheet(ctx: Context): SheetPlan {
  const { t, c } = ctx;
  const e = c.events;
  const b = new SheetBuilder(t.t('sheet.EventsSummary'));
  ctx.head(b, 'generated.events_title', 4);
  b.table(
    [t.t('generated.measure'), t.t('generated.value')],
    [
      [t.t('generated.events_count'), e.count],
      [t.t('generated.participants'), e.participants],
      [t.t('generated.territories_covered'), e.territories_covered],
      [t.t('generated.pd_count'), e.pd.count],
      [t.t('generated.pd_hours'), e.pd.hours],
      [t.t('generated.pd_certificates'), e.pd.certificates],
    ],
    { 1: COUNT },
    true,
  );
  const section = (
    titleKey: string,
    enumName: string,
    data: Record<string, CountAndParticipants>,
    labelOf?: (k: string) => string,
  ) => {
    b.gap();
    b.line([t.t(titleKey)], { bold: true });
    const rows = Object.entries(data).map(([k, v]) => [
      labelOf ? labelOf(k) : t.t(`enum.${enumName}.${k}`),
      v.count,
      v.participants,
    ]);
    b.table(
      [
        t.t(
          `column.Events.${enumName === 'event_format' ? 'format' : enumName === 'event_form' ? 'form' : enumName === 'event_language' ? 'language' : 'audience'}`,
        ),
        t.t('generated.events_count'),
        t.t('generated.participants'),
      ],
      rows,
      { 1: COUNT, 2: COUNT },
    );
  };
  section('generated.by_form', 'event_form', e.by_form);
  section('generated.by_format', 'event_format', e.by_format);
  section('generated.by_language', 'event_language', e.by_language);
  section('generated.by_audience', 'audience', e.by_audience);
  b.gap();
  b.line([t.t('generated.by_month')], { bold: true });
  const monthName = new Intl.DateTimeFormat(t.lang === 'en' ? 'en-GB' : t.lang === 'kk' ? 'kk-KZ' : 'ru-RU', {
    month: 'long',
    timeZone: 'UTC',
  });
  b.table(
    [t.t('generated.month'), t.t('generated.events_count')],
    Object.entries(e.by_month).map(([m, n]) => [monthName.format(Date.UTC(2000, Number(m) - 1, 1)), n]),
    { 1: COUNT },
  );
  b.gap();
  b.line([t.t('generated.by_organiser_territory')], { bold: true });
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
  return b.build([34, 28, 16, 16]);
}

function trainingSheet(ctx: Context): SheetPlan {
  const { t, c } = ctx;
  const tr = c.training;
  const b = new SheetBuilder(t.t('sheet.TrainingSummary'));
  ctx.head(b, 'generated.training_title', 7);
  const header = [
    t.t('column.Territories.terr_code'),
    t.t('generated.territory'),
    t.t('generated.persons_trained'),
    t.t('generated.person_hours'),
    t.t('generated.certificates'),
    t.t('generated.staff'),
    t.t('generated.staff_trained_pct'),
  ];
  const row = (x: {
    persons: number;
    hours: number;
    certificates: number;
    staff: number | null;
    staff_trained_pct: number | null;
  }) => [x.persons, x.hours, x.certificates, x.staff, x.staff_trained_pct];
  const rows = ctx.territoryRows((code) =>
    row(tr.by_territory[code] ?? { persons: 0, hours: 0, certificates: 0, staff: null, staff_trained_pct: null }),
  );
  rows.push(['', t.t('generated.total'), ...row(tr)]);
  const a = b.table(header, rows, { 2: COUNT, 3: COUNT, 4: COUNT, 5: COUNT, 6: ONE_DECIMAL }, true);
  b.style(area(a.bottom, 0, a.bottom, a.right), { bold: true });
  return b.build([10, 30, 14, 14, 14, 12, 14]);
}

function issuesSheet(ctx: Context): SheetPlan {
  const { t } = ctx;
  const v = ctx.input.validation;
  const b = new SheetBuilder(t.t('sheet.Issues'));
  ctx.head(b, 'generated.issues_title', 9);
  b.line([t.t('generated.issues_counts', { errors: v.errors, warnings: v.warnings })], { bold: true });
  const header = ['severity', 'rule', 'rule_name', 'table', 'row', 'column', 'cell', 'message', 'explained'].map((k) =>
    t.t(`generated.issue.${k}`),
  );
  const rows = v.findings.map((f): PlanValue[] => [
    t.t(`severity.${f.severity}`),
    f.rule,
    t.t(`rule.${f.rule}`),
    f.table,
    f.row,
    f.column,
    f.cell ? { text: f.cell, link: `#${f.cell}` } : null,
    t.render(f.message),
    f.explained ? t.t('enum.yes_no.yes') : null,
  ]);
  const a = b.table(header, rows, {}, true);
  if (rows.length > 0) b.style(area(a.top + 1, 7, a.bottom, 7), { wrap: true });
  return b.build([14, 6, 22, 18, 12, 12, 18, 80, 10]);
}
