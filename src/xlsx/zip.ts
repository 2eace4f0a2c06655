/**
 * The parts of a zip package, found through its central directory and
 * inflated one at a time, in slices, only when asked for. Every byte
 * inflated is counted against one limit for the whole package, and a part
 * that inflates past its declared size is stopped there: a small file that
 * unpacks to gigabytes (a zip bomb) is refused before it can fill memory.
 */
import { Inflate } from 'fflate';
import { nodeInflateRaw } from './zlib';
import { WorkbookFileError } from './errors';
import { damaged, localSpan, readDirectory, type ZipEntry } from './zip-directory';

export type { ZipEntry } from './zip-directory';

const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes inflated per step: deflate expands at most ~1032:1, so one step yields at most ~8 MB. */
const SLICE = 8 * 1024;
/**
 * Parts up to this size are inflated whole by Node's zlib: in a short-lived
 * process fflate's JavaScript inflater spends far longer being compiled than
 * inflating (a profile of a consolidation showed fflate at a quarter of the
 * time, zlib inflates the same parts some 30 times faster cold). Larger parts
 * are streamed in slices, so that memory stays bounded.
 */
const WHOLE = 16 * 1024 * 1024;

function tooLarge(limit: number): WorkbookFileError {
  const mb = Math.round(limit / (1024 * 1024));
  return new WorkbookFileError('too_unpacked', `its parts unpack to more than ${mb} MB`, { limit: mb });
}

/** The entries of a zip, inflated within limits; packages are opened as a ZipPackage (zip-package.ts). */
export class ZipReader {
  private readonly entries = new Map<string, ZipEntry>();
  private unpacked = 0;

  constructor(
    /** The package's bytes, for the writer to copy entries from. */
    readonly data: Uint8Array,
    /** Bytes all parts together may unpack to. */
    private readonly limit: number,
  ) {
    let declared = 0;
    for (const entry of readDirectory(data)) {
      if (!this.entries.has(entry.name)) this.entries.set(entry.name, entry);
      declared += entry.size;
    }
    // Checked before anything is inflated: an honest directory tells a bomb at once.
    if (declared > limit) throw tooLarge(limit);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entries in the directory's order, each name once. */
  list(): ZipEntry[] {
    return [...this.entries.values()];
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
    } else if (entry.size <= WHOLE && nodeInflateRaw) {
      let whole: Uint8Array;
      try {
        // One byte more than declared tells a part that unpacks to more, without unpacking the rest.
        whole = nodeInflateRaw(compressed, { maxOutputLength: entry.size + 1 });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw damaged(`${name} unpacks to more than the ${entry.size} bytes it declares`);
        throw damaged(`${name} cannot be inflated (${e instanceof Error ? e.message : String(e)})`);
      }
      for (let i = 0; i < whole.length; i += SLICE * 8) take(whole.subarray(i, i + SLICE * 8));
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

  /** A whole part's bytes, or null. */
  bytes(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const out = new Uint8Array(entry.size);
    let at = 0;
    // stream() stops at the declared size, so the slices always fit.
    this.stream(name, (chunk) => {
      out.set(chunk, at);
      at += chunk.length;
    });
    return out;
  }

  private compressedBytes(entry: ZipEntry): Uint8Array {
    const span = localSpan(this.data, entry);
    if (entry.method !== STORED && entry.method !== DEFLATED)
      throw damaged(`${entry.name} is compressed with method ${entry.method}`);
    return this.data.subarray(span.dataStart, span.dataEnd);
  }
}
