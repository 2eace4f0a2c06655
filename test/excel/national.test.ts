import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ACTIONS, measureActions, type ActionMeasure } from '../../src/bench/excel';
import { PAYLOAD_LIMIT } from '../../src/excel/payload';

/**
 * At national scale (4,000 libraries, 200,000 events, 20,000 training rows)
 * the add-in makes the same fixed steps as at 40 libraries, and no request or
 * response reaches Excel on the web's 5 MB limit. The in-memory workbook of
 * that size needs a few gigabytes, so it runs in a process of its own.
 */
describe('national scale', () => {
  it('keeps the fixed syncs and every payload under 5 MB', async () => {
    const small = await measureActions({ libraries: 40, events: 2000, training: 200 });
    const script = join(__dirname, '..', '..', 'dist', 'bench', 'excel.js');
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', script, '4000', '200000', '20000'], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    expect(r.stderr).toBe('');
    const big = JSON.parse(r.stdout) as Record<(typeof ACTIONS)[number], ActionMeasure>;
    for (const action of ACTIONS) {
      expect({ action, fixed: big[action].fixed }).toEqual({ action, fixed: small[action].fixed });
      expect(big[action].fixed + big[action].chunks).toBe(big[action].syncs);
      expect(big[action].maxRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      expect(big[action].maxResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    }
  }, 900_000);
});
