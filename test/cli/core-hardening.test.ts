import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { templatePlan } from '../../src/core/layout/template';
import type { WorkbookContent } from '../../src/core/layout/content';
import type { WorkbookPlan } from '../../src/core/plan';
import { readWorkbook } from '../../src/xlsx/read';
import { writeWorkbook } from '../../src/xlsx/write';
import { smallContent } from '../helpers/network';
import { runCli } from '../helpers/cli';

/**
 * The command line on workbooks built here with what careless or hostile
 * input puts in them (issue 8, items 6, 7, 9, 11): findings and exit 1, never
 * exit 2 from a consolidation that cannot be written.
 */
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-core-hardening-'));
const root = join(__dirname, '..', '..');

const run = runCli;

async function workbook(name: string, content: WorkbookContent, edit = (p: WorkbookPlan) => p): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await writeWorkbook(edit(templatePlan(content))));
  return file;
}

function withEvents(content: WorkbookContent, change: (row: Record<string, unknown>, i: number) => void) {
  return {
    ...content,
    events: content.events.map((r, i) => {
      const row = { ...r };
      change(row, i);
      return row as (typeof content.events)[number];
    }),
  };
}

describe('consolidate on a workbook with a 32,760-character cell', () => {
  it('reports it (exit 1) and writes the Issues sheet with the value quoted briefly', async () => {
    const long = 'Ә'.repeat(32_760);
    const file = await workbook(
      'long-cell.xlsx',
      withEvents(smallContent('kk'), (row, i) => {
        if (i === 0) row.form = long;
      }),
    );
    const validate = await run('validate', file, '--json', '--lang', 'kk');
    expect(validate.code).toBe(1);
    const out = join(dir, 'long-cell-svod.xlsx');
    const r = await run('consolidate', file, '-o', out, '--lang', 'kk');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    // The Issues sheet quotes the value cut, and the file reads back as a workbook.
    const zip = ZipPackage.open(readFileSync(out));
    const strings = zip.text('xl/sharedStrings.xml') ?? '';
    const sheets = zip
      .names()
      .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
      .map((f) => zip.text(f)!);
    expect([strings, ...sheets].join('')).toContain(`${'Ә'.repeat(199)}…`);
    expect((await readWorkbook(readFileSync(out))).tables.length).toBeGreaterThan(0);
    const json = JSON.parse(validate.out) as { findings: { rule: string; message: string }[] };
    const d3 = json.findings.find((f) => f.rule === 'D3');
    expect(d3?.message).toContain('Ә'.repeat(199) + '…');
    expect(d3!.message.length).toBeLessThan(600);
  });
});

describe('consolidate on a workbook with 9E+307 participants in three rows', () => {
  it('finds three D1 errors and never prints null or Infinity for a sum', async () => {
    const file = await workbook(
      'overflow.xlsx',
      withEvents(smallContent('ru'), (row, i) => {
        if (i < 3) row.participants = 9e307;
      }),
    );
    const v = await run('validate', file, '--json', '--lang', 'ru');
    expect(v.code).toBe(1);
    const findings = (JSON.parse(v.out) as { findings: { rule: string; column: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.rule === 'D1' && f.column === 'participants')).toHaveLength(3);
    expect(findings.find((f) => f.rule === 'D1')?.message).toContain('9E+307');
    const out = join(dir, 'overflow-svod.xlsx');
    const r = await run('consolidate', file, '-o', out, '--json', '--lang', 'ru');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.events.participants).toEqual(expect.any(Number));
    expect(r.out).not.toMatch(/Infinity/);
  });
});

describe('consolidate on a workbook whose Events table was renamed', () => {
  it('gives one S1 naming the renamed table and the events as unknown (null)', async () => {
    const file = await workbook('renamed.xlsx', smallContent('en'), (plan) => ({
      ...plan,
      sheets: plan.sheets.map((s) => ({
        ...s,
        tables: s.tables.map((t) => (t.name === 'Events' ? { ...t, name: 'Events_2025' } : t)),
      })),
    }));
    const v = await run('validate', file, '--json', '--lang', 'en');
    const json = JSON.parse(v.out) as { errors: number; warnings: number; findings: { message: string }[] };
    expect([json.errors, json.warnings, json.findings.length]).toEqual([1, 0, 1]);
    expect(json.findings[0]!.message).toContain('Events_2025');
    const r = await run('consolidate', file, '-o', join(dir, 'renamed-svod.xlsx'), '--json', '--lang', 'en');
    expect(r.code).toBe(1);
    const c = JSON.parse(r.out);
    expect(c.events.count).toBeNull();
    expect(c.events.participants).toBeNull();
    expect(c.libraries.included).toBe(c.libraries.active);
  });
});

describe('training coverage of the mistakes sample', () => {
  it('stays within 100 % in the network and in every territory, reports excluded', async () => {
    const r = await run('consolidate', join(root, 'workbooks', 'karaganda-2025-mistakes.xlsx'), '--json');
    const json = JSON.parse(r.out);
    expect(json.libraries.excluded.length).toBeGreaterThan(0);
    const shares = [
      json.training.staff_trained_pct,
      ...Object.values(json.training.by_territory).map(
        (t) => (t as { staff_trained_pct: number | null }).staff_trained_pct,
      ),
    ].filter((x): x is number => x !== null);
    expect(shares.length).toBeGreaterThan(5);
    for (const s of shares) expect(s).toBeLessThanOrEqual(100);
  });
});
