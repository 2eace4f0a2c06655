import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SimExcel } from '../../src/excel-sim';
import { REPORT_COLUMNS } from '../../src/standard';
import { loadSimFromXlsx } from '../../src/excel-sim/xlsx';

export { simHost } from '../../src/bench/excel';

export const sampleFile = (kind: 'clean' | 'mistakes') =>
  join(__dirname, '..', '..', 'workbooks', kind === 'clean' ? 'karaganda-2025.xlsx' : 'karaganda-2025-mistakes.xlsx');

export async function sampleSim(
  kind: 'clean' | 'mistakes',
  options: ConstructorParameters<typeof SimExcel>[0] = {},
): Promise<SimExcel> {
  return loadSimFromXlsx(readFileSync(sampleFile(kind)), options);
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
    if (['TERRITORIES', 'LIBRARIES', 'EVENTS', 'TRAINING'].includes(upper)) {
      out.push(`${t.name}@${t.sheet}!${address}`, JSON.stringify(sim.formulas(t.sheet, address)));
    } else if (upper.startsWith('R_')) {
      const grid = sim.formulas(t.sheet, address);
      const inputs = ['plan', 'q1', 'q2', 'q3', 'q4', 'prior_year', 'note'].map((c) =>
        REPORT_COLUMNS.indexOf(c as (typeof REPORT_COLUMNS)[number]),
      );
      out.push(`${t.name}@${t.sheet}`, JSON.stringify(grid.slice(1).map((r) => inputs.map((i) => r[i]))));
    }
  }
  return out.join('\n');
}
