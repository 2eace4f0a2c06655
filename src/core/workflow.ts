/**
 * The submission workflow of section 6 of the standard as pure functions: a
 * library's staff submit its report, a methodologist accepts it or returns it
 * with a comment. A request is either allowed (the status it leads to) or
 * refused with a message saying why, and the findings that stand in the way.
 */
import { label, msg, type Message } from './message';
import type { Finding } from './finding';
import { libKey } from './invisible';
import type { ParsedWorkbook } from './parsed';
import { reportRegisters } from './checksum';
import { parseCellAddress } from './snapshot';
import type { ReportStatus } from './submissions';

export type Action = 'submit' | 'accept' | 'return';

export const ACTION_TARGET: Readonly<Record<Action, ReportStatus>> = {
  submit: 'submitted',
  accept: 'accepted',
  return: 'returned',
};

/** The statuses each action may start from. */
export const ACTION_FROM: Readonly<Record<Action, readonly ReportStatus[]>> = {
  submit: ['draft', 'returned'],
  accept: ['submitted'],
  return: ['submitted', 'accepted'],
};

/** Who the person says they are: a library's staff, or a methodologist of the level above. */
export type Person =
  | { readonly role: 'staff'; readonly name: string; readonly libId: string }
  | { readonly role: 'methodologist'; readonly name: string };

export interface TransitionRequest {
  readonly action: Action;
  readonly libId: string;
  readonly person: Person;
  /** The library's status now (`statusOf`). */
  readonly current: ReportStatus;
  /** The findings that concern this library now (`libraryFindings`). */
  readonly findings: readonly Finding[];
  /** Warnings the person confirmed one by one in the task pane (`findingKey`). */
  readonly confirmed?: ReadonlySet<string>;
  readonly comment?: string | null;
}

export type TransitionResult =
  | { readonly ok: true; readonly from: ReportStatus; readonly to: ReportStatus; readonly comment: string | null }
  | { readonly ok: false; readonly reason: Message; readonly blocking: readonly Finding[] };

const refuse = (reason: Message, blocking: readonly Finding[] = []): TransitionResult => ({
  ok: false,
  reason,
  blocking,
});

/** What identifies a finding across checks of the same workbook: a warning confirmed once stays confirmed. */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.cell ?? f.table}|${f.column ?? ''}|${f.message.key}`;
}

export function transition(req: TransitionRequest): TransitionResult {
  const lib = libKey(req.libId);
  const to = ACTION_TARGET[req.action];
  if (req.person.name.trim() === '') return refuse(msg('workflow.refused.no_name'));
  if (req.action === 'submit') {
    if (req.person.role !== 'staff' || libKey(req.person.libId) !== lib)
      return refuse(msg('workflow.refused.not_staff', { lib }));
  } else if (req.person.role !== 'methodologist') return refuse(msg('workflow.refused.not_methodologist'));
  if (!ACTION_FROM[req.action].includes(req.current)) {
    return refuse(
      msg('workflow.refused.status', {
        lib,
        from: label(`enum.report_status.${req.current}`),
        to: label(`enum.report_status.${to}`),
      }),
    );
  }
  const errors = req.findings.filter((f) => f.severity === 'error');
  const comment = req.comment?.trim() || null;
  switch (req.action) {
    case 'submit': {
      if (errors.length > 0) return refuse(msg('workflow.refused.errors', { lib, count: errors.length }), errors);
      const open = req.findings.filter(
        (f) => f.severity === 'warning' && !f.explained && !req.confirmed?.has(findingKey(f)),
      );
      if (open.length > 0) return refuse(msg('workflow.refused.warnings', { lib, count: open.length }), open);
      break;
    }
    case 'accept':
      if (errors.length > 0)
        return refuse(msg('workflow.refused.accept_errors', { lib, count: errors.length }), errors);
      break;
    case 'return':
      if (comment === null) return refuse(msg('workflow.refused.comment_required', { lib }));
      break;
  }
  return { ok: true, from: req.current, to, comment };
}

/**
 * The findings that concern each library's report: those of its report table
 * (and of its registry row), and those of its rows in every register — which
 * the checks name by cell only, so rows are matched by sheet and row. Keyed
 * by `libKey`; findings of no library are left out.
 */
export function findingsByLibrary(wb: ParsedWorkbook, findings: readonly Finding[]): Map<string, Finding[]> {
  const owner = new Map<string, string>();
  for (const [, reg] of reportRegisters(wb)) {
    const t = reg.table;
    if (!t) continue;
    for (const row of reg.rows)
      if (typeof row.v.lib_id === 'string') owner.set(`${t.sheet}\u0000${t.top + 1 + row.n}`, libKey(row.v.lib_id));
  }
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    let lib = f.libId === undefined ? undefined : libKey(f.libId);
    if (lib === undefined && f.cell) {
      const at = parseCellAddress(f.cell);
      if (at) lib = owner.get(`${at.sheet}\u0000${at.row}`);
    }
    if (lib === undefined) continue;
    const list = out.get(lib);
    if (list) list.push(f);
    else out.set(lib, [f]);
  }
  return out;
}

export function libraryFindings(wb: ParsedWorkbook, findings: readonly Finding[], libId: string): Finding[] {
  return findingsByLibrary(wb, findings).get(libKey(libId)) ?? [];
}
