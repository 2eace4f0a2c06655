import { checkWorkbook, consolidateWorkbook, setupWorkbook } from '../../src/excel/actions';
import type { SimExcel } from '../../src/excel-sim';
import { peopleCells, sampleSim, simHost } from './host';

/**
 * A failure injected at every sync of every action leaves the workbook
 * either as it was or complete, never half-written; the values and formulas
 * of every cell people fill are identical before and after.
 */
const settings = { level: 'oblast', region: 'Карагандинская область', year: 2025, language: 'ru' } as const;
const options = { userLanguage: 'ru' as const, version: 'test', now: () => Date.UTC(2026, 0, 15) };

type Action = (sim: SimExcel) => Promise<unknown>;
const actions: [string, Action][] = [
  ['set up', (sim) => setupWorkbook(simHost(sim), settings)],
  ['check', (sim) => checkWorkbook(simHost(sim))],
  ['consolidate', (sim) => consolidateWorkbook(simHost(sim), options)],
];

/** The visible state apart from the time stamps of generated sheets. */
function state(sim: SimExcel): string {
  return sim
    .fingerprint()
    .replace(/\d{2}\.\d{2}\.\d{4},? \d{2}:\d{2}/g, '<time>')
    .replace(/~kp[^"',!]*/g, '<temp>');
}

describe.each(actions)('%s', (_, action) => {
  it('leaves the workbook unchanged or complete whichever sync fails', async () => {
    const reference = await sampleSim('mistakes');
    const untouched = state(reference);
    const people = peopleCells(reference);
    reference.resetStats();
    await action(reference);
    const complete = state(reference);
    const syncs = reference.syncCount;
    expect(syncs).toBeGreaterThan(1);
    for (let k = 1; k <= syncs; k++) {
      const sim = await sampleSim('mistakes');
      sim.failAtSync(k);
      await action(sim).catch(() => undefined);
      const after = state(sim);
      expect({
        k,
        outcome: after === untouched ? 'unchanged' : after === complete ? 'complete' : 'half-written',
      }).not.toEqual({ k, outcome: 'half-written' });
      // Every table people filled before is as it was (set-up may add new, empty report sheets).
      const now = new Set(peopleCells(sim).split('\n'));
      expect(people.split('\n').filter((line) => !now.has(line))).toEqual([]);
    }
  });
});
