import { zipSync } from 'fflate';
import { partsOf } from '../helpers/ooxml';
import { repoFile } from './consolidate-file';

/**
 * A workbook carrying what people put in theirs (notes of openpyxl and of
 * Excel, threaded comments and their persons, a macro project, a pivot table,
 * a slicer, a defined name with a formula, a chart, a picture, page breaks, a
 * custom theme), built from the sample with small hand-written parts: every
 * path that writes into people's workbooks must keep each of them byte for byte.
 */
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const rels = (items: [string, string, string][]) =>
  `${XML}<Relationships xmlns="${PKG_RELS}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;
const ct = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

export const NOTES_SHEET = 'xl/worksheets/notes.xml';
export const OPENPYXL_SHEET = 'xl/worksheets/openpyxl.xml';
/** The parts whose bytes must survive, by what they are. */
export const KEPT: Record<string, string> = {
  'an Excel note': 'xl/comments9.xml',
  'its VML shape': 'xl/drawings/vmlDrawing9.vml',
  'an openpyxl note': 'xl/comments/comment1.xml',
  'its VML shape (openpyxl)': 'xl/drawings/commentsDrawing1.vml',
  'a threaded comment': 'xl/threadedComments/threadedComment1.xml',
  'the persons part': 'xl/persons/person.xml',
  'the macro project': 'xl/vbaProject.bin',
  'a pivot table': 'xl/pivotTables/pivotTable1.xml',
  'its cache definition': 'xl/pivotCache/pivotCacheDefinition1.xml',
  'its cache records': 'xl/pivotCache/pivotCacheRecords1.xml',
  'a slicer': 'xl/slicers/slicer1.xml',
  'its slicer cache': 'xl/slicerCaches/slicerCache1.xml',
  "the user's drawing": 'xl/drawings/userDrawing.xml',
  "the user's chart": 'xl/charts/userChart.xml',
  'a picture': 'xl/media/image1.png',
  'the custom theme': 'xl/theme/theme1.xml',
  'the sheet with page breaks and all of the above': NOTES_SHEET,
  "the sheet's relationships": 'xl/worksheets/_rels/notes.xml.rels',
  'the openpyxl sheet': OPENPYXL_SHEET,
};

export function richWorkbook(): Uint8Array {
  const parts = partsOf(repoFile('workbooks', 'karaganda-2025.xlsx'));
  const set = (name: string, text: string | Uint8Array) => parts.set(name, typeof text === 'string' ? enc(text) : text);
  set(
    NOTES_SHEET,
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>` +
      `<row r="2"><c r="A2"><v>3</v></c></row></sheetData>` +
      `<rowBreaks count="1" manualBreakCount="1"><brk id="1" max="16383" man="1"/></rowBreaks>` +
      `<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/></worksheet>`,
  );
  set(
    'xl/worksheets/_rels/notes.xml.rels',
    rels([
      ['rId1', `${R}/drawing`, '../drawings/userDrawing.xml'],
      ['rId2', `${R}/vmlDrawing`, '../drawings/vmlDrawing9.vml'],
      ['rId3', `${R}/comments`, '../comments9.xml'],
      [
        'rId4',
        'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
        '../threadedComments/threadedComment1.xml',
      ],
      ['rId5', `${R}/pivotTable`, '../pivotTables/pivotTable1.xml'],
      ['rId6', 'http://schemas.microsoft.com/office/2007/relationships/slicer', '../slicers/slicer1.xml'],
    ]),
  );
  set(
    'xl/comments9.xml',
    `${XML}<comments xmlns="${MAIN}"><authors><author>Айгүл Сейітқызы</author><author>tc={6D5A2B1C-0000-4000-8000-000000000001}</author></authors><commentList>` +
      `<comment ref="A1" authorId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>Айгүл Сейітқызы:</t></r><r><t xml:space="preserve"> тексерілді</t></r></text></comment>` +
      `<comment ref="B1" authorId="1"><text><t>[Threaded comment] Проверить</t></text></comment></commentList></comments>`,
  );
  set(
    'xl/drawings/vmlDrawing9.vml',
    '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s1025" type="#_x0000_t202"/></xml>',
  );
  set(
    'xl/threadedComments/threadedComment1.xml',
    `${XML}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B1" dT="2026-01-10T09:00:00.00" personId="{11111111-2222-3333-4444-555555555555}" id="{6D5A2B1C-0000-4000-8000-000000000001}"><text>Проверить</text></threadedComment></ThreadedComments>`,
  );
  set(
    'xl/persons/person.xml',
    `${XML}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Айгүл Сейітқызы" id="{11111111-2222-3333-4444-555555555555}" userId="aigul@example.kz" providerId="AD"/></personList>`,
  );
  set('xl/vbaProject.bin', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]));
  set(
    'xl/pivotTables/pivotTable1.xml',
    `${XML}<pivotTableDefinition xmlns="${MAIN}" name="Pivot1" cacheId="7" dataCaption="Values"><location ref="D1:E3" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="1"><pivotField dataField="1" showAll="0"/></pivotFields></pivotTableDefinition>`,
  );
  set(
    'xl/pivotTables/_rels/pivotTable1.xml.rels',
    rels([['rId1', `${R}/pivotCacheDefinition`, '../pivotCache/pivotCacheDefinition1.xml']]),
  );
  set(
    'xl/pivotCache/pivotCacheDefinition1.xml',
    `${XML}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:A2" sheet="Заметки"/></cacheSource><cacheFields count="1"><cacheField name="n" numFmtId="0"><sharedItems containsNumber="1" minValue="1" maxValue="3"/></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  set(
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels',
    rels([['rId1', `${R}/pivotCacheRecords`, 'pivotCacheRecords1.xml']]),
  );
  set(
    'xl/pivotCache/pivotCacheRecords1.xml',
    `${XML}<pivotCacheRecords xmlns="${MAIN}" count="2"><r><n v="1"/></r><r><n v="3"/></r></pivotCacheRecords>`,
  );
  set(
    'xl/slicers/slicer1.xml',
    `${XML}<slicers xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><slicer name="n" cache="Slicer_n" caption="n" rowHeight="241300"/></slicers>`,
  );
  set(
    'xl/slicerCaches/slicerCache1.xml',
    `${XML}<slicerCacheDefinition xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" name="Slicer_n" sourceName="n"><pivotTables><pivotTable tabId="47" name="Pivot1"/></pivotTables></slicerCacheDefinition>`,
  );
  set(
    'xl/drawings/userDrawing.xml',
    `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><!-- a chart (rId1) and a picture (rId2) of the user's --></xdr:wsDr>`,
  );
  set(
    'xl/drawings/_rels/userDrawing.xml.rels',
    rels([
      ['rId1', `${R}/chart`, '../charts/userChart.xml'],
      ['rId2', `${R}/image`, '../media/image1.png'],
    ]),
  );
  set(
    'xl/charts/userChart.xml',
    `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>`,
  );
  set('xl/media/image1.png', PNG);
  set(
    'xl/theme/theme1.xml',
    dec(parts.get('xl/theme/theme1.xml')).replace(/name="[^"]*"/, 'name="Кітапхана тақырыбы"'),
  );
  // openpyxl's notes: a plain <text><t> and its own part names.
  set(
    OPENPYXL_SHEET,
    `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData><legacyDrawing xmlns:r="${R}" r:id="anysvml"/></worksheet>`,
  );
  set(
    'xl/worksheets/_rels/openpyxl.xml.rels',
    rels([
      ['comments', `${R}/comments`, '/xl/comments/comment1.xml'],
      ['anysvml', `${R}/vmlDrawing`, '/xl/drawings/commentsDrawing1.vml'],
    ]),
  );
  set(
    'xl/comments/comment1.xml',
    `${XML}<comments xmlns="${MAIN}"><authors><author>openpyxl user</author></authors><commentList><comment ref="A1" authorId="0"><text><t>Примечание из openpyxl</t></text></comment></commentList></comments>`,
  );
  set(
    'xl/drawings/commentsDrawing1.vml',
    '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s1026"/></xml>',
  );

  const wbRels = dec(parts.get('xl/_rels/workbook.xml.rels')).replace(
    '</Relationships>',
    `<Relationship Id="rIdN1" Type="${R}/worksheet" Target="worksheets/notes.xml"/>` +
      `<Relationship Id="rIdN2" Type="${R}/worksheet" Target="worksheets/openpyxl.xml"/>` +
      `<Relationship Id="rIdPC" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>` +
      `<Relationship Id="rIdSC" Type="http://schemas.microsoft.com/office/2007/relationships/slicerCache" Target="slicerCaches/slicerCache1.xml"/>` +
      `<Relationship Id="rIdP" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>` +
      `<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`,
  );
  set('xl/_rels/workbook.xml.rels', wbRels);
  const wb = dec(parts.get('xl/workbook.xml'))
    .replace(
      '</sheets>',
      '<sheet name="Заметки" sheetId="100" r:id="rIdN1"/><sheet name="openpyxl" sheetId="101" r:id="rIdN2"/></sheets>',
    )
    .replace(
      /<definedNames>|(?=<calcPr)/,
      (m) =>
        (m ? `${m}` : '<definedNames>') +
        `<definedName name="Growth">SUM('Заметки'!$A$1:$A$2)*2</definedName>` +
        (m ? '' : '</definedNames>'),
    )
    .replace(/(<calcPr[^>]*\/>)/, `$1<pivotCaches><pivotCache cacheId="7" r:id="rIdPC"/></pivotCaches>`);
  set('xl/workbook.xml', wb);
  const types = dec(parts.get('[Content_Types].xml'))
    .replace(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    )
    .replace(
      '</Types>',
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="png" ContentType="image/png"/>' +
        ct(NOTES_SHEET, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml') +
        ct(OPENPYXL_SHEET, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml') +
        ct('xl/comments9.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml') +
        ct('xl/comments/comment1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml') +
        ct('xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml') +
        ct('xl/persons/person.xml', 'application/vnd.ms-excel.person+xml') +
        ct(
          'xl/pivotTables/pivotTable1.xml',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml',
        ) +
        ct(
          'xl/pivotCache/pivotCacheDefinition1.xml',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
        ) +
        ct(
          'xl/pivotCache/pivotCacheRecords1.xml',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml',
        ) +
        ct('xl/slicers/slicer1.xml', 'application/vnd.ms-excel.slicer+xml') +
        ct('xl/slicerCaches/slicerCache1.xml', 'application/vnd.ms-excel.slicerCache+xml') +
        ct('xl/drawings/userDrawing.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml') +
        ct('xl/charts/userChart.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml') +
        '</Types>',
    );
  set('[Content_Types].xml', types);
  return zipSync(Object.fromEntries(parts));
}
