import type { Area } from '../core/plan';
import { REL_TABLE } from './package';
import { rangeA1 } from './ref';
import type { WorkbookSheet } from './workbook-part';
import { firstElement } from './xml';
import type { ZipPackage } from './zip-package';

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

/** A table part's XML with its range (and its filter's) set to `area`. */
export function withTableRef(xml: string, area: Area): string {
  const ref = rangeA1(area);
  return xml
    .replace(/(<(?:[\w.-]+:)?table\b[^>]*?\sref=")[^"]*"/, `$1${ref}"`)
    .replace(/(<(?:[\w.-]+:)?autoFilter\b[^>]*?\sref=")[^"]*"/, `$1${ref}"`);
}
