/**
 * Last year's workbook of the same oblast, told as the same story: every
 * library's year values of 2024 are the `prior_year` values of the 2025
 * sample (derived from them here, so that the two can never disagree), its
 * registers are 2025's rows moved to the same weekday a year earlier and
 * thinned or repeated until they add up to the 2024 figures (E01–E03 count
 * the events, S04 the persons trained), and every report was accepted in
 * January 2025. The libraries opened in 2025 are not in it.
 */
import type { PlanValue } from '../core/plan';
import { MS_PER_DAY } from '../core/values';
import type { ContentRow, WorkbookContent } from '../core/layout/content';
import { INDICATORS, type Aggregation, type Language } from '../standard';
import type { Audience } from './event-templates';
import { sampleEvents, type SampleEvent } from './events';
import { ACTIVE_LIBRARIES, LIBRARIES, type Library } from './libraries';
import { Rng } from './random';
import { eventRow, libraryRow, REGION, reportSheet, territoryRow, trainingRow } from './render';
import { methodRegisters, sampleMethodRows, type MethodRows } from './render-method';
import { Builder, q4, sampleReports, type Line, type Quarters, type ReportValues } from './reports';
import { METHODOLOGISTS, personIn, SUBMITTERS, withChecksums } from './submissions';
import { TERRITORIES } from './territories';
import { enumLabel, quarterOf, utc, YEAR } from './text';
import { sampleTraining, type SampleTraining } from './training';

export const LAST_YEAR = YEAR - 1;

/** Opened in 2025: absent from last year's registry, so filling last year's figures lists them as new. */
export const NEW_IN_YEAR: ReadonlySet<string> = new Set(['TMR_B05', 'KRK_B01']);

const WEEK = 7 * MS_PER_DAY;
const AGG = new Map<string, Aggregation>(INDICATORS.map((i) => [i.code, i.agg]));
const WHOLE = new Map<string, string>(INDICATORS.flatMap((i) => (i.partOf ? [[i.code, i.partOf] as const] : [])));

export const LAST_YEAR_LIBRARIES: readonly Library[] = LIBRARIES.filter((l) => !NEW_IN_YEAR.has(l.id));
const REPORTING: readonly Library[] = ACTIVE_LIBRARIES.filter((l) => !NEW_IN_YEAR.has(l.id));

const inLastYear = (ms: number): boolean => new Date(ms).getUTCFullYear() === LAST_YEAR;

/** How far back a row of 2025 moves: 52 weeks (the same weekday), 53 for the last days of December. */
function shiftBack(start: number, end: number | null = null): number {
  for (const weeks of [52, 53]) {
    const by = weeks * WEEK;
    if (inLastYear(start - by) && (end === null || inLastYear(end - by))) return by;
  }
  throw new Error(`no date in ${LAST_YEAR} for ${new Date(start).toISOString()}`);
}

const prior = (lines: ReportValues, code: string): number => lines[code]?.prior ?? 0;

// ---------------------------------------------------------------- registers

type EventCopy = SampleEvent & { readonly source: SampleEvent | null };

const isOnline = (e: SampleEvent): boolean => e.format === 'online';
const forChildren = (e: SampleEvent): boolean => e.audience === 'children';
/** 0 neither, 1 for children, 2 online, 3 both: the kinds E02 and E03 count. */
const kindOf = (e: SampleEvent): number => (isOnline(e) ? 2 : 0) + (forChildren(e) ? 1 : 0);

function moved(e: SampleEvent): EventCopy {
  const by = shiftBack(e.start, e.end);
  return { ...e, start: e.start - by, end: e.end === null ? null : e.end - by, source: e };
}

/**
 * A library's events of 2024: as many online and for children as last
 * year's E02 and E03 say, and E01 in all, taken from its 2025 events moved
 * back a year; where it held more of a kind in 2024, one is held again some
 * weeks later.
 */
