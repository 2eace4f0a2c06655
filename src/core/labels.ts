/**
 * Lookups from what people write (a label in any of the three languages, or
 * the key itself) to the standard's keys. Built once from the catalogues.
 */
import { ENUMS, INDICATORS, type EnumName, type Unit } from '../standard';
import { labelsInAllLanguages } from './translator';
import { normalizeLabel } from './values';

function lookup(entries: Iterable<[key: string, catalogueKey: string]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, catKey] of entries) {
    map.set(normalizeLabel(key), key);
    for (const l of labelsInAllLanguages(catKey)) if (!map.has(normalizeLabel(l))) map.set(normalizeLabel(l), key);
  }
  return map;
}

const enumCache = new Map<EnumName, Map<string, string>>();
const enumMemo = new Map<EnumName, Map<string, string | null>>();

/** The key of what a cell says, for an enumeration; memoised because registers repeat the same few labels. */
export function enumKey(name: EnumName, text: string): string | null {
  let memo = enumMemo.get(name);
  if (!memo) enumMemo.set(name, (memo = new Map()));
  let key = memo.get(text);
  if (key === undefined) {
    key = enumLookup(name).get(normalizeLabel(text)) ?? null;
    if (memo.size < 10_000) memo.set(text, key);
  }
  return key;
}
export function enumLookup(name: EnumName): Map<string, string> {
  let m = enumCache.get(name);
  if (!m) {
    m = lookup(ENUMS[name].map((k) => [k, `enum.${name}.${k}`] as [string, string]));
    enumCache.set(name, m);
  }
  return m;
}

const headerCache = new Map<string, Map<string, string>>();
/** Header text → column key for a table (`Report` for report tables). */
export function headerLookup(table: string, keys: readonly string[]): Map<string, string> {
  // Keyed by the columns too: a version 1 workbook expects fewer columns of the same table than a version 2 one.
  const cacheKey = `${table}|${keys.join(',')}`;
  let m = headerCache.get(cacheKey);
  if (!m) {
    m = lookup(keys.map((k) => [k, `column.${table}.${k}`] as [string, string]));
    headerCache.set(cacheKey, m);
  }
  return m;
}

let indicatorLabels: Map<string, Set<string>> | null = null;
/** Accepted (normalized) names of each indicator. */
export function indicatorNames(code: string): Set<string> {
  if (!indicatorLabels) {
    indicatorLabels = new Map(
      INDICATORS.map((i) => [i.code, new Set(labelsInAllLanguages(`indicator.${i.code}`).map(normalizeLabel))]),
    );
  }
  return indicatorLabels.get(code) ?? new Set();
}

const unitCache = new Map<Unit, Set<string>>();
export function unitNames(unit: Unit): Set<string> {
  let s = unitCache.get(unit);
  if (!s) {
    s = new Set([unit, ...labelsInAllLanguages(`unit.${unit}`)].map(normalizeLabel));
    unitCache.set(unit, s);
  }
  return s;
}
