/**
 * Section 7's import, in two steps. `startImport` takes the sources one
 * after another, each against the target as the sources before it left it,
 * so a row two sources both bring is added once and the second sees it as a
 * duplicate; what it keeps of a source is what the plan says about it, not
 * the workbook, so sources may be read one at a time. What it finds does not
 * depend on the person's choices: `resolveImport` applies them to the
 * conflicts (each change of a choice is only that step again) and says what
 * to write. Nothing here writes.
 */
import { REGISTER_TABLES, TABLES, inVersion, type Language, type TableDef } from '../../standard';
import { translator, type Translator } from '../translator';
import { parseWorkbook } from '../parse';
import type { ParsedWorkbook } from '../parsed';
import type { PlanValue } from '../plan';
import type { Snapshot } from '../snapshot';
import { tableIndex } from '../snapshot';
import { msg } from '../message';
import { libKey } from '../invisible';
import { reportStatuses, statusOf } from '../submissions';
import { sourceRows, WorkTable, differences, type SourceRow, type WorkRow } from './registers';
import { ReportImport } from './report-import';
import { sameValue, shown, matchKey } from './values';
import { importChanges, type Overwrites } from './changes';
import { otherRegion, refusal, SourceNames } from './sources';
import type {
  AddedRow,
  ConflictChoice,
  DuplicateRow,
  ImportConflict,
  ImportLogRow,
  ImportOptions,
  ImportPlan,
  ImportSource,
  OtherRegion,
  RefusedSource,
  RenumberedRow,
} from './types';
import { ImportTargetError } from './types';

/** The tables whose rows an import adds, registry first (a library's territory must be there before it). */
const IMPORTED_TABLES = REGISTER_TABLES.filter(
  (n): n is Exclude<(typeof REGISTER_TABLES)[number], 'Submissions'> => n !== 'Submissions',
);
export type ImportedTable = (typeof IMPORTED_TABLES)[number];

/** What makes a registry row another one (section 7): names, type, territory. */
const REGISTRY_COLUMNS: Partial<Record<ImportedTable, readonly string[]>> = {
  Territories: ['name_kk', 'name_ru', 'kind'],
  Libraries: ['name_kk', 'name_ru', 'type', 'terr_code'],
};

/** The raw cells of every added row: none (one object for them all). */
const NO_CELLS: Readonly<Record<string, never>> = Object.freeze({});

const def = (name: string): TableDef => TABLES.find((d) => d.name === name) as TableDef;

/** What a conflict resolved for the source changes: cells of a row, or a report cell. */
export type ConflictEffect =
  | {
      readonly kind: 'row';
      readonly table: ImportedTable;
      readonly row: WorkRow;
      readonly write: Readonly<Record<string, PlanValue>>;
    }
  | { readonly kind: 'report'; readonly apply: (o: Overwrites) => void };

/** A source's counts for its `Imports` row, the time aside (counted up as the source is planned). */
type SourceLog = { -readonly [K in Exclude<keyof ImportLogRow, 'importedAt'>]: ImportLogRow[K] };

/** Everything an import finds, before the person's choices. */
export interface ImportAnalysis {
  readonly target: Snapshot;
  readonly wb: ParsedWorkbook;
  readonly language: Language;
  readonly tables: ReadonlyMap<ImportedTable, WorkTable>;
  readonly reports: ReportImport;
  readonly added: ReadonlyMap<string, readonly AddedRow[]>;
  readonly duplicates: readonly DuplicateRow[];
  readonly conflicts: readonly Omit<ImportConflict, 'resolution'>[];
  /** By conflict, in the same order: what choosing the source's value writes. */
  readonly effects: readonly ConflictEffect[];
  readonly renumbered: readonly RenumberedRow[];
  readonly refused: readonly RefusedSource[];
  readonly otherRegions: readonly OtherRegion[];
  readonly sources: readonly SourceLog[];
}

/** An import under way: `add` each source in turn, then `finish`. */
export interface ImportRun {
  add(source: ImportSource): void;
  finish(): ImportAnalysis;
}

export function planImport(target: Snapshot, sources: readonly ImportSource[], options: ImportOptions): ImportPlan {
  const run = startImport(target);
  for (const s of sources) run.add(s);
  return resolveImport(run.finish(), options);
}

