import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { karagandaSample } from '../../src/sample';
import type { WorkbookContent } from '../../src/core/layout/content';
import { templatePlan } from '../../src/core/layout/template';
import { writeWorkbook } from '../../src/xlsx/write';
import { readWorkbook } from '../../src/xlsx/read';
import { has } from '../../scripts/test-programs';
import { runCli } from '../helpers/cli';
import { ooxmlProblems, partsOf } from '../helpers/ooxml';
import { convertWithLibreOffice } from '../helpers/libreoffice';
import { part, splittable } from '../helpers/split';

/**
 * `kitaphana consolidate FILE FILE...`: the halves of the sample (by
 * territory) consolidated together give the whole's figures, in a new
 * workbook of generated sheets only, with `by_source` in the JSON.
 */
const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-many-'));
const sample = karagandaSample({ language: 'ru' });
const first = new Set(sample.territories.slice(0, 6).map((r) => String(r.terr_code)));
const group = (terr: string) => (first.has(terr) ? 0 : 1);
// Without the log of submissions: the split moves register rows, which would change accepted reports' fingerprints (S3).
const whole = { ...splittable(sample, group), submissions: [] };
const files = {
  whole: join(dir, 'whole.xlsx'),
  a: join(dir, 'east.xlsx'),
  b: join(dir, 'west.xlsx'),
};

async function write(file: string, content: WorkbookContent): Promise<void> {
  writeFileSync(file, await writeWorkbook(templatePlan(content)));
}

beforeAll(async () => {
  await write(files.whole, whole);
  await write(files.a, part(whole, group, 0, 'Восток'));
  await write(files.b, part(whole, group, 1, 'Запад'));
});

/** The text of every cell of a written workbook, as XML. */
function texts(data: Uint8Array): string {
  const parts = partsOf(data);
  return [...parts.keys()]
    .filter((p) => p === 'xl/sharedStrings.xml' || p.startsWith('xl/worksheets/'))
    .map((p) => new TextDecoder().decode(parts.get(p)))
    .join('\n');
}

type Json = Record<string, unknown> & { by_source?: Record<string, Record<string, number | null>> };

/** The figures of a JSON result: what names the workbook aside, lists in one order. */
function figures(j: Json) {
  const libraries = j.libraries as Record<string, unknown>;
  const visits = j.visits as Record<string, unknown>;
  const sorted = (xs: unknown) => [...(xs as string[])].sort();
  return {
    ...j,
    region: null,
    by_source: null,
    libraries: { ...libraries, included_ids: sorted(libraries.included_ids), missing: sorted(libraries.missing) },
    visits: { ...visits, not_visited: sorted(visits.not_visited) },
  };
}

