import { randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { crc32ByTable } from '../../src/xlsx/zlib';

/** The CRC-32 the browser (and Node before 20.15) uses is the one zip and zlib use. */
describe('crc32ByTable', () => {
  it('agrees with the check value of the standard and with zlib', () => {
    expect(crc32ByTable(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32ByTable(new Uint8Array(0))).toBe(0);
    const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
    for (const n of [1, 7, 1000, 65_537]) {
      const data = randomBytes(n);
      if (native) expect(crc32ByTable(data)).toBe(native(data));
    }
  });
});
