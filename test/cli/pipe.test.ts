import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `kitaphana … | head`: the reader takes one line and closes the pipe while the
 * command still has lines to print. The pipe is shrunk to one page (Linux's
 * F_SETPIPE_SZ, with python3) so that the rest of the report
 * cannot all sit in its buffer before the reader leaves: the write after that
 * always meets a closed pipe, not only when the timing happens to be so.
 */
const root = join(__dirname, '..', '..');
const READER = `
import fcntl, os, subprocess, sys
r, w = os.pipe()
fcntl.fcntl(w, 1031, 4096)  # F_SETPIPE_SZ: one page
p = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)
os.close(w)
line = b''
while not line.endswith(b'\\n'):
    line += os.read(r, 1)
os.close(r)
sys.stderr.buffer.write(p.stderr.read())
sys.stdout.buffer.write(line)
sys.exit(p.wait())
`;

it('ends quietly with its usual exit status when the reader closes the pipe after one line', () => {
  const mistakes = join(root, 'workbooks', 'karaganda-2025-mistakes.xlsx');
  const cmd = [process.execPath, join(root, 'bin', 'kitaphana.js'), 'validate', mistakes, '--lang', 'en'];
  const whole = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8' });
  const first = `${whole.stdout.split('\n')[0]}\n`;
  // More than the shrunk pipe holds besides the line read, or the test could not fail.
  expect(Buffer.byteLength(whole.stdout)).toBeGreaterThan(4096 + Buffer.byteLength(first));

  const r = spawnSync('python3', ['-c', READER, ...cmd], { encoding: 'utf8', cwd: root });
  expect(r.stdout).toBe(first);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(whole.status);
  expect(r.status).toBe(1);
});
