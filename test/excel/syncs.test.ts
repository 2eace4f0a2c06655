import { ACTIONS, measureActions } from '../../src/bench/excel';
import { PAYLOAD_LIMIT } from '../../src/excel/payload';

/**
 * A constant number of syncs per action whatever the number of libraries,
 * apart from the chunks the 5 MB payload limit needs, and no request or
 * response above that limit even at national scale.
 */
describe('syncs per action', () => {
  it('are the same at 40 and 400 libraries, apart from payload chunks, and every one is counted', async () => {
    const a = await measureActions({ libraries: 40, events: 2000, training: 200 });
    const b = await measureActions({ libraries: 400, events: 20000, training: 2000 });
    for (const action of ACTIONS) {
      expect({ action, fixed: b[action].fixed }).toEqual({ action, fixed: a[action].fixed });
      for (const m of [a[action], b[action]]) {
        expect(m.fixed + m.chunks).toBe(m.syncs);
        expect(m.maxRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
        expect(m.maxResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      }
    }
  }, 300_000);
});
