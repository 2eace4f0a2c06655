import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runCli } from '../helpers/cli';
import { translator } from '../../src/i18n';

/**
 * Every command of the README's shell blocks, run as it is written there, so
 * that a README line cannot go stale: none may be refused (exit 2). Each
 * block runs in order in a fresh copy of `workbooks/` (a line may read what
 * the line above it wrote). Optional parts in brackets are run both ways,
 * the second in a copy of the folder as it was before the line; an input the
 * README names as an example of someone's file (`akmola-2025.xlsx`,
 * `branch.xlsx`) stands for a copy of a bundled sample of that year, each a
 * different one; `...` (more of the
 * same) is left out. `npm` lines are the scripts' own business and not run.
 */
const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const samples = join(root, 'workbooks');
const en = translator('en');

/** The command lines of each of the README's `sh` blocks that run kitaphana, comments cut. */
function blocks(): string[][] {
  const out: string[][] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = (block[1] ?? '')
      .split('\n')
      .map((raw) => raw.replace(/\s+#\s.*$/, '').trim())
      .filter((line) => /^(npx kitaphana|node bin\/kitaphana\.js)\s/.test(line));
    if (lines.length > 0) out.push(lines);
  }
  return out;
}

/** A line's arguments, as a POSIX shell splits them (double and single quotes). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Runs one line in `dir`, as a person would there; the line as run, with what it printed. */
async function runIn(dir: string, line: string) {
  const args = words(line)
    .slice(2)
    .filter((w) => w !== '...');
  // Inputs named as examples of other people's files: a copy of a bundled sample. (`init` and `sample` name what they write.)
  const reads = !['init', 'sample'].includes(args[0] ?? '');
  const firstOption = args.findIndex((a, i) => i > 0 && a.startsWith('-'));
  // Each a different file: the same workbook given twice is refused (as it should be).
  const standIns = {
    branch: ['osk_b01-2025.xlsx', 'karaganda-2025-kk.xlsx'],
    region: ['karaganda-2025-kk.xlsx', 'karaganda-2025-mistakes.xlsx'],
  };
  let n = 0;
  for (const a of reads ? args.slice(1, firstOption < 0 ? undefined : firstOption) : [])
    if (a.endsWith('.xlsx') && !existsSync(join(dir, a))) {
      const kind = /branch|cbs/.test(basename(a)) ? standIns.branch : standIns.region;
      copyFileSync(join(samples, kind[n++ % kind.length]!), join(dir, a));
    }
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return { line, args, ...(await runCli(...args, ...(args.includes('--lang') ? [] : ['--lang', 'en']))) };
  } finally {
    process.chdir(cwd);
  }
}

const all = blocks();

it('has commands to run', () => {
  expect(all.flat().length).toBeGreaterThan(10);
});

describe.each(all.map((lines) => [lines[0]!, lines]))('the block of %s', (_first, lines) => {
  it('runs every line as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitaphana-readme-'));
    cpSync(samples, join(dir, 'workbooks'), { recursive: true });
    for (const line of lines) {
      const runs = [];
      const withAll = line.replace(/\[([^\]]*)\]/g, '$1');
      if (withAll !== line) {
        // The line with its options, in a copy of the folder as the line found it.
        const copy = mkdtempSync(join(tmpdir(), 'kitaphana-readme-'));
        cpSync(dir, copy, { recursive: true });
        runs.push(await runIn(copy, withAll));
      }
      runs.unshift(await runIn(dir, line.replace(/\s*\[[^\]]*\]/g, '')));
      for (const r of runs) {
        expect({ line: r.line, refused: r.code === 2 ? r.err : null }).toEqual({ line: r.line, refused: null });
        if (r.args[0] === 'prior-year')
          // The example shows the feature working: something filled.
          expect({ line: r.line, out: r.out }).toEqual({
            line: r.line,
            out: expect.not.stringContaining('No prior-year value to fill'),
          });
        if (r.args[0] === 'sample')
          // «byte for byte»: the regenerated samples are the bundled ones.
          for (const f of readdirSync(samples))
            expect({ f, same: readFileSync(join(dir, 'workbooks', f)).equals(readFileSync(join(samples, f))) }).toEqual(
              {
                f,
                same: true,
              },
            );
      }
    }
  }, 300_000);
});

// The message the prior-year check looks for, so that a rewording cannot make it pass unseen.
it('knows the words of a prior-year run that filled nothing', () => {
  expect(en.t('cli.prior.nothing', { file: 'x' })).toContain('No prior-year value to fill');
});
