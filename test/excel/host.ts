import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SimExcel } from '../../src/excel-sim';
import { REPORT_COLUMNS } from '../../src/standard';
import { loadSimFromXlsx } from '../../src/excel-sim/xlsx';

export { simHost } from '../../src/excel-sim';

export const sampleFile = (kind: 'clean' | 'mistakes') =>
  join(__dirname, '..', '..', 'workbooks', kind === 'clean' ? 'karaganda-2025.xlsx' : 'karaganda-2025-mistakes.xlsx');

export async function sampleSim(
  kind: 'clean' | 'mistakes',
  options: ConstructorParameters<typeof SimExcel>[0] = {},
): Promise<SimExcel> {
  return loadSimFromXlsx(readFileSync(sampleFile(kind)), options);
}

/**
 * A sample loaded once for a whole test file, handed to each test from a
 * checkpoint (syncs counted from there) that is restored after the test, so
 * that the next test finds it as loaded.
 */
export function sampleEachTest(kind: 'clean' | 'mistakes'): () => Promise<SimExcel> {
  let loaded: Promise<SimExcel> | undefined;
  let held: SimExcel | undefined;
  afterEach(() => {
    held?.restore();
    held = undefined;
  });
  return async () => {
    const sim = await (loaded ??= sampleSim(kind));
    if (held !== sim) sim.checkpoint();
    held = sim;
    sim.resetStats();
    return sim;
  };
}

/**
 * Every cell people fill, as sheet!A1 → value or formula: the registers
 * whole, and the input columns of the reports (plan, quarters, prior year,
 * note). Must not change under any action; tables an action adds are
 * compared by the caller.
 */
export function peopleCells(sim: SimExcel): string {
  const out: string[] = [];
  for (const t of sim.tables()) {
    const upper = t.name.toUpperCase();
    const address = t.address.split('!').pop() as string;
    // One line per cell, so that a table grown by set-up (version 2's columns and report rows) keeps every old line.
    if (['TERRITORIES', 'LIBRARIES', 'EVENTS', 'TRAINING'].includes(upper)) {
      sim
        .formulas(t.sheet, address)
        .forEach((r, i) => r.forEach((v, j) => out.push(`${t.name}@${t.sheet} ${i},${j} ${JSON.stringify(v)}`)));
    } else if (upper.startsWith('R_')) {
      const grid = sim.formulas(t.sheet, address);
      const inputs = ['plan', 'q1', 'q2', 'q3', 'q4', 'prior_year', 'note'].map((c) =>
        REPORT_COLUMNS.indexOf(c as (typeof REPORT_COLUMNS)[number]),
      );
      grid
        .slice(1)
        .forEach((r, i) => inputs.forEach((c) => out.push(`${t.name}@${t.sheet} ${i},${c} ${JSON.stringify(r[c])}`)));
    }
  }
  return out.join('\n');
}
