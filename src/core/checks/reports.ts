/**
 * Checks of the libraries' reports: report sheets against the registry (S2),
 * required indicators (D2), parts and wholes (R1), year-to-date (R2), the
 * collection's balance (R3), and the warnings that need a look or a note
 * (W1, W2, W3, W6).
 */
import {
  INDICATORS,
  RATIOS,
  THRESHOLDS,
  changePercent,
  percentOf,
  ratioValue,
  yearValue,
  type Indicator,
} from '../../standard';
import { QUARTERS, lineYear } from '../report-figures';
import { finding, type Finding } from '../finding';
import { libKey } from '../invisible';
import { label, msg } from '../message';
import { registerPlace, reportPlace } from '../place';
import type { ParsedWorkbook, Report, ReportLine } from '../parsed';

export function checkReports(wb: ParsedWorkbook): Finding[] {
  const out: Finding[] = [];
  const libs = wb.registers.Libraries;
  const known = new Set<string>();
  for (const row of libs.rows) {
    const id = row.v.lib_id;
    if (typeof id !== 'string') continue;
    known.add(libKey(id));
    if (row.v.active === 'yes' && !wb.reports.has(libKey(id))) {
      out.push(finding('S2', registerPlace(libs, row, 'lib_id', id), msg('S2.no_report', { lib: id })));
    }
  }
  for (const report of wb.reports.values()) {
    // Without the registry no report can be matched to a library: the missing table is the one finding.
    if (!libs.table) {
      if (!report.empty) checkReport(report, out);
      continue;
    }
    if (!known.has(report.libId)) {
      out.push(
        finding(
          'S2',
          reportPlace(report, null, null),
          msg('S2.orphan_report', { lib: report.libId, table: report.table.name }),
        ),
      );
      continue;
    }
    if (report.empty) {
      const row = libs.rows.find((r) => typeof r.v.lib_id === 'string' && libKey(r.v.lib_id) === report.libId);
      if (row?.v.active === 'yes')
        out.push(
          finding(
            'W6',
            { ...reportPlace(report, null, null), libId: report.libId },
            msg('W6.missing', { lib: report.libId }),
          ),
        );
      continue;
    }
    checkReport(report, out);
  }
  return out;
}

function checkReport(report: Report, out: Finding[]): void {
  const line = (code: string) => report.lines.get(code);
  const yearEnd = report.reported[3];
  for (const ind of INDICATORS) {
    const l = line(ind.code);
    if (!l) continue;
    if (ind.required) {
      QUARTERS.forEach((q, i) => {
        if (report.reported[i] && l.q[i] === null && !l.bad?.has(q)) {
          out.push(
            finding(
              'D2',
              reportPlace(report, l, q),
              msg('D2.report_blank', { code: ind.code, name: label(`indicator.${ind.code}`) }),
            ),
          );
        }
      });
    }
    if (ind.partOf) checkPart(report, ind, l, line(ind.partOf), out);
    if (ind.agg === 'ytd') checkYtd(report, l, out);
    if (yearEnd) checkChange(report, ind, l, out);
    if (yearEnd && l.plan !== null && l.plan > 0) {
      const pct = percentOf(yearValue(ind.agg, l.q), l.plan);
      if (pct !== null && (pct < THRESHOLDS.planLow || pct > THRESHOLDS.planHigh)) {
        out.push(finding('W2', reportPlace(report, l, 'plan_pct'), msg('W2.plan', { code: ind.code, pct }), !!l.note));
      }
    }
  }
  checkBalance(report, out);
  if (yearEnd) checkRatios(report, out);
}

