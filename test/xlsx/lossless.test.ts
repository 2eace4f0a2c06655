import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failureLine } from '../../src/cli/main';
import { translator } from '../../src/i18n';
import { WorkbookWriteError } from '../../src/xlsx/errors';
import { saveWorkbookFile } from '../../src/xlsx/write';
import { contentTypes, excelRuleProblems, partsOf } from '../helpers/ooxml';
import { consolidateBytes, repoFile } from './consolidate-file';
import { KEPT, richWorkbook } from './rich-workbook';

const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

/**
 * Issue 9's done-when test: a workbook carrying what people put in theirs
 * (notes of openpyxl and of Excel, threaded comments and their persons, a
 * macro project, a pivot table, a slicer, a defined name with a formula, a
 * chart, a picture, page breaks, a custom theme), built here from the sample
 * with small hand-written parts, comes out of consolidation with every one of
 * those parts byte for byte as it went in.
 */
const sha = (b: Uint8Array | undefined) => (b ? createHash('sha256').update(b).digest('hex') : 'missing');

describe('consolidation keeps every part of people’s workbooks', () => {
  let input: Uint8Array;
  let first: Buffer;
  let second: Buffer;
  beforeAll(async () => {
    input = richWorkbook();
    first = await consolidateBytes(Buffer.from(input));
    second = await consolidateBytes(first);
  });

  it.each(Object.entries(KEPT))('keeps %s byte for byte', (_, part) => {
    expect(sha(partsOf(first).get(part))).toBe(sha(partsOf(input).get(part)));
  });

  it('changes only the package lists, the styles and app.xml among the parts it had', () => {
    const before = partsOf(input);
    const after = partsOf(first);
    const changed = [...before.keys()].filter((p) => after.has(p) && sha(after.get(p)) !== sha(before.get(p))).sort();
    // app.xml changes only when its list of sheets matched the workbook's (here the test added sheets without it).
    const allowed = [
      '[Content_Types].xml',
      'docProps/app.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
    ];
    expect(changed.filter((p) => !allowed.includes(p))).toEqual([]);
    expect(changed).toContain('xl/workbook.xml');
    expect([...before.keys()].filter((p) => !after.has(p))).toEqual([]);
  });

  it('keeps the macros wired in, the defined name, the pivot cache and the persons', () => {
    const after = partsOf(first);
    expect(contentTypes(after).get('xl/workbook.xml')).toBe('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(contentTypes(after).get('xl/vbaProject.bin')).toBe('application/vnd.ms-office.vbaProject');
    const relsXml = dec(after.get('xl/_rels/workbook.xml.rels'));
    for (const target of [
      'vbaProject.bin',
      'persons/person.xml',
      'pivotCache/pivotCacheDefinition1.xml',
      'slicerCaches/slicerCache1.xml',
    ]) {
      expect(relsXml).toContain(`Target="${target}"`);
    }
    const wb = dec(after.get('xl/workbook.xml'));
    expect(wb).toContain(`<definedName name="Growth">SUM('Заметки'!$A$1:$A$2)*2</definedName>`);
    expect(wb).toContain('<pivotCache cacheId="7" r:id="rIdPC"/>');
    expect(excelRuleProblems(after)).toEqual([]);
  });

  it('consolidating twice gives the same generated parts and leaves no part behind', () => {
    const a = partsOf(first);
    const b = partsOf(second);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differ = [...a.keys()].filter((p) => sha(a.get(p)) !== sha(b.get(p)));
    expect(differ).toEqual([]);
    expect(excelRuleProblems(b)).toEqual([]);
    // Every part is reached from the package's root, so none is orphaned.
    const reach = new Set<string>();
    const queue = ['_rels/.rels'];
    const targets = (relsName: string, source: string) =>
      [...dec(b.get(relsName)).matchAll(/<Relationship [^>]*Target="([^"]*)"(?![^>]*External)/g)].map((m) => {
        const t = m[1] ?? '';
        const segs = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
        for (const s of t.split('/')) {
          if (s === '..') segs.pop();
          else if (s && s !== '.') segs.push(s);
        }
        return segs.join('/');
      });
    while (queue.length) {
      const rel = queue.pop() as string;
      const source = rel === '_rels/.rels' ? '' : rel.replace(/_rels\/([^/]*)\.rels$/, '$1');
      for (const p of targets(rel, source)) {
        if (reach.has(p)) continue;
        reach.add(p);
        const i = p.lastIndexOf('/');
        const r = `${p.slice(0, i + 1)}_rels/${p.slice(i + 1)}.rels`;
        if (b.has(r)) queue.push(r);
      }
    }
    const orphans = [...b.keys()].filter((p) => !p.endsWith('.rels') && p !== '[Content_Types].xml' && !reach.has(p));
    expect(orphans).toEqual([]);
  });

  it('refuses to save a workbook with macros as .xlsx, and saves it as .xlsm', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitaphana-xlsm-'));
    try {
      const e = await saveWorkbookFile(join(dir, 'out.xlsx'), first).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(WorkbookWriteError);
      expect((e as WorkbookWriteError).reason).toBe('macro_extension');
      expect((e as WorkbookWriteError).detail).toBe(join(dir, 'out.xlsm'));
      expect(existsSync(join(dir, 'out.xlsx'))).toBe(false);
      expect(failureLine(e, translator('kk'))).toBe(
        `Кітапта макростар бар, ал .xlsx файлы оларды сақтай алмайды. Жиынтық көшірмені .xlsm ретінде сақтаңыз: -o ${join(dir, 'out.xlsm')}`,
      );
      await saveWorkbookFile(join(dir, 'out.xlsm'), first);
      expect(existsSync(join(dir, 'out.xlsm'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a workbook saved by LibreOffice, which writes no theme', () => {
  it('comes out without a dangling relationship or content type', async () => {
    const input = repoFile('test', 'fixtures', 'libreoffice-resave.xlsx');
    expect(partsOf(input).has('xl/theme/theme1.xml')).toBe(false);
    const out = partsOf(await consolidateBytes(input));
    expect(excelRuleProblems(out)).toEqual([]);
    expect(dec(out.get('xl/_rels/workbook.xml.rels'))).not.toContain('theme');
    expect(dec(out.get('[Content_Types].xml'))).not.toContain('theme');
  });
});
