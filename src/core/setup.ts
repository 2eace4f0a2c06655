/**
 * Set-up: what a workbook needs to become, or to stay, a standard one. On a
 * new workbook that is the whole template; on an existing one it gives a
 * standard table someone renamed its name back (never an empty twin beside
 * it), adds only what is missing (tables, report sheets for libraries added
 * to the registry, columns a later version appended, whatever the header
 * style), rebuilds the software's own hidden sheets when they differ,
 * re-applies the registers' validation, and restores tampered report rows
 * with the values people typed carried over by indicator code. It never
 * deletes or overwrites a cell people filled.
 */
import {
  INDICATORS,
  REPORT_COLUMNS,
  REPORT_TABLE_PREFIX,
  STANDARD_VERSION,
  TABLES,
  inVersion,
  type Level,
  type Language,
  type StandardVersion,
  type TableDef,
} from '../standard';
import { translator } from './translator';
import type { Snapshot, TableSnapshot, CellValue } from './snapshot';
import { tableIndex } from './snapshot';
import type { PlanValue, SheetPlan, ValidationPlan, WorkbookPlan } from './plan';
import { parseWorkbook } from './parse';
import { templatePlan, reportFormulas, VALIDATION_ROWS } from './layout/template';
import { planValue, registerContent, reportSheetsFor } from './layout/registry';
import { isBlank, normalizeLabel, parseText } from './values';
import { cellOf } from './plan-snapshot';
import { libKey } from './invisible';
import { mapColumns, renamedTable } from './structure';
import type { ParsedWorkbook } from './parsed';

export interface SetupSettings {
  readonly level: Level;
  readonly region: string;
  readonly year: number;
  readonly language: Language;
}

/** Writes into an existing table: its rows rewritten from `top` (0-based sheet row), possibly longer than the table is now. */
export interface TablePatch {
  readonly table: string;
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly rows: readonly (readonly PlanValue[])[];
  /**
   * The names of the table's columns from `left`, for a patch wider than the
   * table: the columns beyond its right edge are added to it under these names.
   */
  readonly header?: readonly string[];
  /** The table's data rows now from `top` down; the patch's rows beyond them are added to the table. */
  readonly currentRows: number;
  /**
   * A `null` of `rows` leaves its cell as it is instead of clearing it: an
   * import fills single report cells and rewrites single registry cells
   * without touching their neighbours.
   */
  readonly sparse?: boolean;
  /** The sheet is protected by the software and must be unprotected for the write, then protected again. */
  readonly protectedSheet: boolean;
}

/**
 * Columns a later version of the standard added at the right of a register
 * (version 2: `Events.speakers`, `Events.territories`), appended to the
 * existing table: its cells keep their places.
 */
export interface ColumnAddition {
  readonly table: string;
  readonly sheet: string;
  /** The headers of the new columns, left to right: labels in the workbook's language, or keys where the table's headers are keys. */
  readonly headers: readonly string[];
}

/**
 * A standard table found under another name (someone renamed it in Excel):
 * set-up gives it its name back rather than adding an empty twin. The rest
 * of the plan names it by its standard name, so the renames are made first.
 */
export interface TableRename {
  readonly from: string;
  readonly to: string;
  readonly sheet: string;
  /** The sheet is protected by the software (a report's) and must be unprotected for the rename, then protected again. */
  readonly protectedSheet: boolean;
}

/** What set-up does, for the person who asked. */
export interface SetupSummary {
  /** Tables added, by name (registers, report tables `R_…`, the software's own). */
  readonly added: readonly string[];
  /** Report tables whose rows were restored. */
  readonly repaired: readonly string[];
  /** The software's hidden tables rebuilt (Meta, Lists). */
  readonly rebuilt: readonly string[];
  /** Columns added at the right of existing tables, by table, as column keys. */
  readonly columns?: readonly { readonly table: string; readonly keys: readonly string[] }[];
  readonly renamed?: readonly TableRename[];
  /** Report tables given only the rows a later version of the standard added (M01–M02): nothing was damaged. */
  readonly extended?: readonly string[];
  /** The version of the standard the workbook followed, where set-up brings it to the current one. */
  readonly upgradedFrom?: StandardVersion;
}

export interface SheetValidations {
  readonly sheet: string;
  readonly validations: readonly ValidationPlan[];
}

