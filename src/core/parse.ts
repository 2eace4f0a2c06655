import {
  INDICATORS,
  LEVELS,
  READABLE_VERSIONS,
  REGISTER_TABLES,
  REPORT_COLUMNS,
  REPORT_NUMBER_COLUMNS,
  REPORT_TABLE_PREFIX,
  STANDARD_ID,
  STANDARD_VERSION,
  TABLES,
  inVersion,
  isLanguage,
  type ColumnDef,
  type Language,
  type Level,
  type StandardVersion,
  type TableDef,
  type TableName,
} from '../standard';
import type { CellValue, Snapshot, TableSnapshot } from './snapshot';
import { cellAddress, tableIndex } from './snapshot';
import { finding, type Finding, type Place } from './finding';
import { libKey } from './invisible';
import { label, msg, type Message } from './message';
import { mapColumns } from './structure';
import { enumKey, indicatorNames, unitNames } from './labels';
import { cleanText, isBlank, normalizeLabel, parseDate, parseNumber, parseText, tooLarge } from './values';

/**
 * Snapshot → typed records, plus what parsing itself finds: structure damage
 * (S1), values of the wrong kind (D1, D3, D4). A refused value becomes null
 * and its column is marked bad, so later checks neither use it nor report it
 * a second time as blank.
 */
export type FieldValue = string | number | null;

export interface RegisterRow {
  /** 0-based data row within the table. */
  readonly n: number;
  readonly key: string | number;
  readonly v: Readonly<Record<string, FieldValue>>;
  readonly bad: ReadonlySet<string> | null;
}

export interface Register {
  readonly def: TableDef;
  readonly table: TableSnapshot | null;
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly RegisterRow[];
}

export type ReportNumberColumn = 'plan' | 'q1' | 'q2' | 'q3' | 'q4' | 'prior_year';

export interface ReportLine {
  readonly code: string;
  /** 0-based data row within the report table. */
  readonly n: number;
  readonly plan: number | null;
  readonly q: readonly [number | null, number | null, number | null, number | null];
  readonly prior_year: number | null;
  readonly note: string | null;
  readonly bad: ReadonlySet<string> | null;
}

export interface Report {
  readonly libId: string;
  readonly table: TableSnapshot;
  readonly columns: ReadonlyMap<string, number>;
  readonly lines: ReadonlyMap<string, ReportLine>;
  /** Quarters in which the library reported anything. */
  readonly reported: readonly [boolean, boolean, boolean, boolean];
  /** No input cell holds anything: the report is missing (W6). */
  readonly empty: boolean;
}

export interface Meta {
  /**
   * The version of the standard the workbook follows. An unknown or missing
   * version (an S1 finding) is read as the current one.
   */
  readonly version: StandardVersion;
  readonly level: Level | null;
  readonly region: string | null;
  readonly year: number | null;
  readonly language: Language | null;
}

export type RegisterName = Exclude<TableName, 'Meta' | 'Lists' | 'Imports'>;

export interface ParsedWorkbook {
  readonly meta: Meta;
  readonly registers: Readonly<Record<RegisterName, Register>>;
  readonly reports: ReadonlyMap<string, Report>;
  readonly findings: readonly Finding[];
}

/** Where a register cell is, as findings name it. */
export function registerPlace(reg: Register, row: RegisterRow | null, column: string | null, libId?: string): Place {
  const t = reg.table;
  if (!t) return { table: reg.def.name, row: null, column, cell: null };
  const col = column === null ? 0 : (reg.columns.get(column) ?? 0);
  return {
    table: t.name,
    row: row ? row.key : null,
    column,
    cell: cellAddress(t.sheet, row ? t.top + 1 + row.n : t.top, t.left + col),
    ...(libId ? { libId } : {}),
  };
}