export function startImport(target: Snapshot): ImportRun {
  const wb = targetWorkbook(target);
  const language: Language = wb.meta.language ?? 'ru';
  const t = translator(language);
  const tables = new Map<ImportedTable, WorkTable>();
  for (const name of IMPORTED_TABLES) tables.set(name, new WorkTable(def(name), wb.registers[name]));
  const state: Analysing = {
    target,
    wb,
    language,
    tables,
    reports: new ReportImport(wb, target, language),
    added: new Map(),
    duplicates: [],
    conflicts: [],
    effects: [],
    renumbered: [],
    refused: [],
    otherRegions: [],
    sources: [],
  };
  const names = new SourceNames();
  let finished = false;
  const meta = { year: wb.meta.year as number, level: wb.meta.level, region: wb.meta.region };
  return {
    add(source) {
      if (finished) throw new Error('a source added after the import was finished');
      const name = names.name(source.name);
      const src = parseWorkbook(source.snapshot);
      const problem = refusal(source, name, src, meta);
      if (problem) {
        state.refused.push(problem);
        return;
      }
      const region = otherRegion(name, src, meta);
      if (region) state.otherRegions.push(region);
      const log: SourceLog = {
        source: name,
        sha256: source.sha256,
        libraries: 0,
        rowsAdded: 0,
        valuesFilled: 0,
        duplicates: 0,
        conflicts: 0,
        renumbered: 0,
      };
      new SourceImport(state, name, t, log).run(src);
      state.sources.push(log);
    },
    finish() {
      if (!finished) for (const work of tables.values()) work.seal();
      finished = true;
      return state;
    },
  };
}

/** The analysis as it grows, source by source. */
interface Analysing extends ImportAnalysis {
  readonly added: Map<string, AddedRow[]>;
  readonly duplicates: DuplicateRow[];
  readonly conflicts: Omit<ImportConflict, 'resolution'>[];
  readonly effects: ConflictEffect[];
  readonly renumbered: RenumberedRow[];
  readonly refused: RefusedSource[];
  readonly otherRegions: OtherRegion[];
  readonly sources: SourceLog[];
}

/** One source's rows and report values, planned against the target as the sources before it left it. */
class SourceImport {
  /** Per keyed table: the source's keys as matched, to the key their row has in the target (for references). */
  private readonly keyOf = new Map<string, Map<string, string>>();

  constructor(
    private readonly state: Analysing,
    private readonly file: string,
    private readonly t: Translator,
    private readonly log: SourceLog,
  ) {}

  run(src: ParsedWorkbook): void {
    for (const name of IMPORTED_TABLES) {
      const work = this.state.tables.get(name) as WorkTable;
      const rows = this.followReferences(work.def, sourceRows(src.registers[name], this.file, this.t));
      if (name === 'Libraries') this.log.libraries = rows.length;
      if (REGISTRY_COLUMNS[name]) this.registry(name, work, rows);
      else this.register(name, work, rows);
    }
    this.state.reports.source(src, this.file, this.state.tables.get('Libraries') as WorkTable, {
      filled: () => this.log.valuesFilled++,
      conflict: (c, apply) => this.conflict(c, { kind: 'report', apply }),
    });
  }

  /** A reference to a row this source renumbered (or found under another key) names that row's key in the target. */
  private followReferences(d: TableDef, rows: SourceRow[]): SourceRow[] {
    const refs = d.columns.filter((c) => c.ref && this.keyOf.has(c.ref.table));
    if (refs.length === 0) return rows;
    return rows.map((row) => {
      let out = row;
      for (const c of refs) {
        const v = row.cmp[c.key];
        const to = typeof v === 'string' ? this.keyOf.get(c.ref!.table)?.get(matchKey(v)) : undefined;
        if (to === undefined || to === v) continue;
        out = {
          ...out,
          cmp: { ...out.cmp, [c.key]: to },
          raw: { ...out.raw, [c.key]: to },
          write: { ...out.write, [c.key]: to },
        };
      }
      return out;
    });
  }

  /** Territories and libraries: one row per code; the same code with other names, type or territory is a conflict. */
  private registry(name: ImportedTable, work: WorkTable, rows: readonly SourceRow[]): void {
    const compared = REGISTRY_COLUMNS[name] as readonly string[];
    for (const row of rows) {
      const existing = work.find(row.key);
      if (!existing) {
        this.append(name, work, row, row.key);
        continue;
      }
      const differ = differences(existing.cmp, row.cmp, compared, sameValue);
      if (differ.length === 0) this.duplicate(name, work, row, existing);
      else this.rowConflict('registry', name, work, row, existing, differ, row.key);
    }
  }

