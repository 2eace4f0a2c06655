import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import { consolidationJson } from '../../src/core/json';
import { reportChecksum } from '../../src/core/checksum';
import { countByStatus, reportStatuses, REPORT_STATUSES, type ReportStatus } from '../../src/core/submissions';
import {
  ACTION_FROM,
  libraryFindings,
  transition,
  findingKey,
  type Action,
  type Person,
  type TransitionRequest,
} from '../../src/core/workflow';
import type { ContentRow, WorkbookContent } from '../../src/core/layout/content';
import type { CellValue, Snapshot } from '../../src/core/snapshot';
import { finding } from '../../src/core/finding';
import { msg } from '../../src/core/message';
import { LANGUAGES } from '../../src/standard';
import { translator } from '../../src/i18n';
import { karagandaSample } from '../../src/sample';
import { LIBS, columnIndexOf, smallContent, withCell, withReportCell } from '../helpers/network';

/** Section 6 of the standard: the checksum, S3, the transitions, by_status and consolidation of accepted reports. */
const content = smallContent('ru');
const base = planSnapshot(templatePlan(content));
const ru = translator('ru');

const checksum = (s: Snapshot, lib: string) => reportChecksum(validate(s).workbook, lib);

function logRow(lib: string, status: ReportStatus, cs: string | null, day = 10, comment: string | null = null) {
  return {
    lib_id: lib,
    status: ru.t(`enum.report_status.${status}`),
    changed_by: status === 'submitted' ? 'Жакупова Г. С.' : 'Сарсенова А. К.',
    changed_at: { date: Date.UTC(2026, 0, day, 10, 30) },
    comment,
    checksum: cs,
  } satisfies ContentRow;
}

/** The snapshot `s` with the Submissions log replaced by `rows`. */
function withLog(s: Snapshot, rows: ContentRow[]): Snapshot {
  const logged = planSnapshot(templatePlan({ ...content, submissions: rows } satisfies WorkbookContent));
  const log = logged.tables.find((t) => t.name === 'Submissions');
  return { ...s, tables: s.tables.map((t) => (t.name === 'Submissions' && log ? log : t)) };
}

function sortEvents(s: Snapshot, by: (a: readonly CellValue[], b: readonly CellValue[]) => number): Snapshot {
  return { ...s, tables: s.tables.map((t) => (t.name === 'Events' ? { ...t, rows: [...t.rows].sort(by) } : t)) };
}

describe('the checksum of a report', () => {
  const before = checksum(base, 'KRG_CGB');
  it('is SHA-256 in hex', () => expect(before).toMatch(/^[0-9a-f]{64}$/));
  it('does not change when the Events register is sorted', () => {
    const title = columnIndexOf(
      base.tables.find((t) => t.name === 'Events')!,
      'title',
    );
    const sorted = sortEvents(base, (a, b) => String(b[title]).localeCompare(String(a[title])));
    expect(sorted.tables.find((t) => t.name === 'Events')!.rows[0]).not.toEqual(
      base.tables.find((t) => t.name === 'Events')!.rows[0],
    );
    expect(checksum(sorted, 'KRG_CGB')).toBe(before);
  });
  it('does not depend on how a cell is formatted or in which language a list value is written', () => {
    const ev = base.tables.find((t) => t.name === 'Events')!;
    const n = ev.rows.findIndex((r) => r[columnIndexOf(ev, 'lib_id')] === 'KRG_CGB');
    const date = ev.rows[n]![columnIndexOf(ev, 'date_start')] as { ms: number };
    // The same date as Excel's serial number (a cell formatted as a number), the form in Kazakh.
    const serial = date.ms / 86_400_000 + 25569;
    let s = withCell(base, 'Events', n, 'date_start', serial);
    s = withCell(s, 'Events', n, 'form', translator('kk').t('enum.event_form.seminar'));
    expect(ev.rows[n]![columnIndexOf(ev, 'form')]).toBe(ru.t('enum.event_form.seminar'));
    expect(checksum(s, 'KRG_CGB')).toBe(before);
  });
  it('changes when one cell of the report or of the library’s register rows is edited', () => {
    expect(checksum(withReportCell(base, 'KRG_CGB', 'U01', 'q2', 999), 'KRG_CGB')).not.toBe(before);
    expect(checksum(withReportCell(base, 'KRG_CGB', 'U01', 'note', 'уточнено'), 'KRG_CGB')).not.toBe(before);
    const ev = base.tables.find((t) => t.name === 'Events')!;
    const n = ev.rows.findIndex((r) => r[columnIndexOf(ev, 'lib_id')] === 'KRG_CGB');
    expect(checksum(withCell(base, 'Events', n, 'participants', 77), 'KRG_CGB')).not.toBe(before);
    // A value the checks refuse is still an edit.
    expect(checksum(withReportCell(base, 'KRG_CGB', 'U01', 'q2', 'сто'), 'KRG_CGB')).not.toBe(before);
  });
  it('does not change when another library’s report is edited', () => {
    expect(checksum(withReportCell(base, 'TMR_CGB', 'U01', 'q2', 999), 'KRG_CGB')).toBe(before);
  });
});

