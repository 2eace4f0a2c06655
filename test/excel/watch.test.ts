import { watchTables, type TableChange } from '../../src/excel/watch';
import { sampleSim, simHost } from './host';

/** Edits in tables, by the user or by a co-author, give one debounced re-check. */
describe('watching the tables', () => {
  it('reports a burst of edits once, with their source, and stops when asked', async () => {
    const sim = await sampleSim('clean');
    const seen: (readonly TableChange[])[] = [];
    const watch = await watchTables(simHost(sim), (c) => seen.push(c), 50);
    sim.simulateUserEdit('KRG_CGB', 'E5', [[123]]);
    sim.simulateRemoteEdit('KRG_CGB', 'F5', [[456]]);
    await sim.settle();
    await new Promise((r) => setTimeout(r, 120));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.map((c) => c.source)).toEqual(['Local', 'Remote']);
    await watch.stop();
    sim.simulateUserEdit('KRG_CGB', 'E6', [[7]]);
    await sim.settle();
    await new Promise((r) => setTimeout(r, 120));
    expect(seen).toHaveLength(1);
  });
});
