/**
 * Checks across a report and the registers: E01 against the library's rows in
 * Events, S04 against its persons in Training (W4); probable duplicate events
 * (W5).
 */
import { finding, type Finding } from '../finding';
import { libKey } from '../invisible';
import { msg } from '../message';
import { registerPlace, reportPlace } from '../place';
import type { ParsedWorkbook } from '../parsed';
import { looseText } from '../values';
import { lineYear } from '../report-figures';

export function checkCross(wb: ParsedWorkbook): Finding[] {
  const out: Finding[] = [];
  const events = new Map<string, number>();
  for (const row of wb.registers.Events.rows) {
    const lib = row.v.lib_id;
    if (typeof lib === 'string') events.set(lib.toUpperCase(), (events.get(lib.toUpperCase()) ?? 0) + 1);
  }
  const trained = new Map<string, number>();
  for (const row of wb.registers.Training.rows) {
    const lib = row.v.lib_id;
    const persons = typeof row.v.persons === 'number' ? row.v.persons : row.bad?.has('persons') ? 0 : 1;
    if (typeof lib === 'string') trained.set(lib.toUpperCase(), (trained.get(lib.toUpperCase()) ?? 0) + persons);
  }
  const known = new Set<string>();
  for (const row of wb.registers.Libraries.rows) if (typeof row.v.lib_id === 'string') known.add(libKey(row.v.lib_id));
  for (const report of wb.reports.values()) {
    // A report of a library missing from the registry is already an S2 error; its registers mean nothing yet.
    if (report.empty || !known.has(report.libId)) continue;
    const e01 = report.lines.get('E01');
    const reportedEvents = lineYear(e01);
    const rows = events.get(report.libId) ?? 0;
    // Against a missing register there is nothing to compare: its S1 finding is the one to act on.
    if (e01 && wb.registers.Events.table && reportedEvents !== null && reportedEvents !== rows) {
      out.push(
        finding('W4', reportPlace(report, e01, 'year'), msg('W4.events', { value: reportedEvents, rows }), !!e01.note),
      );
    }
    const s04 = report.lines.get('S04');
    const reportedTrained = lineYear(s04);
    const persons = trained.get(report.libId) ?? 0;
    if (s04 && wb.registers.Training.table && reportedTrained !== null && reportedTrained !== persons) {
      out.push(
        finding(
          'W4',
          reportPlace(report, s04, 'year'),
          msg('W4.training', { value: reportedTrained, persons }),
          !!s04.note,
        ),
      );
    }
  }
  const reg = wb.registers.Events;
  // Grouped by library and date first: titles are compared (and normalised) only where those collide.
  const sameDay = new Map<string, { title: string | null; raw: string; key: string }[]>();
  for (const row of reg.rows) {
    const { lib_id, date_start, title } = row.v;
    if (typeof lib_id !== 'string' || typeof date_start !== 'number' || typeof title !== 'string') continue;
    const k = `${lib_id.toUpperCase()}|${date_start}`;
    const group = sameDay.get(k);
    if (!group) {
      sameDay.set(k, [{ title: null, raw: title, key: String(row.key) }]);
      continue;
    }
    const loose = looseText(title);
    for (const g of group) g.title ??= looseText(g.raw);
    const first = group.find((g) => g.title === loose);
    if (first) {
      out.push(
        finding(
          'W5',
          registerPlace(reg, row, 'title'),
          msg('W5.duplicate', { first: first.key, title }),
          typeof row.v.note === 'string',
        ),
      );
    } else group.push({ title: loose, raw: title, key: String(row.key) });
  }
  return out;
}
