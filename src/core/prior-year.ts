/**
 * Last year's figures: the `prior_year` column of this year's reports filled
 * from the year values of last year's workbook (section 7 of the standard),
 * library by library and indicator by indicator, only where the cell is
 * blank. A cell someone filled is never overwritten, even where it differs.
 *
 * Only a complete report of last year fills anything (its Q4 reported, and
 * not returned to its library): a three-quarter total put in `prior_year`
 * would be a silently wrong figure. Last year's workbook must be of the same
 * region and level, and of the year before.
 *
 * The writes are a set-up plan (one column patch per report), so that the file
 * adapter (`applySetupPlan`) and the add-in apply them the way they apply set-up.
 */
import { INDICATORS, yearValue, type Aggregation } from '../standard';
import type { PlanValue } from './plan';
import { parseWorkbook } from './parse';
import type { Report, ReportNumberColumn } from './parsed';
import { planValue } from './layout/registry';
import type { SetupPlan, TablePatch } from './setup';
import { cellAddress, tableIndex, type Snapshot } from './snapshot';
import { label, msg, type Message } from './message';
import { isBlank } from './values';
import { regionIdentity } from './regions';
import { reportStatuses, statusOf } from './submissions';
import { reportChecksums } from './checksum';
import { cellOf } from './plan-snapshot';
import type { Meta } from './meta';

export interface PriorYearFill {
  readonly libId: string;
  /** Indicator codes whose `prior_year` is filled, in the standard's order. */
  readonly codes: readonly string[];
}

/** A value of last year's report that could not be read, so that its `prior_year` stays blank. */
export interface PriorYearSkip {
  readonly libId: string;
  readonly code: string;
  /** The cell of last year's workbook that holds what could not be read. */
  readonly cell: string | null;
  readonly message: Message;
}

export interface PriorYearPlan {
  /** The year of this year's workbook and of last year's, as their Meta tables say. */
  readonly year: number | null;
  readonly lastYear: number | null;
  /** Why nothing can be filled (not a standard workbook, not the year before); null when the plan stands. */
  readonly refusal: Message | null;
  readonly changes: SetupPlan;
  /** By library, in the order of this year's report sheets; libraries with nothing to fill are left out. */
  readonly filled: readonly PriorYearFill[];
  /** Blank `prior_year` cells that stay blank because last year's value is blank too. */
  readonly blank: number;
  /** `prior_year` cells already filled: left as they are. */
  readonly kept: number;
  /** Libraries reporting this year that have no report in last year's workbook. */
  readonly newLibraries: readonly string[];
  /** Libraries with a report last year and none this year (closed, merged, inactive). */
  readonly goneLibraries: readonly string[];
  readonly skipped: readonly PriorYearSkip[];
  /** Libraries whose report of last year is incomplete (no Q4): nothing is filled from it. */
  readonly incomplete: readonly string[];
  /** Libraries whose report of last year was returned to them: nothing is filled from it. */
  readonly returned: readonly string[];
  /**
   * Libraries whose report the plan fills although a methodologist accepted it:
   * the fill changes it from what was accepted (rule S3), so it must be
   * accepted again. A fill that gives back the accepted values is not listed.
   */
  readonly accepted: readonly string[];
}

const QUARTERS: readonly ReportNumberColumn[] = ['q1', 'q2', 'q3', 'q4'];
const AGG = new Map<string, Aggregation>(INDICATORS.map((i) => [i.code, i.agg]));
const ORDER = new Map<string, number>(INDICATORS.map((i, n) => [i.code, n]));

export function planPriorYear(current: Snapshot, lastYear: Snapshot): PriorYearPlan {
  const now = parseWorkbook(current);
  const before = parseWorkbook(lastYear);
  const year = tableIndex(current).has('META') ? now.meta.year : null;
  const lastYearValue = tableIndex(lastYear).has('META') ? before.meta.year : null;
  const refusal = refusalOf(year, lastYearValue) ?? otherNetwork(now.meta, before.meta);
  if (refusal) return { ...nothing(year, lastYearValue), refusal };
  const lastStatuses = reportStatuses(before);

  const filled: PriorYearFill[] = [];
  const skipped: PriorYearSkip[] = [];
  const patches: TablePatch[] = [];
  let blank = 0;
  let kept = 0;
  const newLibraries: string[] = [];
  const incomplete: string[] = [];
  const returned: string[] = [];
  for (const report of now.reports.values()) {
    const last = before.reports.get(report.libId);
    if (!last || last.empty) {
      newLibraries.push(report.libId);
      continue;
    }
    if (statusOf(lastStatuses, report.libId).status === 'returned') {
      returned.push(report.libId);
      continue;
    }
    if (!last.reported[3]) {
      incomplete.push(report.libId);
      continue;
    }
    const fill = fillReport(report, last);
    blank += fill.blank;
    kept += fill.kept;
    skipped.push(...fill.skipped);
    if (fill.patch) {
      patches.push(fill.patch);
      filled.push({ libId: report.libId, codes: fill.codes });
    }
  }
  const accepted = changedAccepted(current, now, filled, patches);
  const goneLibraries = [...before.reports.values()]
    .filter((r) => !r.empty && !now.reports.has(r.libId))
    .map((r) => r.libId);
  return {
    year,
    lastYear: lastYearValue,
    refusal: null,
    changes: {
      workbook: { sheets: [], removeSheets: [] },
      patches,
      columns: [],
      validations: [],
      summary: { added: [], repaired: [], rebuilt: [] },
    },
    filled,
    blank,
    kept,
    newLibraries,
    goneLibraries,
    skipped,
    incomplete,
    returned,
    accepted,
  };
}

