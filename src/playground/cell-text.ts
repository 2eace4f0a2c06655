/**
 * What a cell of the workbook view shows, as Excel would: a value in its
 * number format (grouped digits and decimals in the reader's locale, a
 * percentage, a date), a formula's result rather than the formula, nothing
 * for an empty ("") result, an error code as it is.
 */
import type { Translator } from '../i18n';
import type { FormulaResult } from './formulas';
import { serialToMs } from '../core/values';

export type Shown = number | string | boolean | FormulaResult | undefined;

const isDateFormat = (f: string) => /(^|[^\\"])(d|yy)/i.test(f) && !/^General$/i.test(f);

/** The decimals a number format asks for (`#,##0` → 0, `0.0` → 1, `0.00%` → 2); null for General. */
export function formatDecimals(format: string | undefined): number | null {
  const section = (format ?? '').split(';')[0] ?? '';
  if (!/[0#]/.test(section)) return null;
  const m = /\.([0#]+)/.exec(section);
  return m?.[1]?.length ?? 0;
}

export function cellText(value: Shown, format: string | undefined, t: Pick<Translator, 'number' | 'date'>): string {
  if (value === undefined) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const f = format ?? '';
  if (f && isDateFormat(f)) return t.date(serialToMs(value, false));
  const decimals = formatDecimals(f);
  if (decimals === null) return Number.isInteger(value) ? String(value) : t.number(value, 2);
  return /%/.test(f) ? `${t.number(value * 100, decimals)}%` : t.number(value, decimals);
}
