import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as run } from '../helpers/cli';
import { templatePlan } from '../../src/core/layout/template';
import { karagandaSample } from '../../src/sample';
import { saveWorkbookFile, writeWorkbook } from '../../src/xlsx/write';

/**
 * What a newcomer meets on the command line: counts with plurals and the
 * locale's digits, bad set-up input refused in one line (and reported by
 * validate in a workbook that has it), an extension Excel would refuse, and
 * a JSON run that says it wrote nothing.
 */
const root = join(__dirname, '..', '..');
const clean = join(root, 'workbooks', 'karaganda-2025.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-newcomer-'));

describe('sample', () => {
  it.each([
    ['en', /: 1 library, \d+ events\./, /: \d+ libraries, 1,\d{3} events\./],
    ['ru', /: 1 библиотека, \d+ мероприяти[ея]\./, /: \d+ библиотек[аи]?, 1[\s\u00a0\u202f]\d{3} мероприяти[йея]\./],
  ])('counts in %s with plurals and the locale’s digits', async (lang, branch, region) => {
    const r = await run('sample', join(dir, `sample-${lang}`), '--lang', lang);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(branch);
    expect(r.out).toMatch(region);
  });
});

describe('init', () => {
  it.each([
    [['--year', '2025'], /--region/],
    [['--region', '  ', '--year', '2025'], /--region/],
    [
      ['--region', 'Karaganda oblast', '--year', '1850'],
      /«1850» is not a reporting year\. Give a year from 2000 to 2100/,
    ],
    [['--region', 'Karaganda oblast', '--year', '20255'], /«20255» is not a reporting year/],
  ])('refuses %j in one line and writes nothing', async (args, message) => {
    const out = join(dir, `init-${args.join('-').replace(/\W/g, '')}.xlsx`);
    const r = await run('init', out, ...args, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('validate', () => {
  it.each([
    ['a blank region', { region: '' }, 'region'],
    ['an impossible year', { year: 1850 }, 'year'],
  ])('reports %s in Meta as S1', async (_what, settings, key) => {
    const content = karagandaSample({ language: 'en' });
    const file = join(dir, `meta-${key}.xlsx`);
    await saveWorkbookFile(
      file,
      await writeWorkbook(templatePlan({ ...content, settings: { ...content.settings, ...settings } })),
    );
    const r = await run('validate', file, '--json', '--lang', 'en');
    const found = (JSON.parse(r.out) as { findings: { rule: string; table: string; row: string }[] }).findings;
    expect(found.filter((f) => f.rule === 'S1' && f.table === 'Meta').map((f) => f.row)).toEqual([key]);
    expect(r.code).toBe(1);
  });
});

describe('consolidate', () => {
  it('refuses to write a workbook without macros as .xlsm, naming the .xlsx to use', async () => {
    const out = join(dir, 'svod.xlsm');
    const r = await run('consolidate', clean, '-o', out, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`-o ${join(dir, 'svod.xlsx')}`);
    expect(existsSync(out)).toBe(false);
  });

  it.each([[[clean]], [[clean, clean.replace('2025', '2025-mistakes')]]])(
    'with --json and no -o says on stderr that no file was written (%#)',
    async (files) => {
      const r = await run('consolidate', ...files, '--json', '--lang', 'en');
      expect(() => JSON.parse(r.out) as unknown).not.toThrow();
      expect(r.err).toMatch(/^No file was written: add -o FILE/);
    },
  );
});
