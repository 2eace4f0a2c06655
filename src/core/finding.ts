/**
 * One result of a check: which rule, how serious, where (table, row key,
 * column, cell address) and what to tell the person, as a message key that the
 * edge renders in the reader's language.
 */
import { RULES, type RuleId, type Severity } from '../standard';
import { QUOTE_MAX, cut, type Message } from './message';

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly table: string;
  /** The row's key (indicator code, lib_id, terr_code, event_id as written), its 1-based data row number, or null for a whole table. */
  readonly row: string | number | null;
  /** The column key, or null for a finding about a whole row or table. */
  readonly column: string | null;
  /** `'Sheet'!F6`, or null where the thing is missing altogether. */
  readonly cell: string | null;
  readonly message: Message;
  /** The library whose report this finding concerns: an error excludes that report from consolidation. */
  readonly libId?: string;
  /** A warning explained by a filled-in note: listed, not counted. */
  readonly explained?: boolean;
  /** The file the finding is in, where several workbooks are consolidated together. */
  readonly source?: string;
}

export interface Place {
  readonly table: string;
  readonly row: string | number | null;
  readonly column: string | null;
  readonly cell: string | null;
  readonly libId?: string;
}

export function finding(rule: RuleId, place: Place, message: Message, explained = false): Finding {
  // A row's key is what is in its key cell, which may be any length: cut like a quoted value.
  const row = typeof place.row === 'string' ? cut(place.row, QUOTE_MAX) : place.row;
  const f: Finding = { rule, severity: RULES[rule], ...place, row, message };
  return explained ? { ...f, explained: true } : f;
}

export function isError(f: Finding): boolean {
  return f.severity === 'error';
}

/** Counts as the standard defines them: explained warnings are not counted. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (!f.explained) warnings++;
  }
  return { errors, warnings };
}
