import { checkWorkbook, consolidateWorkbook, setupWorkbook } from '../../src/excel/actions';
import type { SimExcel } from '../../src/excel-sim';
import { simFromPlan } from '../../src/excel-sim/plan';
import { templatePlan } from '../../src/core/layout/template';
import { changeReportStatus } from '../../src/excel/submissions';
import type { Person } from '../../src/core/workflow';
import { smallContent } from '../helpers/network';
import { fromCheckpoint, underEveryCommandFailure } from './faults';
import { peopleCells, sampleEachTest, simHost } from './host';

/**
 * A failure injected at any command of any write sync of every action
 * leaves the workbook either as it was or complete, never half-written —
 * right away, and after a crash at the same command once the next action's
 * recovery has run; the values and formulas of every cell people fill are
 * identical before and after.
 *
 * The parts are test files of their own (atomic-*.test.ts), so that Jest's
 * workers run them side by side: together they are the suite's longest file.
 */
const settings = { level: 'oblast', region: 'Карагандинская область', year: 2025, language: 'ru' } as const;
const options = { userLanguage: 'ru' as const, version: 'test', now: () => Date.UTC(2026, 0, 15) };

type Action = (sim: SimExcel) => Promise<unknown>;
export type ActionName = 'set up' | 'check' | 'consolidate';
const actions: [ActionName, Action][] = [
  ['set up', (sim) => setupWorkbook(simHost(sim), settings)],
  ['check', (sim) => checkWorkbook(simHost(sim))],
  ['consolidate', (sim) => consolidateWorkbook(simHost(sim), options)],
];

/**
 * The state a person can see (the sim's internal ids left out: a marker made
 * again by the recovery is the same marker), apart from the time stamps and
 * temporary names of generated sheets, as a digest: taken after every run.
 */
const normalized = (text: string): string =>
  text.replace(/\d{2}\.\d{2}\.\d{4},? \d{2}:\d{2}/g, '<time>').replace(/~k[pb][^"',!]*/g, '<temp>');
const state = (sim: SimExcel): string => sim.digest(normalized);

/** The lines of people's cells no longer there (set-up may add new, empty report sheets: lines may be added). */
function lost(before: string, sim: SimExcel): string[] {
  const now = new Set(peopleCells(sim).split('\n'));
  return before.split('\n').filter((line) => !now.has(line));
}

/** The whole run of `name` under a failure at each sync, and at each command of each write sync. */
export function describeAction(name: ActionName): void {
  /** The sample with mistakes, loaded once for the file (each test restores it). */
  const mistakes = sampleEachTest('mistakes');
  describe(name, () => {
    const action = (actions.find(([n]) => n === name) as [ActionName, Action])[1];
    it('leaves the workbook unchanged or complete whichever sync fails', async () => {
      const sim = await mistakes();
      const untouched = state(sim);
      const people = peopleCells(sim);
      const { complete, syncs } = await fromCheckpoint(sim, async () => {
        await action(sim);
        // Every table people filled before is as it was in the complete workbook (equal digests, equal workbooks).
        expect(lost(people, sim)).toEqual([]);
        return { complete: state(sim), syncs: sim.syncCount };
      });
      expect(syncs).toBeGreaterThan(1);
      for (let k = 1; k <= syncs; k++) {
        const after = await fromCheckpoint(sim, async () => {
          sim.failAtSync(k);
          await action(sim).catch(() => undefined);
          return state(sim);
        });
        const outcome = after === untouched ? 'unchanged' : after === complete ? 'complete' : 'half-written';
        expect({ k, outcome }).not.toEqual({ k, outcome: 'half-written' });
      }
    }, 120_000);

    it('leaves it unchanged or complete whichever command of a write sync fails, and after a crash once recovered', async () => {
      const sim = await mistakes();
      const people = peopleCells(sim);
      const results = await underEveryCommandFailure(sim, action, {
        state,
        check: (s) => lost(people, s).map((line) => `people's cells changed: ${line.slice(0, 80)}`),
        // The build syncs of consolidate hold thousands of commands on hidden sheets: a spread of them, each kind included.
        perSync: 60,
      });
      expect(results.length).toBeGreaterThan(2);
      const bad = results
        .filter((r) => r.problems.length || r.failed === 'half-written' || r.crashed === 'half-written')
        .map(
          (r) =>
            `sync ${r.sync} command ${r.command} ${r.location}: ${r.failed}, crashed ${r.crashed} ${r.problems.join('; ')}`,
        );
      expect(bad).toEqual([]);
    }, 600_000);
  });
}

export function describeReconsolidate(): void {
  const mistakes = sampleEachTest('mistakes');
  describe('consolidate over a previous consolidation (its generated sheets replaced)', () => {
    it('leaves the previous version or the new one whichever command fails, and after a crash once recovered', async () => {
      const sim = await mistakes();
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
}

export function describeSubmissions(): void {
  describe.each(['submit', 'accept', 'return'] as const)('%s a report', (action) => {
    const staff: Person = { role: 'staff', name: 'Жакупова Г. С.', libId: 'KRG_CGB' };
    const methodologist: Person = { role: 'methodologist', name: 'Сарсенова А. К.' };
    const change = (sim: SimExcel, a: 'submit' | 'accept' | 'return') =>
      changeReportStatus(
        simHost(sim),
        { action: a, libId: 'KRG_CGB', person: a === 'submit' ? staff : methodologist, comment: 'Исправьте' },
        { userLanguage: 'ru', now: () => Date.UTC(2026, 0, 12, 10, 0) },
      );

    it('leaves the log row and the protection both unchanged or both done whichever command fails, and after a crash once recovered', async () => {
      const sim = simFromPlan(templatePlan(smallContent('ru')));
      if (action !== 'submit') await change(sim, 'submit');
      if (action === 'return') await change(sim, 'accept');
      const results = await underEveryCommandFailure(sim, (s) => change(s, action), { state });
      // The journal, the protection (accept and return) and the row: each command of that sync is tried.
      expect(results.length).toBeGreaterThan(action === 'submit' ? 2 : 8);
      const bad = results
        .filter((r) => r.failed === 'half-written' || r.crashed === 'half-written')
        .map((r) => `sync ${r.sync} command ${r.command} ${r.location}: ${r.failed}, crashed ${r.crashed}`);
      expect(bad).toEqual([]);
    });
  });
}
