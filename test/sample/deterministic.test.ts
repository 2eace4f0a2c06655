import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleCommand, SAMPLE_FILES } from '../../src/cli/sample';
import { translator } from '../../src/i18n';

/** `kitaphana sample` rewrites identical bytes, whenever it runs: the samples diff only when the data changes. */
describe('kitaphana sample', () => {
  afterEach(() => jest.useRealTimers());

  it('writes byte-identical files on runs at different times', async () => {
    const quiet = { out: () => undefined, err: () => undefined, tty: false };
    const run = async (now: string): Promise<string> => {
      // Only the clock is faked: the zip library's timers must keep running.
      jest.useFakeTimers({
        now: new Date(now),
        doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'queueMicrotask'],
      });
      const dir = mkdtempSync(join(tmpdir(), 'kitaphana-sample-'));
      await sampleCommand(dir, {}, translator('ru'), quiet);
      jest.useRealTimers();
      return dir;
    };
    const a = await run('2026-03-01T10:00:00Z');
    const b = await run('2027-07-15T18:31:07Z');
    for (const name of Object.values(SAMPLE_FILES)) {
      expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name)))).toBe(true);
    }
  });

  it('regenerates the committed workbooks byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitaphana-sample-'));
    await sampleCommand(dir, {}, translator('ru'), { out: () => undefined, err: () => undefined, tty: false });
    for (const name of Object.values(SAMPLE_FILES)) {
      const committed = readFileSync(join(__dirname, '..', '..', 'workbooks', name));
      expect(readFileSync(join(dir, name)).equals(committed)).toBe(true);
    }
  });
});
