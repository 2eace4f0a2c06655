import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { Snapshot } from '../core/snapshot';
import { parseWorkbook } from '../core/parse';
import { tableIndex } from '../core/snapshot';
import { MAX_WORKBOOK_BYTES, WorkbookFileError, readWorkbook, type ReadOptions } from '../xlsx/read';
import type { PickedFailure, PickedWorkbook, YearRule } from './picked';

/**
 * Reads the workbooks a person picked in the task pane, in the browser: the
 * bytes of each `File` (never sent anywhere), their SHA-256 for the `Imports`
 * log, and the snapshot the file adapter's reader makes of them, with the
 * command line's limits. This module is the pane's "reader" chunk, loaded
 * on demand: the reader, the zip code and the hash are not part of the
 * pane's first load.
 */

/** What `readPicked` needs of a browser `File`. */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type PickedResult =
  { readonly ok: true; readonly workbook: PickedWorkbook } | { readonly ok: false; readonly failure: PickedFailure };

/**
 * Each file read in turn (one at a time: a task pane has little memory to
 * spare), each failure named by its file; a file that cannot be read does not
 * stop the others.
 */
export async function readPicked(
  files: readonly PickedFile[],
  year: YearRule,
  options: ReadOptions = {},
): Promise<PickedResult[]> {
  const out: PickedResult[] = [];
  for (const file of files) out.push(await readOne(file, year, options));
  return out;
}

async function readOne(file: PickedFile, year: YearRule, options: ReadOptions): Promise<PickedResult> {
  const fail = (reason: PickedFailure['reason'], params: PickedFailure['params'] = {}): PickedResult => ({
    ok: false,
    failure: { file: file.name, reason, params },
  });
  const maxBytes = options.maxBytes ?? MAX_WORKBOOK_BYTES;
  // Checked before the bytes are loaded, as the command line checks a path's size before reading it.
  if (file.size === 0) return fail('empty');
  if (file.size > maxBytes) return fail('too_large', { size: file.size, limit: maxBytes });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return fail('unreadable');
  }
  let snapshot: Snapshot;
  try {
    snapshot = await readWorkbook(bytes, { ...options, maxBytes });
  } catch (e) {
    if (!(e instanceof WorkbookFileError)) throw e;
    return fail(e.reason === 'too_large' ? 'too_large' : e.reason, {
      ...e.params,
      ...(e.reason === 'too_large' ? { size: file.size, limit: maxBytes } : {}),
    });
  }
  if (!tableIndex(snapshot).has('META')) return fail('not_standard');
  const found = parseWorkbook(snapshot).meta.year;
  if (found !== year.expected)
    return fail(found === null ? 'no_year' : 'wrong_year', { found: found ?? 0, expected: year.expected });
  return {
    ok: true,
    workbook: { name: file.name, size: file.size, sha256: bytesToHex(sha256(bytes)), snapshot },
  };
}
