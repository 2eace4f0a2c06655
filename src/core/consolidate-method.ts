/**
 * The consolidation of what version 2 of the standard added (section 4.1,
 * "Version 2 adds"): events by level, children, disabled and speakers, the
 * reach of professional development by territory, and the registers of
 * methodological work (visits, publications, participation, studies).
 */
import { ENUMS, percentOf, type EnumName } from '../standard';
import type { FieldValue, ParsedWorkbook, Register, RegisterRow } from './parsed';
import type { Validation } from './validate';
import { codesIn } from './checks/registers';

export interface CountAndPersons {
  count: number;
  persons: number;
}

export interface EventsV2 {
  by_level: Record<string, { count: number; participants: number }>;
  children: number | null;
  disabled: number | null;
  speakers: number | null;
  pd: { participants: number | null; reach: Record<string, number>; territories_reached: number | null };
}

export interface VisitsSummary {
  count: number;
  persons: number;
  libraries_visited: number;
  libraries_visited_pct: number | null;
  by_purpose: Record<string, number>;
  by_territory: Record<string, { libraries: number; visited: number }>;
  not_visited: string[];
}

export interface PublicationsSummary {
  count: number;
  copies: number;
  accessible: number;
  by_kind: Record<string, number>;
  by_format: Record<string, number>;
  by_language: Record<string, number>;
}

export interface ParticipationSummary {
  count: number;
  persons: number;
  by_level: Record<string, CountAndPersons>;
  by_role: Record<string, CountAndPersons>;
}

export interface StudiesSummary {
  count: number;
  respondents: number;
  by_kind: Record<string, number>;
}

export interface MethodSummary {
  readonly visits: VisitsSummary;
  readonly publications: PublicationsSummary;
  readonly participation: ParticipationSummary;
  readonly studies: StudiesSummary;
}

/** A library of the registry as consolidation sees it. */
export interface RegistryLibrary {
  readonly id: string;
  readonly terr: string | null;
  readonly type: string | null;
  readonly active: boolean;
}

/** Formats a publication is accessible in to readers who cannot read ordinary print. */
const ACCESSIBLE_FORMATS: ReadonlySet<string> = new Set(['braille', 'large_print', 'audio']);

const num = (v: FieldValue | undefined): number => (typeof v === 'number' ? v : 0);
const zeros = (e: EnumName): Record<string, number> => Object.fromEntries(ENUMS[e].map((k) => [k, 0]));
function inc(bucket: Record<string, number>, key: FieldValue | undefined): void {
  if (typeof key === 'string') bucket[key] = (bucket[key] ?? 0) + 1;
}

/**
 * The rows of a register that have no error: a row with one is left out of
 * the totals (and listed in Issues), whatever the state of the library's report.
 */
export function validRows(validation: Validation, reg: Register): RegisterRow[] {
  const t = reg.table;
  if (!t) return [];
  const bad = new Set<number>();
  for (const f of validation.findings) {
    if (f.severity !== 'error' || f.table !== t.name || f.cell === null) continue;
    const m = /(\d+)$/.exec(f.cell);
    // The cell's 1-based sheet row, less the header's 0-based row and the header itself.
    if (m) bad.add(Number(m[1]) - t.top - 2);
  }
  return reg.rows.filter((r) => !bad.has(r.n) && r.bad === null);
}

export function summarizeEventsV2(wb: ParsedWorkbook, territoryOrder: readonly string[]): EventsV2 {
  const s = {
    by_level: Object.fromEntries(ENUMS.event_level.map((k) => [k, { count: 0, participants: 0 }])),
    children: 0,
    disabled: 0,
    speakers: 0,
    pd: { participants: 0, reach: Object.fromEntries(territoryOrder.map((t) => [t, 0])), territories_reached: 0 },
  };
  const canonical = new Map(territoryOrder.map((t) => [t.toUpperCase(), t]));
  for (const row of wb.registers.Events.rows) {
    const v = row.v;
    const p = num(v.participants);
    if (typeof v.level === 'string') {
      const b = (s.by_level[v.level] ??= { count: 0, participants: 0 });
      b.count++;
      b.participants += p;
    }
    s.children += num(v.children);
    s.disabled += num(v.disabled);
    s.speakers += num(v.speakers);
    if (v.pd !== 'yes') continue;
    s.pd.participants += p;
    if (typeof v.territories !== 'string') continue;
    // An event names a territory once however often its cell repeats it.
    const named = new Set(codesIn(v.territories).map((c) => canonical.get(c.toUpperCase())));
    for (const t of named) if (t !== undefined) s.pd.reach[t] = (s.pd.reach[t] ?? 0) + 1;
  }
  s.pd.territories_reached = Object.values(s.pd.reach).filter((n) => n > 0).length;
  return s;
}

