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
import { REPORT_INPUT_COLUMNS, type Language } from '../standard';
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
import { queueJournal, queueJournalEnd, recoverJournal, type Journal } from './swap';
import { prepareWrites, type Write } from './writes';

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

/** Excel's serial date of a UTC time. */
const serial = (ms: number): number => ms / 86_400_000 + 25_569;

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
    const wasProtected = protection.protected;
    const protectionOptions = protection.options;

    const lang = wb.meta.language ?? options.userLanguage;
    const values: Record<string, string | number> = {
      lib_id: lib,
      status: translator(lang).t(`enum.report_status.${result.to}`),
      changed_by: change.person.name.trim(),
      changed_at: serial((options.now ?? Date.now)()),
      comment: result.comment ?? '',
      checksum: reportChecksum(wb, lib),
    };
    const row = new Array<string | number>(log.table.header.length).fill('');
    for (const [key, i] of log.columns) row[i] = values[key] ?? '';
    const lockedBefore = result.from === 'accepted';
    const lockedAfter = result.to === 'accepted';
    const inputs = REPORT_INPUT_COLUMNS.flatMap((col) => {
      const i = report.columns.get(col);
      return i === undefined || report.table.rows.length === 0 ? [] : [report.table.left + i];
    });
    const protectionWith = (locked: boolean, protect: boolean): Write[] => [
      // Lifted first (it may already be), so that the writes can be made twice.
      { k: 'unprotect', sheet: report.table.sheet },
      ...inputs.map((left): Write => ({
        k: 'locked',
        sheet: report.table.sheet,
        top: report.table.top + 1,
        left,
        rows: report.table.rows.length,
        columns: 1,
        locked,
      })),
      ...(protect ? [{ k: 'protect', sheet: report.table.sheet, options: protectionOptions } as const] : []),
    ];
    const writes: Write[] = [
      ...(lockedBefore !== lockedAfter ? protectionWith(lockedAfter, true) : []),
      // Last: should anything before it fail, no row is written.
      { k: 'rows', table: log.table.name, before: log.table.rows.length, rows: [row] },
    ];
    // Should the row be refused even when made again (the log's sheet protected by someone), the protection goes back.
    const undo = lockedBefore !== lockedAfter ? protectionWith(lockedBefore, wasProtected) : [];
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
