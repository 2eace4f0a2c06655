import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SimExcel } from '../../src/excel-sim';
import { loadSimFromXlsx } from '../../src/excel-sim/xlsx';
import type { ExcelHost } from '../../src/excel/host';

/** The add-in's host on the in-memory Excel, as Office would give it. */
export function simHost(sim: SimExcel): ExcelHost {
  return {
    run: (batch) => sim.run({ delayForCellEdit: true }, batch),
    isSetSupported: (name, version) => sim.office.context.requirements.isSetSupported(name, version),
  };
}

export const sampleFile = (kind: 'clean' | 'mistakes') =>
  join(__dirname, '..', '..', 'workbooks', kind === 'clean' ? 'karaganda-2025.xlsx' : 'karaganda-2025-mistakes.xlsx');

export async function sampleSim(kind: 'clean' | 'mistakes', options: ConstructorParameters<typeof SimExcel>[0] = {}): Promise<SimExcel> {
  return loadSimFromXlsx(readFileSync(sampleFile(kind)), options);
}

/** Every cell people fill (registers and reports), as sheet!A1 → value or formula: must not change under any action. */
export function peopleCells(sim: SimExcel): string {
  const out: string[] = [];
  for (const t of sim.tables()) {
    const upper = t.name.toUpperCase();
    if (!['TERRITORIES', 'LIBRARIES', 'EVENTS', 'TRAINING'].includes(upper) && !upper.startsWith('R_')) continue;
    const address = t.address.split('!').pop() as string;
    out.push(`${t.name}@${t.sheet}!${address}`, JSON.stringify(sim.formulas(t.sheet, address)));
  }
  return out.join('\n');
}
