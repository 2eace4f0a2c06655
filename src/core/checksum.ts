/**
 * The fingerprint of a library's report (section 6 of the standard): SHA-256
 * of a canonical form of its report values and of its rows in the registers.
 *
 * The form is built from parsed values, not from what a cell shows, so that
 * the file reader and office-js agree and formats do not count: a date is its
 * calendar time whatever its number format, an enumeration its key whatever
 * the label's language. Blank cells and wholly blank report lines are left
 * out, so adding the blank columns and rows of a newer version of the
 * standard changes nothing. Register rows are sorted, so sorting a register
 * changes nothing either. A cell whose value was refused is taken as it is
 * stored: an edit is an edit even when it is a mistake.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { INDICATORS } from '../standard';
import type { CellValue } from './snapshot';
import { libKey } from './invisible';
import type { FieldValue, ParsedWorkbook, Register, RegisterName, Report } from './parsed';

export type Checksum = string;

/** Registers that hold a library's rows (by `lib_id`); the registry and the log itself are not part of a report. */
const NOT_REPORT: ReadonlySet<RegisterName> = new Set(['Territories', 'Libraries', 'Submissions']);
export function reportRegisters(wb: ParsedWorkbook): [RegisterName, Register][] {
  return (Object.entries(wb.registers) as [RegisterName, Register][]).filter(
    ([name, reg]) => !NOT_REPORT.has(name) && reg.table !== null && reg.columns.has('lib_id'),
  );
}

type Canonical = string | number | boolean | null | readonly Canonical[] | { readonly [k: string]: Canonical };

function rawValue(v: CellValue): Canonical {
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? v.normalize('NFC').trim() : v;
  if (v.kind === 'date') return { d: v.ms };
  if (v.kind === 'error') return { e: v.code };
  return { f: v.formula };
}

function fieldValue(v: FieldValue): Canonical {
  return typeof v === 'string' ? v.normalize('NFC') : v;
}

/** JSON with object keys sorted: the same data gives the same text. */
function canonicalJson(x: Canonical): string {
  if (x === null || typeof x !== 'object') return JSON.stringify(x);
  if (Array.isArray(x)) return `[${(x as readonly Canonical[]).map(canonicalJson).join(',')}]`;
  const o = x as { readonly [k: string]: Canonical };
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k] as Canonical)}`)
    .join(',')}}`;
}

const isBlankCanonical = (v: Canonical): boolean => v === null || v === '';

function reportPart(report: Report | undefined): Canonical[] {
  if (!report) return [];
  const out: Canonical[] = [];
  const raw = (n: number, col: string): Canonical => {
    const i = report.columns.get(col);
    return i === undefined ? null : rawValue(report.table.rows[n]?.[i] ?? null);
  };
  for (const ind of INDICATORS) {
    const line = report.lines.get(ind.code);
    if (!line) continue;
    const values: Record<string, Canonical> = {};
    const put = (col: string, parsed: FieldValue) => {
      const v = line.bad?.has(col) ? { raw: raw(line.n, col) } : fieldValue(parsed);
      if (!isBlankCanonical(v)) values[col] = v;
    };
    put('plan', line.plan);
    line.q.forEach((q, k) => put(`q${k + 1}`, q));
    put('prior_year', line.prior_year);
    put('note', line.note);
    if (Object.keys(values).length > 0) out.push({ code: ind.code, ...values });
  }
  return out;
}

function rowText(reg: Register, row: Register['rows'][number]): string {
  const values: Record<string, Canonical> = {};
  for (const [key, parsed] of Object.entries(row.v)) {
    let v: Canonical;
    if (row.bad?.has(key)) {
      const i = reg.columns.get(key);
      v = { raw: i === undefined || !reg.table ? null : rawValue(reg.table.rows[row.n]?.[i] ?? null) };
    } else v = fieldValue(parsed);
    if (!isBlankCanonical(v)) values[key] = v;
  }
  return canonicalJson(values);
}

/** Each library's rows of each register, as canonical texts, in one pass over the registers. */
function registerRows(wb: ParsedWorkbook, libs: ReadonlySet<string>): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const [name, reg] of reportRegisters(wb)) {
    for (const row of reg.rows) {
      const lib = row.v.lib_id;
      if (typeof lib !== 'string' || row.bad?.has('lib_id')) continue;
      const id = libKey(lib);
      if (!libs.has(id)) continue;
      let byReg = out.get(id);
      if (!byReg) out.set(id, (byReg = new Map()));
      let rows = byReg.get(name);
      if (!rows) byReg.set(name, (rows = []));
      rows.push(rowText(reg, row));
    }
  }
  return out;
}

/** The canonical text of a library's report and register rows: what the checksum is taken of. */
function canonicalForm(report: Report | undefined, registers: Map<string, string[]> | undefined): string {
  const regs: Record<string, Canonical> = {};
  for (const [name, rows] of registers ?? []) regs[name] = [...rows].sort();
  return canonicalJson({ report: reportPart(report), registers: regs });
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The checksums of the given libraries (codes as in the registry), keyed by `libKey`. */
export function reportChecksums(wb: ParsedWorkbook, libIds: Iterable<string>): Map<string, Checksum> {
  const libs = new Set([...libIds].map(libKey));
  const rows = registerRows(wb, libs);
  const out = new Map<string, Checksum>();
  for (const id of libs) out.set(id, sha256Hex(canonicalForm(wb.reports.get(id), rows.get(id))));
  return out;
}

export function reportChecksum(wb: ParsedWorkbook, libId: string): Checksum {
  return reportChecksums(wb, [libId]).get(libKey(libId)) as Checksum;
}
