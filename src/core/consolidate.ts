/**
 * Consolidation (the «свод») of section 4 of the standard: the network's
 * totals, by territory and by library type, ratios recomputed from sums, the
 * events and training summaries, and which libraries were left out and why.
 * A pure function of a validated workbook.
 */
import {
  ENUMS,
  INDICATORS,
  RATIOS,
  changePercent,
  percentOf,
  ratioValue,
  yearValue,
  type EnumKey,
  type Level,
  type RatioKey,
} from '../standard';
import type { Finding } from './finding';
import { libKey } from './invisible';
import type { ParsedWorkbook, RegisterRow, Report } from './parsed';
import type { Validation } from './validate';
import { reportRegisters } from './checksum';
import {
  summarizeEventsV2,
  summarizeMethod,
  validRows,
  withEventsV2,
  type FullEvents,
  type MethodSummary,
  type RegistryLibrary,
} from './consolidate-method';
import {
  countByStatus,
  reportStatuses,
  statusOf,
  type LibraryStatus,
  type ReportStatus,
  type StatusCounts,
} from './submissions';

export interface Totals {
  plan: number | null;
  q1: number | null;
  q2: number | null;
  q3: number | null;
  q4: number | null;
  year: number | null;
  prior_year: number | null;
  plan_pct: number | null;
  change_pct: number | null;
}
export type IndicatorTotals = Record<string, Totals>;
export type Ratios = Record<RatioKey, number | null>;

export interface Excluded {
  readonly libId: string;
  /** The first error that excludes the report, and how many there are. */
  readonly first: Finding;
  readonly errors: number;
}

export interface CountAndParticipants {
  count: number;
  participants: number;
}

/**
 * The Events register summarised. Its figures are null (unknown, not zero) when the register is missing
 * from the workbook; the breakdowns then have no entries.
 */
export interface EventsSummary {
  count: number | null;
  participants: number | null;
  by_form: Record<string, CountAndParticipants>;
  by_format: Record<string, CountAndParticipants>;
  by_language: Record<string, CountAndParticipants>;
  by_audience: Record<string, CountAndParticipants>;
  by_month: Record<string, number>;
  by_territory: Record<string, CountAndParticipants>;
  territories_covered: number | null;
  pd: { count: number | null; hours: number | null; certificates: number | null };
}

/** The Training register summarised; null (unknown) when the register is missing. */
export interface TrainingTotals {
  persons: number | null;
  hours: number | null;
  certificates: number | null;
  /** S01 for the year of the included libraries. */
  staff: number | null;
  /** Persons trained in the included libraries / their S01 x 100: numerator and denominator over the same libraries. */
  staff_trained_pct: number | null;
}

export interface Consolidation {
  readonly year: number | null;
  readonly region: string | null;
  readonly level: Level | null;
  readonly includeErrors: boolean;
  readonly acceptedOnly: boolean;
  readonly libraries: {
    readonly active: number;
    readonly included: readonly string[];
    readonly excluded: readonly Excluded[];
    readonly missing: readonly string[];
    /** Reports left out because they are not accepted (only with `acceptedOnly`). */
    readonly notAccepted: readonly { readonly libId: string; readonly status: ReportStatus }[];
    /**
     * Libraries listed neither as excluded nor as not accepted whose register rows are not counted
     * either, as their report is not: the inactive, and with `acceptedOnly` the missing reports not
     * accepted; only those that have register rows, which the generated sheets name.
     */
    readonly rowsLeftOut: readonly string[];
    /** Register rows of the libraries left out (excluded, not accepted, `rowsLeftOut`), not counted either (section 4). */
    readonly registerRowsLeftOut: number;
    /** The active libraries by the status of their report (section 6). */
    readonly byStatus: StatusCounts;
  };
  readonly indicators: IndicatorTotals;
  readonly byTerritory: Record<string, IndicatorTotals>;
  readonly byType: Record<string, IndicatorTotals>;
  readonly ratios: Ratios;
  readonly ratiosByTerritory: Record<string, Ratios>;
  readonly events: FullEvents<EventsSummary>;
  /** The registers of methodological work (version 2). */
  readonly method: MethodSummary;
  readonly training: TrainingTotals & { by_territory: Record<string, TrainingTotals> };
  readonly issues: { readonly errors: number; readonly warnings: number };
  /** Territories and library types in registry order, for stable layout. */
  readonly territoryOrder: readonly string[];
}

