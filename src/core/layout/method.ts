/**
 * The generated sheet `MethodSummary` (section 4, version 2): visits by
 * purpose and by territory with the share of libraries visited and those not
 * visited, consultations (M01, M02) and the reach of professional development
 * by territory, publications by kind, format and language, participation by
 * level and role, studies by kind. And the events' section that version 2
 * adds (by level; children, disabled, speakers), for the EventsSummary sheet.
 */
import type { PlanValue, SheetPlan } from '../plan';
import { area } from '../plan';
import { COUNT, ONE_DECIMAL, SheetBuilder } from './builder';
import type { Context } from './context';
import { percentOf, type EnumName } from '../../standard';
import { byEnum } from './order';

export function methodSheet(ctx: Context): SheetPlan {
  const { t, c } = ctx;
  const m = c.method;
  const b = ctx.sheet('sheet.MethodSummary', 'generated.method_title', 8);
  b.gap();
  measures(ctx, b, [
    ['generated.visits_count', m.visits.count],
    ['generated.visits_persons', m.visits.persons],
    ['generated.libraries_visited', m.visits.libraries_visited],
    ['generated.libraries_visited_pct', m.visits.libraries_visited_pct],
    ['indicator.M01', c.indicators.M01?.year ?? null],
    ['indicator.M02', c.indicators.M02?.year ?? null],
    ['generated.pd_participants', c.events.pd.participants],
    ['generated.territories_reached', c.events.pd.territories_reached],
    ['generated.publications_count', m.publications.count],
    ['generated.publications_copies', m.publications.copies],
    ['generated.publications_accessible', m.publications.accessible],
    ['generated.participation_count', m.participation.count],
    ['generated.participation_persons', m.participation.persons],
    ['generated.studies_count', m.studies.count],
    ['generated.studies_respondents', m.studies.respondents],
  ]);

  section(b, t.t('generated.by_territory_method'));
  const header = [
    t.t('column.Territories.terr_code'),
    t.t('generated.territory'),
    t.t('generated.libraries_to_visit'),
    t.t('generated.libraries_visited'),
    t.t('generated.libraries_visited_pct'),
    t.t('indicator.M01'),
    t.t('indicator.M02'),
    t.t('generated.pd_reach'),
  ];
  const rows = ctx.territoryRows((code) => {
    const v = m.visits.by_territory[code];
    return [
      v?.libraries ?? 0,
      v?.visited ?? 0,
      percentOf(v?.visited ?? null, v?.libraries ?? null),
      c.byTerritory[code]?.M01?.year ?? null,
      c.byTerritory[code]?.M02?.year ?? null,
      c.events.pd.reach[code] ?? 0,
    ];
  });
  rows.push([
    '',
    t.t('generated.total'),
    m.visits.libraries_visited + m.visits.not_visited.length,
    m.visits.libraries_visited,
    m.visits.libraries_visited_pct,
    c.indicators.M01?.year ?? null,
    c.indicators.M02?.year ?? null,
    c.events.pd.territories_reached,
  ]);
  const a = b.table(header, rows, { 2: COUNT, 3: COUNT, 4: ONE_DECIMAL, 5: COUNT, 6: COUNT, 7: COUNT });
  b.style(area(a.bottom, 0, a.bottom, a.right), { bold: true });
  b.line([t.t('generated.pd_reach_note')], { italic: true, color: '595959', wrap: true }, 7);

  section(b, t.t('generated.not_visited', { n: m.visits.not_visited.length }));
  const names = libraryNames(ctx);
  b.table(
    [
      t.t('column.Libraries.lib_id'),
      t.t(ctx.input.language === 'kk' ? 'column.Libraries.name_kk' : 'column.Libraries.name_ru'),
    ],
    m.visits.not_visited.map((id) => [id, names.get(id) ?? null]),
  );

  counts(ctx, b, 'column.Visits.purpose', 'visit_purpose', m.visits.by_purpose, 'generated.visits_count');
  counts(
    ctx,
    b,
    'column.Publications.kind',
    'publication_kind',
    m.publications.by_kind,
    'generated.publications_count',
  );
  counts(
    ctx,
    b,
    'column.Publications.format',
    'publication_format',
    m.publications.by_format,
    'generated.publications_count',
  );
  counts(
    ctx,
    b,
    'column.Publications.language',
    'event_language',
    m.publications.by_language,
    'generated.publications_count',
  );
  persons(ctx, b, 'column.Participation.level', 'event_level', m.participation.by_level);
  persons(ctx, b, 'column.Participation.role', 'participation_role', m.participation.by_role);
  counts(ctx, b, 'column.Studies.kind', 'study_kind', m.studies.by_kind, 'generated.studies_count');
  // The first column holds the labels of the measures (wrapped) as well as the territories' codes.
  return b.build([30, 34, 14, 14, 14, 14, 14, 14], 'title');
}

