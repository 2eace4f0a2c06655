import { SimExcel, isSimError, type SimOptions } from '../../src/excel-sim';
import { parseRef } from '../../src/excel-sim/address';

/** A sim with one sheet `Data` holding a small table of numbers and text at A1:C4. */
export function dataSim(options: SimOptions = {}): SimExcel {
  const sim = new SimExcel({ ...options, sheets: ['Data', 'Other'] });
  sim.simulateUserEdit('Data', 'A1:C4', [
    ['Name', 'Count', 'Share'],
    ['a', 1, 0.5],
    ['b', 2, 0.25],
    ['c', 3, 0.25],
  ]);
  sim.resetStats();
  return sim;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(
  p: Promise<unknown>,
): Promise<{ code: string; message: string; debugInfo: { errorLocation?: string } }> {
  try {
    await p;
  } catch (e) {
    if (isSimError(e)) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

/** The error a function throws synchronously. */
export function thrown(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    if (isSimError(e)) return e;
    throw e;
  }
  throw new Error('expected an exception');
}

/** A defined name, as a person adds one in Excel (the add-in itself never adds names). */
export function defineName(sim: SimExcel, name: string, sheet: string, address: string): void {
  const s = sim.model.sheetByName(sheet);
  const ref = parseRef(address);
  if (!s || !ref) throw new Error(`${sheet}!${address} is not a range of the sim`);
  sim.model.names.push({ name, ref: { sheetId: s.id, area: ref.area }, formula: '', comment: '', visible: true });
}
