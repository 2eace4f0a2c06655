import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { karagandaSample } from '../../src/sample';
import { templatePlan } from '../../src/core/layout/template';
import { writeWorkbook } from '../../src/xlsx/write';
import { readWorkbook } from '../../src/xlsx/read';
import { validate } from '../../src/core/validate';
import { has } from '../../scripts/test-programs';
import type { WorkbookContent } from '../../src/core/layout/content';
import { ooxmlProblems, partsOf } from '../helpers/ooxml';
import { runCli } from '../helpers/cli';
import { partOf } from '../helpers/import';
import { CSV_PER_SHEET, convertWithLibreOffice } from '../helpers/libreoffice';

/**
 * `kitaphana import TARGET SOURCE... -o OUT` on the bundled oblast sample
 * and a branch's own workbook made here: the plan printed, nothing written
 * while a conflict is open, the written file valid, its untouched parts
 * byte for byte the target's, and a formula-like title still text when
 * LibreOffice opens it.
 */
const root = join(__dirname, '..', '..');
const target = join(root, 'workbooks', 'karaganda-2025.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-import-'));
const sample = karagandaSample();
const lib = sample.reports[5]!.libId;
const RISKY = '=1+2';

function branchContent(): WorkbookContent {
  const part = partOf(sample, new Set([lib]));
  const report = part.reports[0]!;
  const u01 = report.values?.['U01'] ?? {};
  return {
    ...part,
    events: [...part.events, { ...part.events[0]!, event_id: 'EV-9001', title: RISKY, note: '@примечание' }],
    reports: [{ ...report, values: { ...report.values, U01: { ...u01, plan: Number(u01.plan ?? 0) + 1 } } }],
  };
}

let branch = '';
let otherYear = '';
beforeAll(async () => {
  branch = join(dir, 'branch.xlsx');
  writeFileSync(branch, await writeWorkbook(templatePlan(branchContent())));
  otherYear = join(dir, 'branch-2024.xlsx');
  const c = branchContent();
  writeFileSync(otherYear, await writeWorkbook(templatePlan({ ...c, settings: { ...c.settings, year: 2024 } })));
}, 120_000);

