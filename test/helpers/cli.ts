import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/errors';

/** The kitaphana command run in-process, with what it prints to stdout and stderr. */
export async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`), tty: false };
  const code = await main(['node', 'kitaphana', ...args], io);
  return { code, out, err };
}
