/**
 * Each active library's report: plan, four quarters and last year's value of
 * every indicator, drawn around the library's profile and kept consistent the
 * way the checks of the standard expect: parts never exceed their wholes,
 * year-to-date values never fall, the collection balances quarter by quarter,
 * E01–E03 count the library's rows in Events and S04 its persons in Training.
 */
import { INDICATORS, yearValue, type Aggregation } from '../standard';
import { sampleEvents } from './events';
import { ACTIVE_LIBRARIES, isChildren, type Library, type LibraryType } from './libraries';
import { profile } from './profiles';
import { Rng } from './random';
import { territory } from './territories';
import { quarterOf } from './text';
import { sampleTraining } from './training';

export type Quarters = readonly [number, number, number, number];

export interface Line {
  readonly plan: number;
  readonly q: Quarters;
  readonly prior: number;
}

export type ReportValues = Readonly<Record<string, Line>>;

const AGG = new Map<string, Aggregation>(INDICATORS.map((i) => [i.code, i.agg]));

export type Qi = 0 | 1 | 2 | 3;
export const q4 = (f: (i: Qi) => number): Quarters => [f(0), f(1), f(2), f(3)];

/** Quarter-end figures that carry on from `start` (a stock, a running total): each made from the one before. */
function running(start: number, next: (before: number, i: Qi) => number): Quarters {
  let x = start;
  return q4((i) => (x = next(x, i)));
}

/** Whole numbers that add up to `total`, in proportion to `weights` (largest remainder). */
function spread(rng: Rng, total: number, weights: readonly number[]): Quarters {
  const w = weights.map((x) => x * rng.between(0.9, 1.1));
  const sum = w.reduce((a, b) => a + b, 0);
  const exact = w.map((x) => (total * x) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest-- <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
  }
  return q4((i) => out[i] ?? 0);
}

/** A plan the library mostly met (90–115 %), now and then missed or beat by more. */
function planFor(rng: Rng, year: number): number {
  if (year === 0) return 0;
  const f = rng.chance(0.1) ? rng.between(0.75, 1.3) : rng.between(0.92, 1.12);
  const plan = Math.max(1, Math.round(year / f));
  return year / plan < 0.55 || year / plan > 1.8 ? year : plan;
}

/** A `sum` equal to last year's looks copied (rule W1): real flows never match to the unit. */
function notCopied(agg: Aggregation, year: number, prior: number): number {
  if (agg !== 'sum' || prior !== year || year === 0) return prior;
  return year > 1 ? year - 1 : year + 1;
}

export class Builder {
  readonly lines: Record<string, Line> = {};
  constructor(private readonly rng: Rng) {}

  /**
   * A line; last year's value is drawn around this year's. A part takes its
   * plan and last year's value as the same share of its whole's, so that no
   * part's plan or prior exceeds its whole's.
   */
  add(code: string, q: Quarters, options: { readonly prior?: number; readonly whole?: string } = {}): Line {
    const agg = AGG.get(code) ?? 'sum';
    const year = yearValue(agg, q) ?? 0;
    const whole = options.whole === undefined ? undefined : this.lines[options.whole];
    let plan = planFor(this.rng, year);
    let prior = options.prior ?? Math.round(year / (1 + this.rng.growth()));
    if (whole) {
      const wholeYear = yearValue(AGG.get(options.whole ?? '') ?? 'sum', whole.q) ?? 0;
      const share = year / Math.max(1, wholeYear);
      const sharePlan = Math.min(whole.plan, Math.round(whole.plan * share * this.rng.between(0.97, 1.03)));
      if (year === 0 || (year / Math.max(1, sharePlan) >= 0.55 && year / Math.max(1, sharePlan) <= 1.8))
        plan = sharePlan;
      if (options.prior === undefined)
        prior = Math.min(whole.prior, Math.round(whole.prior * share * this.rng.between(0.97, 1.03)));
    }
    const line = { plan, q, prior: notCopied(agg, year, Math.max(0, prior)) };
    this.lines[code] = line;
    return line;
  }

  /** A part whose quarters are a share of its whole's. */
  part(code: string, wholeCode: string, share: number): Line {
    const whole = this.lines[wholeCode];
    if (!whole) throw new Error(`${wholeCode} before ${code}`);
    return this.add(
      code,
      q4((i) => Math.floor(whole.q[i] * share)),
      { whole: wholeCode },
    );
  }
}

/** Readers re-register each January, so half the year's users are there by the end of Q1. */
function yearToDate(rng: Rng, total: number): Quarters {
  const f1 = rng.between(0.42, 0.55);
  const f2 = f1 + rng.between(0.12, 0.2);
  const f3 = Math.min(0.97, f2 + rng.between(0.08, 0.15));
  const f: Quarters = [f1, f2, f3, 1];
  return q4((i) => Math.round(total * f[i]));
}

type Range = readonly [min: number, max: number];

interface Shares {
  readonly children: number;
  readonly youth: number;
  readonly remote: number;
  readonly disabled: number;
}