export interface ConsolidateOptions {
  /** Count reports that have errors instead of excluding them. */
  readonly includeErrors?: boolean;
  /** Only reports a methodologist accepted (section 6). */
  readonly acceptedOnly?: boolean;
  /**
   * Libraries left out whatever the other options say, with the errors that say why: a library found
   * in two workbooks consolidated together is counted nowhere (section 7), `includeErrors` or not.
   */
  readonly alwaysExcluded?: ReadonlyMap<string, readonly Finding[]>;
}

interface Library {
  readonly id: string;
  readonly terr: string | null;
  readonly type: string | null;
}

const INDICATOR_INDEX = new Map(INDICATORS.map((ind, i) => [ind.code, i]));
const COVERAGE = RATIOS.find((r) => r.denominator === 'population') as (typeof RATIOS)[number];

/** The ratios of indicators, each with the position of its numerator and denominator among INDICATORS. */
const PAIRED = RATIOS.flatMap((r) =>
  r.denominator === 'population'
    ? []
    : [
        {
          ratio: r,
          num: INDICATOR_INDEX.get(r.numerator) as number,
          den: INDICATOR_INDEX.get(r.denominator) as number,
        },
      ],
);

/** Sums that stay null until something is added: blank is "not reported", never zero. */
class Accumulator {
  readonly plan: (number | null)[];
  readonly q: (number | null)[][];
  readonly year: (number | null)[];
  readonly prior: (number | null)[];
  /**
   * Each ratio's numerator and denominator summed over the libraries that report both: a share pairs
   * them over the same libraries, so a library that leaves an optional numerator blank (L02, Kazakh
   * loans) does not count in the denominator alone and pull the share down.
   */
  readonly pairs: { num: number | null; den: number | null }[];
  constructor() {
    const n = INDICATORS.length;
    this.plan = new Array<number | null>(n).fill(null);
    this.q = [0, 1, 2, 3].map(() => new Array<number | null>(n).fill(null));
    this.year = new Array<number | null>(n).fill(null);
    this.prior = new Array<number | null>(n).fill(null);
    this.pairs = PAIRED.map(() => ({ num: null, den: null }));
  }
  add(report: Report): void {
    const years = INDICATORS.map((ind, i) => {
      const line = report.lines.get(ind.code);
      if (!line) return null;
      this.plan[i] = plus(this.plan[i] ?? null, line.plan);
      for (let k = 0; k < 4; k++)
        (this.q[k] as (number | null)[])[i] = plus((this.q[k] as (number | null)[])[i] ?? null, line.q[k] ?? null);
      const year = yearValue(ind.agg, line.q);
      this.year[i] = plus(this.year[i] ?? null, year);
      this.prior[i] = plus(this.prior[i] ?? null, line.prior_year);
      return year;
    });
    PAIRED.forEach((p, k) => {
      const num = years[p.num] ?? null;
      const den = years[p.den] ?? null;
      if (num === null || den === null) return;
      const pair = this.pairs[k] as { num: number | null; den: number | null };
      pair.num = plus(pair.num, num);
      pair.den = plus(pair.den, den);
    });
  }
  /** The ratios of section 2.1; coverage, whose denominator is the territories' population, from `population`. */
  ratios(population: number | null): Ratios {
    const out = {} as Ratios;
    PAIRED.forEach((p, k) => {
      const pair = this.pairs[k] as { num: number | null; den: number | null };
      out[p.ratio.key] = finite(ratioValue(p.ratio, finite(pair.num), finite(pair.den)));
    });
    const users = this.year[INDICATOR_INDEX.get(COVERAGE.numerator) as number] ?? null;
    out[COVERAGE.key] = finite(ratioValue(COVERAGE, finite(users), population));
    return out;
  }
  totals(): IndicatorTotals {
    const out: IndicatorTotals = {};
    INDICATORS.forEach((ind, i) => {
      const year = finite(this.year[i] ?? null);
      const plan = finite(this.plan[i] ?? null);
      const prior = finite(this.prior[i] ?? null);
      const q = (k: number) => finite((this.q[k] as (number | null)[])[i] ?? null);
      out[ind.code] = {
        plan,
        q1: q(0),
        q2: q(1),
        q3: q(2),
        q4: q(3),
        year,
        prior_year: prior,
        plan_pct: finite(percentOf(year, plan)),
        change_pct: finite(changePercent(year, prior)),
      };
    });
    return out;
  }
}

