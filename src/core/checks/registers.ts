/**
 * Checks of the registers (Territories, Libraries, Submissions, Events,
 * Training) that need a whole row or a whole table: required cells (D2),
 * codes (D5), duplicates (D6), parts of a row (R1), date order (D4).
 */
import { LIB_ID_PATTERN, type ColumnDef } from '../../standard';
import { finding, type Finding } from '../finding';
import { hasInvisible, libKey, withoutInvisible } from '../invisible';
import { label, msg, type Message } from '../message';
import { registerPlace } from '../place';
import type { ParsedWorkbook, Register, RegisterName, RegisterRow } from '../parsed';
import { lookalikes } from '../values';

export function checkRegisters(wb: ParsedWorkbook): Finding[] {
  const out: Finding[] = [];
  const keys = new Map<string, Set<string>>();
  for (const reg of Object.values(wb.registers)) {
    if (!reg.table) continue;
    checkRequired(reg, out);
    checkRowRelations(reg, out);
    const uniqueCols = reg.def.columns.filter((c) => c.unique);
    for (const col of uniqueCols) keys.set(`${reg.def.name}.${col.key}`, checkUnique(reg, col, out));
  }
  for (const reg of Object.values(wb.registers)) {
    if (!reg.table) continue;
    for (const col of reg.def.columns) {
      if (!reg.columns.has(col.key)) continue;
      if (col.ref) {
        // Codes pointing into a missing table are not wrong: the table's own S1 finding says what to fix.
        if (wb.registers[col.ref.table as RegisterName]?.table)
          checkRefs(reg, col, keys.get(`${col.ref.table}.${col.ref.column}`) ?? new Set(), out);
      } else if (col.unique) checkCodeForm(reg, col, out);
    }
  }
  checkParentCycles(wb.registers.Libraries, out);
  return out;
}

const libOf = (reg: Register, row: RegisterRow): string | undefined =>
  reg.def.name === 'Libraries' && typeof row.v.lib_id === 'string' ? libKey(row.v.lib_id) : undefined;

/**
 * The keys to propose for rows whose key is blank: after the highest number
 * the register already uses with its prefix (`EV-0042` → `EV-0043`), one per
 * blank row, so that two proposals never collide.
 */
function keyProposer(reg: Register): (() => string) | null {
  const prefix = reg.def.keyPrefix;
  const key = reg.def.keyColumn;
  if (!prefix || !key) return null;
  const pattern = new RegExp(`^${prefix}-(\\d+)$`, 'i');
  let last = 0;
  for (const row of reg.rows) {
    const m = typeof row.v[key] === 'string' ? pattern.exec(row.v[key]) : null;
    if (m) last = Math.max(last, Number(m[1]));
  }
  return () => `${prefix}-${String(++last).padStart(4, '0')}`;
}

function isRequired(col: ColumnDef, row: RegisterRow): boolean {
  if (col.required === true) return true;
  if (col.required === false) return false;
  const other = row.v[col.required.column];
  return typeof other === 'string' && col.required.in.includes(other);
}

function checkRequired(reg: Register, out: Finding[]): void {
  const cols = reg.def.columns.filter((c) => c.required !== false && reg.columns.has(c.key));
  const nextKey = keyProposer(reg);
  for (const row of reg.rows) {
    for (const col of cols) {
      if (row.v[col.key] !== null || row.bad?.has(col.key) || !isRequired(col, row)) continue;
      const cond = col.required;
      const column = label(`column.${reg.def.name}.${col.key}`);
      const message =
        col.key === reg.def.keyColumn && nextKey
          ? msg('D2.blank_key', { column, key: nextKey() })
          : typeof cond === 'boolean'
            ? msg('D2.blank', { column })
            : msg('D2.blank_when', {
                column: label(`column.${reg.def.name}.${col.key}`),
                other: label(`column.${reg.def.name}.${cond.column}`),
                value: label(`enum.${enumOf(reg, cond.column)}.${String(row.v[cond.column])}`),
              });
      out.push(finding('D2', registerPlace(reg, row, col.key, libOf(reg, row)), message));
    }
  }
}

function enumOf(reg: Register, key: string): string {
  const t = reg.def.columns.find((c) => c.key === key)?.type;
  return t && t.kind === 'enum' ? t.enum : key;
}

function checkRowRelations(reg: Register, out: Finding[]): void {
  const rel = reg.def.columns.filter((c) => (c.notAbove || c.notBefore) && reg.columns.has(c.key));
  if (rel.length === 0) return;
  for (const row of reg.rows) {
    for (const col of rel) {
      const v = row.v[col.key];
      if (typeof v !== 'number') continue;
      if (col.notAbove) {
        const whole = row.v[col.notAbove];
        if (typeof whole === 'number' && v > whole) {
          out.push(
            finding(
              'R1',
              registerPlace(reg, row, col.key),
              msg('R1.row_part', {
                column: label(`column.${reg.def.name}.${col.key}`),
                value: v,
                whole: label(`column.${reg.def.name}.${col.notAbove}`),
                wholeValue: whole,
              }),
            ),
          );
        }
      }
      if (col.notBefore) {
        const start = row.v[col.notBefore];
        if (typeof start === 'number' && v < start) {
          out.push(
            finding(
              'D4',
              registerPlace(reg, row, col.key),
              msg('D4.end_before_start', { end: { date: v }, start: { date: start } }),
            ),
          );
        }
      }
    }
  }
}

