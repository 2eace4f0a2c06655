/**
 * Reads the workbooks a person picked in the task pane, in the browser: the
 * bytes of each `File` (never sent anywhere), their SHA-256 for the `Imports`
 * log, and the snapshot the file adapter's reader makes of them, with the
 * command line's limits. This module is the pane's "reader" chunk, loaded
 * on demand: the reader, the zip code and the hash are not part of the
 * pane's first load. Whether a workbook is a standard one of the right year
 * is for the plans to say (`planImport`, `planPriorYear`), with the file named.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { Snapshot } from '../core/snapshot';
import { MAX_WORKBOOK_BYTES, WorkbookFileError, readWorkbook, type ReadOptions } from '../xlsx/read';
import type { PickedFailure, PickedWorkbook } from './picked';

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
export async function readPicked(files: readonly PickedFile[], options: ReadOptions = {}): Promise<PickedResult[]> {
  const out: PickedResult[] = [];
  for (const file of files) out.push(await readOne(file, options));
  return out;
}

async function readOne(file: PickedFile, options: ReadOptions): Promise<PickedResult> {
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
    // A path's reasons (not found, a folder) do not arise for bytes already read: said as unreadable.
    const reason = e.reason === 'not_found' || e.reason === 'is_folder' ? 'unreadable' : e.reason;
    return fail(reason, reason === 'too_large' ? { size: file.size, limit: maxBytes } : e.params);
  }
  return {
    ok: true,
    workbook: { name: file.name, size: file.size, sha256: bytesToHex(sha256(bytes)), snapshot },
  };
}