function plus(a: number | null, b: number | null): number | null {
  if (b === null) return a;
  return (a ?? 0) + b;
}

/**
 * A figure Excel can store. The checks refuse any value past THRESHOLDS.maxValue, so no sum comes near
 * overflowing; should one ever, it is unknown rather than Infinity (which no cell can hold).
 */
function finite(v: number | null): number | null {
  return v === null || Number.isFinite(v) ? v : null;
}

export function consolidate(validation: Validation, options: ConsolidateOptions = {}): Consolidation {
  const wb = validation.workbook;
  const includeErrors = options.includeErrors ?? false;
  const acceptedOnly = options.acceptedOnly ?? false;
  const statuses = reportStatuses(wb);
  const registry = allLibraries(wb);
  const libraries = registry.filter((l) => l.active);
  const territories = territoriesOf(wb);
  const chosen = chooseReports(validation, registry, statuses, registerOwners(wb), options);
  const sums = sumReports(wb, libraries, chosen.included, territories);
  const terrOf = new Map(registry.map((l) => [l.id, l.terr]));
  // An excluded library is excluded from every figure (section 4): its register rows go with its report.
  const counted = countedRegisters(validation, leftOutLibraries(chosen));
  const inCounted: Validation = { ...validation, workbook: counted.workbook };
  return {
    year: wb.meta.year,
    region: wb.meta.region,
    level: wb.meta.level,
    includeErrors,
    acceptedOnly,
    libraries: {
      active: libraries.length,
      ...chosen,
      registerRowsLeftOut: counted.leftOut,
      byStatus: countByStatus(
        statuses,
        libraries.map((l) => l.id),
      ),
    },
    indicators: sums.indicators,
    byTerritory: sums.byTerritory,
    byType: sums.byType,
    ratios: sums.ratios,
    ratiosByTerritory: sums.ratiosByTerritory,
    events: withEventsV2(
      summarizeEvents(counted.workbook, terrOf),
      summarizeEventsV2(counted.workbook, territories.order),
    ),
    method: summarizeMethod(inCounted, registry, territories.order),
    training: summarizeTraining(
      counted.workbook,
      terrOf,
      new Set(chosen.included),
      sums.indicators,
      sums.byTerritory,
      territories.order,
    ),
    issues: { errors: validation.errors, warnings: validation.warnings },
    territoryOrder: territories.order,
  };
}

/**
 * The errors that exclude each library's report (keyed by `libKey`): those
 * the checks attribute to the library itself, its report table and registry
 * row. An error in one of its register rows leaves that row out, not the
 * library. The board of reports shows these beside the others, so that the
 * two say the same (`board.ts`).
 */
export function excludingErrors(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity !== 'error' || !f.libId) continue;
    const k = libKey(f.libId);
    const list = out.get(k);
    if (list) list.push(f);
    else out.set(k, [f]);
  }
  return out;
}

interface Chosen {
  readonly included: string[];
  readonly excluded: Excluded[];
  readonly missing: string[];
  readonly notAccepted: { libId: string; status: ReportStatus }[];
  readonly rowsLeftOut: string[];
}