/** Reports duplicates of a key column and returns the set of its values. */
function checkUnique(reg: Register, col: ColumnDef, out: Finding[]): Set<string> {
  const first = new Map<string, RegisterRow>();
  for (const row of reg.rows) {
    const v = row.v[col.key];
    if (typeof v !== 'string') continue;
    const k = v.toUpperCase();
    const prev = first.get(k);
    if (prev) {
      out.push(
        finding(
          'D6',
          registerPlace(reg, row, col.key, libOf(reg, row)),
          msg('D6.duplicate', { value: v, first: registerPlace(reg, prev, col.key).cell ?? '' }),
        ),
      );
    } else first.set(k, row);
  }
  // A code with an invisible character is reported once, on its own row; codes typed cleanly elsewhere match it.
  const known = new Set(first.keys());
  for (const k of first.keys()) if (hasInvisible(k)) known.add(withoutInvisible(k));
  return known;
}

/** A key's own form: LIB_ID's pattern, and no Cyrillic letters mixed into a Latin code. */
function checkCodeForm(reg: Register, col: ColumnDef, out: Finding[]): void {
  const isLibId = col.type.kind === 'text' && col.type.format === 'lib_id';
  for (const row of reg.rows) {
    const v = row.v[col.key];
    if (typeof v !== 'string') continue;
    const look = lookalikes(v);
    const place = registerPlace(reg, row, col.key, libOf(reg, row));
    if (hasInvisible(v)) {
      out.push(finding('D5', place, invisibleIn(v)));
    } else if (look && (isLibId || /[A-Za-z]/.test(v))) {
      out.push(
        finding('D5', place, msg('D5.lookalike', { value: v, letters: look.letters.join(', '), meant: look.meant })),
      );
    } else if (isLibId && !LIB_ID_PATTERN.test(v)) {
      out.push(finding('D5', place, msg('D5.lib_id_format', { value: v })));
    }
  }
}

/** The finding about a code with an invisible character: the code as it was probably meant, in Latin letters. */
function invisibleIn(code: string): Message {
  const visible = withoutInvisible(code);
  return msg('D5.invisible', { value: code, meant: lookalikes(visible)?.meant ?? visible });
}

function checkRefs(reg: Register, col: ColumnDef, known: Set<string>, out: Finding[]): void {
  const target = col.ref;
  if (!target) return;
  const isList = col.type.kind === 'text' && col.type.format === 'codes';
  for (const row of reg.rows) {
    const cell = row.v[col.key];
    if (typeof cell !== 'string') continue;
    for (const v of isList ? codesIn(cell) : [cell]) {
      if (!known.has(v.toUpperCase())) unknownRef(reg, row, col, target, v, out);
    }
  }
}

/** The codes of a list cell ("KRG, TMR; ABA"). */
export function codesIn(cell: string): string[] {
  return cell.split(/[\s,;]+/).filter((c) => c !== '');
}

function unknownRef(
  reg: Register,
  row: RegisterRow,
  col: ColumnDef,
  target: NonNullable<ColumnDef['ref']>,
  v: string,
  out: Finding[],
): void {
  const look = lookalikes(v);
  const place = registerPlace(reg, row, col.key, libOf(reg, row));
  if (hasInvisible(v)) {
    out.push(finding('D5', place, invisibleIn(v)));
  } else if (look) {
    out.push(
      finding('D5', place, msg('D5.lookalike', { value: v, letters: look.letters.join(', '), meant: look.meant })),
    );
  } else {
    out.push(
      finding(
        'D5',
        place,
        msg('D5.unknown_ref', {
          value: v,
          column: label(`column.${target.table}.${target.column}`),
          sheet: label(`sheet.${target.table}`),
        }),
      ),
    );
  }
}

function checkParentCycles(reg: Register, out: Finding[]): void {
  const parent = new Map<string, string>();
  const rowOf = new Map<string, RegisterRow>();
  for (const row of reg.rows) {
    const id = row.v.lib_id;
    const p = row.v.parent_id;
    if (typeof id !== 'string') continue;
    rowOf.set(id.toUpperCase(), row);
    if (typeof p === 'string') parent.set(id.toUpperCase(), p.toUpperCase());
  }
  const reported = new Set<string>();
  for (const start of parent.keys()) {
    const chain: string[] = [];
    const seen = new Set<string>();
    let cur: string | undefined = start;
    while (cur !== undefined && !seen.has(cur)) {
      seen.add(cur);
      chain.push(cur);
      cur = parent.get(cur);
    }
    if (cur === undefined || cur !== start || reported.has(start)) continue;
    chain.forEach((id) => reported.add(id));
    const row = rowOf.get(start);
    if (row) {
      out.push(
        finding(
          'D5',
          registerPlace(reg, row, 'parent_id', start),
          msg('D5.cycle', { value: start, chain: [...chain, start].join(' → ') }),
        ),
      );
    }
  }
}
