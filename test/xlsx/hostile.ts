import { strToU8, zipSync } from 'fflate';

/** Builds small .xlsx packages by hand, for the reader's edge cases and hostile files. */
export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface HandMade {
  sheetXml: string;
  tableRef: string;
  sharedStrings?: string;
  styles?: string;
  date1904?: boolean;
  tableXml?: string;
}

export async function handMadeWorkbook(w: HandMade, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Promise<Buffer> {
  const parts = Object.entries(handMadeParts(w)).map(([name, text]) => [name, strToU8(text)] as const);
  return Buffer.from(zipSync(Object.fromEntries(parts), { level: compression === 'STORE' ? 0 : 6 }));
}

export function handMadeParts(w: HandMade): Record<string, string> {
  const parts: Record<string, string> = {};
  const zip = { file: (name: string, text: string) => (parts[name] = text) };
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns="${NS}" xmlns:r="${R}"><workbookPr date1904="${w.date1904 ? 'true' : 'false'}"/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file(
    'xl/styles.xml',
    w.styles ??
      `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  zip.file('xl/sharedStrings.xml', w.sharedStrings ?? `<sst xmlns="${NS}"/>`);
  zip.file('xl/worksheets/sheet1.xml', w.sheetXml);
  zip.file(
    'xl/worksheets/_rels/sheet1.xml.rels',
    `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/table" Target="../tables/table1.xml"/></Relationships>`,
  );
  zip.file(
    'xl/tables/table1.xml',
    w.tableXml ??
      `<table xmlns="${NS}" id="1" name="Data" displayName="Data" ref="${w.tableRef}"><autoFilter ref="${w.tableRef}"/><tableColumns count="1"><tableColumn id="1" name="a"/></tableColumns></table>`,
  );
  return parts;
}