export interface SetupPlan {
  /** Tables given back their standard names, before anything else is written. */
  readonly renames?: readonly TableRename[];
  /** New sheets (and the software's hidden sheets to rebuild). */
  readonly workbook: WorkbookPlan;
  readonly patches: readonly TablePatch[];
  readonly columns: readonly ColumnAddition[];
  readonly validations: readonly SheetValidations[];
  /** What it does, for the person who asked: sheets added, reports repaired. */
  readonly summary: SetupSummary;
}

/** Whether the summary says set-up changed anything at all. */
export function setupChangedAnything(s: SetupSummary): boolean {
  return (
    s.added.length + s.repaired.length + s.rebuilt.length > 0 ||
    (s.columns?.length ?? 0) + (s.renamed?.length ?? 0) + (s.extended?.length ?? 0) > 0 ||
    s.upgradedFrom !== undefined
  );
}

export function setupPlan(found: Snapshot, settings: SetupSettings): SetupPlan {
  const renames = renamedTables(found, parseWorkbook(found));
  // Planned as if the renamed tables had their names back: the adapters rename them first.
  const snapshot = withNames(found, renames);
  const wb = renames.length > 0 ? parseWorkbook(snapshot) : parseWorkbook(found);
  const byName = tableIndex(snapshot);
  const find = (name: string): TableSnapshot | null => byName.get(name.toUpperCase())?.[0] ?? null;
  const content = {
    settings,
    territories: registerContent(wb.registers.Territories),
    libraries: registerContent(wb.registers.Libraries),
    submissions: [],
    events: [],
    training: [],
    reports: reportSheetsFor(wb, settings.language),
  };
  const template = templatePlan(content);
  const existingSheets = new Set(snapshot.sheets.map((s) => s.name.toUpperCase()));
  const sheets: SheetPlan[] = [];
  const removeSheets: string[] = [];
  const added: string[] = [];
  const rebuilt: string[] = [];
  const validations: SheetValidations[] = [];
  const columns: ColumnAddition[] = [];
  const addedColumns: { table: string; keys: string[] }[] = [];
  const addedRegisters: SheetPlan[] = [];
  for (const sheet of template.sheets) {
    const table = sheet.tables[0];
    if (!table) continue;
    const existing = find(table.name);
    const def = TABLES.find((d) => d.name === table.name);
    if (!existing) {
      const named = existingSheets.has(sheet.name.toUpperCase())
        ? { ...sheet, name: freeName(sheet.name, existingSheets) }
        : sheet;
      sheets.push(named);
      added.push(table.name);
      if (def?.filledBy === 'people') addedRegisters.push(named);
      continue;
    }
    if (table.name === 'Meta' || table.name === 'Lists') {
      // Meta and Lists belong to the software: rebuilt when they differ from what the settings say.
      if (!sameCells(existing, table.header, table.rows)) {
        removeSheets.push(existing.sheet);
        sheets.push({ ...sheet, name: existing.sheet });
        rebuilt.push(table.name);
      }
      continue;
    }
    if (!def) continue;
    // Columns a later version appended are added to people's registers and to the software's logs alike
    // (version 2's Submissions.checksum, Imports' later columns), whose rows the software only ever appends to.
    const extra = missingTrailingColumns(def, sheet, existing);
    if (extra.keys.length > 0) {
      columns.push({ table: existing.name, sheet: existing.sheet, headers: extra.headers });
      addedColumns.push({ table: existing.name, keys: extra.keys });
    }
    if (def.filledBy !== 'people') continue;
    validations.push(revalidate(def, sheet, { ...existing, header: [...existing.header, ...extra.headers] }));
  }
  // A new register's drop-downs point at the hidden lists; when those are rebuilt in the same change (a
  // version 1 workbook set up as version 2), they are pointed at the new lists again after the swap.
  if (rebuilt.includes('Lists'))
    for (const s of addedRegisters) validations.push({ sheet: s.name, validations: s.validations });
  const patches: TablePatch[] = [];
  const repaired: string[] = [];
  const extended: string[] = [];
  for (const t of snapshot.tables) {
    if (!t.name.toUpperCase().startsWith(REPORT_TABLE_PREFIX)) continue;
    const repair = repairReport(t, settings.language, wb.meta.version);
    if (repair) {
      patches.push(repair.patch);
      (repair.damaged ? repaired : extended).push(t.name);
    }
  }
  const current = Number(STANDARD_VERSION) as StandardVersion;
  return {
    ...(renames.length > 0 ? { renames } : {}),
    workbook: { sheets, removeSheets },
    patches,
    columns,
    validations,
    summary: {
      added,
      repaired,
      rebuilt,
      ...(addedColumns.length > 0 ? { columns: addedColumns } : {}),
      ...(renames.length > 0 ? { renamed: renames } : {}),
      ...(extended.length > 0 ? { extended } : {}),
      ...(wb.meta.version < current ? { upgradedFrom: wb.meta.version } : {}),
    },
  };
}

