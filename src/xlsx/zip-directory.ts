/**
 * A zip package's central directory, read once and shared by the reader
 * (which inflates parts one by one, within limits) and the writer (which
 * copies the entries it does not change as their raw compressed bytes).
 */
import { WorkbookFileError } from './errors';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  /** General purpose flags: bit 0 encrypted, bit 3 sizes in a data descriptor, bit 11 UTF-8 name. */
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  /** The uncompressed size the directory declares; never trusted beyond a check. */
  readonly size: number;
  readonly localOffset: number;
  /** Where the entry's central directory record lies in the package, for copying it. */
  readonly centralStart: number;
  readonly centralEnd: number;
  /** Sizes or offset kept in a ZIP64 extra field. */
  readonly zip64: boolean;
}

/** Where an entry's local record lies: header, compressed data, and the data descriptor if any. */
export interface LocalSpan {
  readonly start: number;
  readonly dataStart: number;
  readonly dataEnd: number;
  /** After the data descriptor, when the entry has one. */
  readonly end: number;
}

/** Record signatures. */
export const SIGNATURE = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 } as const;
const { local: LOCAL, central: CENTRAL, end: EOCD } = SIGNATURE;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const DESCRIPTOR = 0x08074b50;
const ZIP64_EXTRA = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const MAX32 = 0xffffffff;

export function damaged(detail: string): WorkbookFileError {
  return new WorkbookFileError('damaged_zip', `the zip package is damaged: ${detail}`);
}

function viewOf(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/** The entries in the directory's order, duplicates included (callers keep the first). */
export function readDirectory(data: Uint8Array): ZipEntry[] {
  const view = viewOf(data);
  const eocd = findEndOfDirectory(view);
  let count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === MAX32) {
    const zip64 = endOfDirectory64(view, eocd);
    if (zip64) ({ count, at } = zip64);
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== CENTRAL) throw damaged('a directory entry is missing');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const end = at + 46 + nameLength + extraLength + view.getUint16(at + 32, true);
    if (end > data.length) throw damaged('a directory entry is missing');
    let size = view.getUint32(at + 24, true);
    let compressedSize = view.getUint32(at + 20, true);
    let localOffset = view.getUint32(at + 42, true);
    const zip64 = size === MAX32 || compressedSize === MAX32 || localOffset === MAX32;
    if (zip64) {
      // The ZIP64 extra field holds, in this order, only the values the record marks with 0xFFFFFFFF.
      const extra = findExtra(view, at + 46 + nameLength, extraLength, ZIP64_EXTRA);
      if (!extra) throw damaged('a ZIP64 entry has no ZIP64 field');
      let p = extra.start;
      const next = (): number => {
        if (p + 8 > extra.end) throw damaged('a ZIP64 field is cut short');
        const value = Number(view.getBigUint64(p, true));
        p += 8;
        return value;
      };
      if (size === MAX32) size = next();
      if (compressedSize === MAX32) compressedSize = next();
      if (localOffset === MAX32) localOffset = next();
    }
    entries.push({
      name: Buffer.from(data.buffer, data.byteOffset + at + 46, nameLength).toString('utf8'),
      method: view.getUint16(at + 10, true),
      flags: view.getUint16(at + 8, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size,
      localOffset,
      centralStart: at,
      centralEnd: end,
      zip64,
    });
    at = end;
  }
  return entries;
}

/** The entry's local header, data and data descriptor, checked against the package's length. */
export function localSpan(data: Uint8Array, entry: ZipEntry): LocalSpan {
  const view = viewOf(data);
  const start = entry.localOffset;
  if (start + 30 > data.length || view.getUint32(start, true) !== LOCAL) throw damaged(`${entry.name} is missing`);
  const extraStart = start + 30 + view.getUint16(start + 26, true);
  const extraLength = view.getUint16(start + 28, true);
  const dataStart = extraStart + extraLength;
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > data.length) throw damaged(`${entry.name} is cut short`);
  let end = dataEnd;
  if (entry.flags & FLAG_DESCRIPTOR) {
    // CRC and sizes, after a signature most writers put there and some leave out. The sizes have 8 bytes
    // when the local header has a ZIP64 field: streaming writers give every entry one (its size is not
    // known yet), while the directory, written at the end, needs none for a small entry.
    const signed = dataEnd + 4 <= data.length && view.getUint32(dataEnd, true) === DESCRIPTOR;
    const wide = entry.zip64 || findExtra(view, extraStart, extraLength, ZIP64_EXTRA) !== null;
    end = dataEnd + (signed ? 4 : 0) + (wide ? 20 : 12);
    if (end > data.length) throw damaged(`${entry.name} is cut short`);
  }
  return { start, dataStart, dataEnd, end };
}

function findExtra(view: DataView, start: number, length: number, id: number): { start: number; end: number } | null {
  for (let p = start; p + 4 <= start + length;) {
    const size = view.getUint16(p + 2, true);
    if (view.getUint16(p, true) === id) return { start: p + 4, end: Math.min(p + 4 + size, start + length) };
    p += 4 + size;
  }
  return null;
}

function endOfDirectory64(view: DataView, eocd: number): { count: number; at: number } | null {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== EOCD64_LOCATOR) return null;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== EOCD64) {
    throw damaged('the ZIP64 directory record is missing');
  }
  return { count: Number(view.getBigUint64(record + 32, true)), at: Number(view.getBigUint64(record + 48, true)) };
}

function findEndOfDirectory(view: DataView): number {
  // The record is 22 bytes, followed by a comment of at most 65,535.
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  // A zip cut short loses its directory first: it is damaged, not something else.
  throw damaged('it has no central directory (the file is cut short)');
}
