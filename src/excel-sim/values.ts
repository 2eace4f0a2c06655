/**
 * What Excel makes of a value written through `values` or `formulas`, as if
 * typed (en-US parsing): `=...` becomes a formula, a numeric string a number,
 * `TRUE` a boolean, `#N/A` an error, `'...` text; a cell formatted as text
 * (`@`) keeps the string as it is. Dates typed as text stay text here (Excel
 * would parse some); write serial numbers with a date format instead.
 */
import { invalidArgument } from './errors';
import type { Cell, Scalar } from './model';
import { MS_PER_DAY } from '../core/values';

export type Input =
  | { readonly kind: 'skip' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'set'; readonly value: Scalar | null; readonly error?: boolean; readonly formula?: string };

export const MAX_TEXT = 32_767;
export const MAX_FORMULA = 8_192;

const ERRORS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
];
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;

export function isErrorCode(s: string): boolean {
  return ERRORS.includes(s.toUpperCase());
}

/** A light syntax check, enough to reject what Excel would refuse as "There's a problem with this formula". */
export function checkFormula(f: string): void {
  if (f.length > MAX_FORMULA) throw invalidArgument(`The formula is longer than ${MAX_FORMULA} characters.`);
  if (f.trim() === '=') throw invalidArgument('The formula is empty.');
  let depth = 0;
  let quote = false;
  for (const ch of f) {
    if (ch === '"') quote = !quote;
    else if (!quote && ch === '(') depth++;
    else if (!quote && ch === ')') {
      depth--;
      if (depth < 0) break;
    }
  }
  if (quote || depth !== 0) throw invalidArgument(`There's a problem with this formula: ${f}`);
}

const SKIP: Input = { kind: 'skip' };
const CLEAR: Input = { kind: 'clear' };

/** What arrives for a value sent through office-js's JSON transport. */
export function parseInput(v: unknown, textFormat: boolean): Input {
  // JSON turns NaN, Infinity and undefined into null: the cell is left as it is.
  if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') return SKIP;
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'set', value: v } : SKIP;
  if (typeof v === 'boolean') return { kind: 'set', value: v };
  if (v instanceof Date) return parseInput(Number.isFinite(v.getTime()) ? v.toJSON() : null, textFormat);
  if (typeof v !== 'string')
    throw invalidArgument(`A cell value must be a number, a string or a boolean, not ${JSON.stringify(v)}.`);
  if (v === '') return CLEAR;
  if (v.length > MAX_TEXT) throw invalidArgument(`Text longer than ${MAX_TEXT} characters.`);
  if (textFormat) return { kind: 'set', value: v };
  if (v.startsWith('=') && v.length > 1) {
    checkFormula(v);
    return { kind: 'set', value: null, formula: v };
  }
  if (v.startsWith("'")) return { kind: 'set', value: v.slice(1) };
  const t = v.trim();
  if (isErrorCode(t)) return { kind: 'set', value: t.toUpperCase(), error: true };
  if (/^(true|false)$/i.test(t)) return { kind: 'set', value: t.toUpperCase() === 'TRUE' };
  if (NUMBER.test(t)) return { kind: 'set', value: Number(t) };
  if (PERCENT.test(t)) return { kind: 'set', value: Number(t.slice(0, -1)) / 100 };
  return { kind: 'set', value: v };
}

export function cellValue(cell: Cell | undefined): Scalar {
  return cell?.value ?? '';
}

export function cellFormula(cell: Cell | undefined): Scalar {
  return cell?.formula ?? cell?.value ?? '';
}

export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export function valueType(cell: Cell | undefined): ValueType {
  const v = cell?.value ?? null;
  if (v === null || v === '') return cell?.formula && v === '' ? 'String' : 'Empty';
  if (cell?.error) return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  maroon: '#800000',
  navy: '#000080',
  teal: '#008080',
  olive: '#808000',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  pink: '#FFC0CB',
  lightgreen: '#90EE90',
  lightyellow: '#FFFFE0',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkred: '#8B0000',
  darkgreen: '#006400',
  darkblue: '#00008B',
};

