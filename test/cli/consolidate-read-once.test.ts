import { promises as fs } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../helpers/cli';

/**
 * `kitaphana consolidate FILE -o OUT` reads its input once: the bytes it
 * parses are the bytes the writer grafts the generated sheets into, so a
 * file replaced between two reads cannot give a copy of another workbook.
 */
describe('kitaphana consolidate with one workbook', () => {
  it('reads the input file once when it writes a copy', async () => {
    const input = resolve(__dirname, '..', '..', 'workbooks', 'osk_b01-2025.xlsx');
    const out = join(mkdtempSync(join(tmpdir(), 'kitaphana-once-')), 'svod.xlsx');
    const reads = jest.spyOn(fs, 'readFile');
    try {
      const r = await runCli('consolidate', input, '-o', out, '--lang', 'en');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const ofInput = reads.mock.calls.filter(([p]) => resolve(String(p)) === input);
      expect(ofInput).toHaveLength(1);
      expect((await fs.stat(out)).size).toBeGreaterThan(0);
    } finally {
      reads.mockRestore();
    }
  });
});