function libraryEvents(lib: Library, lines: ReportValues, all: readonly SampleEvent[]): EventCopy[] {
  const rng = Rng.stream('last-year', 'events', lib.id);
  const total = prior(lines, 'E01');
  const online = prior(lines, 'E02');
  const children = prior(lines, 'E03');
  const pools: EventCopy[][] = [[], [], [], []];
  for (const e of all) if (e.lib === lib.id) pools[kindOf(e)]?.push(moved(e));
  const both = Math.max(online + children - total, Math.min(pools[3]?.length ?? 0, online, children));
  const need = [total - online - children + both, children - both, online - both, both];
  const taken = new Set<string>();
  const key = (e: SampleEvent): string => `${e.start}|${e.template.id}`;
  const out: EventCopy[] = [];
  need.forEach((n, kind) => {
    const pool = rng.shuffle(pools[kind] ?? []);
    // A kind the library did not hold in 2025 is made from its nearest kind: the same format, the other audience.
    const donor = pool.length > 0 ? pool : (pools[kind ^ 1] ?? []).map((e) => withAudience(e, kind));
    if (n > 0 && donor.length === 0) throw new Error(`${lib.id}: no event to make ${LAST_YEAR}'s kind ${kind} from`);
    for (let i = 0; i < n; i++) {
      const base = donor[i % donor.length] as EventCopy;
      const copy = i < donor.length ? base : again(base, Math.floor(i / donor.length), taken);
      taken.add(key(copy));
      out.push(copy);
    }
  });
  return out;
}

function withAudience(e: EventCopy, kind: number): EventCopy {
  const audience: Audience = kind & 1 ? 'children' : 'adults';
  return { ...e, audience, children: audience === 'children' ? e.participants : null, source: null };
}

/** The same event held again `round` times some weeks later (earlier near December), on a free date. */
function again(e: EventCopy, round: number, taken: ReadonlySet<string>): EventCopy {
  for (let weeks = 3 * round; ; weeks++) {
    for (const sign of [1, -1]) {
      const start = e.start + sign * weeks * WEEK;
      const end = e.end === null ? null : e.end + sign * weeks * WEEK;
      if (!inLastYear(start) || (end !== null && !inLastYear(end)) || taken.has(`${start}|${e.template.id}`)) continue;
      return { ...e, start, end, source: null };
    }
    if (weeks > 60) throw new Error(`no free date for another ${e.template.id}`);
  }
}

function lastYearEvents(): readonly EventCopy[] {
  const reports = sampleReports();
  const all = sampleEvents();
  const order = new Map(LIBRARIES.map((l, i) => [l.id, i]));
  const events = REPORTING.flatMap((l) => libraryEvents(l, reports.get(l.id) ?? {}, all));
  events.sort(
    (a, b) =>
      a.start - b.start ||
      (order.get(a.lib) ?? 0) - (order.get(b.lib) ?? 0) ||
      a.template.id.localeCompare(b.template.id),
  );
  return events.map((e, i) => ({ ...e, id: `EV-${String(i + 1).padStart(4, '0')}` }));
}

/**
 * A library's training of 2024: its 2025 rows moved back a year, as many as
 * make last year's S04 persons, and one group row for the rest. A row that
 * points to an event of 2025 stays only where that event was held in 2024.
 */
function libraryTraining(
  lib: Library,
  lines: ReportValues,
  all: readonly SampleTraining[],
  eventOf: ReadonlyMap<SampleEvent, SampleEvent>,
): SampleTraining[] {
  const rng = Rng.stream('last-year', 'training', lib.id);
  const target = prior(lines, 'S04');
  const own = all.filter((t) => t.lib === lib.id && (t.event === null || eventOf.has(t.event)));
  const out: SampleTraining[] = [];
  let persons = 0;
  for (const t of rng.shuffle(own)) {
    if (persons + t.persons > target) continue;
    persons += t.persons;
    out.push({
      ...t,
      date: t.date - shiftBack(t.date),
      event: t.event === null ? null : (eventOf.get(t.event) ?? null),
    });
  }
  if (persons < target) {
    const course = all.find((t) => t.lib === lib.id && t.course !== null) ?? all.find((t) => t.course !== null);
    if (!course) throw new Error('no course to train a group at');
    out.push({
      ...course,
      lib: lib.id,
      person: null,
      persons: target - persons,
      position: null,
      date: course.date - shiftBack(course.date),
      event: null,
    });
  }
  return out.sort((a, b) => a.date - b.date);
}

