import { promises as fs } from 'node:fs';
import type { CellValue, Snapshot, TableSnapshot } from '../core/snapshot';
import type { Area } from '../core/plan';
import { DateStyles } from './date-styles';
import { MAX_TABLE_CELLS, MAX_UNPACKED_BYTES, MAX_WORKBOOK_BYTES, WorkbookFileError, errorText } from './errors';
import { describeParts, type PackageInfo, type PackageTable } from './package';
import { parseRange } from './ref';
import { XmlScanner, scanBytes, type XmlHandler } from './scan';
import { SharedStrings } from './shared-strings';
import { SheetCells, type RawCell } from './sheet-cells';
import { checkBytes } from './sniff';
import { relsPartOf } from './xml';
import { ZipPackage } from './zip-package';

export { MAX_WORKBOOK_BYTES, WorkbookFileError, type WorkbookFileReason } from './errors';

export interface ReadOptions {
  /** Refuse larger files; tests pass a small limit. */
  readonly maxBytes?: number;
  /** Refuse a workbook whose parts unpack to more than this many bytes in all. */
  readonly maxUnpackedBytes?: number;
  /** Refuse a table whose range covers more cells than this. */
  readonly maxTableCells?: number;
}

/**
 * Reads every Excel table of a workbook, wherever it sits, by name: only
 * what the standard needs. The tables are found through the workbook part
 * (wherever the package's relationships put it), the sheets' relationships and the table parts (whose `ref` is the truth
 * for a table's extent); then only the sheets holding tables are streamed,
 * keeping only the cells inside the tables' ranges, the shared strings those
 * cells use, the cell formats that show dates, and the date system.
 * Throws only WorkbookFileError.
 */
export async function readWorkbook(data: Buffer | Uint8Array, options: ReadOptions = {}): Promise<Snapshot> {
  checkBytes(data, options.maxBytes);
  try {
    const zip = ZipPackage.open(data, { maxUnpackedBytes: options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES });
    return await readPackage(zip, options);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    throw new WorkbookFileError('not_workbook', `the workbook cannot be read: ${errorText(e)}`);
  }
}

async function readPackage(zip: ZipPackage, options: ReadOptions): Promise<Snapshot> {
  const main = zip.mainPart();
  if (main === null) throw new WorkbookFileError('not_workbook', 'a zip package without a workbook part');
  const info = await describeParts((part) => {
    const xml = zip.text(part);
    if (part === main && xml !== null) assertElement(xml, 'workbook', part);
    return xml;
  }, main);
  const areas = tableAreas(info.tables, options.maxTableCells ?? MAX_TABLE_CELLS);
  const { styles, sharedStrings } = workbookParts(zip, main);
  const dateStyles = new DateStyles();
  if (styles) scan(zip, styles, dateStyles);
  const context = { date1904: info.date1904, dateStyles: dateStyles.dates() };

  const grids = new Map<PackageTable, RawCell[][]>();
  for (const sheet of info.sheets) {
    const tables = info.tables.filter((t) => t.sheet === sheet.name);
    if (tables.length === 0) continue;
    const cells = new SheetCells(
      tables.map((t) => areas.get(t)!),
      context,
    );
    if (!sheet.part || !scan(zip, sheet.part, cells)) {
      const part = sheet.part ?? relsPartOf(main);
      throw new WorkbookFileError('damaged_part', `the part of sheet "${sheet.name}" (${part}) is missing`, { part });
    }
    cells.applyMerges(parseRange);
    tables.forEach((t, i) => grids.set(t, cells.grids[i]!.cells));
  }

  const wanted = new Set<number>();
  for (const cells of grids.values())
    for (const row of cells) for (const c of row) if (isShared(c)) wanted.add(c.index);
  const strings = new SharedStrings(wanted);
  if (wanted.size > 0 && sharedStrings) scan(zip, sharedStrings, strings);
  const value = (c: RawCell): CellValue => (isShared(c) ? (strings.found.get(c.index) ?? null) : c);

  return {
    date1904: info.date1904,
    sheets: info.sheets.map((s) => ({ name: s.name, visible: s.state === 'visible' })),
    tables: info.tables.map((t) => snapshotOf(t, areas.get(t)!, grids.get(t)!, value)),
  };
}

/**
 * Refuses a part that is not one whole `root` element: the workbook part is
 * read with patterns, not a parser. Another document (a .docx's) is not a
 * workbook; a workbook part cut short or garbled is a damaged one.
 */
