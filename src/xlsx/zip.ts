import { Inflate } from 'fflate';
import { WorkbookFileError } from './errors';

/**
 * The parts of a zip package, found through its central directory and
 * inflated one at a time, in slices, only when asked for. Every byte
 * inflated is counted against one limit for the whole package, and a part
 * that inflates past its declared size is stopped there: a small file that
 * unpacks to gigabytes (a zip bomb) is refused before it can fill memory.
 */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  /** The uncompressed size the directory declares; never trusted beyond a check. */
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes inflated per step: deflate expands at most ~1032:1, so one step yields at most ~8 MB. */
const SLICE = 8 * 1024;

function damaged(detail: string): WorkbookFileError {
  return new WorkbookFileError('not_workbook', `the zip package is damaged: ${detail}`);
}

function tooLarge(limit: number): WorkbookFileError {
  const mb = Math.round(limit / (1024 * 1024));
  return new WorkbookFileError('too_unpacked', `its parts unpack to more than ${mb} MB`, { limit: mb });
}

export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private unpacked = 0;

  constructor(
    private readonly data: Uint8Array,
    /** Bytes all parts together may unpack to. */
    private readonly limit: number,
  ) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const eocd = findEndOfDirectory(view);
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    let declared = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > data.length || view.getUint32(at, true) !== CENTRAL) throw damaged('a directory entry is missing');
      const nameLength = view.getUint16(at + 28, true);
      const entry: ZipEntry = {
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        localOffset: view.getUint32(at + 42, true),
        name: Buffer.from(data.buffer, data.byteOffset + at + 46, nameLength).toString('utf8'),
      };
      if (!this.entries.has(entry.name)) this.entries.set(entry.name, entry);
      declared += entry.size;
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    // Checked before anything is inflated: an honest directory tells a bomb at once.
    if (declared > limit) throw tooLarge(limit);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Inflates a part slice by slice, handing each slice over; false when there is no such part. */
  stream(name: string, onData: (chunk: Uint8Array) => void): boolean {
    const entry = this.entries.get(name);
    if (!entry) return false;
    const compressed = this.compressedBytes(entry);
    let produced = 0;
    const take = (chunk: Uint8Array) => {
      produced += chunk.length;
      this.unpacked += chunk.length;
      if (produced > entry.size) throw damaged(`${name} unpacks to more than the ${entry.size} bytes it declares`);
      if (this.unpacked > this.limit) throw tooLarge(this.limit);
      if (chunk.length > 0) onData(chunk);
    };
    if (entry.method === STORED) {
      for (let i = 0; i < compressed.length; i += SLICE) take(compressed.subarray(i, i + SLICE));
    } else {
      const inflate = new Inflate((chunk) => take(chunk));
      try {
        for (let i = 0; i < compressed.length; i += SLICE)
          inflate.push(compressed.subarray(i, i + SLICE), i + SLICE >= compressed.length);
        if (compressed.length === 0) inflate.push(new Uint8Array(0), true);
      } catch (e) {
        if (e instanceof WorkbookFileError) throw e;
        throw damaged(`${name} cannot be inflated (${e instanceof Error ? e.message : String(e)})`);
      }
    }
    if (produced !== entry.size)
      throw damaged(`${name} unpacks to ${produced} bytes, not the ${entry.size} it declares`);
    return true;
  }

  /** A whole part as text (for the small parts: workbook, relationships, tables), or null. */
  text(name: string): string | null {
    const decoder = new TextDecoder('utf-8');
    const parts: string[] = [];
    const found = this.stream(name, (chunk) => parts.push(decoder.decode(chunk, { stream: true })));
    return found ? parts.join('') + decoder.decode() : null;
  }

  private compressedBytes(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.data.buffer, this.data.byteOffset, this.data.byteLength);
    const at = entry.localOffset;
    if (at + 30 > this.data.length || view.getUint32(at, true) !== LOCAL) throw damaged(`${entry.name} is missing`);
    if (entry.method !== STORED && entry.method !== DEFLATED)
      throw damaged(`${entry.name} is compressed with method ${entry.method}`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.data.length) throw damaged(`${entry.name} is cut short`);
    return this.data.subarray(start, end);
  }
}

function findEndOfDirectory(view: DataView): number {
  // The record is 22 bytes, followed by a comment of at most 65,535.
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new WorkbookFileError('not_workbook', 'not an .xlsx file (the zip package has no central directory)');
}
