/**
 * Writes a zip package entry by entry: entries copied from another package
 * keep their local header, compressed data and data descriptor byte for
 * byte, and their directory record (with its dates, flags, attributes and
 * extra fields) with only the offset changed; new parts are deflated and
 * get the headers fflate's zipSync writes, deflated by zlib where there is
 * one (fflate in the browser).
 */
import { deflateSync, inflateSync } from 'fflate';
import { SYNC_FLUSH, crc32, nodeDeflateRaw, nodeInflateRaw } from './zlib';
import { SIGNATURE, type LocalSpan, type ZipEntry } from './zip-directory';

const { local: LOCAL, central: CENTRAL, end: EOCD } = SIGNATURE;
const VERSION = 20;
const DEFLATED = 8;
const FLAG_UTF8 = 0x0800;
/** 2000-01-01 00:00 in MS-DOS form (date in the high half): the same plan writes the same bytes. */
const DOS_DATE_2000 = ((2000 - 1980) << 25) | (1 << 21) | (1 << 16);
const encoder = new TextEncoder();

/** A part's bytes deflated as a new entry holds them, with what its headers say of the bytes. */
export interface DeflatedPart {
  readonly deflated: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

export function deflatePart(data: Uint8Array): DeflatedPart {
  const out = nodeDeflateRaw ? nodeDeflateRaw(data, { level: 6 }) : deflateSync(data, { level: 6 });
  // zlib's result may be a view of a larger buffer (16 KB at least): copied, a part held deflated holds no more.
  const deflated = out.byteLength < out.buffer.byteLength ? new Uint8Array(out) : out;
  return { deflated, crc: crc32(data), size: data.length };
}

/** Bytes gathered before a piece of a long part is deflated: large enough that the pieces compress as well. */
const PIECE = 1 << 20;

/**
 * A part given as a run of byte chunks, deflated as they come, never held
 * whole: a register sheet an import grew by 200,000 rows is some 150 MB.
 * Each megabyte is deflated on its own and ends on a byte boundary (a sync
 * flush), so the pieces together are one deflate stream; an empty final
 * block ends it.
 */
export function deflateChunks(chunks: Iterable<Uint8Array>): DeflatedPart {
  const deflate = nodeDeflateRaw;
  if (!deflate || SYNC_FLUSH === undefined) return deflatePart(concat([...chunks]));
  const out: Uint8Array[] = [];
  const staged = new Uint8Array(PIECE);
  let used = 0;
  let crc = 0;
  let size = 0;
  const flush = () => {
    if (used === 0) return;
    const piece = staged.subarray(0, used);
    crc = crc32(piece, crc);
    size += used;
    out.push(new Uint8Array(deflate(piece, { level: 6, finishFlush: SYNC_FLUSH })));
    used = 0;
  };
  for (const chunk of chunks) {
    for (let at = 0; at < chunk.length;) {
      const n = Math.min(PIECE - used, chunk.length - at);
      staged.set(chunk.subarray(at, at + n), used);
      used += n;
      at += n;
      if (used === PIECE) flush();
    }
  }
  flush();
  out.push(deflate(new Uint8Array(0), { level: 6 }));
  return { deflated: concat(out), crc, size };
}

/** The bytes of a part deflated here (ours, so not limited as a file's are). */
export function inflatePart(part: DeflatedPart): Uint8Array {
  return nodeInflateRaw
    ? nodeInflateRaw(part.deflated, { maxOutputLength: part.size })
    : inflateSync(part.deflated, { out: new Uint8Array(part.size) });
}

export class ZipWriter {
  private readonly local: Uint8Array[] = [];
  private readonly central: Uint8Array[] = [];
  private offset = 0;

  /** An entry of `source` copied as its raw bytes. */
  copy(source: Uint8Array, entry: ZipEntry, span: LocalSpan): void {
    const record = new Uint8Array(source.subarray(entry.centralStart, entry.centralEnd));
    new DataView(record.buffer, record.byteOffset, record.byteLength).setUint32(42, this.offset, true);
    this.central.push(record);
    this.push(source.subarray(span.start, span.end));
  }

  /** A part deflated anew. */
  add(name: string, data: Uint8Array): void {
    this.addDeflated(name, deflatePart(data));
  }

  /** A part deflated already (`deflatePart`). */
  addDeflated(name: string, part: DeflatedPart): void {
    const nameBytes = encoder.encode(name);
    const compressed = part.deflated;
    const fields = {
      flags: nameBytes.length !== name.length ? FLAG_UTF8 : 0,
      crc: part.crc,
      compressedSize: compressed.length,
      size: part.size,
    };
    const header = new Uint8Array(30 + nameBytes.length);
    const h = new DataView(header.buffer);
    h.setUint32(0, LOCAL, true);
    h.setUint16(4, VERSION, true);
    writeCommon(h, 6, fields, nameBytes.length);
    header.set(nameBytes, 30);

    const record = new Uint8Array(46 + nameBytes.length);
    const r = new DataView(record.buffer);
    r.setUint32(0, CENTRAL, true);
    r.setUint16(4, VERSION, true);
    r.setUint16(6, VERSION, true);
    writeCommon(r, 8, fields, nameBytes.length);
    // Comment length, disk, internal and external attributes stay 0.
    r.setUint32(42, this.offset, true);
    record.set(nameBytes, 46);
    this.central.push(record);
    this.push(header);
    this.push(compressed);
  }

  toBytes(): Uint8Array {
    const directorySize = this.central.reduce((n, c) => n + c.length, 0);
    const end = new Uint8Array(22);
    const e = new DataView(end.buffer);
    e.setUint32(0, EOCD, true);
    e.setUint16(8, this.central.length, true);
    e.setUint16(10, this.central.length, true);
    e.setUint32(12, directorySize, true);
    e.setUint32(16, this.offset, true);
    return concat([...this.local, ...this.central, end], this.offset + directorySize + end.length);
  }

  private push(chunk: Uint8Array): void {
    this.local.push(chunk);
    this.offset += chunk.length;
    // Workbooks are refused above 100 MB, far from what needs ZIP64 records.
    if (this.offset > 0xffffffff || this.central.length > 0xffff) throw new Error('the package needs ZIP64');
  }
}

/** Flags to name length: the fields local headers and directory records share. */
function writeCommon(
  view: DataView,
  at: number,
  f: { flags: number; crc: number; compressedSize: number; size: number },
  nameLength: number,
): void {
  view.setUint16(at, f.flags, true);
  view.setUint16(at + 2, DEFLATED, true);
  view.setUint32(at + 4, DOS_DATE_2000, true);
  view.setUint32(at + 8, f.crc, true);
  view.setUint32(at + 12, f.compressedSize, true);
  view.setUint32(at + 16, f.size, true);
  view.setUint16(at + 20, nameLength, true);
}

function concat(chunks: readonly Uint8Array[], length = chunks.reduce((n, c) => n + c.length, 0)): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
