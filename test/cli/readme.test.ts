import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runCli } from '../helpers/cli';

/**
 * Every command of the README's shell blocks, run as it is written there (in
 * a fresh copy of `workbooks/`, so that its outputs are new), so that a README
 * line cannot go stale: none may be refused (exit 2). Optional parts in
 * brackets are run both ways; an input the README names as an example of
 * someone's file (`akmola-2025.xlsx`, `branch.xlsx`) stands for a copy of a
 * bundled sample; `...` (more of the same) is left out. `npm` lines are the
 * scripts' own business and not run here.
 */
const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const samples = join(root, 'workbooks');

/** The command lines of the README's `sh` blocks that run kitaphana, comments cut. */
function commandLines(): string[] {
  const out: string[] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g))
    for (const raw of (block[1] ?? '').split('\n')) {
      const line = raw.replace(/\s+#\s.*$/, '').trim();
      if (/^(npx kitaphana|node bin\/kitaphana\.js)\s/.test(line)) out.push(line);
    }
  return out;
}

/** A line's arguments, as a POSIX shell splits them (double and single quotes). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** The line without its optional parts, and with all of them. */
function variants(line: string): string[] {
  const without = line.replace(/\s*\[[^\]]*\]/g, '');
  const withAll = line.replace(/\[([^\]]*)\]/g, '$1');
  return without === withAll ? [line] : [without, withAll];
}

const lines = commandLines();

it('has commands to run', () => {
  expect(lines.length).toBeGreaterThan(10);
});

describe.each(lines.flatMap(variants).map((l) => [l]))('%s', (line) => {
  it('runs as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitaphana-readme-'));
    mkdirSync(join(dir, 'workbooks'));
    for (const f of readdirSync(samples)) copyFileSync(join(samples, f), join(dir, 'workbooks', f));
    const args = words(line)
      .slice(2)
      .filter((w) => w !== '...');
    // Inputs named as examples of other people's files: a copy of the bundled sample of that year.
    // (`init` and `sample` name what they write.)
    const reads = !['init', 'sample'].includes(args[0] ?? '');
    const inputs = reads ? args.slice(1, args.findIndex((a, i) => i > 0 && a.startsWith('-')) >>> 0) : [];
    for (const a of inputs)
      if (a.endsWith('.xlsx') && !existsSync(join(dir, a)))
        copyFileSync(
          join(samples, /branch|cbs/.test(basename(a)) ? 'osk_b01-2025.xlsx' : 'karaganda-2025.xlsx'),
          join(dir, a),
        );
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await runCli(...args);
      expect({ line, code: r.code, err: r.code === 2 ? r.err : '' }).toEqual({
        line,
        code: r.code === 2 ? 0 : r.code,
        err: '',
      });
      if (args[0] === 'sample') {
        // «byte for byte»: the regenerated samples are the bundled ones.
        for (const f of readdirSync(samples))
          expect({ f, same: readFileSync(join(dir, 'workbooks', f)).equals(readFileSync(join(samples, f))) }).toEqual({
            f,
            same: true,
          });
      }
    } finally {
      process.chdir(cwd);
    }
  }, 120_000);
});