function assertElement(xml: string, root: string, part: string): void {
  let depth = 0;
  let first: string | undefined;
  const scanner = new XmlScanner(
    {
      open: (name) => {
        if (depth++ === 0) first ??= name;
      },
      close: () => {
        depth--;
      },
      text: () => undefined,
      wantText: () => false,
    },
    part,
  );
  scanner.write(xml);
  scanner.end();
  if (first !== undefined && first !== root)
    throw new WorkbookFileError('not_workbook', `the main part ${part} is a <${first}>, not a <${root}>`);
  if (first === undefined || depth !== 0)
    throw new WorkbookFileError('damaged_part', `${part} is not a whole <${root}> element`, { part });
}

function isShared(c: RawCell): c is Extract<RawCell, { kind: 'shared' }> {
  return c !== null && typeof c === 'object' && c.kind === 'shared';
}

function scan(zip: ZipPackage, part: string, handler: XmlHandler): boolean {
  let found = false;
  scanBytes(
    (onData) => {
      found = zip.stream(part, onData);
    },
    handler,
    part,
  );
  return found;
}

/** Each table's range, refused before any sheet is read when it is malformed or too large to hold. */
function tableAreas(tables: PackageInfo['tables'], maxCells: number): Map<PackageTable, Area> {
  const areas = new Map<PackageTable, Area>();
  for (const t of tables) {
    const area = parseRange(t.ref);
    if (!area) {
      throw new WorkbookFileError('bad_table_range', `table ${t.name} has a malformed range "${t.ref}" (${t.part})`, {
        table: t.name,
        sheet: t.sheet,
        ref: t.ref,
      });
    }
    const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (cells > maxCells) {
      throw new WorkbookFileError(
        'too_many_cells',
        `table ${t.name} (${t.ref}) covers ${cells} cells, more than the limit of ${maxCells}`,
        { table: t.name, cells, limit: maxCells },
      );
    }
    areas.set(t, area);
  }
  return areas;
}

/** The styles and shared strings parts, found through the workbook's relationships. */
function workbookParts(zip: ZipPackage, main: string): { styles: string | null; sharedStrings: string | null } {
  const rels = zip.relationships(main);
  const find = (type: string, fallback: string) =>
    rels.find((r) => r.type.endsWith(`/${type}`) && r.part !== null)?.part ?? (zip.has(fallback) ? fallback : null);
  return { styles: find('styles', 'xl/styles.xml'), sharedStrings: find('sharedStrings', 'xl/sharedStrings.xml') };
}

function snapshotOf(
  t: PackageTable,
  area: Area,
  cells: readonly RawCell[][],
  value: (c: RawCell) => CellValue,
): TableSnapshot {
  const row = (r: number): CellValue[] => cells[r - area.top]!.map(value);
  const rows: CellValue[][] = [];
  for (let r = area.top + t.headerRows; r <= area.bottom - t.totalsRows; r++) rows.push(row(r));
  return {
    name: t.name,
    sheet: t.sheet,
    top: area.top,
    left: area.left,
    // A table without a header row (rare; the standard's tables all have one) reports an empty header.
    header: t.headerRows > 0 ? row(area.top) : [],
    rows,
  };
}

/** What kind of path this is, for a message a person can act on. */
export function openFailure(path: string, e: unknown): WorkbookFileError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM')
    return new WorkbookFileError('unreadable', `${path} cannot be read: no permission (${errorText(e)})`);
  if (code === 'EISDIR') return new WorkbookFileError('is_folder', `${path} is a folder`);
  return new WorkbookFileError('not_found', `${path} cannot be opened: ${errorText(e)}`);
}

export async function readWorkbookFile(path: string, options: ReadOptions = {}): Promise<Snapshot> {
  const maxBytes = options.maxBytes ?? MAX_WORKBOOK_BYTES;
  return readWorkbook(await readWorkbookBytes(path, maxBytes), { ...options, maxBytes });
}

/**
 * A workbook file's bytes, refused before it is loaded when it is too large or not a file: for a command
 * that needs the bytes themselves too (the writer grafts into them; a hash tells two copies apart), so
 * that the file is read once.
 */
export async function readWorkbookBytes(path: string, maxBytes: number = MAX_WORKBOOK_BYTES): Promise<Buffer> {
  let size: number;
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw new WorkbookFileError('is_folder', `${path} is a folder`);
    if (!st.isFile()) throw new WorkbookFileError('not_workbook', `${path} is not a file (a device or a pipe)`);
    size = st.size;
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    throw openFailure(path, e);
  }
  // Checked before reading, so that a huge file is never loaded into memory.
  if (size === 0) throw new WorkbookFileError('empty', `${path} is empty (0 bytes)`);
  if (size > maxBytes) {
    throw new WorkbookFileError('too_large', `${path} has ${size} bytes, more than the limit of ${maxBytes}`);
  }
  try {
    return await fs.readFile(path);
  } catch (e) {
    throw openFailure(path, e);
  }
}