export function summarizeMethod(
  validation: Validation,
  libraries: readonly RegistryLibrary[],
  territoryOrder: readonly string[],
): MethodSummary {
  const wb = validation.workbook;
  return {
    visits: summarizeVisits(validRows(validation, wb.registers.Visits), libraries, territoryOrder),
    publications: summarizePublications(validRows(validation, wb.registers.Publications)),
    participation: summarizeParticipation(validRows(validation, wb.registers.Participation)),
    studies: summarizeStudies(validRows(validation, wb.registers.Studies)),
  };
}

/** The libraries that can be visited: the active ones that are not oblast libraries (which do the visiting). */
export const canBeVisited = (l: RegistryLibrary): boolean => l.active && !(l.type ?? '').startsWith('oblast_');

function summarizeVisits(
  rows: readonly RegisterRow[],
  libraries: readonly RegistryLibrary[],
  territoryOrder: readonly string[],
): VisitsSummary {
  const visited = new Set<string>();
  const s: VisitsSummary = {
    count: 0,
    persons: 0,
    libraries_visited: 0,
    libraries_visited_pct: null,
    by_purpose: zeros('visit_purpose'),
    by_territory: Object.fromEntries(territoryOrder.map((t) => [t, { libraries: 0, visited: 0 }])),
    not_visited: [],
  };
  for (const row of rows) {
    s.count++;
    s.persons += num(row.v.persons);
    inc(s.by_purpose, row.v.purpose);
    if (typeof row.v.visited_lib_id === 'string') visited.add(row.v.visited_lib_id.toUpperCase());
  }
  const targets = libraries.filter(canBeVisited);
  for (const lib of targets) {
    const was = visited.has(lib.id);
    if (was) s.libraries_visited++;
    else s.not_visited.push(lib.id);
    const t = lib.terr === null ? undefined : s.by_territory[lib.terr];
    if (t) {
      t.libraries++;
      if (was) t.visited++;
    }
  }
  s.not_visited.sort();
  s.libraries_visited_pct = percentOf(s.libraries_visited, targets.length);
  return s;
}

function summarizePublications(rows: readonly RegisterRow[]): PublicationsSummary {
  const s: PublicationsSummary = {
    count: 0,
    copies: 0,
    accessible: 0,
    by_kind: zeros('publication_kind'),
    by_format: zeros('publication_format'),
    by_language: zeros('event_language'),
  };
  for (const { v } of rows) {
    s.count++;
    s.copies += num(v.copies);
    if (typeof v.format === 'string' && ACCESSIBLE_FORMATS.has(v.format)) s.accessible++;
    inc(s.by_kind, v.kind);
    inc(s.by_format, v.format);
    inc(s.by_language, v.language);
  }
  return s;
}

function summarizeParticipation(rows: readonly RegisterRow[]): ParticipationSummary {
  const blank = (e: EnumName) => Object.fromEntries(ENUMS[e].map((k) => [k, { count: 0, persons: 0 }]));
  const s: ParticipationSummary = {
    count: 0,
    persons: 0,
    by_level: blank('event_level'),
    by_role: blank('participation_role'),
  };
  for (const { v } of rows) {
    const persons = num(v.persons);
    s.count++;
    s.persons += persons;
    for (const [bucket, key] of [
      [s.by_level, v.level],
      [s.by_role, v.role],
    ] as const) {
      if (typeof key !== 'string') continue;
      const b = (bucket[key] ??= { count: 0, persons: 0 });
      b.count++;
      b.persons += persons;
    }
  }
  return s;
}

function summarizeStudies(rows: readonly RegisterRow[]): StudiesSummary {
  const s: StudiesSummary = { count: 0, respondents: 0, by_kind: zeros('study_kind') };
  for (const { v } of rows) {
    s.count++;
    s.respondents += num(v.respondents);
    inc(s.by_kind, v.kind);
  }
  return s;
}

/** The events summary of version 1 with what version 2 adds, `pd` included. */
export type FullEvents<E extends { pd: object }> = E & Omit<EventsV2, 'pd'> & { pd: E['pd'] & EventsV2['pd'] };

export function withEventsV2<E extends { count: number | null; pd: object }>(v1: E, v2: EventsV2): FullEvents<E> {
  // Without the register (count unknown), its figures are unknown too, not zero.
  const known: EventsV2 =
    v1.count !== null
      ? v2
      : {
          by_level: {},
          children: null,
          disabled: null,
          speakers: null,
          pd: { participants: null, reach: {}, territories_reached: null },
        };
  return { ...v1, ...known, pd: { ...v1.pd, ...known.pd } };
}
