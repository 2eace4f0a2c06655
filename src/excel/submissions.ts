/**
 * Submit, accept or return a library's report in Excel (section 6 of the
 * standard). The core decides; the adapter reads the workbook, then writes
 * in one sync the log row and the report sheet's protection: accepting
 * locks the report's input cells, returning unlocks them, and the sheet
 * stays protected with the options people gave it, without a password.
 * The journal (`swap.ts`) comes first in that sync: should it stop part-way,
 * the recovery makes the change again, or, when the row is refused again,
 * puts the protection back as it was — so a failed change leaves neither a
 * row without its protection nor a protection without its row, even when
 * the pane is closed in the middle (the next action recovers).
 */
import type { Language } from '../standard';
import { translator } from '../i18n';
import { validate } from '../core/validate';
import { reportBoard, type Board } from '../core/board';
import { reportChecksum } from '../core/checksum';
import { libKey } from '../core/invisible';
import { msg } from '../core/message';
import { reportStatuses, statusOf } from '../core/submissions';
import { libraryFindings, transition, type Action, type Person, type TransitionResult } from '../core/workflow';
import type { ExcelHost } from './host';
import { readSnapshot } from './read';
import { openWorkbook } from './open';
import { syncStep, type SyncStats } from './stats';
import { submissionWrites } from '../core/writes';
import { protectionFrom } from './ops';
import { queueJournal, queueJournalEnd, recoverJournal, type Journal } from './swap';
import { prepareWrites } from './writes';

export interface StatusChange {
  readonly action: Action;
  readonly libId: string;
  readonly person: Person;
  readonly comment?: string | null;
  readonly confirmed?: ReadonlySet<string>;
}

export interface StatusChangeOptions {
  /** The language of the log's status label when the workbook names none. */
  readonly userLanguage: Language;
  readonly now?: () => number;
  readonly stats?: SyncStats;
}

export async function changeReportStatus(
  host: ExcelHost,
  change: StatusChange,
  options: StatusChangeOptions,
): Promise<TransitionResult> {
  return host.run(async (context) => {
    // What a crashed run left (a submission stopped half-way included) is repaired first, as every action does.
    const snapshot = await openWorkbook(context, options.stats);
    const v = validate(snapshot);
    const wb = v.workbook;
    const lib = libKey(change.libId);
    const result = transition({
      ...change,
      current: statusOf(reportStatuses(wb), lib).status,
      findings: libraryFindings(wb, v.findings, lib),
    });
    if (!result.ok) return result;
    const log = wb.registers.Submissions;
    const report = wb.reports.get(lib);
    // A version 1 log has no checksum column, and a change without its checksum could never be checked (S3).
    if (!log.table || !log.columns.has('checksum'))
      return { ok: false, reason: msg('workflow.refused.setup_needed'), blocking: [] };
    if (!report) return { ok: false, reason: msg('workflow.refused.no_report', { lib }), blocking: [] };

    const sheet = context.workbook.worksheets.getItem(report.table.sheet);
    const protection = sheet.protection.load('protected,options');
    await syncStep(context, options.stats, 'fixed');
    const lang = wb.meta.language ?? options.userLanguage;
    const { writes, undo } = submissionWrites({
      log,
      report,
      from: result.from,
      to: result.to,
      entry: {
        lib_id: lib,
        status: translator(lang).t(`enum.report_status.${result.to}`),
        changed_by: change.person.name.trim(),
        changed_at: (options.now ?? Date.now)(),
        comment: result.comment ?? '',
        checksum: reportChecksum(wb, lib),
      },
      protection: { protected: protection.protected, options: protectionFrom(protection.options) },
      // Dates are serial days of the workbook's own date system (1900 or 1904).
      date1904: snapshot.date1904,
    });
    const journal: Journal = { phase: 'committed', rows: [], writes, undo };
    const ops = prepareWrites(context, writes, { verify: false }).ops();
    try {
      // One sync: the journal first, the writes, the journal's deletion last.
      queueJournal(context, journal);
      for (const op of ops) op.queue(context);
      queueJournalEnd(context);
      await syncStep(context, options.stats, 'fixed');
    } catch (e) {
      // The batch stopped part-way: the recovery finishes it from the journal, or puts the protection back.
      const outcome = await recoverJournal(context).catch(() => 'failed' as const);
      if (outcome !== 'completed') throw e;
    }
    return result;
  });
}

/** The board of reports (`kitaphana status` in the task pane): one read, the checks, no write. */
export async function readBoard(host: ExcelHost, stats?: SyncStats): Promise<Board> {
  return host.run(async (context) => reportBoard(validate(await readSnapshot(context, stats))));
}