/** Which reports are counted, and why each of the others is not (section 4; section 6 for `acceptedOnly`). */
function chooseReports(
  validation: Validation,
  registry: readonly RegistryEntry[],
  statuses: ReadonlyMap<string, LibraryStatus>,
  owners: ReadonlySet<string>,
  options: ConsolidateOptions,
): Chosen {
  const errorsByLib = excludingErrors(validation.findings);
  const chosen: Chosen = { included: [], excluded: [], missing: [], notAccepted: [], rowsLeftOut: [] };
  for (const lib of registry) {
    const forced = options.alwaysExcluded?.get(lib.id);
    if (forced && forced.length > 0) {
      chosen.excluded.push({ libId: lib.id, first: forced[0] as Finding, errors: forced.length });
      continue;
    }
    if (!lib.active) {
      // Its report is not counted, so neither are its register rows; an `active` cell that says neither yes
      // nor no is an error of the library, listed with it, rather than a library that quietly counts nowhere.
      const errs = lib.activeUnknown ? errorsByLib.get(lib.id) : undefined;
      if (errs && errs.length > 0)
        chosen.excluded.push({ libId: lib.id, first: errs[0] as Finding, errors: errs.length });
      else if (owners.has(lib.id)) chosen.rowsLeftOut.push(lib.id);
      continue;
    }
    const status = statusOf(statuses, lib.id).status;
    const report = validation.workbook.reports.get(lib.id);
    if (!report || report.empty) {
      chosen.missing.push(lib.id);
      if (options.acceptedOnly && status !== 'accepted' && owners.has(lib.id)) chosen.rowsLeftOut.push(lib.id);
      continue;
    }
    if (options.acceptedOnly && status !== 'accepted') {
      chosen.notAccepted.push({ libId: lib.id, status });
      continue;
    }
    const errs = errorsByLib.get(lib.id);
    if (errs && errs.length > 0 && !options.includeErrors) {
      chosen.excluded.push({ libId: lib.id, first: errs[0] as Finding, errors: errs.length });
      continue;
    }
    chosen.included.push(lib.id);
  }
  return chosen;
}

interface Territories {
  /** In registry order, for a stable layout. */
  readonly order: string[];
  readonly population: Map<string, number | null>;
}

function territoriesOf(wb: ParsedWorkbook): Territories {
  const order: string[] = [];
  const population = new Map<string, number | null>();
  for (const row of wb.registers.Territories.rows) {
    const code = row.v.terr_code;
    if (typeof code !== 'string' || population.has(code)) continue;
    order.push(code);
    population.set(code, typeof row.v.population === 'number' ? row.v.population : null);
  }
  return { order, population };
}

/** The included reports summed for the network, each territory and each library type, with their ratios. */
function sumReports(
  wb: ParsedWorkbook,
  libraries: readonly Library[],
  included: readonly string[],
  territories: Territories,
) {
  const network = new Accumulator();
  const byTerr = new Map<string, Accumulator>();
  const byType = new Map<string, Accumulator>();
  const counted = new Set(included);
  for (const lib of libraries) {
    const report = wb.reports.get(lib.id);
    if (!report || !counted.has(lib.id)) continue;
    network.add(report);
    if (lib.terr) getOr(byTerr, lib.terr, () => new Accumulator()).add(report);
    if (lib.type) getOr(byType, lib.type, () => new Accumulator()).add(report);
  }
  const indicators = network.totals();
  const coverage = { users: null as number | null, population: 0 };
  const byTerritory: Record<string, IndicatorTotals> = {};
  const ratiosByTerritory: Record<string, Ratios> = {};
  for (const code of territories.order) {
    const acc = byTerr.get(code) ?? new Accumulator();
    const totals = acc.totals();
    byTerritory[code] = totals;
    const pop = territories.population.get(code) ?? null;
    ratiosByTerritory[code] = acc.ratios(pop);
    const users = totals.U01?.year ?? null;
    if (pop !== null && users !== null) {
      coverage.users = (coverage.users ?? 0) + users;
      coverage.population += pop;
    }
  }
  const typeTotals: Record<string, IndicatorTotals> = {};
  for (const type of ENUMS.library_type) {
    const acc = byType.get(type);
    if (acc) typeTotals[type] = acc.totals();
  }
  const ratios = network.ratios(null);
  ratios.coverage_pct = coverage.population > 0 ? finite(percentOf(coverage.users, coverage.population)) : null;
  return { indicators, byTerritory, byType: typeTotals, ratios, ratiosByTerritory };
}

