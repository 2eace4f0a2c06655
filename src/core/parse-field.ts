/**
 * One cell's raw content → a typed value, or the rule it breaks and why
 * (D1 not a number, negative, a fraction, too long, not an address; D3 not
 * in its list; D4 not a date, outside the year). Register columns and report
 * counts go through the same rules.
 */
import type { ColumnDef } from '../standard';
import { enumKey } from './labels';
import { label, msg, type Message } from './message';
import type { FieldValue } from './parsed';
import type { CellValue } from './snapshot';
import { cleanText, isBlank, parseDate, parseNumber, parseText, tooLarge } from './values';

/**
 * The result of parsing one register cell. One object is reused for every
 * cell: a national register has millions of cells, and allocating a result
 * per cell costs more than the parsing itself.
 */
export interface FieldResult {
  value: FieldValue;
  rule: 'D1' | 'D3' | 'D4' | null;
  problem: Message | null;
}
const field: FieldResult = { value: null, rule: null, problem: null };

function ok(value: FieldValue): FieldResult {
  field.value = value;
  field.rule = null;
  field.problem = null;
  return field;
}
function refused(rule: 'D1' | 'D3' | 'D4', problem: Message, value: FieldValue = null): FieldResult {
  field.value = value;
  field.rule = rule;
  field.problem = problem;
  return field;
}

const URL_RE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** Parses one cell of a register column; plain numbers, texts and dates take the short way. */
export function parseField(
  tableName: string,
  col: ColumnDef,
  raw: CellValue,
  years: YearBounds | null,
  date1904: boolean,
): FieldResult {
  if (raw === null) return ok(null);
  const t = col.type;
  switch (t.kind) {
    case 'text': {
      let text: string | null;
      if (typeof raw === 'string') text = cleanText(raw) || null;
      else {
        const p = parseText(raw);
        if (!p.ok) return refused('D1', p.problem);
        text = p.value;
      }
      if (text !== null && t.maxLength !== undefined && text.length > t.maxLength) {
        return refused('D1', msg('D1.too_long', { length: text.length, max: t.maxLength }), text);
      }
      if (text !== null && t.format === 'url' && !URL_RE.test(text)) return refused('D1', msg('D1.not_url', { text }));
      return ok(text);
    }
    case 'integer':
    case 'number': {
      let n: number | null;
      if (typeof raw === 'number') n = raw;
      else {
        const p = parseNumber(raw);
        if (!p.ok) return refused('D1', p.problem);
        n = p.value;
      }
      if (n === null) return ok(null);
      return t.kind === 'integer' ? wholeNumber(n, t.min) : decimalNumber(n, t);
    }
    case 'enum': {
      if (typeof raw === 'boolean' && t.enum === 'yes_no') return ok(raw ? 'yes' : 'no');
      let text: string | null;
      if (typeof raw === 'string') text = isBlank(raw) ? null : raw;
      else {
        const p = parseText(raw);
        if (!p.ok) return refused('D1', p.problem);
        text = p.value;
      }
      if (text === null) return ok(null);
      const key = enumKey(t.enum, text);
      if (key === null) {
        return refused(
          'D3',
          msg('D3.enum', { value: cleanText(text), column: label(`column.${tableName}.${col.key}`) }),
        );
      }
      return ok(key);
    }
    case 'date':
    case 'datetime': {
      let ms: number | null;
      if (raw !== null && typeof raw === 'object' && raw.kind === 'date') ms = raw.ms;
      else {
        const p = parseDate(raw, date1904);
        if (!p.ok) return refused(p.problem.key.startsWith('D1') ? 'D1' : 'D4', p.problem);
        ms = p.value;
      }
      if (ms !== null && t.kind === 'date' && t.withinYear && years !== null && (ms < years.from || ms >= years.to)) {
        return refused('D4', msg('D4.outside_year', { date: { date: ms }, year: String(years.year) }), ms);
      }
      return ok(ms);
    }
  }
}

export interface YearBounds {
  readonly year: number;
  readonly from: number;
  readonly to: number;
}

/**
 * A count in a report's plan, quarter or prior-year cell: the rules of an
 * integer register column with minimum 0, so that "−5" or "12.5" is told the
 * same way in a report as in a register.
 */
export function parseCount(raw: CellValue): FieldResult {
  if (typeof raw === 'number') return wholeNumber(raw, 0);
  const p = parseNumber(raw);
  if (!p.ok) return refused('D1', p.problem);
  return p.value === null ? ok(null) : wholeNumber(p.value, 0);
}

function wholeNumber(n: number, min: number): FieldResult {
  // A figure below its minimum is told so first: "too large" would say nothing of −5 000 000 000 000.
  if (n < min)
    return refused('D1', min === 0 ? msg('D1.negative', { value: n }) : msg('D1.below_min', { value: n, min }));
  const huge = tooLarge(n);
  if (huge) return refused('D1', huge);
  if (!Number.isInteger(n)) return refused('D1', msg('D1.fraction', { value: n, rounded: Math.round(n) }));
  return ok(n);
}

function decimalNumber(n: number, t: { readonly exclusiveMin?: number; readonly max?: number }): FieldResult {
  if (t.exclusiveMin !== undefined && n <= t.exclusiveMin) return refused('D1', msg('D1.not_positive', { value: n }));
  if (t.max !== undefined && n > t.max) return refused('D1', msg('D1.above_max', { value: n, max: t.max }));
  const huge = tooLarge(n);
  return huge ? refused('D1', huge) : ok(n);
}
