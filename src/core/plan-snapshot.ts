/**
 * A Snapshot of what a plan would produce, without any file: lets the core's
 * tests build workbooks from the same layout the adapters write.
 */
import type { CellValue, Snapshot, TableSnapshot } from './snapshot';
import type { PlanValue, WorkbookPlan } from './plan';

export function cellOf(v: PlanValue): CellValue {
  if (v === null || typeof v !== 'object') return v;
  if ('date' in v) return { kind: 'date', ms: v.date };
  if ('formula' in v) return { kind: 'formula', formula: `=${v.formula.replace(/^=/, '')}` };
  return v.text;
}

export function planSnapshot(plan: WorkbookPlan, date1904 = false): Snapshot {
  const tables: TableSnapshot[] = [];
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables) {
      tables.push({
        name: t.name,
        sheet: sheet.name,
        top: t.top,
        left: t.left,
        header: [...t.header],
        rows: t.rows.map((r) => r.map(cellOf)),
      });
    }
  }
  return { date1904, sheets: plan.sheets.map((s) => ({ name: s.name, visible: s.visibility === 'visible' })), tables };
}