function lastYearMethodRows(): MethodRows {
  const rows = sampleMethodRows();
  const kept = (lib: string) => !NEW_IN_YEAR.has(lib);
  const number = <T extends { id: string }>(items: T[], prefix: string): T[] =>
    items.map((x, i) => ({ ...x, id: `${prefix}-${String(i + 1).padStart(4, '0')}` }));
  return {
    visits: number(
      rows.visits
        .filter((v) => kept(v.lib) && kept(v.visited))
        .map((v) => ({ ...v, date: v.date - shiftBack(v.date) })),
      'VS',
    ),
    publications: number(
      rows.publications.filter((p) => kept(p.lib)).map((p) => ({ ...p, date: p.date - shiftBack(p.date) })),
      'PB',
    ),
    participation: rows.participation
      .filter((p) => kept(p.lib))
      .map((p) => ({ ...p, date: p.date - shiftBack(p.date) })),
    studies: number(
      rows.studies
        .filter((s) => kept(s.lib))
        .map((s) => {
          const by = shiftBack(s.start, s.end);
          return { ...s, start: s.start - by, end: s.end === null ? null : s.end - by };
        }),
      'ST',
    ),
  };
}

// ---------------------------------------------------------------- reports

/** Whole numbers adding up to `total`, in proportion to `weights` (largest remainder). */
function apportion(total: number, weights: Quarters): Quarters {
  const w = weights.map((x) => x + 1);
  const sum = w.reduce((a, b) => a + b, 0);
  const exact = w.map((x) => (total * x) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest-- <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
  }
  return q4((i) => out[i] ?? 0);
}

/** A part's quarters brought under its whole's, the excess moved to quarters with room: the year stays. */
function underWhole(q: Quarters, whole: Quarters): Quarters {
  const out = q.map((v, i) => Math.min(v, whole[i] ?? 0));
  let excess = q.reduce((a, b) => a + b, 0) - out.reduce((a, b) => a + b, 0);
  for (let i = 0; i < 4 && excess > 0; i++) {
    const room = Math.min(excess, (whole[i] ?? 0) - (out[i] ?? 0));
    out[i] = (out[i] ?? 0) + room;
    excess -= room;
  }
  return q4((i) => out[i] ?? 0);
}

/** Quarters ending on `year`, shaped like 2025's; a part's never above its whole's. */
function shaped(year: number, shape: Quarters, whole: Quarters | null): Quarters {
  const end = shape[3] > 0 ? shape[3] : 1;
  let q = q4((i) => (i === 3 ? year : Math.round((year * (shape[i] > 0 ? shape[i] : end)) / end)));
  if (whole) q = q4((i) => Math.min(q[i], whole[i]));
  return q;
}

/** Counts by quarter of dated items, optionally as running totals. */
function byQuarter<T>(items: readonly T[], dateOf: (x: T) => number, weight: (x: T) => number, ytd: boolean): Quarters {
  const q = [0, 0, 0, 0];
  for (const x of items) q[quarterOf(dateOf(x))] = (q[quarterOf(dateOf(x))] ?? 0) + weight(x);
  if (ytd) for (let i = 1; i < 4; i++) q[i] = (q[i] ?? 0) + (q[i - 1] ?? 0);
  return q4((i) => q[i] ?? 0);
}

/**
 * A library's report of 2024 whose year values are 2025's `prior_year`:
 * flows spread over the quarters as in 2025, stocks and staff held, the
 * collection balanced backwards from its end-of-year figure, E01–E03 and S04
 * counted from the registers; plan and 2023's values drawn as the 2025
 * sample draws its own.
 */