/**
 * The accepted reports among those filled whose values after the fill are
 * not the accepted ones (their checksum is not the accepted row's): those
 * must be accepted again. One that the fill gives back its accepted values
 * (someone had cleared them) is not.
 */
function changedAccepted(
  current: Snapshot,
  now: ReturnType<typeof parseWorkbook>,
  filled: readonly PriorYearFill[],
  patches: readonly TablePatch[],
): string[] {
  const statuses = reportStatuses(now);
  const accepted = filled.map((f) => f.libId).filter((id) => statusOf(statuses, id).status === 'accepted');
  if (accepted.length === 0) return [];
  const after = reportChecksums(parseWorkbook(withPatches(current, patches)), accepted);
  return accepted.filter((id) => after.get(id) !== statusOf(statuses, id).last?.checksum);
}

/** The snapshot with the patches' cells written in, as the adapters write them. */
function withPatches(s: Snapshot, patches: readonly TablePatch[]): Snapshot {
  const byTable = new Map(patches.map((p) => [p.table, p]));
  return {
    ...s,
    tables: s.tables.map((t) => {
      const p = byTable.get(t.name);
      if (!p) return t;
      const rows = t.rows.map((r) => [...r]);
      p.rows.forEach((row, i) =>
        row.forEach((v, j) => {
          const target = rows[p.top + i - t.top - 1];
          if (target) target[p.left + j - t.left] = cellOf(v);
        }),
      );
      return { ...t, rows };
    }),
  };
}

/** Last year's workbook of another network: its figures are not this one's last year. */
function otherNetwork(now: Meta, before: Meta): Message | null {
  if (now.level !== null && before.level !== null && now.level !== before.level)
    return msg('prior.refused.other_level', {
      level: label(`finding.prior.level.${now.level}`),
      lastLevel: label(`finding.prior.level.${before.level}`),
    });
  if (now.region && before.region && regionIdentity(now.region) !== regionIdentity(before.region))
    return msg('prior.refused.other_region', { region: now.region, lastRegion: before.region });
  return null;
}

/** How many `prior_year` cells the plan fills, over all libraries. */
export const priorYearFilledCount = (plan: PriorYearPlan): number =>
  plan.filled.reduce((n, f) => n + f.codes.length, 0);

function refusalOf(year: number | null, lastYear: number | null): Message | null {
  if (year === null) return msg('prior.refused.current_not_standard');
  if (lastYear === null) return msg('prior.refused.last_not_standard', { year: String(year - 1) });
  if (lastYear !== year - 1)
    return msg('prior.refused.wrong_year', {
      year: String(year),
      lastYear: String(lastYear),
      expected: String(year - 1),
    });
  return null;
}

function nothing(year: number | null, lastYear: number | null): Omit<PriorYearPlan, 'refusal'> {
  return {
    year,
    lastYear,
    changes: {
      workbook: { sheets: [], removeSheets: [] },
      patches: [],
      columns: [],
      validations: [],
      summary: { added: [], repaired: [], rebuilt: [] },
    },
    filled: [],
    blank: 0,
    kept: 0,
    newLibraries: [],
    goneLibraries: [],
    skipped: [],
    incomplete: [],
    returned: [],
    accepted: [],
  };
}

interface ReportFill {
  patch: TablePatch | null;
  codes: string[];
  skipped: PriorYearSkip[];
  blank: number;
  kept: number;
}

/**
 * One library's column patch. It spans the rows from the first cell filled
 * to the last; the cells between them that already hold something are
 * written back as they are, so that the patch stays one contiguous block.
 */
function fillReport(report: Report, last: Report): ReportFill {
  const t = report.table;
  const col = report.columns.get('prior_year');
  const out: ReportFill = { patch: null, codes: [], skipped: [], blank: 0, kept: 0 };
  if (col === undefined) return out;
  const values = new Map<number, number>();
  for (const line of report.lines.values()) {
    const raw = t.rows[line.n]?.[col] ?? null;
    if (!isBlank(raw)) {
      out.kept++;
      continue;
    }
    const was = last.lines.get(line.code);
    const bad = was?.bad ? QUARTERS.filter((q) => was.bad?.has(q)) : [];
    if (was && bad.length > 0) {
      const q = bad[0] as ReportNumberColumn;
      const lc = last.columns.get(q);
      out.skipped.push({
        libId: report.libId,
        code: line.code,
        cell: lc === undefined ? null : cellAddress(last.table.sheet, last.table.top + 1 + was.n, last.table.left + lc),
        message: msg('prior.skipped.unreadable', { code: line.code, column: label(`column.Report.${q}`) }),
      });
      continue;
    }
    const value = was ? yearValue(AGG.get(line.code) ?? 'sum', was.q) : null;
    if (value === null) {
      out.blank++;
      continue;
    }
    values.set(line.n, value);
  }
  if (values.size === 0) return out;
  const ns = [...values.keys()];
  const first = Math.min(...ns);
  const lastRow = Math.max(...ns);
  const rows: PlanValue[][] = [];
  for (let n = first; n <= lastRow; n++) rows.push([values.get(n) ?? planValue(t.rows[n]?.[col] ?? null)]);
  const codes = [...report.lines.values()]
    .filter((l) => values.has(l.n))
    .map((l) => l.code)
    .sort((a, b) => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0));
  return {
    ...out,
    codes,
    patch: {
      table: t.name,
      sheet: t.sheet,
      top: t.top + 1 + first,
      left: t.left + col,
      rows,
      currentRows: t.rows.length,
      protectedSheet: true,
    },
  };
}
