/**
 * The in-memory Excel as the adapter's host, as `officeHost()` is Office:
 * every action waits for the user to leave cell-edit mode instead of failing.
 */
import type { ExcelHost } from '../excel/host';
import type { SimExcel } from './sim';

export function simHost(sim: SimExcel): ExcelHost {
  return {
    run: (batch) => sim.run({ delayForCellEdit: true }, batch),
    isSetSupported: (name, version) => sim.office.context.requirements.isSetSupported(name, version),
  };
}
