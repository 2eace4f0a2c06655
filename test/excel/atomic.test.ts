import { checkWorkbook, consolidateWorkbook, setupWorkbook } from '../../src/excel/actions';
import type { SimExcel } from '../../src/excel-sim';
import { underEveryCommandFailure } from './faults';
import { peopleCells, sampleSim, simHost } from './host';

/**
 * A failure injected at any command of any write sync of every action
 * leaves the workbook either as it was or complete, never half-written —
 * right away, and after a crash at the same command once the next action's
 * recovery has run; the values and formulas of every cell people fill are
 * identical before and after.
 */
const settings = { level: 'oblast', region: 'Карагандинская область', year: 2025, language: 'ru' } as const;
const options = { userLanguage: 'ru' as const, version: 'test', now: () => Date.UTC(2026, 0, 15) };

type Action = (sim: SimExcel) => Promise<unknown>;
/**
 * Failure points still open (issue 14), pinned so that no other appears:
 * set up's writes into existing sheets (report repairs, people's sheets'
 * validations, with their unprotect/protect) run in the swap's sync before
 * the commit and are not undone by the recovery; check's markers are
 * deleted and added in place, chunk by chunk. Each test fails when a point
 * outside these appears.
 */
type Known = (location: string) => boolean;
// The last, `Range.values`, is the journal's commit, queued right after those writes.
const WRITES_INTO_EXISTING =
  /^(DataValidation\.|Range\.formulas|WorksheetProtection\.|Table\.resize|TableRowCollection\.add|Range\.values)/;
const MARKERS = /^(ConditionalFormat|ConditionalRangeFill\.|WorksheetProtection\.)/;
const actions: [string, Action, Known][] = [
  ['set up', (sim) => setupWorkbook(simHost(sim), settings), (l) => WRITES_INTO_EXISTING.test(l)],
  ['check', (sim) => checkWorkbook(simHost(sim)), (l) => MARKERS.test(l)],
  ['consolidate', (sim) => consolidateWorkbook(simHost(sim), options), () => false],
];

describe('consolidate over a previous consolidation (its generated sheets replaced)', () => {
  it('leaves the previous version or the new one whichever command fails, and after a crash once recovered', async () => {
    const sim = await sampleSim('mistakes');
    await consolidateWorkbook(simHost(sim), { ...options, now: () => Date.UTC(2025, 11, 1) });
    const results = await underEveryCommandFailure(sim, (s) => consolidateWorkbook(simHost(s), options), {
      state,
      perSync: 60,
    });
    expect(results.some((r) => r.location === 'Worksheet.name')).toBe(true);
    const bad = results
      .filter((r) => r.failed === 'half-written' || r.crashed === 'half-written')
      .map((r) => `sync ${r.sync} command ${r.command} ${r.location}: ${r.failed}, crashed ${r.crashed}`);
    expect(bad).toEqual([]);
  }, 600_000);
});

/** The visible state apart from the time stamps and temporary names of generated sheets. */
function state(sim: SimExcel): string {
  return sim
    .fingerprint()
    .replace(/\d{2}\.\d{2}\.\d{4},? \d{2}:\d{2}/g, '<time>')
    .replace(/~k[pb][^"',!]*/g, '<temp>');
}

describe.each(actions)('%s', (_, action, known) => {
  it('leaves the workbook unchanged or complete whichever sync fails', async () => {
    const sim = await sampleSim('mistakes');
    sim.checkpoint();
    const untouched = state(sim);
    const people = peopleCells(sim);
    await action(sim);
    const complete = state(sim);
    const syncs = sim.syncCount;
    sim.restore();
    expect(syncs).toBeGreaterThan(1);
    for (let k = 1; k <= syncs; k++) {
      sim.checkpoint();
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
      sim.restore();
    }
  }, 120_000);

  it('leaves it unchanged or complete whichever command of a write sync fails, and after a crash once recovered', async () => {
    const sim = await sampleSim('mistakes');
    const people = peopleCells(sim).split('\n');
    const results = await underEveryCommandFailure(sim, action, {
      state,
      check: (s) => {
        const now = new Set(peopleCells(s).split('\n'));
        return people.filter((line) => !now.has(line)).map((line) => `people's cells changed: ${line.slice(0, 80)}`);
      },
      // The build syncs of consolidate hold thousands of commands on hidden sheets: a spread of them, each kind included.
      perSync: 60,
    });
    expect(results.length).toBeGreaterThan(2);
    const bad = results
      .filter(
        (r) =>
          r.problems.length || ((r.failed === 'half-written' || r.crashed === 'half-written') && !known(r.location)),
      )
      .map(
        (r) =>
          `sync ${r.sync} command ${r.command} ${r.location}: ${r.failed}, crashed ${r.crashed} ${r.problems.join('; ')}`,
      );
    expect(bad).toEqual([]);
  }, 600_000);
});
