import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/errors';
import { openFailure } from '../../src/xlsx/read';

/** The input is never changed and an existing file is never replaced unasked, whatever the spelling of the paths. */
const root = join(__dirname, '..', '..');
const clean = join(root, 'workbooks', 'karaganda-2025.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-safety-'));
const folder = join(dir, 'd');
mkdirSync(folder);
const input = join(folder, 'in.xlsx');
copyFileSync(clean, input);
symlinkSync(folder, join(dir, 'link-to-d'));
symlinkSync(input, join(dir, 'in-link.xlsx'));
linkSync(input, join(dir, 'hard.xlsx'));

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const before = sha(input);

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`), tty: false };
  const code = await main(['node', 'kitaphana', ...args, '--lang', 'en'], io);
  return { code, out, err };
}

function refused(r: { code: number; err: string }, text: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(text);
}

describe('the output is never the input', () => {
  it.each([
    ['through a symlinked folder', input, join(dir, 'link-to-d', 'in.xlsx')],
    ['through a symlinked input', join(dir, 'in-link.xlsx'), input],
    ['as a symlink to the input', input, join(dir, 'in-link.xlsx')],
    ['as a hard link to the input', input, join(dir, 'hard.xlsx')],
    ['spelt with dots', input, join(folder, '..', 'd', '.', 'in.xlsx')],
  ])('%s', async (_, from, to) => {
    refused(await run('consolidate', from, '-o', to, '--force'), /is the input file/);
    expect(sha(input)).toBe(before);
  });

  it('nor the workbook init --from takes its registers from', async () => {
    refused(await run('init', join(dir, 'link-to-d', 'in.xlsx'), '--from', input, '--force'), /is the input file/);
    expect(sha(input)).toBe(before);
  });
});

describe('an existing output', () => {
  it('is replaced only with --force', async () => {
    const out = join(dir, 'notes.txt');
    writeFileSync(out, 'my notes');
    refused(await run('consolidate', input, '-o', out), /already exists.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('my notes');
    expect((await run('consolidate', input, '-o', out, '--force')).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    ['a folder', () => folder],
    ['a device', () => '/dev/full'],
    ['a symlink to a device', () => (symlinkSync('/dev/null', join(dir, 'null.xlsx')), join(dir, 'null.xlsx'))],
    [
      'a dangling symlink',
      () => (symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.xlsx')), join(dir, 'dangling.xlsx')),
    ],
    ['a FIFO', () => (execFileSync('mkfifo', [join(dir, 'fifo.xlsx')]), join(dir, 'fifo.xlsx'))],
  ])('that is %s is refused even with --force', async (_, make) => {
    const out = make();
    refused(await run('consolidate', input, '-o', out, '--force'), /not an ordinary file/);
    refused(await run('init', out, '--force'), /not an ordinary file/);
  });

  it('of sample is replaced only with --force', async () => {
    const d = join(dir, 'samples');
    mkdirSync(d);
    writeFileSync(join(d, 'karaganda-2025-mistakes.xlsx'), 'mine');
    refused(await run('sample', d), /already exists/);
    expect(existsSync(join(d, 'karaganda-2025.xlsx'))).toBe(false);
    expect((await run('sample', d, '--force')).code).toBe(0);
  });
});

describe('an input that cannot be read', () => {
  it('says it is a folder', async () => {
    refused(await run('validate', folder), /d is a folder, not a workbook file/);
  });

  it('says there is no permission to read it', async () => {
    // As root every file is readable: the message is then checked on the error the system would give.
    expect(
      openFailure('x.xlsx', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })).reason,
    ).toBe('unreadable');
    if (process.getuid?.() === 0) return;
    const locked = join(dir, 'locked.xlsx');
    copyFileSync(clean, locked);
    execFileSync('chmod', ['000', locked]);
    refused(await run('validate', locked), /no permission to read .*locked\.xlsx/);
  });

  it('gives a usage error for a bad --max-unpacked-mb', async () => {
    refused(await run('validate', input, '--max-unpacked-mb', 'lots'), /not a size in megabytes/);
  });
});