/** The libraries that own rows of the registers consolidation counts (by `libKey`). */
function registerOwners(wb: ParsedWorkbook): Set<string> {
  const out = new Set<string>();
  for (const [, reg] of reportRegisters(wb))
    for (const r of reg.rows) if (typeof r.v.lib_id === 'string') out.add(libKey(r.v.lib_id));
  return out;
}

/** The libraries whose register rows are left out with their report: excluded, not accepted, or `rowsLeftOut`. */
export function leftOutLibraries(libraries: {
  readonly excluded: readonly Excluded[];
  readonly notAccepted: readonly { readonly libId: string }[];
  readonly rowsLeftOut: readonly string[];
}): Set<string> {
  return new Set([
    ...libraries.excluded.map((e) => e.libId),
    ...libraries.notAccepted.map((n) => n.libId),
    ...libraries.rowsLeftOut,
  ]);
}

/**
 * The workbook with only the register rows that count: rows with an error
 * are left out (and listed in Issues), and so are the rows of the libraries
 * left out, counted in `leftOut` for the sheets to say.
 */
export function countedRegisters(
  validation: Validation,
  leftOutLibraries: ReadonlySet<string>,
): { workbook: ParsedWorkbook; leftOut: number } {
  const wb = validation.workbook;
  const registers = { ...wb.registers };
  let leftOut = 0;
  for (const [name, reg] of reportRegisters(wb)) {
    const owner = (r: RegisterRow) => (typeof r.v.lib_id === 'string' ? libKey(r.v.lib_id) : null);
    const ofLeftOut = (r: RegisterRow) => leftOutLibraries.has(owner(r) ?? '');
    leftOut += reg.rows.filter(ofLeftOut).length;
    registers[name] = { ...reg, rows: validRows(validation, reg).filter((r) => !ofLeftOut(r)) };
  }
  return { workbook: { ...wb, registers }, leftOut };
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** A library of the registry, and whether its `active` cell says neither yes nor no (an error there). */
type RegistryEntry = RegistryLibrary & { readonly activeUnknown: boolean };

function allLibraries(wb: ParsedWorkbook): RegistryEntry[] {
  const seen = new Set<string>();
  const out: RegistryEntry[] = [];
  for (const row of wb.registers.Libraries.rows) {
    const id = row.v.lib_id;
    if (typeof id !== 'string' || seen.has(libKey(id))) continue;
    seen.add(libKey(id));
    out.push({
      id: libKey(id),
      terr: typeof row.v.terr_code === 'string' ? row.v.terr_code : null,
      type: typeof row.v.type === 'string' ? row.v.type : null,
      active: row.v.active === 'yes',
      activeUnknown: row.v.active !== 'yes' && row.v.active !== 'no',
    });
  }
  return out;
}

const blankCounts = <E extends 'event_form' | 'event_format' | 'event_language' | 'audience'>(e: E) =>
  Object.fromEntries(ENUMS[e].map((k: EnumKey<E>) => [k, { count: 0, participants: 0 }])) as Record<
    string,
    CountAndParticipants
  >;

/** The events summary while it is counted: every figure known. */
type EventCounts = Omit<EventsSummary, 'count' | 'participants' | 'territories_covered' | 'pd'> & {
  count: number;
  participants: number;
  territories_covered: number;
  pd: { count: number; hours: number; certificates: number };
};

function summarizeEvents(wb: ParsedWorkbook, terrOf: Map<string, string | null>): EventsSummary {
  if (!wb.registers.Events.table) {
    // No register: nothing is known about events, which is not the same as none held.
    return {
      count: null,
      participants: null,
      by_form: {},
      by_format: {},
      by_language: {},
      by_audience: {},
      by_month: {},
      by_territory: {},
      territories_covered: null,
      pd: { count: null, hours: null, certificates: null },
    };
  }
  const s: EventCounts = {
    count: 0,
    participants: 0,
    by_form: blankCounts('event_form'),
    by_format: blankCounts('event_format'),
    by_language: blankCounts('event_language'),
    by_audience: blankCounts('audience'),
    by_month: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1).padStart(2, '0'), 0])),
    by_territory: {},
    territories_covered: 0,
    pd: { count: 0, hours: 0, certificates: 0 },
  };
  const add = (bucket: Record<string, CountAndParticipants>, key: unknown, p: number) => {
    if (typeof key !== 'string') return;
    const b = bucket[key] ?? (bucket[key] = { count: 0, participants: 0 });
    b.count++;
    b.participants += p;
  };
  for (const row of wb.registers.Events.rows) {
    const v = row.v;
    const p = typeof v.participants === 'number' ? v.participants : 0;
    s.count++;
    s.participants += p;
    add(s.by_form, v.form, p);
    add(s.by_format, v.format, p);
    add(s.by_language, v.language, p);
    add(s.by_audience, v.audience, p);
    if (typeof v.date_start === 'number') {
      const m = String(new Date(v.date_start).getUTCMonth() + 1).padStart(2, '0');
      s.by_month[m] = (s.by_month[m] ?? 0) + 1;
    }
    const terr = typeof v.lib_id === 'string' ? terrOf.get(v.lib_id.toUpperCase()) : undefined;
    if (terr) add(s.by_territory, terr, p);
    if (v.pd === 'yes') {
      s.pd.count++;
      s.pd.hours += typeof v.hours === 'number' ? v.hours : 0;
      s.pd.certificates += typeof v.certificates === 'number' ? v.certificates : 0;
    }
  }
  s.territories_covered = Object.values(s.by_territory).filter((b) => b.count > 0).length;
  return {
    ...s,
    participants: finite(s.participants),
    pd: { ...s.pd, hours: finite(s.pd.hours), certificates: finite(s.pd.certificates) },
  };
}

