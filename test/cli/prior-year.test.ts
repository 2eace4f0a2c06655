import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { WorkbookContent } from '../../src/core/layout/content';
import { templatePlan } from '../../src/core/layout/template';
import { parseWorkbook } from '../../src/core/parse';
import type { Snapshot } from '../../src/core/snapshot';
import { INDICATORS, yearValue } from '../../src/standard';
import { translator } from '../../src/i18n';
import { NEW_IN_YEAR, sampleContent } from '../../src/sample';
import { readWorkbook } from '../../src/xlsx/read';
import { writeWorkbook } from '../../src/xlsx/write';
import { ooxmlProblems, partsOf } from '../helpers/ooxml';
import { runCli } from '../helpers/cli';

/** `kitaphana prior-year FILE LAST_YEAR_FILE -o OUT`: last year's figures filled in, on the bundled samples. */
const root = join(__dirname, '..', '..');
const sample2025 = join(root, 'workbooks', 'karaganda-2025.xlsx');
const sample2024 = join(root, 'workbooks', 'karaganda-2024.xlsx');
const branch = join(root, 'workbooks', 'osk_b01-2025.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-prior-'));

/** The 2025 sample with every prior_year cell blank, as a methodologist starts the year. */
async function blankPriorFile(): Promise<string> {
  const content = sampleContent('clean', 'ru');
  const blank: WorkbookContent = {
    ...content,
    reports: content.reports.map((r) => ({
      ...r,
      values: Object.fromEntries(Object.entries(r.values ?? {}).map(([k, v]) => [k, { ...v, prior_year: null }])),
    })),
  };
  const file = join(dir, 'karaganda-2025-blank.xlsx');
  writeFileSync(file, await writeWorkbook(templatePlan(blank)));
  return file;
}

const read = async (file: string): Promise<Snapshot> => readWorkbook(readFileSync(file));