describe('S3: an accepted report changed afterwards', () => {
  const cs = checksum(base, 'KRG_CGB');
  const accepted = withLog(base, [logRow('KRG_CGB', 'submitted', cs, 8), logRow('KRG_CGB', 'accepted', cs, 12)]);
  const s3 = (s: Snapshot) => validate(s).findings.filter((f) => f.rule === 'S3');

  it('is quiet while the report is as it was accepted', () => expect(s3(accepted)).toEqual([]));
  it('is found after a cell of the report is edited, whether or not the sheet was protected', () => {
    // The snapshot holds values only: protection, removed or not, plays no part in S3.
    const found = s3(withReportCell(accepted, 'KRG_CGB', 'L01', 'q3', 12345));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', table: 'R_KRG_CGB', libId: 'KRG_CGB' });
    expect(ru.render(found[0]!.message)).toContain('Сарсенова');
    expect(translator('kk').render(found[0]!.message)).toContain('KRG_CGB');
  });
  it('is found after one of the library’s events is edited, and excludes the report', () => {
    const ev = base.tables.find((t) => t.name === 'Events')!;
    const n = ev.rows.findIndex((r) => r[columnIndexOf(ev, 'lib_id')] === 'KRG_CGB');
    const v = validate(withCell(accepted, 'Events', n, 'title', 'Другой семинар'));
    expect(v.findings.filter((f) => f.rule === 'S3')).toHaveLength(1);
    expect(consolidate(v).libraries.excluded.map((e) => e.libId)).toEqual(['KRG_CGB']);
  });
  it('is not found after an edit, a return, a new submission and a new acceptance', () => {
    const edited = withReportCell(base, 'KRG_CGB', 'L01', 'q3', 12345);
    const cs2 = checksum(edited, 'KRG_CGB');
    const cycle = withLog(edited, [
      logRow('KRG_CGB', 'submitted', cs, 8),
      logRow('KRG_CGB', 'accepted', cs, 12),
      logRow('KRG_CGB', 'returned', cs2, 14, 'Уточните выдачу за III квартал'),
      logRow('KRG_CGB', 'submitted', cs2, 15),
      logRow('KRG_CGB', 'accepted', cs2, 16),
    ]);
    expect(s3(cycle)).toEqual([]);
  });
  it('is not found for a returned report, nor for an acceptance logged without a checksum (version 1)', () => {
    const edited = withReportCell(base, 'KRG_CGB', 'L01', 'q3', 12345);
    expect(
      s3(withLog(edited, [logRow('KRG_CGB', 'accepted', cs), logRow('KRG_CGB', 'returned', cs, 12, 'Исправьте')])),
    ).toEqual([]);
    expect(s3(withLog(edited, [logRow('KRG_CGB', 'accepted', null)]))).toEqual([]);
  });
  it('leaves a deleted or damaged register to its one S1 finding, with no S3 for every accepted report', () => {
    const gone = { ...accepted, tables: accepted.tables.filter((t) => t.name !== 'Training') };
    expect(validate(gone).findings.map((f) => f.rule)).toEqual(['S1']);
    const noColumn = {
      ...accepted,
      tables: accepted.tables.map((t) =>
        t.name === 'Events' ? { ...t, header: t.header.slice(0, -1), rows: t.rows.map((r) => r.slice(0, -1)) } : t,
      ),
    };
    expect(validate(noColumn).findings.map((f) => f.rule)).toEqual(['S1']);
  });
  it('reads a Submissions table without the checksum column (version 1) with no finding', () => {
    const v1 = {
      ...accepted,
      tables: accepted.tables.map((t) =>
        t.name === 'Submissions'
          ? { ...t, header: t.header.slice(0, -1), rows: t.rows.map((r) => r.slice(0, -1)) }
          : t.name === 'Meta'
            ? { ...t, rows: t.rows.map((r) => (r[0] === 'version' ? [r[0], '1'] : r)) }
            : t,
      ),
    };
    expect(validate(v1).findings).toEqual([]);
  });
});

