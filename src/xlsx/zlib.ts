/**
 * Node's zlib where there is one. The file adapter also runs in the browser
 * (the playground loads and downloads workbooks), where webpack gives `zlib`
 * an empty module: there the callers fall back to fflate and to a CRC-32 of
 * our own. Node before 20.15 has no `zlib.crc32` either.
 */
import * as zlib from 'node:zlib';

type InflateRaw = (data: Uint8Array, options: { maxOutputLength: number }) => Uint8Array;

export const nodeInflateRaw: InflateRaw | null =
  typeof zlib.inflateRawSync === 'function' ? (zlib.inflateRawSync as InflateRaw) : null;

type DeflateRaw = (data: Uint8Array, options: { level: number; finishFlush?: number }) => Uint8Array;

/** Ends a deflated piece on a byte boundary without ending the stream: pieces so deflated follow one another. */
export const SYNC_FLUSH: number | undefined = (zlib.constants as { Z_SYNC_FLUSH?: number } | undefined)?.Z_SYNC_FLUSH;

/** Native deflate: some ten times faster than fflate's in a short-lived process, which never warms fflate up. */
export const nodeDeflateRaw: DeflateRaw | null =
  typeof zlib.deflateRawSync === 'function' ? (zlib.deflateRawSync as DeflateRaw) : null;

let table: Uint32Array | null = null;

/** CRC-32 (ISO 3309, as zip uses), by zlib when it has one; `previous`: the CRC of the bytes before these. */
export function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as { crc32?: (d: Uint8Array, value?: number) => number }).crc32;
  return typeof native === 'function' ? native(data, previous) : crc32ByTable(data, previous);
}

/** CRC-32 computed here, for engines without zlib's. */
export function crc32ByTable(data: Uint8Array, previous = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) crc = (table[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