/** Shares of the users, by the kind of library (drawn in this order). */
const USER_SHARES: Record<'special' | 'children' | 'universal' | 'other', Record<keyof Shares, Range>> = {
  special: { children: [0.04, 0.08], youth: [0.1, 0.16], remote: [0.12, 0.2], disabled: [0.72, 0.85] },
  children: { children: [0.76, 0.86], youth: [0.08, 0.14], remote: [0.03, 0.08], disabled: [0.01, 0.02] },
  universal: { children: [0.05, 0.1], youth: [0.35, 0.45], remote: [0.15, 0.25], disabled: [0.01, 0.02] },
  other: { children: [0.25, 0.38], youth: [0.2, 0.3], remote: [0.03, 0.1], disabled: [0.01, 0.03] },
};

function userShares(rng: Rng, lib: Library): Shares {
  const kind =
    lib.type === 'oblast_special'
      ? 'special'
      : isChildren(lib)
        ? 'children'
        : lib.type === 'oblast_universal'
          ? 'universal'
          : 'other';
  const r = USER_SHARES[kind];
  return {
    children: rng.between(...r.children),
    youth: rng.between(...r.youth),
    remote: rng.between(...r.remote),
    disabled: rng.between(...r.disabled),
  };
}

interface TypeProfile {
  /** Remote visits (website, e-catalogue) per registered user. */
  readonly remote: Range;
  /** Computers for readers; null: about one per member of staff. */
  readonly computers: Range | null;
  /** Followers on social media. */
  readonly followers: Range;
}

const BY_TYPE: Readonly<Record<LibraryType, TypeProfile>> = {
  oblast_universal: { remote: [10, 20], computers: [120, 140], followers: [12_000, 20_000] },
  oblast_children: { remote: [4, 8], computers: [55, 65], followers: [8_000, 12_000] },
  oblast_special: { remote: [4, 8], computers: [30, 38], followers: [2_500, 4_000] },
  central_district: { remote: [3, 6], computers: null, followers: [2_000, 6_000] },
  central_city: { remote: [3, 6], computers: null, followers: [2_000, 6_000] },
  central_children: { remote: [3, 6], computers: null, followers: [1_500, 3_500] },
  city_branch: { remote: [0.5, 1.5], computers: [3, 6], followers: [400, 1_500] },
  rural_branch: { remote: [0.2, 0.8], computers: [1, 3], followers: [150, 700] },
  other: { remote: [3, 6], computers: null, followers: [2_000, 6_000] },
};

function computers(rng: Rng, lib: Library, staff: number): number {
  const range = BY_TYPE[lib.type].computers;
  return range ? rng.int(...range) : Math.max(4, Math.round(staff * rng.between(0.7, 0.95)));
}

/** Visits and loans: fewer in summer, except in children's libraries (summer reading). */
const SEASON = [0.27, 0.25, 0.2, 0.28];
const SEASON_CHILDREN = [0.25, 0.25, 0.24, 0.26];

