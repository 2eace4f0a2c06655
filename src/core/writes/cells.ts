/**
 * What a cell receives for a plan's value, decided once for every writer:
 * the add-in (office-js), the file writer and the in-memory Excel. A date is
 * a serial day of the workbook's own date system (1900 or 1904) shown with
 * the standard's date format; text stays text even where it reads as a
 * formula or a number; a link is written as its text.
 */
import type { PlanValue } from '../plan';
import { MS_PER_DAY, msToSerial } from '../values';
import type { CellInput } from './write';

/** The formats of the template's date and date-time columns (the standard's look), given to every date written. */
export const DATE_FORMAT = 'dd.mm.yyyy';
export const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';

/** The format a date is shown with: the time of day only when there is one. */
export function dateFormat(ms: number): string {
  return ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY === 0 ? DATE_FORMAT : DATE_TIME_FORMAT;
}

export type CellContent =
  | { readonly kind: 'blank' }
  /** `format` for a date: the serial is shown as one. */
  | { readonly kind: 'number'; readonly value: number; readonly format?: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'text'; readonly text: string }
  /** Without its leading `=`. */
  | { readonly kind: 'formula'; readonly formula: string };

export function cellContent(v: PlanValue, date1904: boolean): CellContent {
  if (v === null) return { kind: 'blank' };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (typeof v === 'string') return { kind: 'text', text: v };
  if ('formula' in v) return { kind: 'formula', formula: v.formula.replace(/^=/, '') };
  if ('date' in v) return { kind: 'number', value: msToSerial(v.date, date1904), format: dateFormat(v.date) };
  return { kind: 'text', text: v.text };
}

/**
 * Text as Excel must be sent it so that it keeps it as text: a value written
 * through office-js's `formulas` (or `values`) is parsed as if typed, so
 * `=...`, `+...`, `-...` and `@...` would become formulas, and with `exact` a
 * text that reads as a number or a truth value would become one. The leading
 * apostrophe is Excel's own "this is text" mark; it is not part of the value.
 */
const FORMULA_LIKE = /^[=+\-@']/;
const NUMBER_LIKE = /^\s*([+-]?(\d[\d\s.,]*|\.\d+)([eE][+-]?\d+)?%?|true|false|#[A-Z/0!?]+)\s*$/i;

export function textInput(s: string, exact = false): string {
  return FORMULA_LIKE.test(s) || (exact && NUMBER_LIKE.test(s)) ? `'${s}` : s;
}

/** A cell's content as typed into Excel; `exact` keeps number-like text as text too. */
export function cellInput(c: CellContent, exact: boolean): NonNullable<CellInput> {
  switch (c.kind) {
    case 'blank':
      return '';
    case 'number':
    case 'boolean':
      return c.value;
    case 'text':
      return textInput(c.text, exact);
    case 'formula':
      return `=${c.formula}`;
  }
}
