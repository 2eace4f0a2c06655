/**
 * Where a command may write, decided on the files themselves rather than on
 * how their paths are spelt: a symlinked folder, a symlink or a hard link to
 * the input all name the input, and the input is never changed.
 */
import { promises as fs, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors';

export interface OutputCheck {
  /** The files the command reads; none of them may be the output. */
  readonly inputs: readonly string[];
  /** Replace an existing regular file. */
  readonly force: boolean;
}

async function statOrNull(path: string, follow: boolean): Promise<Stats | null> {
  try {
    return follow ? await fs.stat(path) : await fs.lstat(path);
  } catch {
    return null;
  }
}

/** The real path a file would have: the real path of its nearest existing folder, and the rest as given. */
async function realTarget(path: string): Promise<string> {
  let dir = dirname(resolve(path));
  const rest = [basename(path)];
  for (;;) {
    try {
      return join(await fs.realpath(dir), ...rest);
    } catch {
      const up = dirname(dir);
      if (up === dir) return resolve(path);
      rest.unshift(basename(dir));
      dir = up;
    }
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Refuses an output that is an input, that is not a regular file (a folder,
 * `/dev/full`, a FIFO, a symlink to one or a dangling symlink, even with
 * `--force`), or that exists without `--force`. The write itself goes to a
 * temporary file in the same folder renamed over the output, so a failed
 * run leaves the old file whole.
 */
export async function checkOutput(output: string | undefined, check: OutputCheck): Promise<string> {
  if (!output) throw new UsageError('cli.error.no_output');
  const link = await statOrNull(output, false);
  const target = link && (await statOrNull(output, true));
  const realOut = await realTarget(output);
  for (const input of check.inputs) {
    const inStat = await statOrNull(input, true);
    const realIn = await fs.realpath(input).catch(() => resolve(input));
    if (realIn === realOut || (inStat && target && sameFile(inStat, target)))
      throw new UsageError('cli.error.same_file', { file: output });
  }
  if (link) {
    if (!target || !target.isFile()) throw new UsageError('cli.error.not_regular', { file: output });
    if (!check.force) throw new UsageError('cli.error.exists', { file: output });
  }
  return output;
}
