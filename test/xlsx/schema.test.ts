import { templatePlan } from '../../src/core/layout/template';
import { karagandaSample } from '../../src/sample';
import { writeWorkbook } from '../../src/xlsx/write';
import {
  excelRuleProblems,
  ooxmlProblems,
  partsOf,
  schemaDir,
  schemaProblems,
  xmllintAvailable,
  type Problem,
} from '../helpers/ooxml';
import { consolidateBytes, repoFile } from './consolidate-file';

const lint = xmllintAvailable();
if (!lint) console.warn('schema.test: xmllint is not installed, so the schema checks are skipped');
const withLint = lint ? it : it.skip;

const show = (problems: readonly Problem[]): string[] => problems.map((p) => `${p.part}: ${p.message}`);

describe('every workbook the tool writes is valid OOXML and keeps the rules Excel enforces', () => {
  it('finds the schemas beside the repository', () => {
    expect(() => schemaDir()).not.toThrow();
  });

  const inputs: [string, () => Buffer][] = [
    ['the sample', () => repoFile('workbooks', 'karaganda-2025.xlsx')],
    ['the sample with mistakes', () => repoFile('workbooks', 'karaganda-2025-mistakes.xlsx')],
    ['an openpyxl workbook', () => repoFile('test', 'fixtures', 'openpyxl-1900.xlsx')],
    ['a LibreOffice re-save', () => repoFile('test', 'fixtures', 'libreoffice-resave.xlsx')],
  ];
  withLint.each(inputs)('the consolidated copy of %s', async (_, input) => {
    const out = await consolidateBytes(input());
    expect(show(ooxmlProblems(out))).toEqual([]);
  });

  withLint('the output of init', async () => {
    const out = await writeWorkbook(templatePlan(karagandaSample({ language: 'kk', mistakes: false })));
    expect(show(ooxmlProblems(out))).toEqual([]);
  });
});

describe('the checks can fail', () => {
  let parts: Map<string, Uint8Array>;
  beforeAll(async () => {
    parts = partsOf(await consolidateBytes(repoFile('workbooks', 'karaganda-2025.xlsx')));
  });
  const edit = (name: string, f: (xml: string) => string): Map<string, Uint8Array> => {
    const copy = new Map(parts);
    copy.set(name, new TextEncoder().encode(f(new TextDecoder().decode(parts.get(name)))));
    return copy;
  };

  withLint('a chart with its elements out of order', () => {
    const broken = edit('xl/charts/chart1.xml', (x) =>
      x.replace(/(<c:title>[\s\S]*?<\/c:title>)(<c:autoTitleDeleted[^>]*\/>)/, '$2$1'),
    );
    expect(schemaProblems(broken).map((p) => p.part)).toContain('xl/charts/chart1.xml');
  });

  it('a dangling relationship, a style out of range, a duplicate table name, a wrong header', () => {
    const sheet =
      [...parts.keys()].find(
        (p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && /<c [^>]*s="/.test(new TextDecoder().decode(parts.get(p))),
      ) ?? '';
    let broken = edit('xl/_rels/workbook.xml.rels', (x) =>
      x.replace(
        '</Relationships>',
        '<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/missing.xml"/></Relationships>',
      ),
    );
    expect(show(excelRuleProblems(broken)).join('\n')).toContain('missing part xl/theme/missing.xml');
    broken = edit(sheet, (x) => x.replace(/(<c [^>]*?s=")\d+"/, '$199999"'));
    expect(show(excelRuleProblems(broken)).join('\n')).toContain('style index 99999');
    broken = edit('xl/tables/table2.xml', (x) =>
      x.replace(/displayName="[^"]*"/, 'displayName="Territories"').replace(/ name="[^"]*"/, ' name="Territories"'),
    );
    expect(show(excelRuleProblems(broken)).join('\n')).toContain('table name Territories is used twice');
    broken = edit('xl/workbook.xml', (x) => x.replace(/(<definedName [^>]*>[^<]*<\/definedName>)/, '$1$1'));
    expect(show(excelRuleProblems(broken)).join('\n')).toContain('is defined twice');
    broken = edit('xl/tables/table1.xml', (x) => x.replace(/(<tableColumn [^>]*name=")[^"]*"/, '$1nope"'));
    expect(show(excelRuleProblems(broken)).join('\n')).toMatch(/header of \w+ column 1 is .*, not "nope"/);
  });
});
