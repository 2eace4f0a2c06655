/**
 * The structure of an .xlsx package read straight from its parts: sheets and
 * tables. ExcelJS 4.4 gets this wrong for files it did not write (it drops a
 * table's header row when `headerRowCount` is omitted, as Excel omits it;
 * it crashes on openpyxl's absolute relationship targets; it reads
 * `date1904="true"` from LibreOffice as false), so the adapter reads it itself.
 */
import { elements, firstElement, parseRelationships, prefixedAttribute, relsPartOf, xmlBoolean } from './xml';
import type { ZipPackage } from './zip-package';

/** Where Excel puts the workbook part; other producers may put it elsewhere (see `mainPart`). */
export const WORKBOOK_PART = 'xl/workbook.xml';
export const REL_TABLE = '/table';
/** The relationship from the package to its main part (transitional and strict types end alike). */
const REL_OFFICE_DOCUMENT = '/officeDocument';

/**
 * The workbook part: the target of the package's officeDocument relationship
 * (`_rels/.rels`), wherever a producer put it; `xl/workbook.xml` only for a
 * package without that relationship. Null when there is none.
 */
export function mainPart(rootRels: string | null, has: (part: string) => boolean): string | null {
  const rels = rootRels === null ? [] : parseRelationships(rootRels, '');
  const main = rels.find((r) => r.type.endsWith(REL_OFFICE_DOCUMENT) && r.part !== null)?.part;
  if (main) return has(main) ? main : null;
  return has(WORKBOOK_PART) ? WORKBOOK_PART : null;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface PackageSheet {
  readonly name: string;
  readonly state: SheetState;
  /** Relationship id in workbook.xml. */
  readonly relId: string;
  /** The part holding the sheet, or null when the relationship is missing. */
  readonly part: string | null;
  readonly relType: string;
}

export interface PackageTable {
  readonly sheet: string;
  readonly name: string;
  /** A1 range of the whole table: header, body and totals rows. */
  readonly ref: string;
  readonly headerRows: number;
  readonly totalsRows: number;
  readonly part: string;
  /** Whether the definition has an autoFilter (Excel drops it when filter buttons are turned off). */
  readonly autoFilter: boolean;
  /** 0-based columns whose filter button is hidden. */
  readonly hiddenButtons: readonly number[];
}

export interface PackageInfo {
  readonly date1904: boolean;
  readonly sheets: readonly PackageSheet[];
  readonly tables: readonly PackageTable[];
}

function sheetState(value: string | undefined): SheetState {
  return value === 'hidden' || value === 'veryHidden' ? value : 'visible';
}

export async function describePackage(pkg: ZipPackage): Promise<PackageInfo> {
  return describeParts((part) => pkg.text(part), pkg.mainPart() ?? WORKBOOK_PART);
}

/** A part's text by name, or null when the package has no such part. */
export type PartReader = (part: string) => Promise<string | null> | string | null;

/** The sheets and tables of a package, whatever reads its parts, from its workbook part on. */
export async function describeParts(read: PartReader, workbookPart: string): Promise<PackageInfo> {
  const rels = async (part: string) => {
    const xml = await read(relsPartOf(part));
    return xml === null ? [] : parseRelationships(xml, part);
  };
  const workbookXml = (await read(workbookPart)) ?? '';
  const byId = new Map((await rels(workbookPart)).map((r) => [r.id, r]));
  const date1904 = xmlBoolean(firstElement(workbookXml, 'workbookPr')?.get('date1904'), false);
  const sheets: PackageSheet[] = elements(workbookXml, 'sheet').map((a) => {
    const relId = prefixedAttribute(a, 'id') ?? '';
    const rel = byId.get(relId);
    return {
      name: a.get('name') ?? '',
      state: sheetState(a.get('state')),
      relId,
      part: rel?.part ?? null,
      relType: rel?.type ?? '',
    };
  });
  const tables: PackageTable[] = [];
  for (const sheet of sheets) {
    if (!sheet.part) continue;
    for (const rel of await rels(sheet.part)) {
      if (!rel.type.endsWith(REL_TABLE) || !rel.part) continue;
      const xml = await read(rel.part);
      if (xml !== null) tables.push(parseTable(xml, sheet.name, rel.part));
    }
  }
  return { date1904, sheets, tables };
}

function parseTable(xml: string, sheet: string, part: string): PackageTable {
  const a = firstElement(xml, 'table') ?? new Map<string, string>();
  const count = (v: string | undefined, fallback: number): number => {
    const n = v === undefined ? fallback : Number(v);
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  const hiddenButtons = elements(xml, 'filterColumn')
    .filter((f) => xmlBoolean(f.get('hiddenButton'), false))
    .map((f) => Number(f.get('colId')));
  return {
    sheet,
    // Excel shows and renames `displayName`; `name` may lag behind it.
    name: a.get('displayName') ?? a.get('name') ?? '',
    ref: a.get('ref') ?? '',
    headerRows: count(a.get('headerRowCount'), 1),
    totalsRows: count(a.get('totalsRowCount'), 0),
    part,
    autoFilter: firstElement(xml, 'autoFilter') !== undefined,
    hiddenButtons,
  };
}