export function reportPlace(report: Report, line: ReportLine | null, column: string | null, code?: string): Place {
  const t = report.table;
  const col = column === null ? 0 : (report.columns.get(column) ?? 0);
  return {
    table: t.name,
    row: line ? line.code : (code ?? null),
    column,
    cell: cellAddress(t.sheet, line ? t.top + 1 + line.n : t.top, t.left + col),
    libId: report.libId,
  };
}

const REGISTERS: readonly RegisterName[] = REGISTER_TABLES;

export function parseWorkbook(snapshot: Snapshot): ParsedWorkbook {
  const findings: Finding[] = [];
  const byName = tableIndex(snapshot);
  const one = (name: string): TableSnapshot | null => byName.get(name.toUpperCase())?.[0] ?? null;

  const meta = parseMeta(one('Meta'), findings);
  for (const def of TABLES) {
    // A table that a later version of the standard added is read as empty, not missing.
    if (def.required && inVersion(def, meta.version) && !one(def.name)) findings.push(missingTable(def, snapshot));
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
function missingTable(def: TableDef, snapshot: Snapshot): Finding {
  const where = { table: def.name, row: null, column: null, cell: null };
  const found = renamedTable(def, snapshot);
  return found
    ? finding(
        'S1',
        { ...where, cell: cellAddress(found.sheet, found.top, found.left) },
        msg('S1.table_renamed', { table: def.name, found: found.name, sheet: found.sheet }),
      )
    : finding('S1', where, msg('S1.table_missing', { table: def.name, sheet: label(`sheet.${def.sheet}`) }));
}

/** A table of a name the standard does not know whose header holds every column of `def`: it was renamed. */
function renamedTable(def: TableDef, snapshot: Snapshot): TableSnapshot | null {
  const standard = new Set(TABLES.map((t) => t.name.toUpperCase()));
  const keys = def.columns.map((c) => c.key);
  for (const t of snapshot.tables) {
    const name = t.name.toUpperCase();
    if (standard.has(name) || name.startsWith(REPORT_TABLE_PREFIX)) continue;
    if (mapColumns(t, def.name, keys).index.size === keys.length) return t;
  }
  return null;
}

function parseMeta(table: TableSnapshot | null, findings: Finding[]): Meta {
  const values = new Map<string, string>();
  const rowOf = new Map<string, number>();
  if (table) {
    const cols = mapColumns(table, 'Meta', ['key', 'value']);
    findings.push(...cols.findings);
    const k = cols.index.get('key') ?? 0;
    const v = cols.index.get('value') ?? 1;
    table.rows.forEach((r, n) => {
      const key = parseText(r[k] ?? null);
      const value = parseText(r[v] ?? null);
      if (key.ok && key.value) {
        values.set(key.value.toLowerCase(), value.ok && value.value !== null ? value.value : '');
        rowOf.set(key.value.toLowerCase(), n);
      }
    });
  }
  const place = (key: string): Place => {
    const n = rowOf.get(key);
    return {
      table: 'Meta',
      row: key,
      column: 'value',
      cell: table && n !== undefined ? cellAddress(table.sheet, table.top + 1 + n, table.left + 1) : null,
    };
  };
  if (table) {
    const standard = values.get('standard');
    if (standard !== undefined && standard.toLowerCase() !== STANDARD_ID) {
      findings.push(finding('S1', place('standard'), msg('S1.meta_standard', { value: standard })));
    }
    if (readVersion(values.get('version')) === null) {
      findings.push(finding('S1', place('version'), msg('S1.meta_version', { value: values.get('version') ?? '' })));
    }
  }
  const version = readVersion(values.get('version')) ?? (Number(STANDARD_VERSION) as StandardVersion);
  const yearText = values.get('year');
  const year =
    yearText !== undefined && /^\d{4}$/.test(yearText.replace(/\.0+$/, ''))
      ? Number(yearText.replace(/\.0+$/, ''))
      : null;
  if (table && year === null)
    findings.push(finding('S1', place('year'), msg('S1.meta_year', { value: yearText ?? '' })));
  const levelText = values.get('level');
  const level = (LEVELS as readonly string[]).includes(levelText ?? '') ? (levelText as Level) : null;
  const lang = values.get('language');
  return { version, level, region: values.get('region') ?? null, year, language: isLanguage(lang) ? lang : null };
}

function readVersion(text: string | undefined): StandardVersion | null {
  const n = text === undefined ? NaN : Number(text.trim());
  return READABLE_VERSIONS.find((v) => v === n) ?? null;
}

/**
 * The result of parsing one register cell. One object is reused for every
 * cell: a national register has millions of cells, and allocating a result
 * per cell costs more than the parsing itself.
 */
interface FieldResult {
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
function parseField(
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
      // A figure below its minimum is told so first: "too large" would say nothing of −5 000 000 000 000.
      if (t.kind === 'integer' && n < t.min) {
        return refused(
          'D1',
          t.min === 0 ? msg('D1.negative', { value: n }) : msg('D1.below_min', { value: n, min: t.min }),
        );
      }
      if (t.kind === 'number' && t.exclusiveMin !== undefined && n <= t.exclusiveMin)
        return refused('D1', msg('D1.not_positive', { value: n }));
      if (t.kind === 'number' && t.max !== undefined && n > t.max)
        return refused('D1', msg('D1.above_max', { value: n, max: t.max }));
      const huge = tooLarge(n);
      if (huge) return refused('D1', huge);
      if (t.kind === 'integer' && !Number.isInteger(n))
        return refused('D1', msg('D1.fraction', { value: n, rounded: Math.round(n) }));
      return ok(n);
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

interface YearBounds {
  readonly year: number;
  readonly from: number;
  readonly to: number;
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

const INPUT_NUMBER_COLUMNS = REPORT_NUMBER_COLUMNS as readonly ReportNumberColumn[];
const QUARTER_INDEX: Partial<Record<string, number>> = { q1: 0, q2: 1, q3: 2, q4: 3 };

function parseReport(libId: string, table: TableSnapshot, version: StandardVersion, findings: Finding[]): Report {
  const cols = mapColumns(table, 'Report', REPORT_COLUMNS, libId);
  findings.push(...cols.findings);
  const c = cols.index;
  const report = { libId, table, columns: c } as Report;
  const place = (line: ReportLine | null, column: string | null, code?: string): Place =>
    reportPlace(report, line, column, code);
  const codeIdx = c.get('code');
  const lines = new Map<string, ReportLine>();
  const reported: [boolean, boolean, boolean, boolean] = [false, false, false, false];
  let empty = true;
  const rowOfCode = new Map<string, number>();
  const retyped = new Set<string>();
  table.rows.forEach((raw, n) => {
    const text = codeIdx === undefined ? null : parseText(raw[codeIdx] ?? null);
    const code = text && text.ok && text.value ? text.value.toUpperCase() : '';
    const expected = INDICATORS[n];
    if (!INDICATORS.some((i) => i.code === code)) {
      if (raw.every(isBlank)) return;
      findings.push(
        finding(
          'S1',
          {
            ...place(null, 'code'),
            row: code || n + 1,
            cell: cellAddress(table.sheet, table.top + 1 + n, table.left + (codeIdx ?? 0)),
          },
          !expected
            ? msg('S1.report_row_extra')
            : code
              ? msg('S1.report_row_unknown', { value: code, expected: expected.code })
              : msg('S1.report_row_no_code', { expected: expected.code }),
        ),
      );
      if (expected) retyped.add(expected.code);
      return;
    }
    if (rowOfCode.has(code)) {
      findings.push(
        finding(
          'S1',
          {
            ...place(null, 'code', code),
            cell: cellAddress(table.sheet, table.top + 1 + n, table.left + (codeIdx ?? 0)),
          },
          msg('S1.report_row_duplicate', { code }),
        ),
      );
      return;
    }
    rowOfCode.set(code, n);
    let bad: Set<string> | null = null;
    const values: Record<ReportNumberColumn, number | null> = {
      plan: null,
      q1: null,
      q2: null,
      q3: null,
      q4: null,
      prior_year: null,
    };
    const provisional: ReportLine = {
      code,
      n,
      plan: null,
      q: [null, null, null, null],
      prior_year: null,
      note: null,
      bad: null,
    };
    for (const col of INPUT_NUMBER_COLUMNS) {
      const i = c.get(col);
      if (i === undefined) continue;
      const cell = raw[i] ?? null;
      if (!isBlank(cell)) {
        empty = false;
        const qi = QUARTER_INDEX[col];
        if (qi !== undefined) reported[qi] = true;
      }
      let value: number | null;
      if (typeof cell === 'number') value = cell;
      else {
        const p = parseNumber(cell);
        if (!p.ok) {
          (bad ??= new Set()).add(col);
          findings.push(finding('D1', place(provisional, col), p.problem));
          continue;
        }
        value = p.value;
      }
      if (value !== null && value < 0) {
        (bad ??= new Set()).add(col);
        findings.push(finding('D1', place(provisional, col), msg('D1.negative', { value })));
        continue;
      }
      const huge = value === null ? null : tooLarge(value);
      if (huge) {
        (bad ??= new Set()).add(col);
        findings.push(finding('D1', place(provisional, col), huge));
        continue;
      }
      if (value !== null && !Number.isInteger(value)) {
        (bad ??= new Set()).add(col);
        findings.push(
          finding('D1', place(provisional, col), msg('D1.fraction', { value, rounded: Math.round(value) })),
        );
        continue;
      }
      values[col] = value;
    }
    const noteIdx = c.get('note');
    const note = noteIdx === undefined ? null : parseText(raw[noteIdx] ?? null);
    const line: ReportLine = {
      code,
      n,
      plan: values.plan,
      q: [values.q1, values.q2, values.q3, values.q4],
      prior_year: values.prior_year,
      note: note && note.ok ? note.value : null,
      bad,
    };
    lines.set(code, line);
    // The indicator's name and unit are the software's: an edited one means the row may not be what it says.
    const indicator = INDICATORS.find((i) => i.code === code);
    for (const [col, names] of [
      ['indicator', indicator ? indicatorNames(code) : new Set<string>()],
      ['unit', indicator ? unitNames(indicator.unit) : new Set<string>()],
    ] as const) {
      const i = c.get(col);
      if (i === undefined) continue;
      const text = parseText(raw[i] ?? null);
      if (!text.ok || text.value === null || !names.has(normalizeLabel(text.value))) {
        findings.push(
          finding(
            'S1',
            place(line, col),
            msg('S1.report_row_edited', {
              code,
              column: label(`column.Report.${col}`),
              text: text.ok ? (text.value ?? '') : '',
            }),
          ),
        );
      }
    }
  });
  // A deleted row shifts those below it without moving them: only rows out of order are reported as moved.
  let lastN = -1;
  for (const ind of INDICATORS) {
    const n = rowOfCode.get(ind.code);
    // A code typed over in its own row ("T3" for T03) is one mistake, already reported as an unknown code.
    if (n === undefined && retyped.has(ind.code)) continue;
    // An older version's report has no rows for the indicators added since: they read as not reported.
    if (n === undefined && (ind.since ?? 1) > version) continue;
    if (n === undefined) {
      findings.push(
        finding(
          'S1',
          place(null, null, ind.code),
          msg('S1.report_row_missing', { code: ind.code, name: label(`indicator.${ind.code}`) }),
        ),
      );
      continue;
    }
    if (n < lastN) {
      const position = INDICATORS.indexOf(ind) + 1;
      findings.push(
        finding(
          'S1',
          place(lines.get(ind.code) ?? null, 'code'),
          msg('S1.report_row_moved', { code: ind.code, position }),
        ),
      );
    }
    lastN = Math.max(lastN, n);
  }
  return Object.assign(report, { lines, reported, empty });
}
