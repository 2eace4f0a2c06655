/**
 * Snapshot → typed records, plus what parsing itself finds: structure damage
 * (S1), values of the wrong kind (D1, D3, D4). A refused value becomes null
 * and its column is marked bad, so later checks neither use it nor report it
 * a second time as blank.
 */
import { REGISTER_TABLES, REPORT_TABLE_PREFIX, TABLES, inVersion, type ColumnDef, type TableDef } from '../standard';
import type { CellValue, Snapshot, TableSnapshot } from './snapshot';
import { cellAddress, tableIndex } from './snapshot';
import { finding, type Finding } from './finding';
import { libKey } from './invisible';
import { label, msg } from './message';
import { mapColumns, renamedTable } from './structure';
import { parseMeta, type Meta } from './meta';
import { parseField, type YearBounds } from './parse-field';
import { parseReport } from './parse-report';
import type { FieldValue, ParsedWorkbook, Register, RegisterName, RegisterRow, Report } from './parsed';
import { registerPlace } from './place';
import { isBlank, parseText } from './values';

const REGISTERS: readonly RegisterName[] = REGISTER_TABLES;

export function parseWorkbook(snapshot: Snapshot): ParsedWorkbook {
  const findings: Finding[] = [];
  const byName = tableIndex(snapshot);
  const one = (name: string): TableSnapshot | null => byName.get(name.toUpperCase())?.[0] ?? null;

  const meta = parseMeta(one('Meta'), findings);
  for (const def of TABLES) {
    // A table that a later version of the standard added is read as empty, not missing.
    if (def.required && inVersion(def, meta.version) && !one(def.name))
      findings.push(missingTable(def, snapshot, meta));
  }
  const registers = {} as Record<RegisterName, Register>;
  for (const name of REGISTERS) {
    const def = TABLES.find((t) => t.name === name) as TableDef;
    registers[name] = parseRegister(def, one(name), meta, snapshot.date1904, findings);
  }
  const reports = new Map<string, Report>();
  for (const t of snapshot.tables) {
    if (t.name.toUpperCase().startsWith(REPORT_TABLE_PREFIX) && t.name.length > REPORT_TABLE_PREFIX.length) {
      const libId = t.name.slice(REPORT_TABLE_PREFIX.length).toUpperCase();
      reports.set(libId, parseReport(libId, t, meta.version, findings));
    }
  }
  return { meta, registers, reports, findings };
}

/**
 * The one finding about a required table that is not there. Everything that
 * only follows from its absence (references into it, report figures compared
 * with it) is not reported: one fix, one finding.
 */
function missingTable(def: TableDef, snapshot: Snapshot, meta: Meta): Finding {
  const where = { table: def.name, row: null, column: null, cell: null };
  // Found by the columns of the workbook's version, as set-up finds it to give it its name back.
  const keys = def.columns.filter((c) => inVersion(c, meta.version)).map((c) => c.key);
  const found = renamedTable(def, snapshot, keys);
  return found
    ? finding(
        'S1',
        { ...where, cell: cellAddress(found.sheet, found.top, found.left) },
        msg('S1.table_renamed', { table: def.name, found: found.name, sheet: found.sheet }),
      )
    : finding('S1', where, msg('S1.table_missing', { table: def.name, sheet: label(`sheet.${def.sheet}`) }));
}

function parseRegister(
  def: TableDef,
  table: TableSnapshot | null,
  meta: Meta,
  date1904: boolean,
  findings: Finding[],
): Register {
  if (!table) return { def, table: null, columns: new Map(), rows: [] };
  const year = meta.year;
  // Columns a later version added are not expected of an older workbook: they read as blank.
  const keys = def.columns.filter((c) => inVersion(c, meta.version)).map((c) => c.key);
  const cols = mapColumns(table, def.name, keys);
  findings.push(...cols.findings);
  const reg: { def: TableDef; table: TableSnapshot; columns: ReadonlyMap<string, number>; rows: RegisterRow[] } = {
    def,
    table,
    columns: cols.index,
    rows: [],
  };
  const present = def.columns
    .filter((c) => cols.index.has(c.key))
    .map((c) => [c, cols.index.get(c.key) as number] as const);
  const keyIdx = def.keyColumn ? cols.index.get(def.keyColumn) : undefined;
  const libIdx = cols.index.get('lib_id');
  const blankRow: Record<string, FieldValue> = {};
  for (const [c] of present) blankRow[c.key] = null;
  const years: YearBounds | null =
    year === null ? null : { year, from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1) };
  // Plain indexed loops: this runs once per cell of a national register (millions of times).
  const presentCols = present.map(([c]) => c);
  const presentIdx = present.map(([, i]) => i);
  const width = presentCols.length;
  for (let n = 0; n < table.rows.length; n++) {
    const raw = table.rows[n] as readonly CellValue[];
    let blank = true;
    for (let j = 0; j < raw.length && blank; j++) if (!isBlank(raw[j] ?? null)) blank = false;
    if (blank) continue;
    const keyText = keyIdx === undefined ? null : parseText(raw[keyIdx] ?? null);
    const key = keyText && keyText.ok && keyText.value !== null ? keyText.value : n + 1;
    // A clone of a literal with every key keeps one hidden class for all rows: much faster than adding keys one by one.
    const v: Record<string, FieldValue> = { ...blankRow };
    let bad: Set<string> | null = null;
    const row: RegisterRow = { n, key, v, bad: null };
    const libText = def.name === 'Libraries' && libIdx !== undefined ? parseText(raw[libIdx] ?? null) : null;
    const libId = libText && libText.ok && libText.value ? libKey(libText.value) : undefined;
    for (let j = 0; j < width; j++) {
      const col = presentCols[j] as ColumnDef;
      const r = parseField(def.name, col, raw[presentIdx[j] as number] ?? null, years, date1904);
      v[col.key] = r.value;
      if (r.rule !== null && r.problem !== null) {
        (bad ??= new Set()).add(col.key);
        findings.push(finding(r.rule, { ...registerPlace(reg, row, col.key, libId), row: key }, r.problem));
      }
    }
    reg.rows.push(bad ? { ...row, bad } : row);
  }
  return reg;
}
