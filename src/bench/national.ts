/**
 * A synthetic national-scale network for benchmarks: N libraries with clean
 * reports, M events and K training rows, made deterministically in a few
 * hundred milliseconds so that the benchmark measures the core, not the maker.
 */
import { INDICATORS } from '../standard';
import { translator } from '../i18n';
import type { ContentRow, ReportInput, WorkbookContent } from '../core/layout/content';

/** Quarter values of one library (clean: every rule stays quiet), chosen so that every rule stays quiet. */
export function reportValues(scale: number): Record<string, ReportInput> {
  const s = scale;
  const ytd = (base: number) => [0.4, 0.6, 0.8, 1].map((f) => Math.round(base * f));
  const flow = (perQ: number) => [perQ, perQ, perQ, perQ];
  const each = (bases: Record<string, number>, values: (base: number) => number[]) =>
    Object.fromEntries(Object.entries(bases).map(([code, base]) => [code, values(base)]));
  const q: Record<string, number[]> = {
    // Users are counted to date; the flows of a larger library are larger; staff, training and methodological work are not.
    ...each({ U01: 100, U02: 30, U03: 25, U04: 10, U05: 2 }, (base) => ytd(base * s)),
    ...each({ V01: 300, V02: 60, V03: 40, L01: 500, L02: 200, L03: 150, C01: 30, C02: 10, T03: 150 }, (base) =>
      flow(base * s),
    ),
    ...each({ S01: 5, S02: 3, S03: 2, T01: 4, T02: 3, M01: 3, M02: 1 }, flow),
    E01: [1, 1, 1, 1],
    E02: [0, 0, 0, 0],
    E03: [1, 0, 0, 0],
    S04: [0, 1, 1, 2],
  };
  const c03prior = 3000 * s;
  let stock = c03prior;
  q.C03 = [0, 1, 2, 3].map((i) => (stock = stock + (q.C01?.[i] ?? 0) - (q.C02?.[i] ?? 0)));
  q.C04 = (q.C03 ?? []).map((v) => Math.round(v * 0.4));
  q.C05 = (q.C03 ?? []).map((v) => Math.round(v * 0.05));
  const out: Record<string, ReportInput> = {};
  for (const ind of INDICATORS) {
    const v = q[ind.code] as number[];
    const year = ind.agg === 'sum' ? v.reduce((a, b) => a + b, 0) : (v[3] as number);
    const prior =
      ind.code === 'C03'
        ? c03prior
        : ind.code.startsWith('E') || ind.code.startsWith('S') || ind.code.startsWith('T')
          ? year
          : Math.round(year / 1.05);
    out[ind.code] = {
      plan: year,
      q1: v[0],
      q2: v[1],
      q3: v[2],
      q4: v[3],
      prior_year: ind.agg === 'sum' && prior === year && year !== 0 ? year + 1 : prior,
    };
  }
  return out;
}

export interface NetworkSize {
  readonly libraries: number;
  readonly events: number;
  readonly training: number;
}

/** Whose network it is: one oblast of the republic has codes and a region of its own. */
export interface NetworkOwner {
  /** Put before every territory and library code, so that no two oblasts share one (D6 across workbooks). */
  readonly prefix: string;
  readonly region: string;
}

