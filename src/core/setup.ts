/**
 * Set-up: what a workbook needs to become, or to stay, a standard one. On a
 * new workbook that is the whole template; on an existing one it adds only
 * what is missing (tables, report sheets for libraries added to the
 * registry), rebuilds the software's own hidden sheets when they differ,
 * re-applies the registers' validation, and restores tampered report rows
 * with the values people typed carried over by indicator code. It never
 * deletes or overwrites a cell people filled.
 */
import { INDICATORS, REPORT_COLUMNS, REPORT_TABLE_PREFIX, TABLES, type Level, type Language } from '../standard';
import { translator } from './translator';
import type { Snapshot, TableSnapshot, CellValue } from './snapshot';
import { tableIndex } from './snapshot';
import type { PlanValue, SheetPlan, ValidationPlan, WorkbookPlan } from './plan';
import { parseWorkbook } from './parse';
import { templatePlan, reportFormulas, VALIDATION_ROWS } from './layout/template';
import { planValue, registerContent, reportSheetsFor } from './layout/registry';
import { isBlank, normalizeLabel, parseText } from './values';
import { cellOf } from './plan-snapshot';

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
  /** The headers of the new columns, in the workbook's language, left to right. */
  readonly headers: readonly string[];
}

export interface SheetValidations {
  readonly sheet: string;
  readonly validations: readonly ValidationPlan[];
}

export interface SetupPlan {
  /** New sheets (and the software's hidden sheets to rebuild). */
  readonly workbook: WorkbookPlan;
  readonly patches: readonly TablePatch[];
  readonly columns: readonly ColumnAddition[];
  readonly validations: readonly SheetValidations[];
  /** What it does, for the person who asked: sheets added, reports repaired. */
  readonly summary: {
    readonly added: readonly string[];
    readonly repaired: readonly string[];
    readonly rebuilt: readonly string[];
  };
}

export function setupPlan(snapshot: Snapshot, settings: SetupSettings): SetupPlan {
  const wb = parseWorkbook(snapshot);
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
    // Columns a later version appended are added to people's registers and to the software's log alike
    // (version 2's Submissions.checksum), whose rows the software only ever appends to.
    const extra = missingTrailingColumns(sheet, existing);
    if (extra.length > 0) {
      columns.push({ table: existing.name, sheet: existing.sheet, headers: extra });
      added.push(...extra.map((h) => `${existing.name}: ${h}`));
    }
    if (def?.filledBy !== 'people') continue;
    validations.push(revalidate(sheet, { ...existing, header: [...existing.header, ...extra] }));
  }
  // A new register's drop-downs point at the hidden lists; when those are rebuilt in the same change (a
  // version 1 workbook set up as version 2), they are pointed at the new lists again after the swap.
  if (rebuilt.includes('Lists'))
    for (const s of addedRegisters) validations.push({ sheet: s.name, validations: s.validations });
  const patches: TablePatch[] = [];
  const repaired: string[] = [];
  for (const t of snapshot.tables) {
    if (!t.name.toUpperCase().startsWith(REPORT_TABLE_PREFIX)) continue;
    const patch = repairReport(t, settings.language);
    if (patch) {
      patches.push(patch);
      repaired.push(t.name);
    }
  }
  return {
    workbook: { sheets, removeSheets },
    patches,
    columns,
    validations,
    summary: { added, repaired, rebuilt },
  };
}

/**
 * The template's columns that an existing register lacks at its right end (a
 * version 1 table lacks those version 2 appended). A column missing from the
 * middle is damage that the checks report (S1), not something to add.
 */
function missingTrailingColumns(template: SheetPlan, existing: TableSnapshot): string[] {
  const header = template.tables[0]?.header ?? [];
  const has = (h: string) =>
    existing.header.some((x) => typeof x === 'string' && normalizeLabel(x) === normalizeLabel(h));
  let from = header.length;
  while (from > 0 && !has(header[from - 1] as string)) from--;
  // Only when every column before them is there: the table is a prefix of the template's.
  return from === existing.header.length ? header.slice(from) : [];
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

/** The template's validations, moved to where the existing table's columns actually are. */
function revalidate(template: SheetPlan, existing: TableSnapshot): SheetValidations {
  const table = template.tables[0];
  const header = table?.header ?? [];
  const colOf = new Map<number, number>();
  header.forEach((h, i) => {
    const j = existing.header.findIndex((x) => typeof x === 'string' && normalizeLabel(x) === normalizeLabel(h));
    if (j >= 0) colOf.set(i, j);
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
function repairReport(t: TableSnapshot, language: Language): TablePatch | null {
  const tr = translator(language);
  const col = (k: string) => REPORT_COLUMNS.indexOf(k as (typeof REPORT_COLUMNS)[number]);
  const codeAt = t.rows.map((r) => {
    const p = parseText(r[col('code')] ?? null);
    return p.ok && p.value ? p.value.toUpperCase() : '';
  });
  const expected = INDICATORS.map((ind) => [ind.code, tr.t(`indicator.${ind.code}`), tr.t(`unit.${ind.unit}`)]);
  const intact =
    t.rows.length === INDICATORS.length &&
    t.header.length >= REPORT_COLUMNS.length &&
    INDICATORS.every((ind, i) => {
      const row = t.rows[i] ?? [];
      return (
        codeAt[i] === ind.code &&
        [1, 2].every(
          (k) =>
            typeof row[k] === 'string' &&
            normalizeLabel(row[k] as string) === normalizeLabel(expected[i]?.[k] as string),
        )
      );
    });
  if (intact) return null;
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
      if (c === 'indicator') return expected[i]?.[1] ?? null;
      if (c === 'unit') return expected[i]?.[2] ?? null;
      if (c === 'year' || c === 'plan_pct' || c === 'change_pct') return { formula: f[c] };
      return planValue(source[j] ?? null);
    });
  });
  return {
    table: t.name,
    sheet: t.sheet,
    top: t.top + 1,
    left: t.left,
    rows,
    currentRows: t.rows.length,
    protectedSheet: true,
  };
}