/** `#RRGGBB` or an HTML colour name, as office-js accepts them; read back as `#RRGGBB`. */
export function normalizeColor(input: unknown): string {
  if (typeof input !== 'string') throw invalidArgument(`${JSON.stringify(input)} is not a colour.`);
  const named = NAMED_COLORS[input.trim().toLowerCase()];
  if (named) return named;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(input.trim());
  if (m) return `#${(m[1] ?? '').toUpperCase()}`;
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(input.trim());
  if (short)
    return `#${short
      .slice(1)
      .map((h) => (h ?? '').repeat(2))
      .join('')
      .toUpperCase()}`;
  throw invalidArgument(`"${input}" is not a colour (#RRGGBB or a name).`);
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** The 1900 system counts a 29 February 1900 that never was (serial 60): days before it are one lower. */
const PHANTOM_LEAP_DAY = 60;

/** UTC milliseconds of a serial date. */
export function serialToMs(serial: number, date1904: boolean): number {
  if (date1904) return EPOCH_1904 + Math.round(serial * MS_PER_DAY);
  return EPOCH_1900 + Math.round((serial <= PHANTOM_LEAP_DAY ? serial + 1 : serial) * MS_PER_DAY);
}

export function msToSerial(ms: number, date1904: boolean): number {
  if (date1904) return (ms - EPOCH_1904) / MS_PER_DAY;
  const days = (ms - EPOCH_1900) / MS_PER_DAY;
  return days <= PHANTOM_LEAP_DAY ? days - 1 : days;
}

function stripLiterals(fmt: string): string {
  return fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
}

export function isDateFormat(fmt: string): boolean {
  return /[dmyhs]/i.test(stripLiterals(fmt)) && !/^general$/i.test(fmt);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(serial: number, fmt: string, date1904: boolean): string {
  const d = new Date(serialToMs(serial, date1904));
  const tokens = /yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|"[^"]*"|\\.|./gi;
  let out = '';
  let afterHour = false;
  for (const m of fmt.match(tokens) ?? []) {
    const t = m.toLowerCase();
    if (t === 'yyyy') out += d.getUTCFullYear();
    else if (t === 'yy') out += pad(d.getUTCFullYear() % 100, 2);
    else if (t === 'mm' || t === 'm') {
      const v = afterHour ? d.getUTCMinutes() : d.getUTCMonth() + 1;
      out += t === 'mm' ? pad(v, 2) : String(v);
    } else if (t === 'mmm' || t === 'mmmm') {
      out += d.toLocaleString('en-US', { month: t === 'mmm' ? 'short' : 'long', timeZone: 'UTC' });
    } else if (t === 'dd') out += pad(d.getUTCDate(), 2);
    else if (t === 'd') out += d.getUTCDate();
    else if (t === 'hh') out += pad(d.getUTCHours(), 2);
    else if (t === 'h') out += d.getUTCHours();
    else if (t === 'ss') out += pad(d.getUTCSeconds(), 2);
    else if (t === 's') out += d.getUTCSeconds();
    else if (m.startsWith('"')) out += m.slice(1, -1);
    else if (m.startsWith('\\')) out += m.slice(1);
    else out += m;
    if (t === 'h' || t === 'hh') afterHour = true;
    else if (/[dy]/.test(t)) afterHour = false;
  }
  return out;
}

function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const s =
    Math.abs(n) >= 1e11 || (Math.abs(n) < 1e-9 && n !== 0) ? n.toExponential(5) : String(Number(n.toPrecision(10)));
  return s.replace(/e\+?/, 'E+').replace('E+-', 'E-');
}

function formatNumber(n: number, fmt: string): string {
  const section = fmt.split(';')[n < 0 && fmt.includes(';') ? 1 : 0] ?? fmt;
  const body = stripLiterals(section);
  const percent = body.includes('%');
  const v = Math.abs(percent ? n * 100 : n);
  const dot = body.indexOf('.');
  const decimals = dot < 0 ? 0 : (body.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  const grouped = /[#0],[#0]/.test(body);
  let s = v.toFixed(decimals);
  if (grouped) {
    const [int, frac] = s.split('.');
    s = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  const sign = n < 0 && !fmt.includes(';') ? '-' : '';
  const literal = (section.match(/"([^"]*)"/g) ?? []).map((q) => q.slice(1, -1)).join('');
  return `${sign}${s}${percent ? '%' : ''}${literal}`;
}

/** `range.text`: the value as shown, for the formats the project uses (General, 0.0, #,##0, %, dates, @). */
export function displayText(cell: Cell | undefined, numberFormat: string, date1904: boolean): string {
  const v = cell?.value ?? null;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (/^general$/i.test(numberFormat) || numberFormat === '@') return formatGeneral(v);
  if (isDateFormat(numberFormat)) return formatDate(v, numberFormat, date1904);
  return formatNumber(v, numberFormat);
}
