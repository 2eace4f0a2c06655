/**
 * A source's values as the target holds them: compared by what they mean
 * (an enum by its key, whatever the language of either workbook), written in
 * the target's language. A value the source's checks refused is carried as
 * it is, as text where it was a formula: the target's checks then show it,
 * and nothing from another file ever runs as a formula.
 */
import type { ColumnDef, TableDef } from '../../standard';
import type { Translator } from '../translator';
import type { FieldValue } from '../parsed';
import type { PlanValue } from '../plan';
import type { CellValue } from '../snapshot';
import { libKey } from '../invisible';
import { isBlank, looseText } from '../values';

/** What two cells are compared by: the parsed value, or the raw cell where parsing refused it. */
export type Comparable = string | number | null;

export function comparable(parsed: FieldValue, raw: CellValue, bad: boolean): Comparable {
  if (!bad && parsed !== null) return typeof parsed === 'number' ? spreadsheetNumber(parsed) : parsed;
  const w = rawValue(raw);
  if (w === null) return null;
  return `raw:${JSON.stringify(w)}`;
}

/**
 * A number as a spreadsheet keeps it: 15 significant digits. LibreOffice
 * writes no more, so a row saved again there (72.00000000000001 become 72)
 * is still the row it was, not one more row to count.
 */
function spreadsheetNumber(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

export function sameValue(a: Comparable, b: Comparable): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b || looseText(a) === looseText(b);
  return a === b;
}

/** A cell as it is, formulas as their text. */
export function rawValue(raw: CellValue): PlanValue {
  if (raw === null) return null;
  if (typeof raw === 'string') return isBlank(raw) ? null : raw;
  if (typeof raw !== 'object') return raw;
  switch (raw.kind) {
    case 'date':
      return { date: raw.ms };
    case 'formula':
      return raw.formula.startsWith('=') ? raw.formula : `=${raw.formula}`;
    case 'error':
      return raw.code;
  }
}

/**
 * Free text (a title, a note, a name) as the source holds it: its leading
 * tab, line break or space kept, not trimmed without a word. Codes and keys
 * are written as they are read, trimmed, so that they match.
 */
const isFreeText = (col: ColumnDef, table: TableDef): boolean =>
  col.type.kind === 'text' && col.type.format === undefined && !col.ref && col.key !== table.keyColumn;

/** The value to write into the target for a register column. */
export function writeValue(
  col: ColumnDef,
  table: TableDef,
  parsed: FieldValue,
  raw: CellValue,
  bad: boolean,
  t: Translator,
): PlanValue {
  if (bad || parsed === null) return rawValue(raw);
  if (typeof raw === 'string' && isFreeText(col, table)) return raw;
  switch (col.type.kind) {
    case 'enum':
      return t.t(`enum.${col.type.enum}.${parsed}`);
    case 'date':
    case 'datetime':
      return typeof parsed === 'number' ? { date: parsed } : parsed;
    default:
      return parsed;
  }
}

/** What a written value shows, for the plan. */
export function shown(v: PlanValue): CellValue {
  if (v === null || typeof v !== 'object') return v;
  if ('date' in v) return { kind: 'date', ms: v.date };
  if ('formula' in v) return `=${v.formula}`;
  return v.text;
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * A register row's identity: its key where the table has one and the row
 * gives it; else the library, date and title (section 7). Null for a row
 * that has neither (nothing to recognise it by).
 */
export function rowKey(
  table: string,
  keyColumn: string | undefined,
  v: Readonly<Record<string, FieldValue>>,
): string | null {
  const k = keyColumn ? v[keyColumn] : null;
  if (k !== null && k !== undefined && String(k).trim() !== '') {
    return table === 'Libraries' ? libKey(String(k)) : String(k).trim();
  }
  if (table === 'Territories' || table === 'Libraries') return null;
  const lib = v['lib_id'];
  const date = v['date'] ?? v['date_start'] ?? null;
  const title = v['title'];
  if (lib == null && date === null && title == null) return null;
  return [
    lib == null ? '' : libKey(String(lib)),
    typeof date === 'number' ? isoDate(date) : '',
    title == null ? '' : String(title),
  ].join(' · ');
}

/** The key as rows are matched by: case and spaces of a title aside. */
export function matchKey(key: string): string {
  return looseText(key);
}
