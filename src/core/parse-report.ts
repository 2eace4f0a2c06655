/**
 * A library's report table → its lines, in four steps: recognising each row
 * by its indicator code, reading its counts (with the register columns'
 * number rules), checking that the indicator's name and unit are the
 * software's, and checking that every indicator is there in the standard's
 * order. What is wrong is an S1 (structure) or D1 (value) finding.
 */
import { INDICATORS, REPORT_COLUMNS, REPORT_NUMBER_COLUMNS, type Indicator, type StandardVersion } from '../standard';
import { finding, type Finding } from './finding';
import { indicatorNames, unitNames } from './labels';
import { label, msg } from './message';
import { parseCount } from './parse-field';
import type { Report, ReportLine, ReportNumberColumn } from './parsed';
import { reportPlace } from './place';
import { cellAddress, type CellValue, type TableSnapshot } from './snapshot';
import { mapColumns } from './structure';
import { isBlank, normalizeLabel, parseText } from './values';

const INPUT_NUMBER_COLUMNS = REPORT_NUMBER_COLUMNS as readonly ReportNumberColumn[];
const QUARTER_INDEX: Partial<Record<string, number>> = { q1: 0, q2: 1, q3: 2, q4: 3 };

/** What a row of the report table is, by its code cell. */
type RowKind =
  | { readonly kind: 'blank' }
  /** A code that is no indicator, or none; `expected` is the indicator of this position, if any. */
  | { readonly kind: 'unknown'; readonly code: string; readonly expected: Indicator | undefined }
  | { readonly kind: 'indicator'; readonly code: string };

export function parseReport(
  libId: string,
  table: TableSnapshot,
  version: StandardVersion,
  findings: Finding[],
): Report {
  const cols = mapColumns(table, 'Report', REPORT_COLUMNS, libId);
  findings.push(...cols.findings);
  const c = cols.index;
  const report = { libId, table, columns: c } as Report;
  const codeIdx = c.get('code');
  const codeCell = (n: number) => cellAddress(table.sheet, table.top + 1 + n, table.left + (codeIdx ?? 0));
  const lines = new Map<string, ReportLine>();
  const reported: [boolean, boolean, boolean, boolean] = [false, false, false, false];
  let empty = true;
  const rowOfCode = new Map<string, number>();
  const retyped = new Set<string>();
  table.rows.forEach((raw, n) => {
    const row = recogniseRow(raw, n, codeIdx);
    if (row.kind === 'blank') return;
    if (row.kind === 'unknown') {
      const { code, expected } = row;
      findings.push(
        finding(
          'S1',
          { ...reportPlace(report, null, 'code'), row: code || n + 1, cell: codeCell(n) },
          !expected
            ? msg('S1.report_row_extra')
            : code
              ? msg('S1.report_row_unknown', { value: code, expected: expected.code })
              : msg('S1.report_row_no_code', { expected: expected.code }),
        ),
      );
      if (expected) retyped.add(expected.code);
      return;
    }
    const { code } = row;
    if (rowOfCode.has(code)) {
      findings.push(
        finding(
          'S1',
          { ...reportPlace(report, null, 'code', code), cell: codeCell(n) },
          msg('S1.report_row_duplicate', { code }),
        ),
      );
      return;
    }
    rowOfCode.set(code, n);
    const counts = readCounts(report, code, n, raw, findings);
    if (counts.filled.some(Boolean)) empty = false;
    counts.filled.forEach((f, i) => {
      if (f && i < 4) reported[i] = true;
    });
    const noteIdx = c.get('note');
    const note = noteIdx === undefined ? null : parseText(raw[noteIdx] ?? null);
    const line: ReportLine = {
      code,
      n,
      plan: counts.values.plan,
      q: [counts.values.q1, counts.values.q2, counts.values.q3, counts.values.q4],
      prior_year: counts.values.prior_year,
      note: note && note.ok ? note.value : null,
      bad: counts.bad,
    };
    lines.set(code, line);
    checkLabels(report, line, raw, findings);
  });
  checkOrder(report, rowOfCode, retyped, lines, version, findings);
  return Object.assign(report, { lines, reported, empty });
}