/** Tables that hold nothing the software relies on by name other than their own: rebuilt, never looked for. */
const REBUILT = new Set(['Meta', 'Lists']);

/**
 * The standard tables found under other names: a register or log whose
 * header holds its columns (as the checks recognise it), and a report table
 * whose header holds a report's columns, for an active library without a
 * report: the one on the sheet named by the library's code, else the only
 * such table when one library alone lacks its report.
 */
function renamedTables(snapshot: Snapshot, wb: ParsedWorkbook): TableRename[] {
  const byName = tableIndex(snapshot);
  const taken = new Set<TableSnapshot>();
  const out: TableRename[] = [];
  const rename = (t: TableSnapshot, to: string, protectedSheet: boolean) => {
    taken.add(t);
    out.push({ from: t.name, to, sheet: t.sheet, protectedSheet });
  };
  for (const def of TABLES) {
    if (REBUILT.has(def.name) || byName.has(def.name.toUpperCase())) continue;
    const keys = def.columns.filter((c) => inVersion(c, wb.meta.version)).map((c) => c.key);
    const t = renamedTable(def, snapshot, keys, taken);
    if (t) rename(t, def.name, false);
  }
  const lacking = reportSheetsFor(wb, 'en')
    .map((r) => r.libId)
    .filter((id) => !byName.has(`${REPORT_TABLE_PREFIX}${id}`.toUpperCase()));
  const reportDef = { name: 'Report', columns: REPORT_COLUMNS.map((key) => ({ key })) };
  const candidates: TableSnapshot[] = [];
  for (let t = renamedTable(reportDef, snapshot, undefined, taken); t;) {
    candidates.push(t);
    t = renamedTable(reportDef, snapshot, undefined, new Set([...taken, ...candidates]));
  }
  const left = new Set(candidates);
  const unmatched: string[] = [];
  for (const id of lacking) {
    const t = [...left].find((c) => libKey(c.sheet) === libKey(id));
    if (!t) unmatched.push(id);
    else {
      left.delete(t);
      rename(t, `${REPORT_TABLE_PREFIX}${id}`, true);
    }
  }
  const [only] = left;
  if (only && left.size === 1 && unmatched.length === 1) rename(only, `${REPORT_TABLE_PREFIX}${unmatched[0]}`, true);
  return out;
}

/** The snapshot with the renamed tables under their standard names. */
function withNames(snapshot: Snapshot, renames: readonly TableRename[]): Snapshot {
  if (renames.length === 0) return snapshot;
  const to = new Map(renames.map((r) => [`${r.sheet}\u0000${r.from}`, r.to]));
  return {
    ...snapshot,
    tables: snapshot.tables.map((t) => {
      const name = to.get(`${t.sheet}\u0000${t.name}`);
      return name ? { ...t, name } : t;
    }),
  };
}

/**
 * The standard's columns that an existing table lacks at its right end (a
 * version 1 table lacks those version 2 appended), whatever its headers say
 * (labels in any language, or the column keys, section 1). Only when the
 * table is exactly the standard's first columns in order: a column missing
 * from the middle, or a column of people's own at the right, is something the
 * checks report (S1), not something to add after. The new headers follow the
 * table's style: keys where its headers are the keys, else the labels.
 */
function missingTrailingColumns(
  def: TableDef,
  template: SheetPlan,
  existing: TableSnapshot,
): { keys: string[]; headers: string[] } {
  const keys = def.columns.map((c) => c.key);
  const { index } = mapColumns(existing, def.name, keys);
  const n = existing.header.length;
  const prefix = n < keys.length && index.size === n && keys.slice(0, n).every((k, i) => index.get(k) === i);
  if (!prefix) return { keys: [], headers: [] };
  const byKey =
    n > 0 &&
    existing.header.every((h, i) => typeof h === 'string' && normalizeLabel(h) === normalizeLabel(keys[i] as string));
  const labels = template.tables[0]?.header ?? [];
  return {
    keys: keys.slice(n),
    headers: keys.slice(n).map((k, i) => (byKey ? k : (labels[n + i] ?? k))),
  };
}

