/**
 * Consolidation at a higher level (section 7 of the standard, "Higher
 * levels"): several validated workbooks of the same year — the library
 * systems of a region, the oblasts of the republic — give one result with
 * the sections of 4.1, and the totals of each workbook (`by_source`).
 *
 * The workbooks are merged into one parsed workbook and consolidated by
 * `consolidate()` itself, so that every ratio and percentage is recomputed
 * from the summed numerators and denominators exactly as for one workbook.
 * What cannot be merged is what only makes sense inside its own file: which
 * register rows have errors (decided per file, before merging) and where a
 * finding is (each finding keeps the file it is in, `Finding.source`).
 */
import { INDICATORS, REGISTER_TABLES } from '../standard';
import { consolidate, excludingErrors, type ConsolidateOptions, type Consolidation } from './consolidate';
import { validRows } from './consolidate-method';
import { countFindings, finding, type Finding } from './finding';
import { libKey } from './invisible';
import { msg, type Message } from './message';
import { regionIdentity } from './regions';
import { registerPlace } from './place';
import type { ParsedWorkbook, Register, RegisterName, Report } from './parsed';
import type { Validation } from './validate';

export interface SourceWorkbook {
  /** The file's name as the person gave it: it names the workbook in messages and, where regions repeat, in `by_source`. */
  readonly file: string;
  readonly validation: Validation;
  /** SHA-256 of the file's bytes, where known: two files of the same content are one workbook given twice. */
  readonly sha256?: string;
}

export interface SourceTotals {
  /** The key of `by_source`: the workbook's region, or its file name where two workbooks name the same region. */
  readonly key: string;
  readonly file: string;
  readonly region: string | null;
  /** This workbook consolidated on its own (with the errors found across the workbooks). */
  readonly consolidation: Consolidation;
}

export interface ManyConsolidation {
  readonly consolidation: Consolidation;
  /** Every workbook's findings, each naming its file, and D6 across the workbooks. */
  readonly validation: Validation;
  readonly sources: readonly SourceTotals[];
}

/** `by_source` of the JSON result: each workbook's year values by indicator. */
export function bySource(many: ManyConsolidation): Record<string, Record<string, number | null>> {
  return Object.fromEntries(
    many.sources.map((s) => [
      s.key,
      Object.fromEntries(INDICATORS.map((i) => [i.code, s.consolidation.indicators[i.code]?.year ?? null])),
    ]),
  );
}

/**
 * Why these workbooks cannot be consolidated together, or null: a file that
 * is not a standard workbook (named as such, not as a workbook of year "?"),
 * the same content twice, or workbooks of different years.
 */
export function refusal(sources: readonly SourceWorkbook[]): Message | null {
  const plain = sources.filter((s) => !isStandard(s.validation)).map((s) => s.file);
  if (plain.length > 0) return msg('many.not_standard', { files: plain.join(', ') });
  const bySha = new Map<string, string>();
  for (const s of sources) {
    if (s.sha256 === undefined) continue;
    const before = bySha.get(s.sha256);
    if (before !== undefined) return msg('many.same_content', { file: s.file, before });
    bySha.set(s.sha256, s.file);
  }
  return mixedYears(sources);
}

/** A workbook of this standard says so in its `Meta` table, with its year. */
function isStandard(v: Validation): boolean {
  return (
    v.workbook.meta.year !== null &&
    !v.findings.some((f) => f.message.key === 'S1.meta_standard' || (f.rule === 'S1' && f.table === 'Meta'))
  );
}

/**
 * Workbooks of different years cannot be consolidated together: the message
 * names each year's files. Null when they all have the same year.
 */
function mixedYears(sources: readonly SourceWorkbook[]): Message | null {
  const byYear = new Map<string, string[]>();
  for (const s of sources) {
    const year = s.validation.workbook.meta.year;
    const key = year === null ? '?' : String(year);
    byYear.set(key, [...(byYear.get(key) ?? []), s.file]);
  }
  if (byYear.size <= 1) return null;
  const list = [...byYear].map(([year, files]) => `${year}: ${files.join(', ')}`).join('; ');
  return msg('many.mixed_years', { list });
}

/**
 * The registry and the log keep every row when merged (a library's duplicate is D6, not a row to drop);
 * every other register, of library rows, keeps only its rows without errors (`validRows`), decided in
 * each file, where its findings are.
 */
const KEPT_WHOLE: ReadonlySet<RegisterName> = new Set(['Territories', 'Libraries', 'Submissions']);

/**
 * The merged register's table keeps the first file's position and columns
 * under a name no table can have (a space is not allowed in one), so that no
 * file's finding, whose cell is in that file, is taken for a merged row.
 */
const MERGED_TABLE_SUFFIX = ' (merged)';

export function consolidateMany(
  sources: readonly SourceWorkbook[],
  options: ConsolidateOptions = {},
): ManyConsolidation {
  if (sources.length === 0) throw new Error('consolidateMany needs at least one workbook');
  const refused = refusal(sources);
  if (refused) throw new ManyRefusedError(refused);
  const across = duplicatesAcross(sources);
  const withSource = sources.map((s, i) => {
    const own = s.validation.findings.map((f): Finding => ({ ...f, source: s.file }));
    const findings = [...own, ...(across.get(i) ?? [])];
    return { ...s.validation, findings, ...countFindings(findings) };
  });
  const findings = withSource.flatMap((v) => v.findings);
  const validation: Validation = { workbook: mergeWorkbooks(sources), findings, ...countFindings(findings) };
  // A library in two workbooks is counted nowhere (section 7): not in the total, not in either workbook's
  // own figures, whatever the options, so that the figures by workbook add up to the total.
  const alwaysExcluded = excludingErrors(findings.filter((f) => f.message.key === 'many.D6_library'));
  const withShared = { ...options, alwaysExcluded };
  const keys = sourceKeys(sources);
  return {
    consolidation: consolidate(validation, withShared),
    validation,
    sources: sources.map((s, i) => ({
      key: keys[i] as string,
      file: s.file,
      region: s.validation.workbook.meta.region,
      consolidation: consolidate(withSource[i] as Validation, withShared),
    })),
  };
}