describe('kitaphana import', () => {
  it('lists the conflicts and writes nothing while one is unresolved (exit 1)', async () => {
    const out = join(dir, 'unresolved.xlsx');
    const r = await runCli('import', target, branch, '-o', out, '--lang', 'ru');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Расхождение в отчёте');
    expect(r.out).toContain(`${lib} · U01`);
    expect(r.out).toContain('1 расхождение не разрешено');
    expect(r.out).toContain('Ничего не записано.');
    expect(existsSync(out)).toBe(false);
  });

  it('with --prefer writes a valid workbook whose untouched parts are the target bytes, and logs the import', async () => {
    const out = join(dir, 'imported.xlsx');
    const r = await runCli('import', target, branch, '-o', out, '--prefer', 'source', '--lang', 'en');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('branch.xlsx: 1 rows added');
    expect(r.out).toContain(`Written: ${out}`);
    const data = readFileSync(out);
    expect(ooxmlProblems(data)).toEqual([]);

    const before = partsOf(readFileSync(target));
    const after = partsOf(data);
    const changed = [...before.keys()].filter(
      (k) => after.has(k) && !Buffer.from(after.get(k)!).equals(Buffer.from(before.get(k)!)),
    );
    // The Events sheet and its table (one row more), the library's report sheet (one cell), the Imports log where
    // the target has one (its blank first row taken; else it is a new sheet), and the package's lists.
    const logged = (await readWorkbook(readFileSync(target))).tables.some((t) => t.name === 'Imports') ? 1 : 0;
    expect(changed.filter((k) => k.startsWith('xl/worksheets/'))).toHaveLength(2 + logged);
    expect(changed.filter((k) => k.startsWith('xl/tables/'))).toHaveLength(1);
    expect(
      changed.filter(
        (k) => !/^xl\/(worksheets|tables)\/|^xl\/workbook\.xml$|_rels|Content_Types|docProps\/app/.test(k),
      ),
    ).toEqual([]);

    const s = await readWorkbook(data);
    const events = s.tables.find((t) => t.name === 'Events')!;
    const row = events.rows.find((x) => x[0] === 'EV-9001')!;
    expect([row[4], row[19]]).toEqual([RISKY, '@примечание']);
    const log = s.tables.find((t) => t.name === 'Imports')!;
    const sha = createHash('sha256').update(readFileSync(branch)).digest('hex');
    const c = branchContent();
    const duplicates =
      c.territories.length +
      c.libraries.length +
      [c.events, c.training, c.visits, c.publications, c.participation, c.studies].reduce(
        (n, x) => n + (x?.length ?? 0),
        0,
      ) -
      1;
    expect(log.rows[0]?.slice(1)).toEqual(['branch.xlsx', sha, 1, 1, 0, duplicates, 1]);
    // The only error: the library's accepted report changed after acceptance (S3), as the source's value was chosen.
    const errors = validate(s).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.libId])).toEqual([['S3', lib]]);

    const again = join(dir, 'again.xlsx');
    const r2 = await runCli('import', out, branch, '-o', again, '--lang', 'en');
    expect(r2.code).toBe(0);
    expect(r2.out).toContain('Nothing to import');
    const log2 = (await readWorkbook(readFileSync(again))).tables.find((t) => t.name === 'Imports')!;
    expect(log2.rows).toEqual(log.rows);
  });

  it('prints the plan as JSON, and writes nothing with --dry-run', async () => {
    const r = await runCli('import', target, branch, '--dry-run', '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as {
      can_apply: boolean;
      conflicts: { id: string; kind: string; target: { cell: string }; source: { file: string; cell: string } }[];
      added: { table: string; count: number }[];
      log: { source: string; rows_added: number }[];
    };
    expect(json.can_apply).toBe(false);
    expect(json.conflicts.map((c) => [c.id, c.kind, c.source.file])).toEqual([
      [`report:R_${lib}:U01:plan@branch.xlsx`, 'report', 'branch.xlsx'],
    ]);
    expect(json.conflicts[0]!.target.cell).toBe(json.conflicts[0]!.source.cell);
    expect(json.added).toEqual([expect.objectContaining({ table: 'Events', count: 1 })]);
    expect(json.log[0]).toMatchObject({ source: 'branch.xlsx', rows_added: 1 });
  });

  it('refuses a source of another year and a file that is not a workbook, in the user language (exit 2)', async () => {
    const r = await runCli('import', target, otherYear, '-o', join(dir, 'x.xlsx'), '--lang', 'kk');
    expect(r.code).toBe(2);
    expect(r.out).toContain('branch-2024.xlsx — 2024 жылғы кітап');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    const text = join(dir, 'notes.xlsx');
    writeFileSync(text, 'not a workbook');
    const r2 = await runCli('import', target, text, '-o', join(dir, 'y.xlsx'), '--lang', 'en');
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('notes.xlsx');
    expect(r2.err.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('refuses to overwrite the target or an existing file without --force', async () => {
    const r = await runCli('import', target, branch, '-o', target, '--prefer', 'source');
    expect(r.code).toBe(2);
    const existing = join(dir, 'existing.xlsx');
    writeFileSync(existing, 'x');
    const r2 = await runCli('import', target, branch, '-o', existing, '--prefer', 'source', '--lang', 'en');
    expect(r2.code).toBe(2);
    expect(readFileSync(existing, 'utf8')).toBe('x');
  });

  it('resolves single conflicts with --choose, by the id the plan prints', async () => {
    const id = `report:R_${lib}:U01:plan@branch.xlsx`;
    const shown = await runCli('import', target, branch, '--dry-run', '--lang', 'en');
    expect(shown.out).toContain(`--choose "${id}=source"`);
    const out = join(dir, 'chosen.xlsx');
    const r = await runCli('import', target, branch, '-o', out, '--lang', 'en', '--choose', `${id}=target`);
    expect(r.code).toBe(0);
    expect(r.out).toContain("the target's value stays");
    expect(existsSync(out)).toBe(true);
    const bad = await runCli('import', target, branch, '-o', join(dir, 'bad.xlsx'), '--lang', 'en', '--choose', id);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('is not a choice');
  });

  (has('soffice') ? it : it.skip)(
    'opens in LibreOffice with the formula-like title as text',
    async () => {
      const out = join(dir, 'lo.xlsx');
      expect((await runCli('import', target, branch, '-o', out, '--prefer', 'target')).code).toBe(0);
      const csvDir = mkdtempSync(join(tmpdir(), 'kitaphana-import-csv-'));
      convertWithLibreOffice(out, CSV_PER_SHEET, csvDir);
      const events = readdirSync(csvDir).find((f) => f.endsWith('-Мероприятия.csv'))!;
      const text = readFileSync(join(csvDir, events), 'utf8');
      const line = text.split('\n').find((l) => l.startsWith('EV-9001,'))!;
      expect(line).toContain(`,${RISKY},`);
    },
    300_000,
  );
});
