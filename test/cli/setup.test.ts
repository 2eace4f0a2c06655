import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { ooxmlProblems, partsOf } from '../helpers/ooxml';
import { runCli } from '../helpers/cli';
import { convertWithLibreOffice } from '../helpers/libreoffice';
import { has } from '../../scripts/test-programs';
import { readWorkbook } from '../../src/xlsx/read';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import { TABLES } from '../../src/standard';
import { translator } from '../../src/i18n';

/** `kitaphana setup FILE -o OUT`: the add-in's set-up for people without the add-in. */
const root = join(__dirname, '..', '..');
const clean = join(root, 'workbooks', 'karaganda-2025.xlsx');
const mistakes = join(root, 'workbooks', 'karaganda-2025-mistakes.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-setup-'));
const dec = (d: Uint8Array | undefined) => new TextDecoder().decode(d);

/** A copy of a workbook with some of its parts edited, written to `name`. */
function hostile(from: string, name: string, edits: (parts: Map<string, Uint8Array>) => void): string {
  const parts = partsOf(readFileSync(from));
  edits(parts);
  const file = join(dir, name);
  writeFileSync(file, zipSync(Object.fromEntries(parts)));
  return file;
}

/** The table part whose table has this name. */
function tablePart(parts: Map<string, Uint8Array>, name: string): string {
  const part = [...parts.keys()].find(
    (k) => k.startsWith('xl/tables/') && new RegExp(`displayName="${name}"`).test(dec(parts.get(k))),
  );
  if (!part) throw new Error(`no table ${name}`);
  return part;
}

