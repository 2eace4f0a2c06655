import { readWorkbookFile } from '../xlsx/read';
import { WorkbookFileError } from '../xlsx/errors';
import type { Snapshot } from '../core/snapshot';
import { InputError } from './errors';

/** Reads a workbook for a command; a file that is not one becomes a one-line message naming it. */
export async function readInput(file: string): Promise<Snapshot> {
  try {
    return await readWorkbookFile(file);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new InputError(file, e);
    throw e;
  }
}