describe('transitions of section 6', () => {
  const staff: Person = { role: 'staff', name: 'Жакупова Г. С.', libId: 'KRG_CGB' };
  const otherStaff: Person = { role: 'staff', name: 'Цой Л. А.', libId: 'TMR_CGB' };
  const methodologist: Person = { role: 'methodologist', name: 'Сарсенова А. К.' };
  const at = { table: 'R_KRG_CGB', row: 'U01', column: 'q2', cell: "'KRG_CGB'!E5", libId: 'KRG_CGB' };
  const error = finding('R1', at, msg('R1.part', { part: 'U02', whole: 'U01' }));
  const warning = finding('W1', at, msg('W1.change', { value: 1 }));
  const explained = finding('W1', { ...at, row: 'V01' }, msg('W1.change', { value: 1 }), true);
  const request = (action: Action, current: ReportStatus, extra: Partial<TransitionRequest> = {}) =>
    transition({
      action,
      libId: 'KRG_CGB',
      person: action === 'submit' ? staff : methodologist,
      current,
      findings: [],
      comment: action === 'return' ? 'Исправьте U02' : null,
      ...extra,
    });
  const ACTIONS: Action[] = ['submit', 'accept', 'return'];

  for (const action of ACTIONS) {
    for (const from of REPORT_STATUSES) {
      const allowed = ACTION_FROM[action].includes(from);
      it(`${action} from ${from} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const r = request(action, from);
        expect(r.ok).toBe(allowed);
        if (r.ok) expect(r.to).toBe({ submit: 'submitted', accept: 'accepted', return: 'returned' }[action]);
        else {
          expect(r.reason.key).toBe('workflow.refused.status');
          expect(ru.render(r.reason)).toContain(ru.t(`enum.report_status.${from}`));
        }
      });
    }
  }
  it('refuses a submission by anyone but the library’s staff', () => {
    expect(request('submit', 'draft', { person: otherStaff })).toMatchObject({
      ok: false,
      reason: { key: 'workflow.refused.not_staff' },
    });
    expect(request('submit', 'draft', { person: methodologist })).toMatchObject({ ok: false });
  });
  it('refuses acceptance and return by library staff', () => {
    for (const action of ['accept', 'return'] as const)
      expect(request(action, 'submitted', { person: staff })).toMatchObject({
        ok: false,
        reason: { key: 'workflow.refused.not_methodologist' },
      });
  });
  it('refuses a change by someone who gave no name', () => {
    expect(request('submit', 'draft', { person: { ...staff, name: '  ' } })).toMatchObject({
      ok: false,
      reason: { key: 'workflow.refused.no_name' },
    });
  });
  it('refuses a submission while errors remain, listing them', () => {
    const r = request('submit', 'draft', { findings: [error, warning] });
    expect(r).toMatchObject({ ok: false, reason: { key: 'workflow.refused.errors' }, blocking: [error] });
  });
  it('refuses a submission while a warning is neither explained nor confirmed, and allows it once confirmed', () => {
    expect(request('submit', 'returned', { findings: [warning, explained] })).toMatchObject({
      ok: false,
      reason: { key: 'workflow.refused.warnings' },
      blocking: [warning],
    });
    expect(
      request('submit', 'returned', { findings: [warning, explained], confirmed: new Set([findingKey(warning)]) }),
    ).toMatchObject({ ok: true, to: 'submitted' });
  });
  it('refuses to accept a report that has errors now', () => {
    expect(request('accept', 'submitted', { findings: [error] })).toMatchObject({
      ok: false,
      reason: { key: 'workflow.refused.accept_errors' },
      blocking: [error],
    });
    expect(request('accept', 'submitted', { findings: [warning] }).ok).toBe(true);
  });
  it('requires a comment to return a report', () => {
    for (const comment of [null, '', '   '])
      expect(request('return', 'accepted', { comment })).toMatchObject({
        ok: false,
        reason: { key: 'workflow.refused.comment_required' },
      });
    expect(request('return', 'accepted', { comment: ' Исправьте U02 ' })).toMatchObject({
      ok: true,
      comment: 'Исправьте U02',
    });
  });
  it('says every refusal in Kazakh, Russian and English, never as a bare key', () => {
    const reasons = [
      request('submit', 'accepted'),
      request('submit', 'draft', { person: otherStaff }),
      request('accept', 'submitted', { person: staff }),
      request('submit', 'draft', { person: { ...staff, name: '' } }),
      request('submit', 'draft', { findings: [error, error] }),
      request('submit', 'draft', { findings: [warning] }),
      request('accept', 'submitted', { findings: [error] }),
      request('return', 'submitted', { comment: '' }),
    ].map((r) => (r.ok ? null : r.reason));
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      for (const reason of reasons) {
        expect(reason).not.toBeNull();
        const text = t.render(reason!);
        expect(text).not.toContain('workflow.');
        expect(text).not.toContain('{{');
      }
    }
  });
  it('counts a library’s register rows among its findings', () => {
    const ev = base.tables.find((t) => t.name === 'Events')!;
    const n = ev.rows.findIndex((r) => r[columnIndexOf(ev, 'lib_id')] === 'KRG_CGB');
    const v = validate(withCell(base, 'Events', n, 'participants', -5));
    const mine = libraryFindings(v.workbook, v.findings, 'KRG_CGB');
    expect(mine.map((f) => f.rule)).toEqual(['D1']);
    expect(libraryFindings(v.workbook, v.findings, 'TMR_CGB')).toEqual([]);
  });
});

describe('libraries.by_status and consolidation of accepted reports', () => {
  const cs = (lib: string) => checksum(base, lib);
  const logged = withLog(base, [
    logRow('KRG_OUNB', 'submitted', cs('KRG_OUNB'), 6),
    logRow('KRG_OUNB', 'accepted', cs('KRG_OUNB'), 9),
    logRow('KRG_CGB', 'submitted', cs('KRG_CGB'), 7),
    logRow('TMR_CGB', 'submitted', cs('TMR_CGB'), 7),
    logRow('TMR_CGB', 'returned', cs('TMR_CGB'), 8, 'Нет данных за IV квартал'),
    logRow('ABA_CRB', 'submitted', cs('ABA_CRB'), 7),
    logRow('ABA_CRB', 'accepted', cs('ABA_CRB'), 9),
  ]);

  it('counts every active library by the status of its last row, draft without one, all four keys', () => {
    const v = validate(logged);
    expect(countByStatus(reportStatuses(v.workbook), [])).toEqual({
      draft: 0,
      submitted: 0,
      accepted: 0,
      returned: 0,
    });
    const json = consolidationJson(consolidate(v), ru);
    expect(json.libraries.by_status).toEqual({ draft: 1, submitted: 1, accepted: 2, returned: 1 });
    expect(consolidationJson(consolidate(validate(base)), ru).libraries.by_status).toEqual({
      draft: LIBS.length,
      submitted: 0,
      accepted: 0,
      returned: 0,
    });
  });
  it('with acceptedOnly, gives the figures of a workbook holding only the accepted libraries', () => {
    const only = consolidate(validate(logged), { acceptedOnly: true });
    expect(only.libraries.included).toEqual(['KRG_OUNB', 'ABA_CRB']);
    expect(only.libraries.notAccepted).toEqual([
      { libId: 'KRG_CGB', status: 'submitted' },
      { libId: 'TMR_CGB', status: 'returned' },
      { libId: 'ABA_B01', status: 'draft' },
    ]);
    const keep = new Set(['KRG_OUNB', 'ABA_CRB']);
    const specs = LIBS.filter((l) => keep.has(l.id));
    const alone = smallContent('ru', specs);
    // ABA_CRB's branch is gone from the smaller registry, so its parent link goes too.
    const reference = consolidate(validate(planSnapshot(templatePlan(alone))));
    expect(reference.libraries.included).toEqual(['KRG_OUNB', 'ABA_CRB']);
    expect(only.indicators).toEqual(reference.indicators);
    expect(only.byTerritory).toEqual(reference.byTerritory);
    expect(only.byType).toEqual(reference.byType);
    expect(only.ratios).toEqual(reference.ratios);
    const json = consolidationJson(only, ru);
    expect(json.accepted_only).toBe(true);
    expect(json.libraries.not_accepted).toEqual([
      { lib_id: 'KRG_CGB', status: 'submitted' },
      { lib_id: 'TMR_CGB', status: 'returned' },
      { lib_id: 'ABA_B01', status: 'draft' },
    ]);
  });
});

describe('the status follows changed_at, never the rows’ order (section 1.4)', () => {
  const sample = planSnapshot(templatePlan(karagandaSample({ language: 'ru' })));
  const log = sample.tables.find((t) => t.name === 'Submissions')!;
  const at = columnIndexOf(log, 'changed_at');
  const time = (r: readonly CellValue[]) => {
    const c = r[at];
    return c !== null && typeof c === 'object' && c.kind === 'date' ? c.ms : 0;
  };
  /** The log as a person leaves it after sorting it newest first (Excel's sort moves whole rows). */
  const newestFirst: Snapshot = {
    ...sample,
    tables: sample.tables.map((t) => (t === log ? { ...t, rows: [...t.rows].sort((a, b) => time(b) - time(a)) } : t)),
  };

  it('gives every library the same status, and --accepted-only the same libraries, after the log is sorted', () => {
    const before = validate(sample);
    const after = validate(newestFirst);
    const accepted = consolidate(before, { acceptedOnly: true });
    // Not vacuous: the sample accepts and returns reports after submitting them.
    expect(consolidate(before).libraries.byStatus.accepted).toBeGreaterThan(20);
    expect(consolidate(before).libraries.byStatus.returned).toBeGreaterThan(0);
    expect(consolidate(after).libraries.byStatus).toEqual(consolidate(before).libraries.byStatus);
    expect(consolidate(after, { acceptedOnly: true }).libraries.included).toEqual(accepted.libraries.included);
    expect(accepted.libraries.included.length).toBeGreaterThan(20);
    expect(after.errors).toBe(before.errors);
  });

  it('keeps the rows’ order as the tie-break between changes of the same moment', () => {
    const cs = checksum(base, 'KRG_CGB');
    const same = (first: ReportStatus, second: ReportStatus) =>
      reportStatuses(
        validate(withLog(base, [logRow('KRG_CGB', first, cs), logRow('KRG_CGB', second, cs)])).workbook,
      ).get('KRG_CGB')?.status;
    expect(same('submitted', 'accepted')).toBe('accepted');
    expect(same('accepted', 'returned')).toBe('returned');
  });

  it('finds a changed_at later than now, or before the workbook’s year, as D4 of that library', () => {
    const cs = checksum(base, 'KRG_CGB');
    const future = { ...logRow('KRG_CGB', 'accepted', cs), changed_at: { date: Date.UTC(2062, 0, 10) } };
    const early = { ...logRow('TMR_CGB', 'submitted', null), changed_at: { date: Date.UTC(2024, 11, 31) } };
    const v = validate(withLog(base, [logRow('KRG_CGB', 'submitted', cs, 5), future, early]), {
      now: Date.UTC(2026, 11, 7),
    });
    const d4 = v.findings.filter((f) => f.rule === 'D4' && f.table === 'Submissions');
    expect(d4.map((f) => [f.libId, f.column, f.severity, f.message.key])).toEqual([
      ['KRG_CGB', 'changed_at', 'error', 'D4.log_future'],
      ['TMR_CGB', 'changed_at', 'error', 'D4.log_before_year'],
    ]);
    for (const lang of LANGUAGES) expect(translator(lang).render(d4[0]!.message)).toContain('2062');
    // A status decided by a mistyped date is not trusted: the report waits until the date is right.
    expect(consolidate(v).libraries.excluded.map((e) => e.libId)).toEqual(
      expect.arrayContaining(['KRG_CGB', 'TMR_CGB']),
    );
    // Today's log is quiet.
    expect(
      validate(withLog(base, [logRow('KRG_CGB', 'submitted', cs)])).findings.filter((f) => f.rule === 'D4'),
    ).toEqual([]);
  });
});
