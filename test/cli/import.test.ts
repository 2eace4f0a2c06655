import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
    // `renumbered`, where the target's log has that column (set-up adds it to a log made before it).
    expect(log.rows[0]?.slice(1, 8)).toEqual(['branch.xlsx', sha, 1, 1, 0, duplicates, 1]);
    expect(log.rows[0]?.[8] ?? 0).toBe(0);
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
    expect(r.err).toContain('branch-2024.xlsx — 2024 жылғы кітап');
    expect(r.out).not.toContain('branch-2024.xlsx — 2024 жылғы кітап');
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

describe('kitaphana import: sources named and told apart', () => {
  /** The branch's workbook with its plan of U01 raised by `by`, in `folder`. */
  async function branchIn(folder: string, by: number, name = 'branch.xlsx'): Promise<string> {
    const c = branchContent();
    const report = c.reports[0]!;
    const u01 = report.values?.['U01'] ?? {};
    mkdirSync(join(dir, folder), { recursive: true });
    const file = join(dir, folder, name);
    const content = {
      ...c,
      reports: [{ ...report, values: { ...report.values, U01: { ...u01, plan: Number(u01.plan ?? 0) + by } } }],
    };
    writeFileSync(file, await writeWorkbook(templatePlan(content)));
    return file;
  }

  it('gives two sources of the same name in different folders their own conflict ids and counts', async () => {
    const a = await branchIn('a', 1);
    const b = await branchIn('b', 2);
    const r = await runCli('import', target, a, b, '--dry-run', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`--choose "report:R_${lib}:U01:plan@a/branch.xlsx=source"`);
    expect(r.out).toContain(`--choose "report:R_${lib}:U01:plan@b/branch.xlsx=source"`);
    expect(r.out).toMatch(/^a\/branch\.xlsx: 1 rows added .* 1 conflicts\.$/m);
    expect(r.out).toMatch(/^b\/branch\.xlsx: 0 rows added .* 1 conflicts\.$/m);
  });

  it('refuses a --choose id that names no conflict (exit 2), and writes nothing', async () => {
    const out = join(dir, 'unknown-choice.xlsx');
    const id = `report:R_${lib}:U01:q4@branch.xlsx`;
    const r = await runCli('import', target, branch, '-o', out, '--prefer', 'target', '--choose', `${id}=source`);
    expect(r.code).toBe(2);
    expect(r.err).toContain(id);
    expect(existsSync(out)).toBe(false);
  });

  it('keeps a control character of a file name out of the written XML and off the terminal', async () => {
    const file = await branchIn('ctl', 0, 'br\u0001an\u001bch.xlsx');
    const out = join(dir, 'ctl.xlsx');
    const r = await runCli('import', target, file, '-o', out, '--prefer', 'source', '--lang', 'en');
    expect(r.code).toBe(0);
    expect([...(r.out + r.err)].filter((ch) => ch === '\u0001' || ch === '\u001b')).toEqual([]);
    expect(r.out).toContain('br\uFFFDan\uFFFDch.xlsx');
    const data = readFileSync(out);
    expect(ooxmlProblems(data)).toEqual([]);
    const log = (await readWorkbook(data)).tables.find((t) => t.name === 'Imports')!;
    expect(log.rows.map((row) => row[1])).toContain('br\uFFFDan\uFFFDch.xlsx');
  });

  it('prints JSON whose keys are all snake_case', async () => {
    const r = await runCli('import', target, branch, '--dry-run', '--json');
    const keys = new Set<string>();
    const walk = (x: unknown, values: boolean): void => {
      if (Array.isArray(x)) x.forEach((v) => walk(v, false));
      else if (x && typeof x === 'object')
        for (const [k, v] of Object.entries(x)) {
          // The values of an added row are by column key, which are snake_case themselves.
          if (!values) keys.add(k);
          walk(v, k === 'values');
        }
    };
    walk(JSON.parse(r.out), false);
    expect([...keys].filter((k) => !/^[a-z0-9_]+$/.test(k))).toEqual([]);
    expect(keys).toContain('lib_id');
  });
});
