import { readWorkbook, readWorkbookBytes, readWorkbookFile } from '../xlsx/read';
import { MAX_UNPACKED_BYTES, WorkbookFileError } from '../xlsx/errors';
import type { Snapshot } from '../core/snapshot';
import { InputError, UsageError } from './errors';

/** Runs a step on a workbook file; a file that is not one becomes a one-line message naming it. */
export async function onInput<T>(file: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new InputError(file, e);
    throw e;
  }
}

/** `--max-unpacked-mb` as bytes: a whole number of megabytes, at least 1. */
export function unpackedLimit(mb: string | undefined): number {
  if (mb === undefined) return MAX_UNPACKED_BYTES;
  const n = Number(mb);
  if (!/^\d+$/.test(mb.trim()) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError('cli.error.max_unpacked', { value: mb });
  return n * 1024 * 1024;
}

/** Reads a workbook for a command. */
export function readInput(file: string, maxUnpackedMb?: string): Promise<Snapshot> {
  const maxUnpackedBytes = unpackedLimit(maxUnpackedMb);
  return onInput(file, () => readWorkbookFile(file, { maxUnpackedBytes }));
}

/** Reads a workbook for a command that needs its bytes too (to write a copy grafted into them): one read. */
export function readInputWithBytes(
  file: string,
  maxUnpackedMb?: string,
): Promise<{ snapshot: Snapshot; bytes: Buffer }> {
  const maxUnpackedBytes = unpackedLimit(maxUnpackedMb);
  return onInput(file, async () => {
    const bytes = await readWorkbookBytes(file);
    return { snapshot: await readWorkbook(bytes, { maxUnpackedBytes }), bytes };
  });
}