/** A sheet name not taken yet (compared in capitals, as Excel does): the name with ` (2)`, ` (3)` ... */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, 27)} (${i})`;
    if (!taken.has(candidate.toUpperCase())) return candidate;
  }
}

function sameCells(t: TableSnapshot, header: readonly string[], rows: readonly (readonly PlanValue[])[]): boolean {
  const norm = (v: CellValue) => (isBlank(v) ? null : typeof v === 'number' ? String(v) : v);
  const same = (a: readonly CellValue[], b: readonly CellValue[]) =>
    a.length === b.length && a.every((v, i) => JSON.stringify(norm(v)) === JSON.stringify(norm(b[i] ?? null)));
  return (
    same(t.header, header) &&
    t.rows.length === rows.length &&
    t.rows.every((r, i) => same(r, (rows[i] ?? []).map(cellOf)))
  );
}

/** The template's validations, moved to where the existing table's columns actually are (found by label or key). */
function revalidate(def: TableDef, template: SheetPlan, existing: TableSnapshot): SheetValidations {
  const keys = def.columns.map((c) => c.key);
  const { index } = mapColumns(existing, def.name, keys);
  const colOf = new Map<number, number>();
  keys.forEach((k, i) => {
    const j = index.get(k);
    if (j !== undefined) colOf.set(i, j);
  });
  const bottom = existing.top + Math.max(existing.rows.length, 1) + VALIDATION_ROWS;
  const validations: ValidationPlan[] = [];
  for (const v of template.validations) {
    const j = colOf.get(v.area.left);
    if (j === undefined) continue;
    validations.push({
      ...v,
      area: { top: existing.top + 1, bottom, left: existing.left + j, right: existing.left + j },
    });
  }
  return { sheet: existing.sheet, validations };
}

/**
 * A report whose fixed rows were deleted, moved or edited, rewritten in the
 * standard's order: codes, names and units restored, formulas rewritten, and
 * every value people typed carried to its indicator's row by its code (or,
 * for a code typed over, from the row where that indicator stood).
 */
function repairReport(
  t: TableSnapshot,
  language: Language,
  version: StandardVersion,
): { patch: TablePatch; damaged: boolean } | null {
  const tr = translator(language);
  const col = (k: string) => REPORT_COLUMNS.indexOf(k as (typeof REPORT_COLUMNS)[number]);
  const codeAt = t.rows.map((r) => {
    const p = parseText(r[col('code')] ?? null);
    return p.ok && p.value ? p.value.toUpperCase() : '';
  });
  const expected = new Map(
    INDICATORS.map((ind) => [ind.code, [ind.code, tr.t(`indicator.${ind.code}`), tr.t(`unit.${ind.unit}`)]]),
  );
  const intactFor = (indicators: typeof INDICATORS) =>
    t.rows.length === indicators.length &&
    t.header.length >= REPORT_COLUMNS.length &&
    indicators.every((ind, i) => {
      const row = t.rows[i] ?? [];
      return (
        codeAt[i] === ind.code &&
        [1, 2].every(
          (k) =>
            typeof row[k] === 'string' &&
            normalizeLabel(row[k] as string) === normalizeLabel(expected.get(ind.code)?.[k] as string),
        )
      );
    });
  if (intactFor(INDICATORS)) return null;
  // A report of an older version lacking only the rows a later one added is extended, not repaired.
  const damaged = !intactFor(INDICATORS.filter((ind) => inVersion(ind, version)));
  const known = new Set(INDICATORS.map((i) => i.code));
  const sourceRow = new Map<string, number>();
  codeAt.forEach((c, n) => {
    if (known.has(c) && !sourceRow.has(c)) sourceRow.set(c, n);
  });
  INDICATORS.forEach((ind, i) => {
    if (!sourceRow.has(ind.code) && t.rows[i] && !known.has(codeAt[i] ?? '')) sourceRow.set(ind.code, i);
  });
  const rows: PlanValue[][] = INDICATORS.map((ind, i) => {
    const n = sourceRow.get(ind.code);
    const source = n === undefined ? [] : (t.rows[n] ?? []);
    const f = reportFormulas(ind.agg, t.top + 1 + i);
    return REPORT_COLUMNS.map((c, j): PlanValue => {
      if (c === 'code') return ind.code;
      if (c === 'indicator') return expected.get(ind.code)?.[1] ?? null;
      if (c === 'unit') return expected.get(ind.code)?.[2] ?? null;
      if (c === 'year' || c === 'plan_pct' || c === 'change_pct') return { formula: f[c] };
      return planValue(source[j] ?? null);
    });
  });
  return {
    damaged,
    patch: {
      table: t.name,
      sheet: t.sheet,
      top: t.top + 1,
      left: t.left,
      rows,
      currentRows: t.rows.length,
      protectedSheet: true,
    },
  };
}
