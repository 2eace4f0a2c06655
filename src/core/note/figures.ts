/**
 * What the note is written from: the consolidation's JSON of the year and of
 * earlier years, plus the few counts the JSON does not carry (libraries by
 * type, the largest events), computed here from the same workbook, so that
 * every number of the note can be found again under a path.
 */
import type { ParsedWorkbook } from '../parsed';
import type { consolidationJson } from '../json';
import type { Figure, FigureFormat } from './model';

export type ConsolidationJson = ReturnType<typeof consolidationJson>;

export interface LargestEvent {
  readonly event_id: string;
  readonly lib_id: string;
  readonly date: number;
  readonly title: string;
  readonly participants: number;
}

/** The note's own counts, under `note` beside the JSON's keys. */
export interface NoteCounts {
  /** Active libraries by type. */
  readonly libraries_by_type: Readonly<Record<string, number>>;
  /** Included libraries by territory: who a territory's ratios rest on. */
  readonly included_by_territory: Readonly<Record<string, number>>;
  readonly new_libraries: number;
  readonly gone_libraries: number;
  readonly new_ids: readonly string[];
  readonly gone_ids: readonly string[];
  readonly largest_events: readonly LargestEvent[];
}

export interface NoteSource {
  readonly json: ConsolidationJson;
  readonly note: NoteCounts;
}

/** How many of the largest events the note names. */
export const LARGEST_EVENTS = 5;

/** The active libraries of a consolidation: the included, the excluded and those whose report is missing. */
export function activeIds(json: ConsolidationJson): string[] {
  const ids = new Set<string>(json.libraries.included_ids);
  for (const e of json.libraries.excluded) ids.add(e.lib_id);
  for (const m of json.libraries.missing) ids.add(m);
  return [...ids].sort();
}

/**
 * The note's counts for a workbook and its consolidation; `priorYear` is last
 * year's consolidation when it is known (new and gone libraries are counted
 * against it).
 */
export function noteCounts(
  json: ConsolidationJson,
  wb: ParsedWorkbook,
  priorYear: ConsolidationJson | undefined,
): NoteCounts {
  const active = new Set(activeIds(json));
  const included = new Set(json.libraries.included_ids);
  const byType: Record<string, number> = {};
  const byTerritory: Record<string, number> = {};
  for (const row of wb.registers.Libraries.rows) {
    const id = row.v.lib_id;
    if (typeof id !== 'string' || !active.has(id)) continue;
    const type = typeof row.v.type === 'string' ? row.v.type : 'other';
    byType[type] = (byType[type] ?? 0) + 1;
    const terr = row.v.terr_code;
    if (included.has(id) && typeof terr === 'string') byTerritory[terr] = (byTerritory[terr] ?? 0) + 1;
  }
  const before = priorYear ? new Set(activeIds(priorYear)) : null;
  const newIds = before ? [...active].filter((id) => !before.has(id)).sort() : [];
  const goneIds = before ? [...before].filter((id) => !active.has(id)).sort() : [];
  return {
    libraries_by_type: byType,
    included_by_territory: byTerritory,
    new_libraries: newIds.length,
    gone_libraries: goneIds.length,
    new_ids: newIds,
    gone_ids: goneIds,
    largest_events: largestEvents(wb, included),
  };
}

/** The events with most participants among the included libraries' valid rows; ties by date, then key. */
function largestEvents(wb: ParsedWorkbook, included: ReadonlySet<string>): LargestEvent[] {
  const all: LargestEvent[] = [];
  for (const row of wb.registers.Events.rows) {
    const { event_id, lib_id, date_start, title, participants } = row.v;
    if (row.bad && row.bad.size > 0) continue;
    if (typeof lib_id !== 'string' || !included.has(lib_id)) continue;
    if (typeof participants !== 'number' || typeof date_start !== 'number' || typeof title !== 'string') continue;
    all.push({ event_id: String(event_id), lib_id, date: date_start, title, participants });
  }
  all.sort(
    (a, b) =>
      b.participants - a.participants ||
      a.date - b.date ||
      (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0),
  );
  return all.slice(0, LARGEST_EVENTS);
}

/**
 * The figures by year: the year's own source and the earlier years' JSON.
 * Every number of the note is read through `at`, so none can be a literal.
 */
export class FigureBook {
  private readonly byYear = new Map<number, unknown>();

  constructor(
    readonly current: NoteSource,
    readonly history: readonly ConsolidationJson[],
  ) {
    this.year = current.json.year ?? 0;
    for (const h of history) if (h.year !== null) this.byYear.set(h.year, h);
    this.byYear.set(this.year, { ...current.json, note: current.note });
  }

  /** The note's year. */
  readonly year: number;

  /** The years known, oldest first. */
  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  has(year: number): boolean {
    return this.byYear.has(year);
  }

  /** The figure under `path` of `year`, or null when it is not a finite number there. */
  at(year: number, path: readonly string[], format: FigureFormat): Figure | null {
    const value = valueAt(this.byYear.get(year), path);
    return typeof value === 'number' && Number.isFinite(value) ? { kind: 'figure', year, path, value, format } : null;
  }

  /** A figure of the note's year. */
  now(path: readonly string[], format: FigureFormat = 'count'): Figure | null {
    return this.at(this.year, path, format);
  }

  /** Whatever is under `path` of `year` (objects, lists), for the rules that look at several figures. */
  raw(year: number, path: readonly string[]): unknown {
    return valueAt(this.byYear.get(year), path);
  }
}

export function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const p of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[p];
  }
  return node;
}