describe('kitaphana prior-year', () => {
  let input = '';
  beforeAll(async () => {
    input = await blankPriorFile();
  });

  it('fills prior_year with the 2024 workbook’s year values, lists the new libraries, and leaves the inputs alone', async () => {
    const out = join(dir, 'filled.xlsx');
    const before = readFileSync(input);
    const r = await runCli('prior-year', input, sample2024, '-o', out, '--lang', 'ru');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const ru = translator('ru');
    const last = parseWorkbook(await read(sample2024));
    expect(r.out).toContain(
      ru.t('cli.prior.filled', { count: last.reports.size * INDICATORS.length, file: sample2024, year: '2024' }),
    );
    expect(r.out).toContain(ru.t('cli.prior.new', { count: 2, names: [...NEW_IN_YEAR].join(', ') }));
    expect(r.out).toMatch(/^ {2}KRG_OUNB +\d+$/m);
    expect(readFileSync(input).equals(before)).toBe(true);

    const filled = parseWorkbook(await read(out));
    const committed = parseWorkbook(await read(sample2025));
    const wrong: string[] = [];
    for (const [lib, report] of filled.reports) {
      const then = last.reports.get(lib);
      for (const ind of INDICATORS) {
        const got = report.lines.get(ind.code)?.prior_year ?? null;
        const line = then?.lines.get(ind.code);
        const want = line ? yearValue(ind.agg, line.q) : null;
        if (got !== want) wrong.push(`${lib} ${ind.code}: ${String(got)} ≠ ${String(want)}`);
        // The sample of 2025 was made with these very figures.
        if (then && got !== (committed.reports.get(lib)?.lines.get(ind.code)?.prior_year ?? null))
          wrong.push(`${lib} ${ind.code}: not the committed sample's prior_year`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('changes only the report sheets it fills; every other part keeps its bytes; the output is valid OOXML', async () => {
    const out = join(dir, 'parts.xlsx');
    expect((await runCli('prior-year', input, sample2024, '-o', out, '--lang', 'en')).code).toBe(0);
    const a = partsOf(readFileSync(input));
    const b = partsOf(readFileSync(out));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const changed = [...a.keys()].filter((k) => Buffer.compare(a.get(k)!, b.get(k)!) !== 0);
    const sheets = changed.filter((k) => k.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBe(parseWorkbook(await read(sample2024)).reports.size);
    expect(changed.filter((k) => !sheets.includes(k))).toEqual([]);
    expect(ooxmlProblems(readFileSync(out)).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
  });

  it('has Excel compute the formulas again on opening, for a workbook whose cached results are trusted', async () => {
    // As Excel saves a workbook: results cached, no full calculation on load.
    const parts = partsOf(readFileSync(input));
    const wb = new TextDecoder().decode(parts.get('xl/workbook.xml'));
    parts.set('xl/workbook.xml', new TextEncoder().encode(wb.replace(/ fullCalcOnLoad="1"/, '')));
    const saved = join(dir, 'saved-by-excel.xlsx');
    writeFileSync(saved, zipSync(Object.fromEntries(parts)));
    const out = join(dir, 'recalculated.xlsx');
    expect((await runCli('prior-year', saved, sample2024, '-o', out, '--lang', 'en')).code).toBe(0);
    const written = new TextDecoder().decode(partsOf(readFileSync(out)).get('xl/workbook.xml'));
    expect(written).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
  });

  it('prints the plan as JSON', async () => {
    const out = join(dir, 'json.xlsx');
    const r = await runCli('prior-year', input, sample2024, '-o', out, '--json', '--lang', 'kk');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'file',
      'last_year_file',
      'output',
      'year',
      'last_year',
      'filled_total',
      'filled',
      'kept',
      'blank_last_year',
      'new_libraries',
      'gone_libraries',
      'incomplete_last_year',
      'returned_last_year',
      'accepted_changed',
      'skipped',
    ]);
    expect(json).toMatchObject({ year: 2025, last_year: 2024, output: out, kept: 0, skipped: [], gone_libraries: [] });
    expect(json.new_libraries).toEqual([...NEW_IN_YEAR]);
    // The sample's reports were accepted with these very figures: the fill gives them back, nothing to accept again.
    expect(json.accepted_changed).toEqual([]);
    expect(json).toMatchObject({ incomplete_last_year: [], returned_last_year: [] });
    const filled = json.filled as { lib_id: string; count: number; codes: string[] }[];
    expect(filled[0]).toEqual({ lib_id: 'KRG_OUNB', count: INDICATORS.length, codes: INDICATORS.map((i) => i.code) });
    expect(json.filled_total).toBe(filled.reduce((n, f) => n + f.count, 0));
  });

  it('on a workbook whose prior_year is filled already, fills nothing and says so', async () => {
    const out = join(dir, 'nothing.xlsx');
    const r = await runCli('prior-year', sample2025, sample2024, '-o', out, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain(translator('en').t('cli.prior.nothing', { file: sample2024 }));
    expect(r.out).toContain(translator('en').t('cli.prior.kept', { count: 37 * INDICATORS.length }));
  });

  it('refuses last year’s workbook of another year, naming both years, and writes nothing', async () => {
    const out = join(dir, 'refused.xlsx');
    for (const [lastYear, year] of [
      [branch, '2025'],
      [input, '2025'],
    ] as const) {
      const r = await runCli('prior-year', sample2025, lastYear, '-o', out, '--lang', 'en');
      expect(r.code).toBe(2);
      expect(r.err.trim()).toBe(
        translator('en').t('finding.prior.refused.wrong_year', { year: '2025', lastYear: year, expected: '2024' }),
      );
      expect(existsSync(out)).toBe(false);
    }
    const swapped = await runCli('prior-year', sample2024, sample2025, '-o', out, '--lang', 'ru');
    expect(swapped.code).toBe(2);
    expect(swapped.err).toContain('2025');
    expect(swapped.err).toContain('2024');
    expect(swapped.err).toContain('2023');
  });

  it('refuses to write over an input or over an existing file without --force', async () => {
    const r = await runCli('prior-year', input, sample2024, '-o', sample2024, '--force', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain(translator('en').t('cli.error.same_file', { file: sample2024 }));
    const out = join(dir, 'exists.xlsx');
    writeFileSync(out, 'old');
    expect((await runCli('prior-year', input, sample2024, '-o', out, '--lang', 'en')).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old');
  });

  it('names a file that is not a workbook', async () => {
    const bad = join(dir, 'not.xlsx');
    writeFileSync(bad, 'not a zip');
    const r = await runCli('prior-year', input, bad, '-o', join(dir, 'x.xlsx'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain(bad);
  });

  it('fills nothing from last year’s incomplete report and lists it, in the text and the JSON (issue 19, item 7)', async () => {
    // Last year's workbook with one library's Q4 blank: its three quarters must not become a year.
    const c = sampleContent('lastYear', 'ru');
    const lib = 'KRG_CGB';
    const cut: WorkbookContent = {
      ...c,
      reports: c.reports.map((r) =>
        r.libId !== lib
          ? r
          : {
              ...r,
              values: Object.fromEntries(Object.entries(r.values ?? {}).map(([k, v]) => [k, { ...v, q4: null }])),
            },
      ),
    };
    const lastYear = join(dir, 'karaganda-2024-no-q4.xlsx');
    writeFileSync(lastYear, await writeWorkbook(templatePlan(cut)));
    const out = join(dir, 'incomplete.xlsx');
    const r = await runCli('prior-year', input, lastYear, '-o', out, '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.out).toContain(translator('ru').t('cli.prior.incomplete', { count: 1, names: lib }));
    const after = parseWorkbook(await read(out));
    expect(after.reports.get(lib)?.lines.get('U01')?.prior_year).toBeNull();
    expect(after.reports.get('KRG_OUNB')?.lines.get('U01')?.prior_year).not.toBeNull();
    const j = await runCli(
      'prior-year',
      input,
      lastYear,
      '-o',
      join(dir, 'incomplete2.xlsx'),
      '--json',
      '--lang',
      'en',
    );
    expect(JSON.parse(j.out)).toMatchObject({ incomplete_last_year: [lib], returned_last_year: [] });
  });
});