function checkPart(
  report: Report,
  ind: Indicator,
  part: ReportLine,
  whole: ReportLine | undefined,
  out: Finding[],
): void {
  if (!whole) return;
  let flagged = false;
  QUARTERS.forEach((q, i) => {
    const p = part.q[i];
    const w = whole.q[i];
    if (p !== null && p !== undefined && w !== null && w !== undefined && p > w) {
      flagged = true;
      out.push(
        finding(
          'R1',
          reportPlace(report, part, q),
          msg('R1.part_exceeds', { part: ind.code, whole: whole.code, value: p, wholeValue: w }),
        ),
      );
    }
  });
  const py = lineYear(part);
  const wy = lineYear(whole);
  if (!flagged && py !== null && wy !== null && py > wy) {
    out.push(
      finding(
        'R1',
        reportPlace(report, part, 'year'),
        msg('R1.part_exceeds', { part: ind.code, whole: whole.code, value: py, wholeValue: wy }),
      ),
    );
  }
}

function checkYtd(report: Report, l: ReportLine, out: Finding[]): void {
  let prev: number | null = null;
  let prevQ = '';
  QUARTERS.forEach((q, i) => {
    const v = l.q[i] ?? null;
    if (v === null) return;
    if (prev !== null && v < prev) {
      out.push(
        finding(
          'R2',
          reportPlace(report, l, q),
          msg('R2.decrease', { code: l.code, value: v, previous: prev, quarter: label(`column.Report.${prevQ}`) }),
        ),
      );
    }
    prev = v;
    prevQ = q;
  });
}

/** C03(q) = C03(previous quarter) + C01(q) − C02(q); before Q1 comes last year's C03. */
function checkBalance(report: Report, out: Finding[]): void {
  const stock = report.lines.get('C03');
  const inflow = report.lines.get('C01');
  const outflow = report.lines.get('C02');
  if (!stock || !inflow || !outflow) return;
  let prev = stock.prior_year;
  QUARTERS.forEach((q, i) => {
    const now = stock.q[i] ?? null;
    const a = inflow.q[i] ?? null;
    const w = outflow.q[i] ?? null;
    if (prev !== null && now !== null && a !== null && w !== null) {
      const expected = prev + a - w;
      if (expected !== now) {
        out.push(
          finding(
            'R3',
            reportPlace(report, stock, q),
            msg('R3.balance', {
              quarter: label(`column.Report.${q}`),
              expected,
              value: now,
              previous: prev,
              acquired: a,
              withdrawn: w,
            }),
          ),
        );
        // Carry the balanced figure on, so that one wrong quarter is not reported again in the next.
        prev = expected;
        return;
      }
    }
    prev = now;
  });
}

/** Only at year end: a year value of a partly reported year says nothing against last year's. */
function checkChange(report: Report, ind: Indicator, l: ReportLine, out: Finding[]): void {
  const year = yearValue(ind.agg, l.q);
  const prior = l.prior_year;
  if (year === null || prior === null) return;
  const pct = changePercent(year, prior);
  if (pct !== null && Math.abs(pct) > THRESHOLDS.changePct && Math.abs(year - prior) >= THRESHOLDS.changeAbs) {
    out.push(
      finding(
        'W1',
        reportPlace(report, l, 'year'),
        msg('W1.change', { code: ind.code, pct, value: year, prior }),
        !!l.note,
      ),
    );
  } else if (ind.agg === 'sum' && prior !== 0 && year === prior) {
    out.push(
      finding('W1', reportPlace(report, l, 'year'), msg('W1.copied', { code: ind.code, value: year }), !!l.note),
    );
  }
}

function checkRatios(report: Report, out: Finding[]): void {
  for (const r of RATIOS) {
    if (!r.plausible || r.denominator === 'population') continue;
    const num = report.lines.get(r.numerator);
    const value = ratioValue(r, lineYear(num), lineYear(report.lines.get(r.denominator)));
    if (value === null || !num) continue;
    const [low, high] = r.plausible;
    if (value < low || value > high) {
      out.push(
        finding(
          'W3',
          reportPlace(report, num, 'year'),
          msg('W3.ratio', { ratio: label(`ratio.${r.key}`), value, low, high }),
          !!num.note,
        ),
      );
    }
  }
}
