import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { RULE_IDS } from '../../src/standard';
import { runCli } from '../helpers/cli';

/** The kitaphana command, run in-process on the sample workbooks and on files that are not workbooks. */
const root = join(__dirname, '..', '..');
const clean = join(root, 'workbooks', 'karaganda-2025.xlsx');
const mistakes = join(root, 'workbooks', 'karaganda-2025-mistakes.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-cli-'));

const run = runCli;

describe('kitaphana validate', () => {
  it('finds nothing wrong in the clean sample and exits 0', async () => {
    const r = await run('validate', clean, '--json', '--lang', 'en');
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ errors: 0, warnings: 0, findings: [] });
    expect(r.code).toBe(0);
  });

  it('finds every rule family in the mistakes sample, with the fields of section 4.1, and exits 1', async () => {
    const r = await run('validate', mistakes, '--json', '--lang', 'ru');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { errors: number; warnings: number; findings: Record<string, unknown>[] };
    const rules = new Set(json.findings.map((f) => f.rule));
    for (const rule of RULE_IDS) expect(`${rule}:${rules.has(rule)}`).toBe(`${rule}:true`);
    for (const f of json.findings) {
      expect(Object.keys(f).sort()).toEqual(
        expect.arrayContaining(['cell', 'column', 'message', 'row', 'rule', 'severity', 'table']),
      );
      expect(typeof f.message).toBe('string');
      expect(f.message).not.toMatch(/finding\.|\{\{/);
    }
    expect(json.errors).toBe(json.findings.filter((f) => f.severity === 'error').length);
    expect(json.warnings).toBe(json.findings.filter((f) => f.severity === 'warning' && !f.explained).length);
    expect(json.findings.some((f) => f.explained === true)).toBe(true);
  });

  it('prints findings for people in Kazakh', async () => {
    const r = await run('validate', mistakes, '--lang', 'kk');
    expect(r.out).toContain('Қате');
    expect(r.out).toMatch(/Қателер: \d+/);
  });
});

describe('kitaphana consolidate', () => {
  it('says that it wrote nothing when no -o was given', async () => {
    const r = await run('consolidate', clean, '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').pop()).toBe(
      'Файл не записан: чтобы записать копию с созданными листами, добавьте -o ФАЙЛ.',
    );
  });
  it('prints the JSON of section 4.1 and writes a copy with the generated sheets, leaving the input alone', async () => {
    const out = join(dir, 'svod.xlsx');
    const before = readFileSync(clean);
    const r = await run('consolidate', clean, '-o', out, '--json', '--lang', 'en');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.standard).toBe('kitaphana/2');
    expect(json.year).toBe(2025);
    expect(json.libraries.included).toBe(json.libraries.active);
    expect(json.libraries.excluded).toEqual([]);
    for (const k of [
      'indicators',
      'by_territory',
      'by_type',
      'ratios',
      'ratios_by_territory',
      'events',
      'training',
      'issues',
      // Version 2 adds:
      'events.by_level',
      'events.children',
      'events.disabled',
      'events.speakers',
      'events.pd.participants',
      'events.pd.reach',
      'events.pd.territories_reached',
      'visits.libraries_visited_pct',
      'visits.by_purpose',
      'visits.by_territory',
      'visits.not_visited',
      'publications.accessible',
      'publications.by_format',
      'participation.by_role',
      'studies.by_kind',
      'indicators.M01',
    ])
      expect(json).toHaveProperty(k.split('.'));
    expect(Object.keys(json.by_territory)).toHaveLength(13);
    expect(json.indicators.U01.year).toBeGreaterThan(0);
    expect(json.ratios.readership).toBeCloseTo(json.indicators.L01.year / json.indicators.U01.year, 3);
    expect(readFileSync(clean).equals(before)).toBe(true);
    const zip = ZipPackage.open(readFileSync(out));
    const workbookXml = zip.text('xl/workbook.xml')!;
    // The sample is in Russian: the generated sheets are named in the workbook's language.
    for (const name of ['Свод', 'Свод по типам', 'Свод мероприятий', 'Свод ПК', 'Замечания'])
      expect(workbookXml).toContain(`name="${name}"`);
  });

  it('excludes reports with errors and lists missing ones, unless asked to include them', async () => {
    const r = await run('consolidate', mistakes, '--json', '--lang', 'ru');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.libraries.excluded.length).toBeGreaterThan(0);
    for (const e of json.libraries.excluded) expect(e.reason).toMatch(/^[A-Z]\d /);
    expect(json.libraries.missing.length).toBeGreaterThan(0);
    const all = JSON.parse((await run('consolidate', mistakes, '--json', '--include-errors')).out);
    expect(all.libraries.excluded).toEqual([]);
    expect(all.libraries.included).toBe(json.libraries.included + json.libraries.excluded.length);
  });

  it("creates the output folder if needed, as the README's quick start does", async () => {
    const r = await run('consolidate', clean, '-o', join(dir, 'new', 'folder', 'svod.xlsx'));
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'new', 'folder', 'svod.xlsx'))).toBe(true);
  });

  it('refuses to overwrite its input', async () => {
    const r = await run('consolidate', clean, '-o', clean, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('input');
  });

  it('gives the same generated sheets when run twice, apart from the time stamp', async () => {
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    await run('consolidate', clean, '-o', a);
    await run('consolidate', a, '-o', b);
    const sheetsOf = async (f: string) => {
      const zip = ZipPackage.open(readFileSync(f));
      return zip
        .text('xl/workbook.xml')!
        .match(/<sheet [^>]*name="[^"]+"/g)
        ?.map((s) => /name="([^"]+)"/.exec(s)?.[1]);
    };
    expect(await sheetsOf(b)).toEqual(await sheetsOf(a));
  });
});

describe('files that are not workbooks', () => {
  const cases: [string, Buffer][] = [
    ['empty.xlsx', Buffer.alloc(0)],
    ['text.xlsx', Buffer.from('lib_id;name\nKRG;Karaganda\n')],
    ['old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])],
    [
      'locked.xlsx',
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(64),
        Buffer.from('EncryptionInfo', 'utf16le'),
        Buffer.alloc(512),
      ]),
    ],
  ];
  it.each(cases)('%s gives one translated line and exit 2', async (name, bytes) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    for (const lang of ['kk', 'ru', 'en']) {
      const r = await run('validate', file, '--lang', lang);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain(file);
      expect(r.err).not.toMatch(/\bat \w+ \(|Error:/);
    }
  });
  it('names a missing file', async () => {
    const r = await run('validate', join(dir, 'nope.xlsx'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('not found');
  });
});

describe('kitaphana init', () => {
  it('creates a standard workbook that checks clean, and refuses to overwrite without --force', async () => {
    const file = join(dir, 'new.xlsx');
    expect((await run('init', file, '--region', 'Ұлытау облысы', '--year', '2026', '--lang', 'kk')).code).toBe(0);
    const v = await run('validate', file, '--json');
    expect(JSON.parse(v.out).errors).toBe(0);
    const again = await run('init', file, '--lang', 'en');
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
    expect((await run('init', file, '--force', '--year', 'next')).code).toBe(2);
  });
});

describe('the installed command', () => {
  it('runs as `kitaphana` through its bin script', () => {
    const bin = join(root, 'bin', 'kitaphana.js');
    expect(existsSync(join(root, 'dist', 'cli', 'main.js'))).toBe(true);
    const r = spawnSync(process.execPath, [bin, 'validate', clean, '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).errors).toBe(0);
    expect(r.stderr).toBe('');
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });
});
