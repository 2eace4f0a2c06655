import { checkWorkbook, consolidateWorkbook, setupWorkbook } from '../../src/excel/actions';
import { SyncStats } from '../../src/excel/stats';
import { simFromPlan } from '../../src/excel-sim';
import { templatePlan } from '../../src/core/layout/template';
import { nationalContent } from '../../src/bench/national';
import { PAYLOAD_LIMIT } from '../../src/excel/payload';
import { simHost } from './host';

/**
 * A constant number of syncs per action whatever the number of libraries,
 * apart from the chunks the 5 MB payload limit needs, and no request or
 * response above that limit even at national scale.
 */
const settings = { level: 'oblast', region: 'Kazakhstan', year: 2025, language: 'ru' } as const;
const options = { userLanguage: 'ru' as const, version: 'test', now: () => 0 };
const ACTIONS = ['setup', 'check', 'consolidate'] as const;

export async function measureActions(libraries: number, events: number, training: number) {
  const sim = simFromPlan(templatePlan(nationalContent({ libraries, events, training })));
  const out = {} as Record<(typeof ACTIONS)[number], { fixed: number; chunks: number; syncs: number; maxRequest: number; maxResponse: number }>;
  for (const name of ACTIONS) {
    const stats = new SyncStats();
    sim.resetStats();
    if (name === 'setup') await setupWorkbook(simHost(sim), settings, { stats });
    if (name === 'check') await checkWorkbook(simHost(sim), { stats });
    if (name === 'consolidate') await consolidateWorkbook(simHost(sim), { ...options, stats });
    out[name] = {
      fixed: stats.fixed,
      chunks: stats.chunks,
      syncs: sim.syncCount,
      maxRequest: sim.maxRequestBytes,
      maxResponse: sim.maxResponseBytes,
    };
  }
  return out;
}

describe('syncs per action', () => {
  it('are the same at 40 and 400 libraries, apart from payload chunks, and every one is counted', async () => {
    const a = await measureActions(40, 2000, 200);
    const b = await measureActions(400, 20000, 2000);
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
