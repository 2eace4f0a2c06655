/**
 * The registry of an existing workbook (territories and libraries, as people
 * typed them) carried into a new one, and the report sheets its active
 * libraries need. Values are copied as they are, mistakes included: the new
 * workbook's checks will show them.
 */
import { LIB_ID_PATTERN } from '../../standard';
import type { CellValue, Snapshot } from '../snapshot';
import type { PlanValue } from '../plan';
import type { ParsedWorkbook, Register } from '../parsed';
import type { ContentRow, ReportSheet } from './content';

export function planValue(v: CellValue): PlanValue {
  if (v === null || typeof v !== 'object') return v;
  switch (v.kind) {
    case 'date':
      return { date: v.ms };
    case 'formula':
      return { formula: v.formula };
    case 'error':
      return v.code;
  }
}

export function registerContent(reg: Register): ContentRow[] {
  const t = reg.table;
  if (!t) return [];
  const keys = reg.def.columns.map((c) => c.key);
  return reg.rows.map((row) => {
    const raw = t.rows[row.n] ?? [];
    const out: Record<string, PlanValue> = {};
    for (const k of keys) {
      const i = reg.columns.get(k);
      out[k] = i === undefined ? null : planValue(raw[i] ?? null);
    }
    return out;
  });
}

/** One report sheet per active library with a valid code, named in the workbook's language. */
export function reportSheetsFor(wb: ParsedWorkbook, language: 'kk' | 'ru' | 'en'): ReportSheet[] {
  const nameCol = language === 'kk' ? 'name_kk' : 'name_ru';
  const seen = new Set<string>();
  const out: ReportSheet[] = [];
  for (const row of wb.registers.Libraries.rows) {
    const id = row.v.lib_id;
    if (typeof id !== 'string' || row.v.active !== 'yes' || !LIB_ID_PATTERN.test(id) || seen.has(id)) continue;
    seen.add(id);
    const name = row.v[nameCol];
    out.push({ libId: id, name: typeof name === 'string' ? name : id });
  }
  return out;
}

export function snapshotHasTable(s: Snapshot, name: string): boolean {
  return s.tables.some((t) => t.name.toUpperCase() === name.toUpperCase());
}