  /**
   * Register rows (rules 1–4 of section 7): each target row is the same row
   * as at most one row of this source, so a source holding a row n times
   * where the target holds it m times adds n − m of them. The same key is
   * looked at first, so that a row imported again finds itself; a blank
   * cell of the source says nothing against the target's value.
   */
  private register(name: ImportedTable, work: WorkTable, rows: readonly SourceRow[]): void {
    const used = new Set<WorkRow>();
    const matched = new Map<SourceRow, WorkRow>();
    const free = (list: readonly WorkRow[], sameKey: (r: WorkRow) => boolean) =>
      list.find((r) => !used.has(r) && sameKey(r));
    // The same content under the same key, then under any key, then a row this one says nothing against.
    const passes = [
      (row: SourceRow) => free(work.sameContent(row), (r) => matchKey(r.key) === matchKey(row.key)),
      (row: SourceRow) => free(work.sameContent(row), () => true),
      (row: SourceRow) => free(work.sameWhereFilled(row), () => true),
    ];
    for (const find of passes) {
      for (const row of rows) {
        if (matched.has(row)) continue;
        const hit = find(row);
        if (!hit) continue;
        used.add(hit);
        matched.set(row, hit);
      }
    }
    const keys = new Map<string, string>();
    const own = new Set(rows.flatMap((r) => (r.ownKey === null ? [] : [matchKey(r.ownKey)])));
    for (const row of rows) {
      const hit = matched.get(row);
      if (hit) {
        this.duplicate(name, work, row, hit);
        if (row.ownKey !== null) keys.set(matchKey(row.ownKey), hit.key);
        continue;
      }
      if (!work.keyed || row.ownKey === null) {
        used.add(this.append(name, work, row, row.key));
        continue;
      }
      const existing = work.find(row.ownKey);
      if (existing && existing.libId === row.libId && !used.has(existing)) {
        used.add(existing);
        keys.set(matchKey(row.ownKey), existing.key);
        const differ = differences(existing.cmp, row.cmp, work.contentColumns, sameValue);
        if (differ.length === 0) this.duplicate(name, work, row, existing);
        else this.rowConflict('register', name, work, row, existing, differ, row.ownKey);
        continue;
      }
      const key = existing ? work.nextKey(own) : row.ownKey;
      used.add(this.append(name, work, row, key));
      keys.set(matchKey(row.ownKey), key);
      if (key !== row.ownKey) {
        this.state.renumbered.push({ table: name, libId: row.libId, oldKey: row.ownKey, newKey: key, from: row.from });
        this.log.renumbered++;
      }
    }
    if (work.keyed) this.keyOf.set(name, keys);
  }

  private append(name: ImportedTable, work: WorkTable, row: SourceRow, key: string): WorkRow {
    const keyColumn = work.def.keyColumn;
    const renamed = key !== row.key && keyColumn !== undefined;
    const placed = work.add({
      key,
      libId: row.libId,
      cmp: renamed ? { ...row.cmp, [keyColumn]: key } : row.cmp,
      // What an added row holds is its `write`: the source's raw cells are not kept (a source is read at a time).
      raw: NO_CELLS,
      write: renamed ? { ...row.write, [keyColumn]: key } : row.write,
      from: row.from,
    });
    let list = this.state.added.get(name);
    if (!list) this.state.added.set(name, (list = []));
    list.push({ key, libId: row.libId, from: row.from, values: placed.write });
    this.log.rowsAdded++;
    return placed;
  }

  private duplicate(name: ImportedTable, work: WorkTable, row: SourceRow, existing: WorkRow): void {
    this.state.duplicates.push({ table: name, key: row.key, from: row.from, cell: work.cell(existing, null) });
    this.log.duplicates++;
  }

