import { a1, columnIndex } from '../core/snapshot';
import type { Area } from '../core/plan';

/** `B3:G5` (or a single cell, `$` allowed) as a 0-based inclusive area; null if malformed. */
export function parseRange(ref: string): Area | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const c1 = columnIndex(m[1] ?? '');
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] !== undefined ? columnIndex(m[3]) : c1;
  const r2 = m[4] !== undefined ? Number(m[4]) - 1 : r1;
  if (r1 < 0 || r2 < 0) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** An area as `B3:G5`, or `B3` for a single cell. */
export function rangeA1(area: Area): string {
  const tl = a1(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? tl : `${tl}:${a1(area.bottom, area.right)}`;
}
