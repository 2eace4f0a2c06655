/**
 * Turning cell values into typed values. Nothing is silently converted: a
 * value that is almost right (text that looks like a number or a date) is
 * refused with a message that shows what was probably meant.
 */
import { CYRILLIC_LOOKALIKES, THRESHOLDS } from '../standard';
import type { CellValue } from './snapshot';
import { dateArg, label, msg, typedArg, type Message } from './message';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Message };

const SPACES_RE = /[\s\u00A0\u2007\u202F\u2009']/g;

export function isBlank(v: CellValue): boolean {
  // trim() removes every Unicode space, no-break and figure spaces included.
  return v === null || (typeof v === 'string' && v.trim() === '');
}

const NBSP_RE = /[\u00A0\u2007\u202F]/g;

/** Text as a person meant it: no-break spaces as spaces, trimmed. */
export function cleanText(s: string): string {
  const trimmed = s.trim();
  return trimmed.indexOf('\u00A0') < 0 && trimmed.indexOf('\u202F') < 0 && trimmed.indexOf('\u2007') < 0
    ? trimmed
    : trimmed.replace(NBSP_RE, ' ');
}

const normalized = new Map<string, string>();

/** Case- and space-insensitive form used to compare headers and labels (memoised: the same labels recur). */
export function normalizeLabel(s: string): string {
  let n = normalized.get(s);
  if (n === undefined) {
    n = s
      .normalize('NFC')
      .toLowerCase()
      .replace(/[\s\u00A0\u2007\u202F]+/g, '')
      .replace(/ё/g, 'е');
    if (normalized.size < 50_000) normalized.set(s, n);
  }
  return n;
}

/** A cheaper comparison form for long free texts (titles): case and spaces only. */
export function looseText(s: string): string {
  return s.toLowerCase().replace(/[\s\u00A0\u2007\u202F]+/g, '');
}

/** The number that text such as "1 234", "1 234" or "12,0" probably meant, or null. */
export function numberInText(text: string): number | null {
  let s = text.replace(SPACES_RE, '');
  if (s === '') return null;
  if (/^[-+]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * Evaluates a formula made only of numbers and + - * / ( ), such as
 * `=120+35`, which people type into quarter cells. Anything else (cell
 * references, functions) is refused: the software never relies on a cached
 * result that another program may not have written.
 */
export function constantFormula(formula: string): number | null {
  const src = formula.replace(/^=/, '').replace(/\s+/g, '');
  if (!/^[-+*/().\d]+$/.test(src)) return null;
  let pos = 0;
  const peek = (): string => src.charAt(pos);
  const number = (): number | null => {
    const m = /^\d+(\.\d+)?|^\.\d+/.exec(src.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    return Number(m[0]);
  };
  const factor = (): number | null => {
    const c = peek();
    if (c === '-' || c === '+') {
      pos++;
      const f = factor();
      return f === null ? null : c === '-' ? -f : f;
    }
    if (c === '(') {
      pos++;
      const e = expr();
      if (peek() !== ')') return null;
      pos++;
      return e;
    }
    return number();
  };
  /** One level of left-associative operators (`* /` or `+ -`) over the operands `next` reads. */
  const level =
    (next: () => number | null, ops: Readonly<Record<string, (a: number, b: number) => number>>) =>
    (): number | null => {
      let v = next();
      while (v !== null && Object.hasOwn(ops, peek())) {
        const op = ops[src.charAt(pos++)];
        const r = next();
        if (r === null || !op) return null;
        v = op(v, r);
      }
      return v;
    };
  const term = level(factor, { '*': (a, b) => a * b, '/': (a, b) => a / b });
  const expr: () => number | null = level(term, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const result = expr();
  return result !== null && pos === src.length && Number.isFinite(result) ? result : null;
}

/**
 * Text where a number or a date belongs: refused, saying what it seems to
 * mean where `meant` finds a value in it ("15.03.2025", "1 234").
 */
function textRefused<T>(meant: T | null, plain: () => Message, seems: (value: T) => Message): Parsed<never> {
  return { ok: false, problem: meant === null ? plain() : seems(meant) };
}

/** A cell that must hold a number: blank (null), a number, or a problem (rule D1). */
export function parseNumber(v: CellValue): Parsed<number | null> {
  if (isBlank(v)) return { ok: true, value: null };
  if (typeof v === 'number') return { ok: true, value: v };
  if (typeof v === 'string')
    return textRefused(
      numberInText(v),
      () => msg('D1.text', { text: cleanText(v) }),
      (n) => msg('D1.text_number', { text: v, number: typedArg(n) }),
    );
  // Named as Excel shows it in the reader's language (ИСТИНА, АҚИҚАТ): a person sees that, not "true".
  if (typeof v === 'boolean')
    return {
      ok: false,
      problem: msg('D1.logical', { value: label(`finding.D1.logical_value.${v ? 'TRUE' : 'FALSE'}`) }),
    };
  if (v === null) return { ok: true, value: null };
  switch (v.kind) {
    case 'error':
      return { ok: false, problem: msg('D1.error_value', { code: v.code }) };
    case 'formula': {
      const n = constantFormula(v.formula);
      return n === null ? { ok: false, problem: msg('D1.formula', { formula: v.formula }) } : { ok: true, value: n };
    }
    case 'date':
      return { ok: false, problem: msg('D1.date', { date: dateArg(v.ms) }) };
  }
}

/**
 * A figure too large to be true (THRESHOLDS.maxValue) or to add up (1E+308 and
 * beyond): refused, or one cell would turn every total into Infinity.
 */
export function tooLarge(n: number): Message | null {
  if (Number.isFinite(n) && Math.abs(n) <= THRESHOLDS.maxValue) return null;
  // Past 10^15 the digits say nothing to a reader: the figure is shown as Excel shows it, 9E+307.
  const value = Math.abs(n) < 1e15 ? n : Number.isFinite(n) ? n.toExponential().toUpperCase() : String(n);
  return msg('D1.too_large', { value, max: THRESHOLDS.maxValue });
}

/** A day in milliseconds: dates are UTC milliseconds (`{ date: ms }`), Excel counts days. */
export const MS_PER_DAY = 86_400_000;
/** Days between 1899-12-30 (serial 0 of the 1900 system, past Lotus's leap-year bug) and 1970-01-01. */
const EPOCH_1900 = 25_569;
/** The 1904 system counts from 1904-01-01: 1462 days later than the 1900 system. */
const OFFSET_1904 = 1_462;

export function serialToMs(serial: number, date1904: boolean): number {
  return Math.round((serial + (date1904 ? OFFSET_1904 : 0) - EPOCH_1900) * MS_PER_DAY);
}

/** One division from the system's own day zero: the nearest serial to the time, as Excel stores it. */
export function msToSerial(ms: number, date1904 = false): number {
  return (ms + (EPOCH_1900 - (date1904 ? OFFSET_1904 : 0)) * MS_PER_DAY) / MS_PER_DAY;
}

export function utcYear(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

/** A date written as text: 15.03.2025, 15/03/2025 or 2025-03-15. */
export function dateInText(text: string): number | null {
  const s = cleanText(text);
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (!m) return null;
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms : null;
}

/** Serial numbers Excel can show as a date (1900-01-01 to 9999-12-31). */
const MAX_SERIAL = 2_958_465;

/** A cell that must hold a date: a real date, or a serial number in the workbook's date system. */
export function parseDate(v: CellValue, date1904: boolean): Parsed<number | null> {
  if (isBlank(v)) return { ok: true, value: null };
  if (typeof v === 'number') {
    if (v >= 1 && v <= MAX_SERIAL) return { ok: true, value: serialToMs(v, date1904) };
    return { ok: false, problem: msg('D4.not_date', { text: String(v) }) };
  }
  if (typeof v === 'string')
    return textRefused(
      dateInText(v),
      () => msg('D4.not_date', { text: cleanText(v) }),
      (ms) => msg('D4.text_date', { text: cleanText(v), date: dateArg(ms) }),
    );
  if (typeof v === 'boolean' || v === null) return { ok: false, problem: msg('D4.not_date', { text: String(v) }) };
  switch (v.kind) {
    case 'date':
      return { ok: true, value: v.ms };
    case 'error':
      return { ok: false, problem: msg('D1.error_value', { code: v.code }) };
    case 'formula':
      return { ok: false, problem: msg('D4.not_date', { text: v.formula }) };
  }
}

/** A cell as text (codes, names, titles). Numbers are accepted as their digits. */
export function parseText(v: CellValue): Parsed<string | null> {
  if (isBlank(v)) return { ok: true, value: null };
  if (typeof v === 'string') return { ok: true, value: cleanText(v) };
  if (typeof v === 'number') return { ok: true, value: String(v) };
  if (typeof v === 'boolean' || v === null) return { ok: true, value: v === null ? null : String(v) };
  switch (v.kind) {
    case 'error':
      return { ok: false, problem: msg('D1.error_value', { code: v.code }) };
    case 'formula':
      return { ok: false, problem: msg('D1.formula', { formula: v.formula }) };
    case 'date':
      return { ok: true, value: new Date(v.ms).toISOString().slice(0, 10) };
  }
}

const ASCII_RE = /^[\x20-\x7E]*$/;

/** The Cyrillic look-alike letters in a code, and the code as it was probably meant. */
export function lookalikes(code: string): { letters: string[]; meant: string } | null {
  if (ASCII_RE.test(code)) return null;
  const letters: string[] = [];
  let meant = '';
  for (const ch of code) {
    const latin = CYRILLIC_LOOKALIKES[ch];
    if (latin) {
      if (!letters.includes(ch)) letters.push(ch);
      meant += latin;
    } else meant += ch;
  }
  return letters.length > 0 ? { letters, meant } : null;
}
