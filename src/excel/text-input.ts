/**
 * Text as office-js must be sent so that Excel keeps it as text: a value
 * written through `formulas` (or `values`) is parsed as if typed, so `=...`,
 * `+...`, `-...` and `@...` would become formulas, and with `exact` a text
 * that reads as a number or a truth value would become one. The leading
 * apostrophe is Excel's own "this is text" mark; it is not part of the value.
 */
const FORMULA_LIKE = /^[=+\-@']/;
const NUMBER_LIKE = /^\s*([+-]?(\d[\d\s.,]*|\.\d+)([eE][+-]?\d+)?%?|true|false|#[A-Z/0!?]+)\s*$/i;

export function textInput(s: string, exact = false): string {
  return FORMULA_LIKE.test(s) || (exact && NUMBER_LIKE.test(s)) ? `'${s}` : s;
}
