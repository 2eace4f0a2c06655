/**
 * Section 7's import, as a plan: the sources are taken one after another,
 * each against the target as the sources before it left it, so a row two
 * sources both bring is added once and the second sees it as a duplicate
 * (or, if they disagree, as a conflict). Nothing here writes: `changes` says
 * what to write, and only when the plan can be applied.
 */
import { LIB_ID_PATTERN, REGISTER_TABLES, TABLES, inVersion, type Language, type TableDef } from '../../standard';
import { translator } from '../translator';
import { parseWorkbook } from '../parse';
import type { ParsedWorkbook, Report } from '../parsed';
import type { Snapshot } from '../snapshot';
import { tableIndex } from '../snapshot';
import { msg } from '../message';
import { freeName } from '../setup';
import { sourceRows, WorkTable, differences, type WorkRow } from './registers';
import { IMPORTED_COLUMNS, NewReport, reportCell, reportCellAddress, type ReportCell } from './reports';
import { sameValue, shown } from './values';
import { importChanges, type ReportFill } from './changes';
import type {
  AddedTable,
  ConflictChoice,
  DuplicateRow,
  FilledCell,
  ImportConflict,
  ImportLogRow,
  ImportOptions,
  ImportPlan,
  ImportSource,
  RefusedSource,
} from './types';
import { ImportTargetError } from './types';

/** The tables whose rows an import adds, registry first (a library's territory must be there before it). */
const IMPORTED_TABLES = REGISTER_TABLES.filter(
  (n): n is Exclude<(typeof REGISTER_TABLES)[number], 'Submissions'> => n !== 'Submissions',
);
type ImportedTable = (typeof IMPORTED_TABLES)[number];

/** What makes a registry row another one (section 7): names, type, territory. */
const REGISTRY_COLUMNS: Partial<Record<ImportedTable, readonly string[]>> = {
  Territories: ['name_kk', 'name_ru', 'kind'],
  Libraries: ['name_kk', 'name_ru', 'type', 'terr_code'],
};

const def = (name: string): TableDef => TABLES.find((d) => d.name === name) as TableDef;

interface SourceCount {
  libraries: number;
  rowsAdded: number;
  valuesFilled: number;
  duplicates: number;
  conflicts: number;
}