function libraryReport(
  lib: Library,
  now: ReportValues,
  events: readonly EventCopy[],
  training: readonly SampleTraining[],
): ReportValues {
  const b = new Builder(Rng.stream('last-year', 'report', lib.id));
  const own = events.filter((e) => e.lib === lib.id);
  const counted: Readonly<Record<string, Quarters>> = {
    E01: byQuarter(
      own,
      (e) => e.start,
      () => 1,
      false,
    ),
    E02: byQuarter(
      own,
      (e) => e.start,
      (e) => (isOnline(e) ? 1 : 0),
      false,
    ),
    E03: byQuarter(
      own,
      (e) => e.start,
      (e) => (forChildren(e) ? 1 : 0),
      false,
    ),
    S04: byQuarter(
      training.filter((t) => t.lib === lib.id),
      (t) => t.date,
      (t) => t.persons,
      true,
    ),
  };
  for (const ind of INDICATORS) {
    const line: Line | undefined = now[ind.code];
    if (!line) continue;
    const year = line.prior;
    const wholeCode = WHOLE.get(ind.code);
    const whole = wholeCode ? (b.lines[wholeCode]?.q ?? null) : null;
    const agg = AGG.get(ind.code) ?? 'sum';
    let q: Quarters;
    let start: number | undefined;
    if (counted[ind.code]) q = counted[ind.code] as Quarters;
    else if (ind.code === 'C03') {
      // The collection at each quarter's end, worked back from the year's end: C03(q-1) = C03(q) - C01(q) + C02(q).
      const c01 = b.lines.C01?.q ?? [0, 0, 0, 0];
      const c02 = b.lines.C02?.q ?? [0, 0, 0, 0];
      const stock = [0, 0, 0, year];
      for (let i = 3; i > 0; i--) stock[i - 1] = (stock[i] ?? 0) - (c01[i] ?? 0) + (c02[i] ?? 0);
      start = (stock[0] ?? 0) - (c01[0] ?? 0) + (c02[0] ?? 0);
      q = q4((i) => stock[i] ?? 0);
    } else if (agg === 'sum') q = whole ? underWhole(apportion(year, line.q), whole) : apportion(year, line.q);
    else if (ind.code.startsWith('S') || (ind.code.startsWith('T0') && ind.code !== 'T03'))
      // Staff and computers held all year: none of them is fewer than the part that they contain.
      q = whole ? q4((i) => Math.min(year, whole[i])) : [year, year, year, year];
    else q = shaped(year, line.q, whole);
    b.add(ind.code, q, {
      ...(start === undefined ? {} : { prior: start }),
      ...(wholeCode ? { whole: wholeCode } : {}),
    });
  }
  return b.lines;
}

// ---------------------------------------------------------------- the workbook

/** Every report accepted in January 2025, a few days after it was submitted. */
function acceptedRows(lang: Language): ContentRow[] {
  const rng = Rng.stream('last-year', 'submissions');
  const rows: { lib: string; status: 'submitted' | 'accepted'; by: string; at: number }[] = [];
  for (const l of REPORTING) {
    const submitted = utc(1, rng.int(8, 17), YEAR) + rng.int(9 * 60, 17 * 60) * 60_000;
    const accepted = submitted + rng.int(1, 4) * MS_PER_DAY + rng.int(-120, 120) * 60_000;
    rows.push({ lib: l.id, status: 'submitted', by: rng.pick(SUBMITTERS), at: submitted });
    rows.push({ lib: l.id, status: 'accepted', by: rng.pick(METHODOLOGISTS), at: accepted });
  }
  return rows
    .sort((a, b) => a.at - b.at)
    .map((r) => ({
      lib_id: r.lib,
      status: enumLabel(lang, 'report_status', r.status),
      changed_by: personIn(r.by, lang),
      changed_at: { date: r.at } as PlanValue,
      comment: null,
      checksum: null,
    }));
}

interface LastYear {
  readonly events: readonly EventCopy[];
  readonly training: readonly SampleTraining[];
  readonly reports: ReadonlyMap<string, ReportValues>;
}

let cache: LastYear | null = null;

/** The figures and rows of 2024, language aside. */
export function lastYearData(): LastYear {
  if (cache) return cache;
  const events = lastYearEvents();
  const eventOf = new Map<SampleEvent, SampleEvent>();
  for (const e of events) if (e.source && !eventOf.has(e.source)) eventOf.set(e.source, e);
  const now = sampleReports();
  const all = sampleTraining();
  const training = REPORTING.flatMap((l) => libraryTraining(l, now.get(l.id) ?? {}, all, eventOf));
  const reports = new Map(REPORTING.map((l) => [l.id, libraryReport(l, now.get(l.id) ?? {}, events, training)]));
  cache = { events, training, reports };
  return cache;
}

export function lastYearSample(lang: Language): WorkbookContent {
  const data = lastYearData();
  return withChecksums({
    settings: { level: 'oblast', region: REGION[lang], year: LAST_YEAR, language: lang },
    territories: TERRITORIES.map((t) => territoryRow(t, lang)),
    libraries: LAST_YEAR_LIBRARIES.map((l) => libraryRow(l, lang)),
    submissions: acceptedRows(lang),
    events: data.events.map((e) => eventRow(e, lang)),
    training: data.training.map((t) => trainingRow(t, lang)),
    ...methodRegisters(lang, lastYearMethodRows()),
    reports: REPORTING.map((l) => reportSheet(l, data.reports.get(l.id), lang)),
  });
}
