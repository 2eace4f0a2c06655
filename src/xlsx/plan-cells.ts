/**
 * The cells a sheet plan writes, looked up by position: a chart part carries
 * a cache of the values it draws (Excel shows the cache until it recomputes,
 * and some readers only ever show the cache), taken from the plan itself.
 */
import type { PlanValue, SheetPlan } from '../core/plan';

export interface PlanCells {
  value(row: number, col: number): PlanValue | undefined;
  /** The number format the plan's styles give the cell, the last one winning as when they are applied. */
  numFmt(row: number, col: number): string | undefined;
}

export function planCells(sheet: SheetPlan): PlanCells {
  const values = new Map<string, PlanValue>();
  const key = (r: number, c: number) => `${r},${c}`;
  for (const t of sheet.tables) {
    t.header.forEach((h, j) => values.set(key(t.top, t.left + j), h));
    t.rows.forEach((row, i) => row.forEach((v, j) => values.set(key(t.top + 1 + i, t.left + j), v)));
  }
  for (const b of sheet.blocks) {
    b.values.forEach((row, i) => row.forEach((v, j) => values.set(key(b.top + i, b.left + j), v)));
  }
  const formats = sheet.styles.filter((s) => s.style.numFmt !== undefined);
  return {
    value: (r, c) => values.get(key(r, c)),
    numFmt(r, c) {
      let fmt: string | undefined;
      for (const s of formats) {
        const a = s.area;
        if (r >= a.top && r <= a.bottom && c >= a.left && c <= a.right) fmt = s.style.numFmt;
      }
      return fmt;
    },
  };
}