describe('kitaphana setup', () => {
  it('repairs the sample with mistakes, says what it did in the user language, and leaves the input alone', async () => {
    const out = join(dir, 'repaired.xlsx');
    const before = readFileSync(mistakes);
    const r = await runCli('setup', mistakes, '-o', out, '--lang', 'ru');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Добавлен лист отчёта 1 библиотеки: TMR_B02.');
    expect(r.out).toContain('Восстановлены 2 отчёта: SHH_CGB, BZH_B01.');
    expect(r.out).toContain(`Записано: ${out}`);
    expect(readFileSync(mistakes).equals(before)).toBe(true);

    const again = join(dir, 'again.xlsx');
    const r2 = await runCli('setup', out, '-o', again, '--lang', 'kk');
    expect(r2.code).toBe(0);
    expect(r2.out).toContain('Өзгертетін ештеңе жоқ');
    const a = partsOf(readFileSync(out));
    const b = partsOf(readFileSync(again));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [k, v] of a) expect(`${k}:${Buffer.compare(v, b.get(k)!)}`).toBe(`${k}:0`);
  });

  it('refuses a report table that must grow over a filled cell, naming the sheet and the row, and writes nothing', async () => {
    // The report's last row is left out of its table: set-up must grow the table over it, and it is not empty.
    const file = hostile(clean, 'short-report.xlsx', (parts) => {
      const part = tablePart(parts, 'R_KRG_B01');
      const xml = dec(parts.get(part));
      const ref = /\sref="([A-Z]+\d+):([A-Z]+)(\d+)"/.exec(xml)!;
      const shorter = `${ref[1]}:${ref[2]}${Number(ref[3]) - 1}`;
      parts.set(
        part,
        new TextEncoder().encode(xml.replaceAll(`ref="${ref[1]}:${ref[2]}${ref[3]}"`, `ref="${shorter}"`)),
      );
    });
    const out = join(dir, 'refused.xlsx');
    const r = await runCli('setup', file, '-o', out, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Table R_KRG_B01 on sheet "KRG_B01" must grow, but cell A\d+ \(row \d+\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('adds a register the workbook lacks, named in the user language, beside the sheet that holds the old name', async () => {
    // Renamed, and cut by its last column: no longer the standard's table (one renamed whole gets its name back).
    const file = hostile(clean, 'no-training.xlsx', (parts) => {
      const part = tablePart(parts, 'Training');
      const xml = dec(parts.get(part))
        .replace(/"Training"/g, '"OldTraining"')
        .replace(
          /(ref="A1:)([A-Z])(\d+")/g,
          (_, a: string, col: string, b: string) => `${a}${String.fromCharCode(col.charCodeAt(0) - 1)}${b}`,
        )
        .replace(/<tableColumn [^>]*\/>(<\/tableColumns>)/, '$1')
        .replace(/(<tableColumns count=")(\d+)/, (_, a: string, n: string) => `${a}${Number(n) - 1}`);
      parts.set(part, new TextEncoder().encode(xml));
    });
    const out = join(dir, 'with-training.xlsx');
    const r = await runCli('setup', file, '-o', out, '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Добавлена 1 таблица: Повышение квалификации.');
    const workbook = dec(partsOf(readFileSync(out)).get('xl/workbook.xml'));
    expect(workbook).toContain('name="Повышение квалификации (2)"');
    expect(ooxmlProblems(readFileSync(out)).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
  });

  it('refuses a workbook without a Meta table and says how to make a standard one', async () => {
    const file = hostile(clean, 'no-meta.xlsx', (parts) => {
      const part = tablePart(parts, 'Meta');
      parts.set(part, new TextEncoder().encode(dec(parts.get(part)).replace(/"Meta"/g, '"Settings"')));
    });
    const r = await runCli('setup', file, '-o', join(dir, 'x.xlsx'), '--lang', 'ru');
    expect(r.code).toBe(2);
    expect(r.err).toContain('нет таблицы Meta');
    expect(r.err).toContain('kitaphana init --from');
  });

  it('needs -o, and refuses to overwrite its input', async () => {
    expect((await runCli('setup', clean, '--lang', 'en')).code).toBe(2);
    const r = await runCli('setup', clean, '-o', clean, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('input');
  });

  it('is listed in the help, in Kazakh', async () => {
    const r = await runCli('setup', '--help', '--lang', 'kk');
    expect(r.out).toContain('кітапты қондырма сияқты дайындау');
    expect(r.out).toContain('дайындалған көшірмені қайда жазу керек');
  });
});

describe('kitaphana setup says what it did in words people use (issue 21, items 6 and 7)', () => {
  const v1 = join(root, 'test', 'fixtures', 'v1', 'karaganda-2025.xlsx');

  it.each([
    [
      'ru',
      [
        'Книга приведена к версии 2 стандарта (была версия 1)',
        'Добавлено 5 таблиц: Выезды, Издания, Участие, Исследования, журнал импорта (_imports).',
        'В таблицу «Мероприятия» добавлены 2 столбца: Выступления, Территории участников.',
        'В таблицу «Сдача отчётов» добавлен 1 столбец: Контрольная сумма.',
        'Строки M01, M02 добавлены в 39 отчётов.',
      ],
    ],
    [
      'en',
      [
        'Brought the workbook to version 2 of the standard (it followed version 1)',
        'Added 5 tables: Visits, Publications, Participation, Studies, import log (_imports).',
        `Added 2 columns to Events: Speakers, ${translator('en').t('column.Events.territories')}.`,
        'Added 1 column to Submissions: Checksum.',
        'Added the rows M01, M02 to 39 reports.',
      ],
    ],
  ])('names what a version 1 workbook gained by its labels (%s), and repairs nothing', async (lang, lines) => {
    const r = await runCli('setup', v1, '-o', join(dir, `v1-${lang}.xlsx`), '--force', '--lang', lang);
    expect(r.code).toBe(0);
    for (const l of lines) expect(r.out).toContain(l);
    expect(r.out).not.toMatch(/Восстановлен|Repaired|(Добавлено|Added) 8/);
  });

  it('says which tables got their names back (issue 19, item 5)', async () => {
    const file = hostile(clean, 'my-events.xlsx', (parts) => {
      const part = tablePart(parts, 'Events');
      parts.set(part, new TextEncoder().encode(dec(parts.get(part)).replace(/"Events"/g, '"MyEvents"')));
    });
    const out = join(dir, 'events-back.xlsx');
    const r = await runCli('setup', file, '-o', out, '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Возвращено имя 1 таблице: MyEvents → Events (Мероприятия).');
    expect(r.out).not.toContain('Добавлен');
    const after = validate(await readWorkbook(readFileSync(out)));
    expect(after.findings.filter((f) => f.rule === 'S1')).toEqual([]);
    const before = consolidate(validate(await readWorkbook(readFileSync(clean))));
    expect(consolidate(after).events.count).toBe(before.events.count);
  });
});

/**
 * Issue 19, item 6: a version 1 workbook whose headers are the column keys
 * (section 1 allows them), written by openpyxl and re-saved by LibreOffice,
 * is a clean version 2 workbook after set-up. The file is made here from the
 * version 1 fixture by openpyxl (Debian's, for /usr/bin/python3).
 */
describe('kitaphana setup of a version 1 workbook another program wrote with keys for headers', () => {
  const python = '/usr/bin/python3';
  const openpyxl = existsSync(python) && spawnSync(python, ['-c', 'import openpyxl']).status === 0;
  const keyed = join(dir, 'v1-keys.xlsx');
  const script = `
import json, sys
import openpyxl
from openpyxl.utils import range_boundaries
src, dst, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
for ws in wb.worksheets:
    for table in list(ws.tables.values()):
        keys = spec.get(table.displayName)
        if not keys:
            continue
        left, top, _, _ = range_boundaries(table.ref)
        for j, column in enumerate(table.tableColumns[: len(keys)]):
            ws.cell(row=top, column=left + j, value=keys[j])
            column.name = keys[j]
wb.save(dst)
`;
  beforeAll(() => {
    if (!openpyxl) return;
    const spec = Object.fromEntries(
      TABLES.filter((t) => t.name !== 'Meta' && t.name !== 'Lists').map((t) => [t.name, t.columns.map((c) => c.key)]),
    );
    const run = spawnSync(python, [
      '-c',
      script,
      join(root, 'test', 'fixtures', 'v1', 'karaganda-2025.xlsx'),
      keyed,
      JSON.stringify(spec),
    ]);
    if (run.status !== 0) throw new Error(String(run.stderr));
  });

  const setUpClean = async (file: string, name: string) => {
    const before = await readWorkbook(readFileSync(file));
    expect(before.tables.find((t) => t.name === 'Events')?.header[0]).toBe('event_id');
    const out = join(dir, name);
    const r = await runCli('setup', file, '-o', out, '--lang', 'en');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Added 2 columns to Events');
    const after = await readWorkbook(readFileSync(out));
    expect(
      validate(after)
        .findings.filter((f) => f.rule === 'S1')
        .map((f) => `${f.table}: ${f.message.key}`),
    ).toEqual([]);
    // The new columns follow the table's style: keys where the headers are keys.
    expect(after.tables.find((t) => t.name === 'Events')?.header.slice(-2)).toEqual(['speakers', 'territories']);
    expect(after.tables.find((t) => t.name === 'Submissions')?.header.at(-1)).toBe('checksum');
    // Set-up adds no problem to the package (LibreOffice's own `dateCompatibility` stays as it wrote it).
    const problems = (f: string) => ooxmlProblems(readFileSync(f)).map((p) => `${p.part}: ${p.message}`);
    expect(problems(out)).toEqual(problems(file));
  };

  it('written by openpyxl', async () => {
    if (!openpyxl) return console.log('skipped: openpyxl is not installed for /usr/bin/python3');
    await setUpClean(keyed, 'v1-keys-set-up.xlsx');
  });

  it('re-saved by LibreOffice', async () => {
    if (!openpyxl || !has('soffice')) return console.log('skipped: needs openpyxl for /usr/bin/python3 and soffice');
    const lo = join(dir, 'lo');
    mkdirSync(lo, { recursive: true });
    convertWithLibreOffice(keyed, 'xlsx', lo);
    await setUpClean(join(lo, 'v1-keys.xlsx'), 'v1-keys-lo-set-up.xlsx');
  }, 180_000);
});

describe('the refusal of a macro workbook under an .xlsx name (issue 19, item 15)', () => {
  it.each([
    ['setup', 'setup', (file: string, out: string) => ['setup', file, '-o', out]],
    [
      'prior',
      'prior-year',
      (file: string, out: string) => ['prior-year', file, join(root, 'workbooks', 'karaganda-2024.xlsx'), '-o', out],
    ],
    [
      'import',
      'import',
      (file: string, out: string) => [
        'import',
        file,
        join(root, 'workbooks', 'osk_b01-2025.xlsx'),
        '--prefer',
        'target',
        '-o',
        out,
      ],
    ],
  ] as const)(
    'words it for the copy that %s writes',
    async (key, _command, args) => {
      const file = hostile(clean, `macros-${key}.xlsm`, (parts) => {
        const types = dec(parts.get('[Content_Types].xml')).replace(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
          'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
        );
        parts.set('[Content_Types].xml', new TextEncoder().encode(types));
      });
      const out = join(dir, `macros-${key}.xlsx`);
      for (const lang of ['en', 'ru', 'kk'] as const) {
        const r = await runCli(...args(file, out), '--lang', lang);
        expect(r.code).toBe(2);
        const t = translator(lang);
        expect(r.err.trim()).toBe(t.t(`cli.error.macro_extension_${key}`, { file: out.replace(/\.xlsx$/, '.xlsm') }));
        expect(existsSync(out)).toBe(false);
      }
    },
    120_000,
  );
});
