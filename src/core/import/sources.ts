/**
 * What is asked of a source before any of its rows is looked at (section 7):
 * a standard workbook of a known version, of the target's year, of a level
 * no higher than the target's, and no cell longer than Excel takes. Its file
 * name is made safe to show and to write, and told apart from the other
 * sources' names.
 */
import { LEVELS, REGISTER_TABLES, REPORT_TABLE_PREFIX, type Level } from '../../standard';
import type { ParsedWorkbook } from '../parsed';
import type { Snapshot } from '../snapshot';
import { cellAddress, tableIndex } from '../snapshot';
import { msg, type MessageArg } from '../message';
import { regionIdentity } from '../regions';
import type { ImportSource, OtherRegion, RefusedSource } from './types';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

/**
 * Control characters (C0, DEL, C1) and the invisible and bidirectional
 * ones, each shown as U+FFFD: a file name is text in the log's XML, where a
 * control character makes the package unreadable, and on a terminal, where
 * it is a command.
 */
const UNSAFE_RE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

export function safeName(name: string): string {
  return name.replace(UNSAFE_RE, '\uFFFD');
}

/** Source names as they are shown, logged and put in conflict ids: safe, and each told apart from the earlier ones. */
export class SourceNames {
  private readonly taken = new Set<string>();

  name(raw: string): string {
    const safe = safeName(raw);
    let name = safe;
    for (let k = 2; this.taken.has(name.toUpperCase()); k++) name = `${safe} (${k})`;
    this.taken.add(name.toUpperCase());
    return name;
  }
}

interface TargetMeta {
  readonly year: number;
  readonly level: Level | null;
  readonly region: string | null;
}

/** Why a source cannot be imported, or null. */
export function refusal(
  source: ImportSource,
  name: string,
  src: ParsedWorkbook,
  target: TargetMeta,
): RefusedSource | null {
  const refused = (key: string, args: Record<string, MessageArg> = {}): RefusedSource => ({
    source: name,
    message: msg(key, { file: name, ...args }),
  });
  const notStandard =
    !tableIndex(source.snapshot).has('META') ||
    src.meta.year === null ||
    src.findings.some((f) => f.message.key === 'S1.meta_standard');
  if (notStandard) return refused('import.refused.not_standard');
  const version = src.findings.find((f) => f.message.key === 'S1.meta_version');
  if (version) return refused('import.refused.version', { version: String(version.message.args?.['value'] ?? '') });
  if (src.meta.year !== target.year)
    return refused('import.refused.other_year', { year: String(src.meta.year), target: String(target.year) });
  if (src.meta.level && target.level && rank(src.meta.level) < rank(target.level))
    return refused('import.refused.level');
  const unread = src.findings.find((f) => UNREAD.has(f.message.key) && imported(f.table));
  if (unread) return refused('import.refused.structure', { table: unread.table });
  const row = src.findings.find((f) => UNREAD_ROWS.has(f.message.key));
  if (row) return refused('import.refused.report_rows', { table: row.table });
  const long = tooLong(source.snapshot);
  if (long) return refused('import.refused.too_long', { cell: long.cell, length: long.length });
  return null;
}

/**
 * Findings of a table or column the reader could not find: a source's rows
 * would come without its values, and an optional column's values would be
 * left behind with no error in the target. (A column out of order is read by
 * its header, and a version 1 workbook's missing tables are no finding.)
 */
const UNREAD = new Set([
  'S1.table_missing',
  'S1.table_renamed',
  'S1.column_missing',
  'S1.column_unknown',
  'S1.column_duplicate',
]);

/** A report row the reader takes for no indicator (a code retyped, blank or twice, a row after the last): its values would stay behind. */
const UNREAD_ROWS = new Set([
  'S1.report_row_unknown',
  'S1.report_row_no_code',
  'S1.report_row_extra',
  'S1.report_row_duplicate',
]);

const IMPORTED = new Set<string>(REGISTER_TABLES.map((n) => n.toUpperCase()));

/** A table the import reads rows or values from: a register (the registry too) or a report. */
const imported = (table: string): boolean =>
  IMPORTED.has(table.toUpperCase()) || table.toUpperCase().startsWith(REPORT_TABLE_PREFIX);

/** Levels from the highest: an oblast's workbook may take a ЦБС's, not the reverse. */
const rank = (level: Level): number => LEVELS.indexOf(level);

/** The source's region where it is another than the target's (compared case- and space-insensitively). */
export function otherRegion(name: string, src: ParsedWorkbook, target: TargetMeta): OtherRegion | null {
  const region = src.meta.region?.trim() ?? '';
  const own = target.region?.trim() ?? '';
  if (region === '' || regionIdentity(region) === regionIdentity(own)) return null;
  return { source: name, region: safeName(region), target: safeName(own) };
}

/** The first cell of an imported table holding more text than Excel takes. */
function tooLong(s: Snapshot): { cell: string; length: number } | null {
  for (const t of s.tables) {
    if (!imported(t.name)) continue;
    for (let n = 0; n < t.rows.length; n++) {
      const row = t.rows[n] as readonly unknown[];
      for (let i = 0; i < row.length; i++) {
        const v = row[i];
        const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'formula' in v ? String(v.formula) : '';
        if (text.length > MAX_CELL_TEXT)
          return { cell: cellAddress(t.sheet, t.top + 1 + n, t.left + i), length: text.length };
      }
    }
  }
  return null;
}
