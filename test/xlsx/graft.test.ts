import { zipSync } from 'fflate';
import { writeWorkbook } from '../../src/xlsx/write';
import { excelRuleProblems, partsOf, schemaProblems, xmllintAvailable } from '../helpers/ooxml';
import { consolidateBytes, repoFile } from './consolidate-file';

/**
 * What grafting edits in `xl/workbook.xml` when the previous generated sheets
 * go: sheet-local names (`localSheetId` is a position, which moves), the
 * active tab, the calculation chain that listed their cells.
 */
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const enc = (s: string) => new TextEncoder().encode(s);
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function edit(
  data: Uint8Array,
  edits: Record<string, (xml: string) => string>,
  add: Record<string, string> = {},
): Buffer {
  const parts = partsOf(data);
  for (const [name, f] of Object.entries(edits)) parts.set(name, enc(f(dec(parts.get(name)))));
  for (const [name, xml] of Object.entries(add)) parts.set(name, enc(xml));
  return Buffer.from(zipSync(Object.fromEntries(parts)));
}

const sheetNames = (wb: string) => [...wb.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);

describe('grafting into a workbook consolidated before', () => {
  let once: Buffer;
  beforeAll(async () => {
    once = await consolidateBytes(repoFile('workbooks', 'karaganda-2025.xlsx'));
  });

  it('moves the print area of a sheet added after the generated ones to its new position', async () => {
    const sheetXml = dec(partsOf(once).get('xl/worksheets/sheet1.xml'));
    const withMine = edit(
      once,
      {
        'xl/workbook.xml': (x) => {
          const n = sheetNames(x).length;
          return x
            .replace('</sheets>', `<sheet name="Мой лист" sheetId="500" r:id="rIdMine"/></sheets>`)
            .replace(
              '</definedNames>',
              `<definedName name="_xlnm.Print_Area" localSheetId="${n}">'Мой лист'!$A$1:$B$2</definedName></definedNames>`,
            );
        },
        'xl/_rels/workbook.xml.rels': (x) =>
          x.replace(
            '</Relationships>',
            `<Relationship Id="rIdMine" Type="${R}/worksheet" Target="worksheets/mine.xml"/></Relationships>`,
          ),
        '[Content_Types].xml': (x) =>
          x.replace(
            '</Types>',
            '<Override PartName="/xl/worksheets/mine.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
          ),
      },
      { 'xl/worksheets/mine.xml': sheetXml },
    );
    const wb = dec(partsOf(await consolidateBytes(withMine)).get('xl/workbook.xml'));
    const names = sheetNames(wb);
    const mine = names.indexOf('Мой лист');
    // The generated sheets were removed from before it and added again after it.
    expect(mine).toBeLessThan(names.length - 1);
    expect(wb).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="${mine}">'Мой лист'!$A$1:$B$2</definedName>`,
    );
    const locals = [...wb.matchAll(/<definedName name="([^"]*)" localSheetId="(\d+)"/g)].map((m) => `${m[1]}@${m[2]}`);
    expect(new Set(locals).size).toBe(locals.length);
    expect(Math.max(...locals.map((l) => Number(l.split('@')[1])))).toBeLessThan(names.length);
  });

  it('keeps a rebuilt sheet active when it was the open one, with its tab selected', async () => {
    const wb0 = dec(partsOf(once).get('xl/workbook.xml'));
    const dashboard = sheetNames(wb0).indexOf('Диаграммы');
    expect(dashboard).toBeGreaterThan(0);
    const onDashboard = edit(once, {
      'xl/workbook.xml': (x) => x.replace(/activeTab="\d+"/, `activeTab="${dashboard}"`),
    });
    const out = partsOf(await consolidateBytes(onDashboard));
    const wb = dec(out.get('xl/workbook.xml'));
    const active = Number(/activeTab="(\d+)"/.exec(wb)?.[1]);
    expect(sheetNames(wb)[active]).toBe('Диаграммы');
    const rels = dec(out.get('xl/_rels/workbook.xml.rels'));
    const relId = new RegExp(`<sheet [^>]*name="Диаграммы"[^>]*r:id="([^"]*)"`).exec(wb)?.[1];
    const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]*)"`).exec(rels)?.[1];
    expect(dec(out.get(`xl/${target}`))).toContain('tabSelected="1"');
  });

  it('removes the generated sheets with a plan that only removes, leaving no part of theirs', async () => {
    const out = partsOf(await writeWorkbook({ sheets: [], removeSheets: ['Диаграммы', 'Свод'] }, once));
    const wb = dec(out.get('xl/workbook.xml'));
    expect(sheetNames(wb)).not.toContain('Диаграммы');
    expect(sheetNames(wb)).toContain('Замечания');
    expect([...out.keys()].filter((p) => /^xl\/(charts|drawings)\//.test(p))).toEqual([]);
    expect(excelRuleProblems(out)).toEqual([]);
  });

  it('drops the calculation chain, which listed cells of the removed sheets', async () => {
    const withChain = edit(
      once,
      {
        'xl/_rels/workbook.xml.rels': (x) =>
          x.replace(
            '</Relationships>',
            `<Relationship Id="rIdCC" Type="${R}/calcChain" Target="calcChain.xml"/></Relationships>`,
          ),
        '[Content_Types].xml': (x) =>
          x.replace(
            '</Types>',
            '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
          ),
      },
      {
        'xl/calcChain.xml':
          '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="50"/></calcChain>',
      },
    );
    const out = partsOf(await consolidateBytes(withChain));
    expect(out.has('xl/calcChain.xml')).toBe(false);
    expect(excelRuleProblems(out)).toEqual([]);
  });
});

describe('grafting into parts written with a namespace prefix (the Open XML SDK writes `x:`)', () => {
  it('adds sheets, names and styles with the same prefix, and the package stays valid', async () => {
    const prefixed = (xml: string, root: string) =>
      xml
        .replace(/<(\/?)(?=[A-Za-z])(?![\w.-]+:)/g, '<$1x:')
        .replace(new RegExp(`<x:${root}\\s+xmlns="`), `<x:${root} xmlns:x="`);
    const base = edit(repoFile('test', 'fixtures', 'openpyxl-1900.xlsx'), {
      'xl/workbook.xml': (x) => prefixed(x, 'workbook'),
      'xl/styles.xml': (x) => prefixed(x, 'styleSheet'),
    });
    const out = await writeWorkbook(
      {
        removeSheets: [],
        sheets: [
          {
            name: 'Свод',
            visibility: 'visible',
            columnWidths: [30],
            blocks: [{ top: 0, left: 0, values: [['Итого'], [12.5]] }],
            tables: [],
            styles: [{ area: { top: 0, left: 0, bottom: 0, right: 0 }, style: { bold: true, fill: 'DDEBF7' } }],
            validations: [],
            print: { landscape: true, fitToWidth: true, titleRows: [0, 0] },
          },
        ],
      },
      base,
    );
    const parts = partsOf(out);
    const wb = dec(parts.get('xl/workbook.xml'));
    // openpyxl declares the relationships prefix on each sheet, so the new one declares it too.
    expect(wb).toMatch(/<x:sheet name="Свод" sheetId="3" xmlns:r="[^"]+" r:id="rId\d+"\/><\/x:sheets>/);
    expect(wb).toContain('<x:definedName name="_xlnm.Print_Titles" localSheetId="2">');
    expect(dec(parts.get('xl/styles.xml'))).toContain('<x:fgColor rgb="FFDDEBF7"/>');
    expect(excelRuleProblems(parts)).toEqual([]);
    if (xmllintAvailable()) expect(schemaProblems(parts)).toEqual([]);
  });
});