export function planImport(target: Snapshot, sources: readonly ImportSource[], options: ImportOptions): ImportPlan {
  const wb = targetWorkbook(target);
  const language: Language = wb.meta.language ?? 'ru';
  const t = translator(language);
  const choose = (id: string): ConflictChoice | null => options.choices?.[id] ?? options.prefer ?? null;

  const tables = new Map<ImportedTable, WorkTable>();
  for (const name of IMPORTED_TABLES) tables.set(name, new WorkTable(def(name), wb.registers[name]));
  const sheetNames = new Set(target.sheets.map((s) => s.name.toUpperCase()));
  const newReports = new Map<string, NewReport>();
  const fills = new Map<string, ReportFill>();

  const added = new Map<string, AddedTable['rows'][number][]>();
  const filled: FilledCell[] = [];
  const duplicates: DuplicateRow[] = [];
  const conflicts: ImportConflict[] = [];
  const refused: RefusedSource[] = [];
  const log: ImportLogRow[] = [];

  for (const source of sources) {
    const src = parseWorkbook(source.snapshot);
    const problem = refusal(source, src, wb.meta.year as number);
    if (problem) {
      refused.push(problem);
      continue;
    }
    const count: SourceCount = { libraries: 0, rowsAdded: 0, valuesFilled: 0, duplicates: 0, conflicts: 0 };
    const conflict = (c: Omit<ImportConflict, 'resolution'>): ConflictChoice | null => {
      const resolution = choose(c.id);
      conflicts.push({ ...c, resolution });
      count.conflicts++;
      return resolution;
    };

    for (const name of IMPORTED_TABLES) {
      const work = tables.get(name) as WorkTable;
      const rows = sourceRows(src.registers[name], source.name, t);
      if (name === 'Libraries') count.libraries = rows.length;
      const compared = REGISTRY_COLUMNS[name] ?? work.def.columns.map((c) => c.key);
      for (const row of rows) {
        const existing = work.find(row.key);
        if (!existing) {
          const placed = work.add({ ...row, cmp: { ...row.cmp }, raw: { ...row.raw }, write: { ...row.write } });
          const list = added.get(name) ?? [];
          list.push({ key: row.key, libId: row.libId, from: row.from, values: shownRow(placed) });
          added.set(name, list);
          count.rowsAdded++;
          continue;
        }
        // A row without a key is the same row when its library, date and title are: a duplicate, whatever else it says.
        const keyed = work.def.keyColumn !== undefined && row.cmp[work.def.keyColumn] != null;
        const differ = keyed ? differences(existing.cmp, row.cmp, compared, sameValue) : [];
        if (differ.length === 0) {
          duplicates.push({ table: name, key: row.key, from: row.from, cell: work.cell(existing, null) });
          count.duplicates++;
          continue;
        }
        const first = differ[0] as string;
        const kind = REGISTRY_COLUMNS[name] ? 'registry' : 'register';
        const resolution = conflict({
          id: `${kind}:${name}:${row.key}@${source.name}`,
          kind,
          table: name,
          libId: name === 'Libraries' ? row.key : row.libId,
          key: row.key,
          column: first,
          columns: differ,
          target: { value: existing.raw[first] ?? null, cell: work.cell(existing, first) },
          source: { value: row.raw[first] ?? null, file: source.name, cell: row.from.cell },
        });
        if (resolution === 'source') {
          for (const c of differ)
            work.overwrite(existing, c, row.write[c] ?? null, row.cmp[c] ?? null, row.raw[c] ?? null);
        }
      }
    }

    const libraries = tables.get('Libraries') as WorkTable;
    for (const report of src.reports.values()) {
      const lib = libraries.find(report.libId);
      if (!lib) continue;
      const own = wb.reports.get(report.libId);
      let fresh = newReports.get(report.libId);
      if (!own && !fresh) {
        // A report sheet only for a library that reports: active, with a code a sheet can be named by.
        if (lib.cmp['active'] !== 'yes' || !LIB_ID_PATTERN.test(report.libId)) continue;
        const sheet = freeSheetName(report.libId, sheetNames);
        sheetNames.add(sheet.toUpperCase());
        const nameCol = language === 'kk' ? 'name_kk' : 'name_ru';
        const title = lib.cmp[nameCol];
        fresh = new NewReport(report.libId, sheet, typeof title === 'string' ? title : report.libId);
        newReports.set(report.libId, fresh);
      }
      for (const [code, line] of report.lines) {
        const targetLine = own?.lines.get(code);
        if (own && !targetLine) continue;
        for (const column of IMPORTED_COLUMNS) {
          const cell = reportCell(report, line, column);
          if (!cell) continue;
          const from = { file: source.name, cell: reportCellAddress(report, line, column) };
          const fillKey = `${report.libId}:${code}:${column}`;
          const planned = fills.get(fillKey) ?? null;
          const present: ReportCell | null =
            planned?.cell ?? (fresh ? (fresh.get(code, column) ?? null) : ownCell(own, code, column));
          const address =
            fresh && !own ? fresh.address(code, column) : reportCellAddress(own as Report, targetLine!, column);
          const put = () => {
            if (fresh && !own) fresh.set(code, column, cell);
            else if (own && targetLine)
              fills.set(fillKey, { table: own.table, columns: own.columns, n: targetLine.n, column, cell });
          };
          if (present === null) {
            put();
            filled.push({
              libId: report.libId,
              indicator: code,
              column,
              value: shown(cell.write),
              cell: address,
              from,
            });
            count.valuesFilled++;
            continue;
          }
          if (sameValue(present.cmp, cell.cmp)) continue;
          const resolution = conflict({
            id: `report:R_${report.libId}:${code}:${column}@${source.name}`,
            kind: 'report',
            table: `R_${report.libId}`,
            libId: report.libId,
            key: code,
            column,
            columns: [column],
            target: { value: present.raw, cell: address },
            source: { value: cell.raw, ...from },
          });
          if (resolution === 'source') put();
        }
      }
    }

    if (count.rowsAdded + count.valuesFilled + count.conflicts > 0) {
      log.push({
        importedAt: options.importedAt,
        source: source.name,
        sha256: source.sha256,
        libraries: count.libraries,
        rowsAdded: count.rowsAdded,
        valuesFilled: count.valuesFilled,
        duplicates: count.duplicates,
        conflicts: count.conflicts,
      });
    }
  }

  const changes = importChanges({
    target,
    wb,
    language,
    tables: [...tables.values()],
    fills: [...fills.values()],
    newReports: [...newReports.values()],
    log,
  });
  const unresolved = conflicts.filter((c) => c.resolution === null).length;
  const empty = changes.workbook.sheets.length === 0 && changes.patches.length === 0 && changes.columns.length === 0;
  return {
    added: IMPORTED_TABLES.filter((n) => added.has(n)).map((n) => {
      const rows = added.get(n) ?? [];
      return { table: n, count: rows.length, rows };
    }),
    newReports: [...newReports.keys()],
    filled,
    duplicates,
    conflicts,
    refused,
    log,
    unresolved,
    canApply: unresolved === 0 && refused.length === 0,
    empty,
    changes,
  };
}

/** The target, if an import can go into it: a standard workbook of version 2 with every required table. */
function targetWorkbook(target: Snapshot): ParsedWorkbook {
  if (!tableIndex(target).has('META')) throw new ImportTargetError(msg('import.target_not_standard'));
  const wb = parseWorkbook(target);
  if (wb.meta.year === null || wb.findings.some((f) => f.message.key === 'S1.meta_standard')) {
    throw new ImportTargetError(msg('import.target_not_standard'));
  }
  const missing = TABLES.some((d) => d.required && inVersion(d, 2) && !tableIndex(target).has(d.name.toUpperCase()));
  if (wb.meta.version < 2 || missing) throw new ImportTargetError(msg('import.target_set_up'));
  return wb;
}

/** Why a source cannot be imported, or null. */
function refusal(source: ImportSource, src: ParsedWorkbook, year: number): RefusedSource | null {
  const notStandard =
    !tableIndex(source.snapshot).has('META') ||
    src.meta.year === null ||
    src.findings.some((f) => f.message.key === 'S1.meta_standard');
  if (notStandard) return { source: source.name, message: msg('import.refused.not_standard', { file: source.name }) };
  if (src.meta.year !== year) {
    return {
      source: source.name,
      message: msg('import.refused.other_year', {
        file: source.name,
        year: String(src.meta.year),
        target: String(year),
      }),
    };
  }
  return null;
}

function ownCell(own: Report | undefined, code: string, column: (typeof IMPORTED_COLUMNS)[number]): ReportCell | null {
  const line = own?.lines.get(code);
  return own && line ? reportCell(own, line, column) : null;
}

function shownRow(row: WorkRow): Record<string, ReturnType<typeof shown>> {
  const out: Record<string, ReturnType<typeof shown>> = {};
  for (const [k, v] of Object.entries(row.write)) out[k] = shown(v);
  return out;
}

/** The library's code as its sheet's name, or, where the target has a sheet of that name, the next free variant. */
function freeSheetName(name: string, taken: ReadonlySet<string>): string {
  return taken.has(name.toUpperCase()) ? freeName(name, taken) : name;
}
