/**
 * Check's findings as markers on their cells: one per cell (an error
 * outranks a warning; explained warnings are not marked), a sheet's markers
 * replaced as a whole, a protected sheet opened for them and closed again
 * with the options it had.
 */
import type { Finding } from '../finding';
import { a1, parseCellAddress } from '../snapshot';
import type { ProtectionOptions, Write } from './write';

export interface MarkedCell {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: 'error' | 'warning';
}

export function markerCells(findings: readonly Finding[]): Map<string, MarkedCell> {
  const out = new Map<string, MarkedCell>();
  for (const f of findings) {
    if (!f.cell || f.explained) continue;
    const at = parseCellAddress(f.cell);
    if (!at) continue;
    const key = `${at.sheet}\u0000${a1(at.row, at.col)}`;
    const prev = out.get(key);
    if (!prev || (prev.severity === 'warning' && f.severity === 'error'))
      out.set(key, { sheet: at.sheet, cell: a1(at.row, at.col), severity: f.severity });
  }
  return out;
}

/** A sheet as the add-in found it: whether it holds markers of the add-in's already, and its protection. */
export interface MarkedSheet {
  readonly name: string;
  readonly marked: boolean;
  readonly protection: { readonly protected: boolean; readonly options: ProtectionOptions };
}

export function markerWrites(findings: readonly Finding[], sheets: readonly MarkedSheet[]): Write[] {
  const wanted = new Map<string, { error: string[]; warning: string[] }>();
  const known = new Set(sheets.map((s) => s.name));
  for (const m of markerCells(findings).values()) {
    if (!known.has(m.sheet)) continue;
    const cells = wanted.get(m.sheet) ?? { error: [], warning: [] };
    cells[m.severity].push(m.cell);
    wanted.set(m.sheet, cells);
  }
  const writes: Write[] = [];
  for (const { name, marked, protection } of sheets) {
    const cells = wanted.get(name);
    if (!marked && !cells) continue;
    // The software's protected report sheets are opened for the markers and closed again with the options they had.
    if (protection.protected) writes.push({ k: 'unprotect', sheet: name });
    writes.push({ k: 'markers', sheet: name, error: cells?.error ?? [], warning: cells?.warning ?? [] });
    if (protection.protected) writes.push({ k: 'protect', sheet: name, options: protection.options });
  }
  return writes;
}
