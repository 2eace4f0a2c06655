/**
 * The order of every axis and generated table's rows, stated once. An
 * object's own key order is never used: JavaScript puts integer-like keys
 * ("10", "11", "12") before all others ("01".."09"), so a table of months
 * read by `Object.entries` runs October → September.
 */
import { ENUMS, type EnumName } from '../../standard';

/** The months' keys as the consolidation counts them, January first. */
export const MONTH_KEYS: readonly string[] = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/** Months 1..12 with their figures, January first; a month missing from `data` counts as `blank`. */
export function byMonth<V>(data: Readonly<Record<string, V>>, blank: V): [month: number, value: V][] {
  return MONTH_KEYS.map((k, i) => [i + 1, data[k] ?? blank]);
}

/** An enumeration's values with their figures, in the standard's order; a value missing from `data` counts as `blank`. */
export function byEnum<V>(name: EnumName, data: Readonly<Record<string, V>>, blank: V): [key: string, value: V][] {
  return ENUMS[name].map((k) => [k, data[k] ?? blank]);
}