function recogniseRow(raw: readonly CellValue[], n: number, codeIdx: number | undefined): RowKind {
  const text = codeIdx === undefined ? null : parseText(raw[codeIdx] ?? null);
  const code = text && text.ok && text.value ? text.value.toUpperCase() : '';
  if (INDICATORS.some((i) => i.code === code)) return { kind: 'indicator', code };
  if (raw.every(isBlank)) return { kind: 'blank' };
  return { kind: 'unknown', code, expected: INDICATORS[n] };
}

/**
 * The line's counts; a refused one is null and in `bad`. `filled` says, per
 * quarter (0–3) and then for plan and prior year, whether the cell holds
 * anything at all, refused or not: a report with only refused figures is
 * not missing.
 */
function readCounts(
  report: Report,
  code: string,
  n: number,
  raw: readonly CellValue[],
  findings: Finding[],
): { values: Record<ReportNumberColumn, number | null>; bad: Set<string> | null; filled: boolean[] } {
  const values: Record<ReportNumberColumn, number | null> = {
    plan: null,
    q1: null,
    q2: null,
    q3: null,
    q4: null,
    prior_year: null,
  };
  const filled = [false, false, false, false, false];
  let bad: Set<string> | null = null;
  // The place of a figure of this line, before the line itself exists.
  const provisional: ReportLine = {
    code,
    n,
    plan: null,
    q: [null, null, null, null],
    prior_year: null,
    note: null,
    bad: null,
  };
  for (const col of INPUT_NUMBER_COLUMNS) {
    const i = report.columns.get(col);
    if (i === undefined) continue;
    const cell = raw[i] ?? null;
    if (!isBlank(cell)) filled[QUARTER_INDEX[col] ?? 4] = true;
    const r = parseCount(cell);
    if (r.rule !== null && r.problem !== null) {
      (bad ??= new Set()).add(col);
      findings.push(finding('D1', reportPlace(report, provisional, col), r.problem));
      continue;
    }
    values[col] = r.value as number | null;
  }
  return { values, bad, filled };
}

/** The indicator's name and unit are the software's: an edited one means the row may not be what it says. */
function checkLabels(report: Report, line: ReportLine, raw: readonly CellValue[], findings: Finding[]): void {
  const indicator = INDICATORS.find((i) => i.code === line.code);
  for (const [col, names] of [
    ['indicator', indicator ? indicatorNames(line.code) : new Set<string>()],
    ['unit', indicator ? unitNames(indicator.unit) : new Set<string>()],
  ] as const) {
    const i = report.columns.get(col);
    if (i === undefined) continue;
    const text = parseText(raw[i] ?? null);
    if (!text.ok || text.value === null || !names.has(normalizeLabel(text.value))) {
      findings.push(
        finding(
          'S1',
          reportPlace(report, line, col),
          msg('S1.report_row_edited', {
            code: line.code,
            column: label(`column.Report.${col}`),
            text: text.ok ? (text.value ?? '') : '',
          }),
        ),
      );
    }
  }
}

/** Every indicator of the workbook's version is there, in the standard's order. */
function checkOrder(
  report: Report,
  rowOfCode: ReadonlyMap<string, number>,
  retyped: ReadonlySet<string>,
  lines: ReadonlyMap<string, ReportLine>,
  version: StandardVersion,
  findings: Finding[],
): void {
  // A deleted row shifts those below it without moving them: only rows out of order are reported as moved.
  let lastN = -1;
  for (const ind of INDICATORS) {
    const n = rowOfCode.get(ind.code);
    // A code typed over in its own row ("T3" for T03) is one mistake, already reported as an unknown code.
    if (n === undefined && retyped.has(ind.code)) continue;
    // An older version's report has no rows for the indicators added since: they read as not reported.
    if (n === undefined && (ind.since ?? 1) > version) continue;
    if (n === undefined) {
      findings.push(
        finding(
          'S1',
          reportPlace(report, null, null, ind.code),
          msg('S1.report_row_missing', { code: ind.code, name: label(`indicator.${ind.code}`) }),
        ),
      );
      continue;
    }
    if (n < lastN) {
      const position = INDICATORS.indexOf(ind) + 1;
      findings.push(
        finding(
          'S1',
          reportPlace(report, lines.get(ind.code) ?? null, 'code'),
          msg('S1.report_row_moved', { code: ind.code, position }),
        ),
      );
    }
    lastN = Math.max(lastN, n);
  }
}