  private rowConflict(
    kind: 'registry' | 'register',
    name: ImportedTable,
    work: WorkTable,
    row: SourceRow,
    existing: WorkRow,
    differ: readonly string[],
    key: string,
  ): void {
    const first = differ[0] as string;
    const write: Record<string, PlanValue> = {};
    for (const c of differ) write[c] = row.write[c] ?? null;
    this.conflict(
      {
        id: `${kind}:${name}:${key}@${this.file}`,
        kind,
        table: name,
        libId: name === 'Libraries' ? row.key : row.libId,
        key,
        column: first,
        columns: differ,
        target: {
          value: existing.at.kind === 'target' ? (existing.raw[first] ?? null) : shown(existing.write[first] ?? null),
          cell: work.cell(existing, first),
        },
        source: { value: row.raw[first] ?? null, file: this.file, cell: row.from.cell },
      },
      { kind: 'row', table: name, row: existing, write },
    );
  }

  private conflict(c: Omit<ImportConflict, 'resolution'>, effect: ConflictEffect): void {
    this.state.conflicts.push(c);
    this.state.effects.push(effect);
    this.log.conflicts++;
  }
}

/** The plan with the person's choices: each conflict's resolution, and what to write. */
export function resolveImport(a: ImportAnalysis, options: ImportOptions): ImportPlan {
  const choose = (id: string): ConflictChoice | null => options.choices?.[id] ?? options.prefer ?? null;
  const conflicts: ImportConflict[] = a.conflicts.map((c) => ({ ...c, resolution: choose(c.id) }));
  const ids = new Set(conflicts.map((c) => c.id));
  const unknownChoices = Object.keys(options.choices ?? {}).filter((id) => !ids.has(id));
  const overwrites = a.reports.overwrites();
  const touched = new Set<string>();
  conflicts.forEach((c, i) => {
    if (c.resolution !== 'source') return;
    const effect = a.effects[i] as ConflictEffect;
    if (effect.kind === 'report') effect.apply(overwrites);
    else {
      const cells = overwrites.rows.get(effect.row)?.cells;
      overwrites.rows.set(effect.row, { table: effect.table, cells: { ...cells, ...effect.write } });
    }
    if (c.kind !== 'registry' && c.libId) touched.add(libKey(c.libId));
  });
  const log: ImportLogRow[] = a.sources
    .filter((s) => s.rowsAdded + s.valuesFilled + s.conflicts > 0)
    .map((s) => ({ importedAt: options.importedAt, ...s }));
  const changes = importChanges({
    target: a.target,
    wb: a.wb,
    language: a.language,
    tables: [...a.tables.values()],
    overwrites,
    newReports: a.reports.newReports(),
    log,
  });
  for (const [name, rows] of a.added) {
    if (REGISTRY_COLUMNS[name as ImportedTable]) continue;
    for (const r of rows) if (r.libId) touched.add(libKey(r.libId));
  }
  for (const f of a.reports.filled) touched.add(libKey(f.libId));
  const statuses = reportStatuses(a.wb);
  const accepted = [...touched].filter((id) => a.wb.reports.has(id) && statusOf(statuses, id).status === 'accepted');
  const unresolved = conflicts.filter((c) => c.resolution === null).length;
  const empty = changes.workbook.sheets.length === 0 && changes.patches.length === 0 && changes.columns.length === 0;
  return {
    added: IMPORTED_TABLES.filter((n) => a.added.has(n)).map((n) => {
      const rows = a.added.get(n) ?? [];
      return { table: n, count: rows.length, rows };
    }),
    newReports: a.reports.newReports().map((r) => r.libId),
    reportsNotTaken: a.reports.notTaken,
    filled: a.reports.filled,
    duplicates: a.duplicates,
    conflicts,
    renumbered: a.renumbered,
    refused: a.refused,
    otherRegions: a.otherRegions,
    sources: a.sources,
    log,
    accepted: accepted.sort(),
    unknownChoices,
    unresolved,
    canApply: unresolved === 0 && a.refused.length === 0 && unknownChoices.length === 0,
    empty,
    changes,
  };
}

/** The target, if an import can go into it: a standard workbook of version 2 with every required table. */
function targetWorkbook(target: Snapshot): ParsedWorkbook {
  if (!tableIndex(target).has('META')) throw new ImportTargetError(msg('import.target_not_standard'));
  const wb = parseWorkbook(target);
  if (wb.meta.year === null || wb.findings.some((f) => f.message.key === 'S1.meta_standard')) {
    throw new ImportTargetError(msg('import.target_not_standard'));
  }
  const missing = TABLES.some((d) => d.required && inVersion(d, 2) && !tableIndex(target).has(d.name.toUpperCase()));
  if (wb.meta.version < 2 || missing) throw new ImportTargetError(msg('import.target_set_up'));
  return wb;
}
