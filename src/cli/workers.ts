/**
 * Reading and checking several workbooks at once, one worker thread per CPU
 * (at most one per file): unzipping, parsing and checking are all CPU work,
 * so two cores read two oblasts' files in about the time of one. The limits
 * and the messages are those of one file: a file that cannot be read stops
 * the command with that file's message (the first such file, in the order
 * given), and nothing else is said about the others.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { validate, type Validation } from '../core/validate';
import type { TableSnapshot } from '../core/snapshot';
import { WorkbookFileError, type WorkbookFileReason } from '../xlsx/errors';
import { readWorkbook, readWorkbookBytes } from '../xlsx/read';
import { InputError } from './errors';
import { unpackedLimit } from './files';

export interface CheckRequest {
  readonly index: number;
  readonly file: string;
  readonly maxUnpackedBytes: number;
}

/** A workbook read and checked, with the SHA-256 of its bytes (two files of the same content are one workbook). */
export interface CheckedFile {
  readonly validation: Validation;
  readonly sha256: string;
}

export type CheckResult =
  | ({ readonly index: number; readonly ok: true } & CheckedFile)
  | {
      readonly index: number;
      readonly ok: false;
      readonly fileError?: {
        readonly reason: WorkbookFileReason;
        readonly detail: string;
        readonly params: Record<string, string | number>;
      };
      readonly unexpected?: string;
    };

/**
 * A validation without the raw cells its tables were read from: consolidation
 * needs the parsed rows and where each table is, never the cells again.
 * Dropping them halves what a worker posts back (and copying it costs a
 * third of the time checking does) and frees them the sooner.
 */
export function withoutCells(v: Validation): Validation {
  const wb = v.workbook;
  const slim = <T extends { readonly table: TableSnapshot | null }>(x: T): T =>
    x.table ? { ...x, table: { ...x.table, rows: [] } } : x;
  const registers = Object.fromEntries(Object.entries(wb.registers).map(([k, r]) => [k, slim(r)]));
  const reports = new Map([...wb.reports].map(([k, r]) => [k, slim(r)]));
  return { ...v, workbook: { ...wb, registers: registers as typeof wb.registers, reports } };
}

/** Reads a file once: its bytes are hashed, then read as a workbook and checked. */
export async function checkFile(file: string, maxUnpackedBytes: number): Promise<CheckedFile> {
  const bytes = await readWorkbookBytes(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { validation: withoutCells(validate(await readWorkbook(bytes, { maxUnpackedBytes }))), sha256 };
}

/** The compiled worker beside this module; absent when running from the TypeScript sources (the tests). */
const WORKER_SCRIPT = join(__dirname, 'workers-thread.js');

export interface ReadOptions {
  readonly maxUnpackedMb?: string;
  /** Threads to use at most; by default one per CPU. 1 reads in this thread. */
  readonly threads?: number;
  /** Called as each file is done, for a progress bar. */
  readonly onChecked?: (file: string) => void;
}

export async function readAndCheck(files: readonly string[], options: ReadOptions = {}): Promise<CheckedFile[]> {
  const maxUnpackedBytes = unpackedLimit(options.maxUnpackedMb);
  const threads = Math.min(files.length, options.threads ?? availableParallelism());
  const results =
    threads > 1 && existsSync(WORKER_SCRIPT)
      ? await inWorkers(files, maxUnpackedBytes, threads, options.onChecked)
      : await inThisThread(files, maxUnpackedBytes, options.onChecked);
  return results.map((r, i) => {
    const file = files[i] as string;
    if (r.ok) return { validation: r.validation, sha256: r.sha256 };
    if (r.fileError) {
      const { reason, detail, params } = r.fileError;
      throw new InputError(file, new WorkbookFileError(reason, detail, params));
    }
    throw new Error(r.unexpected ?? 'the worker stopped');
  });
}

async function inThisThread(
  files: readonly string[],
  maxUnpackedBytes: number,
  onChecked?: (file: string) => void,
): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for (const [index, file] of files.entries()) {
    try {
      out.push({ index, ok: true, ...(await checkFile(file, maxUnpackedBytes)) });
    } catch (e) {
      if (!(e instanceof WorkbookFileError)) throw e;
      // As with one file, the first unreadable file stops the command.
      out.push({ index, ok: false, fileError: { reason: e.reason, detail: e.detail, params: { ...e.params } } });
      return [...out, ...files.slice(index + 1).map((): CheckResult => ({ index, ok: false }))];
    }
    onChecked?.(file);
  }
  return out;
}

/** A pool of `threads` workers taking the files in turn; every worker is ended however the run ends. */
function inWorkers(
  files: readonly string[],
  maxUnpackedBytes: number,
  threads: number,
  onChecked?: (file: string) => void,
): Promise<CheckResult[]> {
  const results: CheckResult[] = new Array<CheckResult>(files.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  return new Promise<CheckResult[]>((resolve, reject) => {
    const finish = (error?: Error) => {
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const give = (w: Worker) => {
      if (next >= files.length) return;
      const index = next++;
      const request: CheckRequest = { index, file: files[index] as string, maxUnpackedBytes };
      w.postMessage(request);
    };
    for (let i = 0; i < threads; i++) {
      const w = new Worker(WORKER_SCRIPT);
      workers.push(w);
      w.on('message', (r: CheckResult) => {
        results[r.index] = r;
        if (r.ok) onChecked?.(files[r.index] as string);
        if (++done === files.length) finish();
        else give(w);
      });
      w.on('error', (e) => finish(e));
      give(w);
    }
  });
}
