import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { ooxmlProblems, partsOf } from '../helpers/ooxml';
import { runCli } from '../helpers/cli';

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
    expect(r.out).toContain('Добавлена 1 таблица: R_TMR_B02.');
    expect(r.out).toContain('Восстановлены 2 отчёта: R_SHH_CGB, R_BZH_B01.');
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
    const file = hostile(clean, 'no-training.xlsx', (parts) => {
      const part = tablePart(parts, 'Training');
      parts.set(part, new TextEncoder().encode(dec(parts.get(part)).replace(/"Training"/g, '"OldTraining"')));
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
