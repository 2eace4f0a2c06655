/** Every check of section 3 of the standard over a workbook. */
import { RULE_IDS } from '../standard';
import type { Snapshot } from './snapshot';
import { parseWorkbook } from './parse';
import type { ParsedWorkbook } from './parsed';
import { countFindings, type Finding } from './finding';
import { checkRegisters } from './checks/registers';
import { checkReports } from './checks/reports';
import { checkCross } from './checks/cross';
import { checkVisits } from './checks/method';
import { checkLogDates, checkSubmissions } from './checks/submissions';

export interface Validation {
  readonly workbook: ParsedWorkbook;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
}

const ruleOrder = new Map(RULE_IDS.map((r, i) => [r, i]));

export interface ValidateOptions {
  /** The moment of reading (UTC ms): a log row dated later is D4. */
  readonly now?: number;
}

export function validate(snapshot: Snapshot, options: ValidateOptions = {}): Validation {
  const workbook = parseWorkbook(snapshot);
  const findings = [
    ...workbook.findings,
    ...checkRegisters(workbook),
    ...checkReports(workbook),
    ...checkCross(workbook),
    ...checkVisits(workbook),
    ...checkSubmissions(workbook),
    ...checkLogDates(workbook, options.now ?? Date.now()),
  ];
  // Stable order: by rule as the standard lists them, then by table and position.
  findings.sort(
    (a, b) =>
      (ruleOrder.get(a.rule) ?? 0) - (ruleOrder.get(b.rule) ?? 0) ||
      a.table.localeCompare(b.table) ||
      cellOrder(a.cell) - cellOrder(b.cell),
  );
  return { workbook, findings, ...countFindings(findings) };
}

function cellOrder(cell: string | null): number {
  const m = cell ? /([A-Z]+)(\d+)$/.exec(cell) : null;
  if (!m) return -1;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(m[2]) * 1000 + col;
}
