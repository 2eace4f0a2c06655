/**
 * Rule R4 on the register of visits: a library does not visit itself, and
 * an inactive library cannot be visited. Whether the visited library exists
 * at all is D5's, from the column's reference.
 */
import { finding, type Finding } from '../finding';
import { label, msg } from '../message';
import { registerPlace } from '../place';
import type { ParsedWorkbook } from '../parsed';

export function checkVisits(wb: ParsedWorkbook): Finding[] {
  const out: Finding[] = [];
  const active = new Map<string, boolean>();
  for (const row of wb.registers.Libraries.rows) {
    const id = row.v.lib_id;
    if (typeof id === 'string' && !active.has(id.toUpperCase())) active.set(id.toUpperCase(), row.v.active === 'yes');
  }
  const reg = wb.registers.Visits;
  for (const row of reg.rows) {
    const { lib_id: from, visited_lib_id: to } = row.v;
    if (typeof to !== 'string') continue;
    const place = registerPlace(reg, row, 'visited_lib_id');
    if (typeof from === 'string' && from.toUpperCase() === to.toUpperCase()) {
      out.push(finding('R4', place, msg('R4.self', { column: label('column.Visits.visited_lib_id'), value: to })));
    } else if (active.get(to.toUpperCase()) === false) {
      out.push(finding('R4', place, msg('R4.inactive', { value: to, sheet: label('sheet.Libraries') })));
    }
  }
  return out;
}
