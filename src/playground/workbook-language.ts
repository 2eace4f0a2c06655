/**
 * The workbook's own language (the Meta table's `language`), which the
 * Dashboard's charts are written in: their numbers are shown in it too,
 * whatever the pane's language, so that a title's "75 046" and a bar's
 * "35 438" agree.
 */
import { columnIndex, columnLetters } from '../core/snapshot';
import { TABLES, isLanguage, type Language } from '../standard';
import type { WorkbookSource } from './source';

const META_SHEET = TABLES.find((t) => t.name === 'Meta')?.sheet ?? '_meta';

export function workbookLanguage(source: Pick<WorkbookSource, 'sheets' | 'contents'>): Language | null {
  if (!source.sheets().some((s) => s.name === META_SHEET)) return null;
  const cells = source.contents(META_SHEET);
  for (const [address, value] of Object.entries(cells)) {
    if (typeof value !== 'string' || value.trim().toLowerCase() !== 'language') continue;
    const m = /^([A-Z]+)(\d+)$/.exec(address.replace(/\$/g, ''));
    if (!m) continue;
    const right = cells[`${columnLetters(columnIndex(m[1]!) + 1)}${m[2]}`];
    if (typeof right === 'string' && isLanguage(right.trim())) return right.trim() as Language;
  }
  return null;
}