describe('kitaphana consolidate with several workbooks', () => {
  it('gives the figures of the whole, by_source by region, and writes a workbook of generated sheets only', async () => {
    const out = join(dir, 'svod.xlsx');
    const before = [readFileSync(files.a), readFileSync(files.b)];
    const many = await runCli('consolidate', files.a, files.b, '-o', out, '--json', '--lang', 'en');
    expect(many.err).toBe('');
    expect(many.code).toBe(0);
    const one = await runCli('consolidate', files.whole, '--json', '--lang', 'en');
    const m = JSON.parse(many.out) as Json;
    const w = JSON.parse(one.out) as Json;
    expect(w.by_source).toBeUndefined();
    expect(figures(m)).toEqual(figures(w));
    expect(Object.keys(m.by_source ?? {})).toEqual(['Восток', 'Запад']);
    const u01 = (m.by_source?.['Восток']?.U01 ?? 0) + (m.by_source?.['Запад']?.U01 ?? 0);
    expect(u01).toBe((m.indicators as Record<string, { year: number }>).U01?.year);
    // The inputs are never changed.
    expect(readFileSync(files.a).equals(before[0]!)).toBe(true);
    expect(readFileSync(files.b).equals(before[1]!)).toBe(true);

    const data = readFileSync(out);
    expect(ooxmlProblems(data)).toEqual([]);
    const snapshot = await readWorkbook(data);
    const sheets = snapshot.sheets.map((s) => s.name);
    // Generated sheets in the workbooks' language, and nothing of the inputs: no registers, no reports.
    expect(sheets).toEqual(
      expect.arrayContaining([
        'Диаграммы',
        'Свод',
        'Свод по типам',
        'Свод мероприятий',
        'Свод ПК',
        'Методическая работа',
        'Замечания',
      ]),
    );
    expect(sheets).not.toContain('Библиотеки');
    expect(snapshot.tables.some((t) => t.name.startsWith('R_'))).toBe(false);
    const parts = partsOf(data);
    const charts = [...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    const chartXml = charts.map((p) => new TextDecoder().decode(parts.get(p)));
    // The chart by source draws from the Dashboard's table of the workbooks.
    expect(chartXml.some((x) => x.includes('по книгам'))).toBe(true);
    expect(texts(data)).toContain('<t>east.xlsx</t>');
  });

  it('names each finding’s file in the Issues sheet and reports a lib_id of two files as D6, exit 1', async () => {
    const dup = join(dir, 'west-dup.xlsx');
    const b = part(whole, group, 1, 'Запад');
    const lib = whole.libraries.find((l) => group(String(l.terr_code)) === 0)!;
    const terr = b.territories[0]?.terr_code ?? null;
    await write(dup, { ...b, libraries: [...b.libraries, { ...lib, terr_code: terr }] });
    const out = join(dir, 'dup.xlsx');
    const r = await runCli('consolidate', files.a, dup, '-o', out, '--lang', 'ru');
    expect(r.code).toBe(1);
    // Excluded in both files (it is counted nowhere), for being in both, the place naming the file.
    expect(r.out).toMatch(new RegExp(`исключена ${String(lib.lib_id)}: D6 east\\.xlsx 'Библиотеки'!A\\d+`));
    const text = texts(readFileSync(out));
    expect(text).toMatch(/<t>west-dup\.xlsx: &apos;Библиотеки&apos;!A\d+<\/t>/);
    expect(text).toMatch(new RegExp(`«${String(lib.lib_id)}» из west-dup\\.xlsx [^<]* east\\.xlsx`));
  });

  it('refuses the same file given twice, under any name, exit 2', async () => {
    const r = await runCli('consolidate', files.a, `${dir}/./east.xlsx`, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`${dir}/./east.xlsx is the same file as ${files.a}: give each workbook once.`);
  });

  it('refuses a renamed copy of a workbook given beside it (the same SHA-256), exit 2', async () => {
    const copy = join(dir, 'east (copy).xlsx');
    copyFileSync(files.a, copy);
    const r = await runCli('consolidate', files.a, files.b, copy, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(
      'east (copy).xlsx has the same content as east.xlsx (the same SHA-256): it is the same workbook given twice. Give each workbook once.',
    );
    expect(r.out).toBe('');
  });

  it('says a file that is not a standard workbook is not one, not that it is of another year, exit 2', async () => {
    const plain = join(dir, 'plain.xlsx');
    const sheet = {
      name: 'Sheet1',
      visibility: 'visible' as const,
      columnWidths: [10],
      tables: [],
      styles: [],
      validations: [],
    };
    writeFileSync(
      plain,
      await writeWorkbook({
        removeSheets: [],
        sheets: [{ ...sheet, blocks: [{ top: 0, left: 0, values: [['notes']] }] }],
      }),
    );
    const r = await runCli('consolidate', files.a, plain, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(
      'Not a standard workbook of Kitaphana (no Meta table with its year): plain.xlsx. Consolidate together only standard workbooks.',
    );
    expect(r.err).not.toContain('different years');
  });

  it('refuses workbooks of different years, naming the files, exit 2', async () => {
    const old = join(dir, 'west-2024.xlsx');
    await write(old, { ...part(whole, group, 1, 'Запад'), settings: { ...whole.settings, year: 2024 } });
    const r = await runCli('consolidate', files.a, old, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('2025: east.xlsx');
    expect(r.err).toContain('2024: west-2024.xlsx');
    expect(r.out).toBe('');
  });

  it('stops at a file that is not a workbook with the one-file message naming it, exit 2, and writes nothing', async () => {
    const bad = join(dir, 'notes.xlsx');
    writeFileSync(bad, 'not a workbook');
    const out = join(dir, 'never.xlsx');
    const r = await runCli('consolidate', files.a, bad, files.b, '-o', out, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(
      `${bad} is not an Excel workbook (.xlsx). Save it from Excel as «Excel Workbook (.xlsx)» and try again.`,
    );
    expect(existsSync(out)).toBe(false);
    const limited = await runCli('consolidate', files.a, files.b, '--max-unpacked-mb', '1', '--lang', 'en');
    expect(limited.code).toBe(2);
    expect(limited.err).toContain(`${files.a} is too large`);
  });

  const built = existsSync(join(root, 'dist', 'cli', 'workers-thread.js'));
  (built ? it : it.skip)(
    'reads the files in worker threads (the built command) with the same result and messages',
    () => {
      const bin = join(root, 'bin', 'kitaphana.js');
      const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      const threaded = run('consolidate', files.a, files.b, '--json', '--lang', 'en');
      const one = run('consolidate', files.whole, '--json', '--lang', 'en');
      // Nothing but the reminder that no file was written (several workbooks are consolidated into a new one).
      expect(threaded.stderr.trim()).toBe('No file was written: add -o FILE to write the consolidated workbook.');
      expect(threaded.status).toBe(0);
      expect(figures(JSON.parse(threaded.stdout) as Json)).toEqual(figures(JSON.parse(one.stdout) as Json));
      const bad = join(dir, 'empty.xlsx');
      writeFileSync(bad, '');
      const failed = run('consolidate', files.a, files.b, bad, '--lang', 'en');
      expect(failed.status).toBe(2);
      expect(failed.stderr.trim()).toBe(`${bad} is empty (0 bytes). Choose the workbook file again.`);
    },
  );

  (has('soffice') ? it : it.skip)('writes a workbook LibreOffice opens', () => {
    const out = join(dir, 'svod.xlsx');
    const lo = join(dir, 'lo');
    convertWithLibreOffice(out, 'ods', lo);
    expect(readdirSync(lo)).toEqual(['svod.ods']);
  });
});
