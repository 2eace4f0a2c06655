import { a1 } from '../core/snapshot';
import { WorkbookWriteError } from './errors';
import { REL_TABLE } from './package';
import { parseRange, rangeA1 } from './ref';
import type { WorkbookSheet } from './workbook-part';
import { decodeXml, encodeXml, firstElement } from './xml';
import { sharedStringTexts, textOf } from './shared-strings';
import type { ZipPackage } from './zip-package';

/**
 * Writes settings into the `Meta` table (key, value) of an existing workbook
 * by patching its cells in the sheet's XML: a key's row is updated where it
 * exists, otherwise a row is added below the table and the table's range
 * grows to hold it. The rest of the sheet, and the cells' styles, stay.
 */
const META_TABLE = 'META';

/** A table of the workbook as its parts hold it. */
export interface TablePart {
  readonly name: string;
  readonly sheetPart: string;
  readonly tablePart: string;
  readonly sheet: string;
  readonly tableXml: string;
}

/** Every table on these sheets, with its name (`displayName`, else `name`). */
export function tableParts(pkg: ZipPackage, sheets: readonly WorkbookSheet[]): TablePart[] {
  const out: TablePart[] = [];
  for (const s of sheets) {
    if (!s.part) continue;
    for (const r of pkg.relationships(s.part)) {
      if (!r.type.endsWith(REL_TABLE) || !r.part) continue;
      const xml = pkg.text(r.part) ?? '';
      const a = firstElement(xml, 'table');
      const name = a?.get('displayName') ?? a?.get('name') ?? '';
      out.push({ sheetPart: s.part, tablePart: r.part, sheet: s.name, tableXml: xml, name });
    }
  }
  return out;
}

/** A table by name, as Excel compares names (without regard to case). */
export function findTable(pkg: ZipPackage, sheets: readonly WorkbookSheet[], name: string): TablePart | null {
  return tableParts(pkg, sheets).find((t) => t.name.toUpperCase() === name.toUpperCase()) ?? null;
}

const CELL = (ref: string) => new RegExp(`<c\\s[^>]*?\\br="${ref}"[^>]*?(?:/>|>([\\s\\S]*?)</c>)`);
const ROW = (n: number) => new RegExp(`<row\\s[^>]*?\\br="${n}"[^>]*?(?:/>|>([\\s\\S]*?)</row>)`);

function cellText(xml: string, ref: string, strings: readonly string[]): string {
  const m = CELL(ref).exec(xml);
  if (!m) return '';
  const type = /\st="([^"]*)"/.exec(/^<c[^>]*>/.exec(m[0])?.[0] ?? '')?.[1];
  const inner = m[1] ?? '';
  if (type === 'inlineStr') return textOf(inner);
  const v = decodeXml(/<v>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? '');
  return type === 's' ? (strings[Number(v)] ?? '') : v;
}

function columnOf(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Puts a text cell in place (keeping the style of the cell it replaces), in column order within its row. */
function setText(xml: string, row: number, col: number, value: string): string {
  const ref = a1(row, col);
  const n = row + 1;
  const style = (old: string | undefined) =>
    old ? (/ s="\d+"/.exec(/^<c[^>]*>/.exec(old)?.[0] ?? '')?.[0] ?? '') : '';
  const cell = (old?: string) =>
    `<c r="${ref}"${style(old)} t="inlineStr"><is><t xml:space="preserve">${encodeXml(value)}</t></is></c>`;
  const rowMatch = ROW(n).exec(xml);
  if (!rowMatch) {
    const rows = [...xml.matchAll(/<row\s[^>]*?\br="(\d+)"/g)];
    const after = rows.find((r) => Number(r[1]) > n);
    const at = after?.index ?? xml.indexOf('</sheetData>');
    if (at < 0) throw new WorkbookWriteError('bad_plan', 'the Meta sheet has no cell data');
    return `${xml.slice(0, at)}<row r="${n}">${cell()}</row>${xml.slice(at)}`;
  }
  const rowXml = rowMatch[0];
  let next: string;
  const existing = CELL(ref).exec(rowXml);
  if (existing) next = rowXml.replace(existing[0], () => cell(existing[0]));
  else if (rowXml.endsWith('/>')) next = `${rowXml.slice(0, -2)}>${cell()}</row>`;
  else {
    const cells = [...rowXml.matchAll(/<c\s[^>]*?\br="([A-Z]+)\d+"/g)];
    const after = cells.find((c) => columnOf(c[1] ?? '') > col + 1);
    const at = after?.index ?? rowXml.lastIndexOf('</row>');
    next = rowXml.slice(0, at) + cell() + rowXml.slice(at);
  }
  return xml.slice(0, rowMatch.index) + next + xml.slice(rowMatch.index + rowXml.length);
}

export function patchMeta(
  pkg: ZipPackage,
  sheets: readonly WorkbookSheet[],
  meta: Readonly<Record<string, string>>,
): void {
  const entries = Object.entries(meta);
  if (entries.length === 0) return;
  const found = findTable(pkg, sheets, META_TABLE);
  if (!found) throw new WorkbookWriteError('no_meta', 'the plan sets Meta values but the workbook has no Meta table');
  const a = firstElement(found.tableXml, 'table');
  const area = parseRange(a?.get('ref') ?? '');
  const totals = Number(a?.get('totalsRowCount') ?? 0);
  const headers = Number(a?.get('headerRowCount') ?? 1);
  if (!area || totals > 0 || headers !== 1 || area.right - area.left < 1) {
    throw new WorkbookWriteError('bad_plan', `the Meta table on sheet "${found.sheet}" is not a key/value table`);
  }
  const strings = sharedStringTexts(pkg);
  let xml = pkg.text(found.sheetPart) ?? '';
  let bottom = area.bottom;
  for (const [key, value] of entries) {
    let row = -1;
    for (let r = area.top + 1; r <= bottom; r++) {
      if (cellText(xml, a1(r, area.left), strings).trim().toLowerCase() === key.toLowerCase()) row = r;
    }
    if (row < 0) {
      row = bottom + 1;
      for (let c = area.left; c <= area.right; c++) {
        if (cellText(xml, a1(row, c), strings) !== '') {
          throw new WorkbookWriteError(
            'bad_plan',
            `cannot add "${key}" to the Meta table: the row below it is not empty`,
          );
        }
      }
      bottom += 1;
      xml = setText(xml, row, area.left, key);
    }
    xml = setText(xml, row, area.left + 1, value);
  }
  pkg.setText(found.sheetPart, xml);
  if (bottom !== area.bottom) {
    const ref = rangeA1({ ...area, bottom });
    const table = found.tableXml
      .replace(/(<(?:[\w.-]+:)?table\b[^>]*?\sref=")[^"]*"/, `$1${ref}"`)
      .replace(/(<(?:[\w.-]+:)?autoFilter\b[^>]*?\sref=")[^"]*"/, `$1${ref}"`);
    pkg.setText(found.tablePart, table);
  }
}