function libraryReport(lib: Library): ReportValues {
  const rng = Rng.stream('report', lib.id);
  const p = profile(lib);
  const b = new Builder(rng);
  const russian = territory(lib.terr).russian;
  const season = isChildren(lib) ? SEASON_CHILDREN : SEASON;

  b.add('U01', yearToDate(rng, p.users));
  const shares = userShares(rng, lib);
  b.part('U02', 'U01', shares.children);
  b.part('U03', 'U01', shares.youth);
  b.part('U04', 'U01', shares.remote);
  b.part('U05', 'U01', shares.disabled);

  const events = sampleEvents().filter((e) => e.lib === lib.id);
  const visits = b.add('V01', spread(rng, Math.round(p.users * p.visitRate), season));
  // Visits to events: the people who came to the register's events, and some who came to events nobody registered.
  const attended = q4((i) =>
    events.filter((e) => quarterOf(e.start) === i && e.format !== 'online').reduce((s, e) => s + e.participants, 0),
  );
  const v02 = q4((i) => {
    const v = visits.q[i];
    return Math.min(
      Math.floor(v * 0.45),
      Math.max(Math.floor(v * 0.08), Math.round(attended[i] * rng.between(1.05, 1.35))),
    );
  });
  b.add('V02', v02, { whole: 'V01' });
  b.add('V03', spread(rng, Math.round(p.users * rng.between(...BY_TYPE[lib.type].remote)), [0.26, 0.25, 0.22, 0.27]));

  b.add('L01', spread(rng, Math.round(p.users * p.readership), season));
  const kazakhLoans =
    lib.type === 'oblast_special'
      ? rng.between(0.45, 0.55)
      : Math.min(0.92, Math.max(0.3, 1 - russian * rng.between(0.85, 1.1)));
  b.part('L02', 'L01', kazakhLoans);
  b.part('L03', 'L01', Math.min(0.95, shares.children * rng.between(1, 1.25)));

  // The collection: last year's end stock, plus acquisitions, minus withdrawals, quarter by quarter (rule R3).
  const start = Math.round(p.users * p.provision);
  const acquired = b.add('C01', spread(rng, Math.round(start * rng.between(0.025, 0.05)), [0.15, 0.25, 0.3, 0.3]));
  const withdrawn = b.add('C02', spread(rng, Math.round(start * rng.between(0.015, 0.04)), [0.1, 0.2, 0.2, 0.5]));
  const c03 = running(start, (s, i) => s + acquired.q[i] - withdrawn.q[i]);
  b.add('C03', c03, { prior: start });
  // New books are mostly in Kazakh, written-off ones mostly old Russian ones.
  const kazakhShare = Math.min(0.8, Math.max(0.25, 1 - russian * rng.between(1, 1.3)));
  const inKazakh = rng.between(0.6, 0.85);
  const outKazakh = rng.between(0.15, 0.35);
  const kazakhStart = Math.round(start * kazakhShare);
  const c04 = running(kazakhStart, (k, i) =>
    Math.min(c03[i], Math.max(0, k + Math.round(acquired.q[i] * inKazakh) - Math.round(withdrawn.q[i] * outKazakh))),
  );
  b.add('C04', c04, { prior: kazakhStart, whole: 'C03' });
  const electronicShare = lib.type.startsWith('oblast_')
    ? rng.between(0.02, 0.06)
    : lib.type.startsWith('central_')
      ? rng.between(0.005, 0.02)
      : rng.between(0.001, 0.005);
  const electronicStart = Math.round(start * electronicShare);
  // Electronic documents grow by a few per cent a quarter: a branch's handful must not double (rule W1).
  const c05 = running(electronicStart, (e, i) =>
    Math.min(
      c03[i],
      e +
        Math.min(Math.round(acquired.q[i] * rng.between(0, 0.04)), Math.round(electronicStart * rng.between(0, 0.05))),
    ),
  );
  b.add('C05', c05, { prior: electronicStart, whole: 'C03' });

  const count = (pred: (x: (typeof events)[number]) => boolean): Quarters =>
    q4((i) => events.filter((x) => quarterOf(x.start) === i && pred(x)).length);
  b.add(
    'E01',
    count(() => true),
  );
  b.add(
    'E02',
    count((x) => x.format === 'online'),
    { whole: 'E01' },
  );
  b.add(
    'E03',
    count((x) => x.audience === 'children'),
    { whole: 'E01' },
  );

  const staff = b.add('S01', p.staff, { prior: p.staffPrior });
  const higher = rng.between(0.6, 0.85);
  const s02 = b.add(
    'S02',
    q4((i) => Math.min(staff.q[i], Math.round(p.staff[0] * higher))),
    {
      prior: Math.min(p.staffPrior, Math.round(p.staffPrior * higher)),
      whole: 'S01',
    },
  );
  const library = rng.between(0.25, 0.5);
  b.add(
    'S03',
    q4((i) => Math.min(s02.q[i], Math.round(s02.q[0] * library))),
    {
      prior: Math.min(s02.prior, Math.round(s02.prior * library)),
      whole: 'S02',
    },
  );
  const trained = sampleTraining().filter((t) => t.lib === lib.id);
  const s04 = running(
    0,
    (sum, i) => sum + trained.filter((t) => quarterOf(t.date) === i).reduce((n, t) => n + t.persons, 0),
  );
  // Last year's trained staff is its own figure, not a share of last year's staff.
  const s04Prior = Math.min(p.staffPrior, Math.round(s04[3] / (1 + rng.growth())));
  b.add('S04', s04, { prior: s04Prior, whole: 'S01' });

  const c = computers(rng, lib, p.staff[0]);
  const added = rng.chance(0.3) ? rng.int(1, 3) : 0;
  const pcs = b.add(
    'T01',
    q4((i) => (i >= 2 ? c + added : c)),
    { prior: c },
  );
  const offline = lib.type === 'rural_branch' ? 0 : rng.int(0, 2);
  b.add(
    'T02',
    q4((i) => Math.max(0, pcs.q[i] - offline)),
    { prior: Math.max(0, c - offline), whole: 'T01' },
  );
  const base = rng.int(...BY_TYPE[lib.type].followers);
  b.add(
    'T03',
    running(base, (f) => Math.round(f * rng.between(1.01, 1.05))),
    { prior: base },
  );
  // Consultations are the methodological departments' work: the oblast and central libraries give nearly all of them.
  const perQuarter = lib.type.startsWith('oblast')
    ? rng.int(25, 45)
    : lib.type.startsWith('central')
      ? rng.int(6, 14)
      : 0;
  b.add(
    'M01',
    q4(() => perQuarter + (perQuarter > 0 ? rng.int(-3, 3) : 0)),
  );
  b.part('M02', 'M01', rng.between(0.25, 0.45));
  return b.lines;
}

let cache: ReadonlyMap<string, ReportValues> | null = null;

/** Report values by library, for every active library. */
export function sampleReports(): ReadonlyMap<string, ReportValues> {
  if (cache) return cache;
  cache = new Map(ACTIVE_LIBRARIES.map((l) => [l.id, libraryReport(l)]));
  return cache;
}