/**
 * Training: persons, person-hours and certificates over every row of the register; the share of staff
 * trained over the included libraries only, since their S01 is the only staff figure the totals hold.
 */
function summarizeTraining(
  wb: ParsedWorkbook,
  terrOf: Map<string, string | null>,
  included: ReadonlySet<string>,
  network: IndicatorTotals,
  territories: Record<string, IndicatorTotals>,
  order: readonly string[],
): TrainingTotals & { by_territory: Record<string, TrainingTotals> } {
  const known = wb.registers.Training.table !== null;
  interface Sums {
    persons: number;
    hours: number;
    certificates: number;
    /** Persons of the included libraries: the share's numerator. */
    trained: number;
    staff: number | null;
  }
  const blank = (staff: number | null): Sums => ({ persons: 0, hours: 0, certificates: 0, trained: 0, staff });
  const total = blank(network.S01?.year ?? null);
  const byTerr = new Map<string, Sums>();
  for (const code of order) byTerr.set(code, blank(territories[code]?.S01?.year ?? null));
  for (const row of wb.registers.Training.rows) {
    const v = row.v;
    const persons = typeof v.persons === 'number' ? v.persons : 1;
    const hours = typeof v.hours === 'number' ? v.hours * persons : 0;
    const certs = v.certificate === 'yes' ? persons : 0;
    const lib = typeof v.lib_id === 'string' ? v.lib_id.toUpperCase() : undefined;
    const terr = lib === undefined ? undefined : terrOf.get(lib);
    const inTerr = terr ? byTerr.get(terr) : undefined;
    for (const t of inTerr ? [total, inTerr] : [total]) {
      t.persons += persons;
      t.hours += hours;
      t.certificates += certs;
      if (lib !== undefined && included.has(lib)) t.trained += persons;
    }
  }
  const result = (t: Sums): TrainingTotals =>
    known
      ? {
          persons: finite(t.persons),
          hours: finite(t.hours),
          certificates: finite(t.certificates),
          staff: t.staff,
          staff_trained_pct: finite(percentOf(t.trained, t.staff)),
        }
      : { persons: null, hours: null, certificates: null, staff: t.staff, staff_trained_pct: null };
  const by_territory: Record<string, TrainingTotals> = {};
  for (const [code, t] of byTerr) by_territory[code] = result(t);
  return { ...result(total), by_territory };
}