/** The events' figures that version 2 adds, as a section of the EventsSummary sheet. */
export function eventsV2Section(ctx: Context, b: SheetBuilder): void {
  const { t, c } = ctx;
  const e = c.events;
  b.gap();
  measures(ctx, b, [
    ['generated.children', e.children],
    ['generated.disabled', e.disabled],
    ['generated.speakers', e.speakers],
    ['generated.pd_participants', e.pd.participants],
  ]);
  section(b, t.t('generated.by_level'));
  const rows: PlanValue[][] = byEnum('event_level', e.by_level, { count: 0, participants: 0 }).map(([k, v]) => [
    t.t(`enum.event_level.${k}`),
    v.count,
    v.participants,
  ]);
  const a = b.table([t.t('column.Events.level'), t.t('generated.events_count'), t.t('generated.participants')], rows, {
    1: COUNT,
    2: COUNT,
  });
  b.wrapColumn(a, 0, rows);
}

function section(b: SheetBuilder, title: string): void {
  b.gap();
  b.line([title], { bold: true, size: 12 });
}

function measures(ctx: Context, b: SheetBuilder, items: readonly (readonly [string, number | null])[]): void {
  const { t } = ctx;
  // Counts and one share: the share rounded to a tenth, shown as Excel's General shows numbers.
  const rows = items.map(([key, value]) => [t.t(key), value === null ? null : Math.round(value * 10) / 10]);
  b.wrapColumn(b.table([t.t('generated.measure'), t.t('generated.value')], rows), 0, rows);
}

function counts(
  ctx: Context,
  b: SheetBuilder,
  columnKey: string,
  enumName: EnumName,
  data: Record<string, number>,
  countKey: string,
): void {
  const { t } = ctx;
  section(b, t.t(columnKey));
  const rows: PlanValue[][] = byEnum(enumName, data, 0).map(([k, n]) => [t.t(`enum.${enumName}.${k}`), n]);
  b.wrapColumn(b.table([t.t(columnKey), t.t(countKey)], rows, { 1: COUNT }), 0, rows);
}

function persons(
  ctx: Context,
  b: SheetBuilder,
  columnKey: string,
  enumName: EnumName,
  data: Record<string, { count: number; persons: number }>,
): void {
  const { t } = ctx;
  section(b, t.t(columnKey));
  const rows: PlanValue[][] = byEnum(enumName, data, { count: 0, persons: 0 }).map(([k, v]) => [
    t.t(`enum.${enumName}.${k}`),
    v.count,
    v.persons,
  ]);
  const a = b.table(
    [t.t(columnKey), t.t('generated.participation_count'), t.t('generated.participation_persons')],
    rows,
    { 1: COUNT, 2: COUNT },
  );
  b.wrapColumn(a, 0, rows);
}

function libraryNames(ctx: Context): Map<string, string> {
  const col = ctx.input.language === 'kk' ? 'name_kk' : 'name_ru';
  const out = new Map<string, string>();
  for (const row of ctx.input.validation.workbook.registers.Libraries.rows) {
    const id = row.v.lib_id;
    const name = row.v[col];
    if (typeof id === 'string' && typeof name === 'string') out.set(id.toUpperCase(), name);
  }
  return out;
}