/**
 * The active libraries a consolidation leaves out because they are in several
 * of the workbooks (counted in none): the total's, or one workbook's own.
 */
export function sharedLibraries(c: Consolidation): string[] {
  return c.libraries.excluded.filter((e) => e.first.message.key === 'many.D6_library').map((e) => e.libId);
}

/** Workbooks that cannot be consolidated together, and why (the CLI says it as a usage error). */
export class ManyRefusedError extends Error {
  constructor(readonly reason: Message) {
    super(reason.key);
  }
}

/** Each workbook's region, or its file name where the region is blank or another workbook names it too. */
function sourceKeys(sources: readonly SourceWorkbook[]): string[] {
  const region = (s: SourceWorkbook) => s.validation.workbook.meta.region?.trim() || null;
  const count = new Map<string, number>();
  for (const s of sources) {
    const r = region(s);
    if (r) count.set(regionIdentity(r), (count.get(regionIdentity(r)) ?? 0) + 1);
  }
  return sources.map((s) => {
    const r = region(s);
    return r && count.get(regionIdentity(r)) === 1 ? r : s.file;
  });
}

/**
 * D6 across the workbooks: a `terr_code` or `lib_id` found in more than one
 * workbook, reported in each of them, naming the other file and its cell. A
 * library's finding carries its id, and its own message: that library is
 * counted in none of them (`consolidateMany`).
 */
function duplicatesAcross(sources: readonly SourceWorkbook[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  const keyed: [RegisterName, string, (v: string) => string][] = [
    ['Territories', 'terr_code', (v) => v.toUpperCase()],
    ['Libraries', 'lib_id', libKey],
  ];
  for (const [name, column, norm] of keyed) {
    interface Seen {
      readonly file: number;
      readonly value: string;
      readonly place: ReturnType<typeof registerPlace>;
    }
    const where = new Map<string, Seen[]>();
    sources.forEach((s, i) => {
      const reg = s.validation.workbook.registers[name];
      for (const row of reg.rows) {
        const v = row.v[column];
        if (typeof v !== 'string') continue;
        const k = norm(v);
        const list = where.get(k) ?? [];
        // A duplicate within one file is that file's own D6.
        if (list.some((x) => x.file === i)) continue;
        list.push({ file: i, value: v, place: registerPlace(reg, row, column, name === 'Libraries' ? k : undefined) });
        where.set(k, list);
      }
    });
    for (const seen of where.values()) {
      if (seen.length < 2) continue;
      for (const here of seen) {
        const other = seen.find((x) => x !== here) as Seen;
        const file = (sources[here.file] as SourceWorkbook).file;
        const args = {
          value: here.value,
          file,
          cell: here.place.cell ?? '',
          other: (sources[other.file] as SourceWorkbook).file,
          otherCell: other.place.cell ?? '',
        };
        const key = name === 'Libraries' ? 'many.D6_library' : 'many.D6_duplicate';
        const list = out.get(here.file) ?? [];
        list.push({ ...finding('D6', here.place, msg(key, args)), source: file });
        out.set(here.file, list);
      }
    }
  }
  return out;
}

/** One parsed workbook of all of them: registers end to end, every report (the first of a duplicated id). */
function mergeWorkbooks(sources: readonly SourceWorkbook[]): ParsedWorkbook {
  const wbs = sources.map((s) => s.validation.workbook);
  const first = wbs[0] as ParsedWorkbook;
  const same = <T>(get: (wb: ParsedWorkbook) => T): T | null =>
    wbs.every((wb) => get(wb) === get(first)) ? get(first) : null;
  const registers = {} as Record<RegisterName, Register>;
  for (const name of REGISTER_TABLES) {
    const parts = sources.map((s) => {
      const reg = s.validation.workbook.registers[name];
      return KEPT_WHOLE.has(name) ? reg.rows : validRows(s.validation, reg);
    });
    const withTable = wbs.map((wb) => wb.registers[name]).find((r) => r.table !== null) ?? first.registers[name];
    registers[name] = {
      def: withTable.def,
      table: withTable.table ? { ...withTable.table, name: withTable.table.name + MERGED_TABLE_SUFFIX } : null,
      columns: withTable.columns,
      rows: parts.flat(),
    };
  }
  const reports = new Map<string, Report>();
  for (const wb of wbs) for (const [id, r] of wb.reports) if (!reports.has(id)) reports.set(id, r);
  const regions = sources.map((s) => s.validation.workbook.meta.region?.trim()).filter((r): r is string => !!r);
  return {
    meta: {
      version: first.meta.version,
      level: same((wb) => wb.meta.level),
      region:
        regions.length > 0
          ? regions.filter((r, i) => regions.findIndex((o) => regionIdentity(o) === regionIdentity(r)) === i).join(', ')
          : null,
      year: first.meta.year,
      language: same((wb) => wb.meta.language) ?? first.meta.language,
    },
    registers,
    reports,
    findings: [],
  };
}
