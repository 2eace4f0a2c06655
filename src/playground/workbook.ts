/**
 * The playground's workbook: the in-memory Excel loaded from a sample .xlsx
 * (through the file adapter, bundled for the browser), and saved back to one
 * for the download button.
 */
import { SimExcel } from '../excel-sim';
import { loadSimFromXlsx, saveSimToXlsx } from '../excel-sim/xlsx';

export interface PlaygroundWorkbook {
  readonly sim: SimExcel;
  /** Installs the sim's `Office` and `Excel` globals, so that the task pane starts as it does in Office. */
  installGlobals(target: Record<string, unknown>): () => void;
}

export async function loadSample(bytes: Uint8Array, displayLanguage: string): Promise<PlaygroundWorkbook> {
  const sim = await loadSimFromXlsx(bytes, { displayLanguage, platform: 'OfficeOnline' });
  return { sim, installGlobals: (target) => sim.installGlobals(target) };
}

export async function saveWorkbook(workbook: PlaygroundWorkbook): Promise<Uint8Array> {
  return new Uint8Array(await saveSimToXlsx(workbook.sim));
}
