import { consolidateWorkbook } from '../../src/excel/actions';
import { peopleCells, sampleSim, simHost } from './host';

/**
 * A co-author between two syncs of an action. Today: a generated sheet's
 * name taken by a co-author before the swap makes the action refuse and
 * change nothing, the co-author's sheet intact. (Detecting a report changed
 * after it was read — the stale flag — is still to be built: issue 14.)
 */
const options = { userLanguage: 'ru' as const, version: 'test', now: () => Date.UTC(2026, 0, 15) };

describe('consolidate with a co-author', () => {
  it('refuses and changes nothing when a new generated sheet name is taken before the swap, at any sync between the read and the swap', async () => {
    const sim = await sampleSim('mistakes');
    sim.checkpoint();
    const before = sim.sheets().map((s) => s.name);
    await consolidateWorkbook(simHost(sim), options);
    const added = sim
      .sheets()
      .map((s) => s.name)
      .filter((n) => !before.includes(n));
    const swap = sim.syncs.findIndex((s) => s.locations.includes('Worksheet.name')) + 1;
    // After the read: a sheet of that name there when the workbook is read counts as the previous generated sheet.
    const firstWrite = sim.syncs.findIndex((s) => s.locations.some((l) => !/\.load$|\.isNullObject$/.test(l))) + 1;
    sim.restore();
    expect(added.length).toBeGreaterThan(0);
    expect(swap).toBeGreaterThan(firstWrite);
    const taken = added[0] as string;
    const people = peopleCells(sim);
    for (let k = firstWrite + 1; k <= swap; k++) {
      sim.checkpoint();
      const untouched = sim.fingerprint();
      sim.beforeSync(k, (s) => {
        s.addSheet(taken);
        s.simulateRemoteEdit(taken, 'A1', [['co-author']]);
      });
      await expect(consolidateWorkbook(simHost(sim), options)).rejects.toHaveProperty(
        'debugInfo.errorLocation',
        'Worksheet.name',
      );
      // Only the co-author's sheet is new; every other sheet and every cell people fill are as they were.
      expect({ k, sheets: sim.sheets().map((s) => s.name) }).toEqual({ k, sheets: [...before, taken] });
      expect(sim.values(taken, 'A1')).toEqual([['co-author']]);
      expect(peopleCells(sim)).toBe(people);
      sim.restore();
      expect(sim.fingerprint()).toBe(untouched);
    }
  }, 300_000);
});