export function nationalContent(
  size: NetworkSize,
  owner: NetworkOwner = { prefix: '', region: 'Kazakhstan' },
): WorkbookContent {
  const p = owner.prefix;
  const t = translator('ru');
  const labels = new Map<string, string>();
  const e = (name: string, key: string): string => {
    const k = `enum.${name}.${key}`;
    let v = labels.get(k);
    if (v === undefined) labels.set(k, (v = t.t(k)));
    return v;
  };
  const terrCount = Math.max(1, Math.round(size.libraries / 20));
  const territories: ContentRow[] = Array.from({ length: terrCount }, (_, i) => ({
    terr_code: `${p}T${String(i).padStart(3, '0')}`,
    name_kk: `Аудан ${i}`,
    name_ru: `Район ${i}`,
    kind: e('territory_kind', i % 5 === 0 ? 'city' : 'district'),
    population: 20000 + ((i * 7919) % 80000),
  }));
  const ids = Array.from({ length: size.libraries }, (_, i) => `${p}L${String(i).padStart(5, '0')}`);
  const libraries: ContentRow[] = ids.map((id, i) => ({
    lib_id: id,
    name_kk: `${id} кітапханасы`,
    name_ru: `Библиотека ${id}`,
    type: e('library_type', i % 20 === 0 ? 'central_district' : 'rural_branch'),
    terr_code: `${p}T${String(Math.floor(i / 20) % terrCount).padStart(3, '0')}`,
    parent_id: i % 20 === 0 ? null : (ids[i - (i % 20)] ?? null),
    rural: e('yes_no', i % 20 === 0 ? 'no' : 'yes'),
    active: e('yes_no', 'yes'),
  }));
  const forms = ['seminar', 'master_class', 'contest', 'presentation', 'author_meeting', 'exhibition'];
  const events: ContentRow[] = Array.from({ length: size.events }, (_, n) => ({
    event_id: `EV-${String(n + 1).padStart(6, '0')}`,
    lib_id: ids[n % ids.length] ?? null,
    date_start: { date: Date.UTC(2025, n % 12, 1 + (n % 28)) },
    date_end: null,
    title: `Іс-шара ${n}`,
    form: e('event_form', forms[n % forms.length] ?? 'other'),
    format: e('event_format', n % 7 === 0 ? 'online' : 'onsite'),
    platform: n % 7 === 0 ? 'Zoom' : null,
    language: e('event_language', 'kk'),
    audience: e('audience', 'children'),
    level: e('event_level', 'local'),
    participants: 10 + (n % 40),
    children: 5,
    disabled: null,
    pd: e('yes_no', 'no'),
    hours: null,
    certificates: null,
    partners: null,
    link: null,
    note: null,
  }));
  const training: ContentRow[] = Array.from({ length: size.training }, (_, n) => ({
    lib_id: ids[n % ids.length] ?? null,
    person: null,
    persons: 1,
    position: 'библиотекарь',
    date: { date: Date.UTC(2025, n % 12, 10) },
    title: 'Курсы повышения квалификации',
    organizer: 'НАБ РК',
    event_id: null,
    format: e('event_format', 'online'),
    hours: 36,
    certificate: e('yes_no', 'yes'),
  }));
  const counts = registerCounts(events, training);
  return {
    settings: { level: 'oblast', region: owner.region, year: 2025, language: 'ru' },
    territories,
    libraries,
    submissions: [],
    events,
    training,
    reports: ids.map((id, i) => ({
      libId: id,
      name: id,
      values: matchRegisters(reportValues(1 + (i % 10)), counts.get(id)),
    })),
  };
}

/** Per library and quarter: events, online events and persons trained, as the registers say. */
function registerCounts(events: readonly ContentRow[], training: readonly ContentRow[]): Map<string, number[][]> {
  const quarterOf = (v: unknown) =>
    v && typeof v === 'object' && 'date' in v ? Math.floor(new Date(v.date as number).getUTCMonth() / 3) : 0;
  const counts = new Map<string, number[][]>();
  const of = (id: unknown) => {
    const k = String(id);
    let c = counts.get(k);
    if (!c)
      counts.set(
        k,
        (c = [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ]),
      );
    return c;
  };
  for (const e of events) {
    const [all, online] = of(e.lib_id) as [number[], number[]];
    const q = quarterOf(e.date_start);
    all[q]! += 1;
    if (e.platform) online[q]! += 1;
  }
  for (const t of training)
    (of(t.lib_id)[2] as number[])[quarterOf(t.date)]! += typeof t.persons === 'number' ? t.persons : 1;
  return counts;
}

/** E01, E02 and S04 as the registers say, so that the checks across them (W4) stay quiet. */
function matchRegisters(
  values: Record<string, ReportInput>,
  counts: number[][] | undefined,
): Record<string, ReportInput> {
  const [all, online, trained] = counts ?? [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  const ytd = (trained as number[]).map((_, i) => (trained as number[]).slice(0, i + 1).reduce((a, b) => a + b, 0));
  const q = (v: number[]) => ({ q1: v[0], q2: v[1], q3: v[2], q4: v[3] });
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  const a = all as number[];
  const o = online as number[];
  return {
    ...values,
    E01: { ...values.E01, ...q(a), plan: sum(a), prior_year: sum(a) + 1 },
    E02: { ...values.E02, ...q(o), plan: sum(o), prior_year: sum(o) + 1 },
    E03: { ...values.E03, q1: 0, q2: 0, q3: 0, q4: 0, plan: 0, prior_year: 0 },
    S04: { ...values.S04, ...q(ytd), plan: ytd[3], prior_year: ytd[3] },
    S01: { ...values.S01, q1: 40, q2: 40, q3: 40, q4: 40, plan: 40, prior_year: 40 },
    S02: { ...values.S02, q1: 30, q2: 30, q3: 30, q4: 30, plan: 30, prior_year: 30 },
  };
}
