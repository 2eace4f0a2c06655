import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { readWorkbook } from '../../src/xlsx/read';
import { ZipReader } from '../../src/xlsx/zip';
import { localSpan, readDirectory } from '../../src/xlsx/zip-directory';
import { ooxmlProblems, partsOf } from '../helpers/ooxml';
import { consolidateBytes, repoFile } from './consolidate-file';

/**
 * The writer copies every entry it does not change as its raw compressed
 * bytes. The inputs here are compressed differently from how the writer
 * deflates (another deflater and level, stored entries, data descriptors as
 * Excel and LibreOffice write them), so an entry inflated and deflated again
 * would not come out with the same bytes.
 */
const CONTENT_TYPES = '[Content_Types].xml';

interface RawEntry {
  /** Local header, compressed data and data descriptor. */
  readonly local: Buffer;
  readonly data: Buffer;
  /** The directory record without its local header offset. */
  readonly record: Buffer;
}

/** Each entry's bytes up to the next entry (or the directory): independent of how the reader sizes a descriptor. */
function rawEntries(zip: Buffer): Map<string, RawEntry> {
  const out = new Map<string, RawEntry>();
  const entries = readDirectory(zip);
  const starts = [...entries.map((e) => e.localOffset), Math.min(...entries.map((e) => e.centralStart))].sort(
    (a, b) => a - b,
  );
  for (const entry of entries) {
    const span = localSpan(zip, entry);
    const record = Buffer.from(zip.subarray(entry.centralStart, entry.centralEnd));
    record.writeUInt32LE(0, 42);
    out.set(entry.name, {
      local: zip.subarray(span.start, starts[starts.indexOf(span.start) + 1]),
      data: zip.subarray(span.dataStart, span.dataEnd),
      record,
    });
  }
  return out;
}

interface EntrySpec {
  readonly name: string;
  readonly data: Uint8Array;
  readonly store?: boolean;
  /** Sizes and CRC after the data (flag bit 3), with or without the optional signature. */
  readonly descriptor?: 'signed' | 'unsigned';
  /**
   * Sizes in a ZIP64 extra field; `local`: only the local header has one (with zeros) and the data
   * descriptor 8-byte sizes, as streaming writers do, while the directory record needs none.
   */
  readonly zip64?: boolean | 'local';
}

/** A zip as other producers write it: zlib level 1, a 2024 date, Unix attributes. */
function buildZip(specs: readonly EntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const records: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const name = Buffer.from(spec.name, 'utf8');
    const data = spec.store ? Buffer.from(spec.data) : deflateRawSync(spec.data, { level: 1 });
    const crc = crc32(spec.data);
    const flags = spec.descriptor ? 0x0008 : 0;
    const streamed = spec.zip64 === 'local';
    const extra = Buffer.alloc(spec.zip64 ? 20 : 0);
    if (spec.zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(streamed ? 0n : BigInt(spec.data.length), 4);
      extra.writeBigUInt64LE(streamed ? 0n : BigInt(data.length), 12);
    }
    const sizes = (b: Buffer, at: number, hidden: boolean) => {
      b.writeUInt32LE(hidden ? 0 : crc, at);
      b.writeUInt32LE(spec.zip64 ? 0xffffffff : hidden ? 0 : data.length, at + 4);
      b.writeUInt32LE(spec.zip64 ? 0xffffffff : hidden ? 0 : spec.data.length, at + 8);
    };
    const wideSizes = (b: Buffer, at: number) => {
      b.writeUInt32LE(crc, at);
      b.writeBigUInt64LE(BigInt(data.length), at + 4);
      b.writeBigUInt64LE(BigInt(spec.data.length), at + 12);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(spec.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(spec.store ? 0 : 8, 8);
    local.writeUInt32LE((((2024 - 1980) << 9) | (5 << 5) | 17) << 16, 10);
    sizes(local, 14, spec.descriptor !== undefined);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const fields = streamed ? 20 : 12;
    const descriptor = Buffer.alloc(spec.descriptor === 'signed' ? fields + 4 : spec.descriptor ? fields : 0);
    if (spec.descriptor === 'signed') descriptor.writeUInt32LE(0x08074b50, 0);
    if (spec.descriptor && streamed) wideSizes(descriptor, descriptor.length - fields);
    else if (spec.descriptor) sizes(descriptor, descriptor.length - fields, false);

    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(0x031e, 4);
    local.copy(record, 6, 4, 14);
    const recordExtra = streamed ? Buffer.alloc(0) : extra;
    if (streamed) {
      record.writeUInt32LE(crc, 16);
      record.writeUInt32LE(data.length, 20);
      record.writeUInt32LE(spec.data.length, 24);
    } else sizes(record, 16, false);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt16LE(recordExtra.length, 30);
    record.writeUInt32LE(0x81a40000, 38);
    record.writeUInt32LE(offset, 42);
    const entryLocal = Buffer.concat([local, name, extra, data, descriptor]);
    locals.push(entryLocal);
    records.push(Buffer.concat([record, name, recordExtra]));
    offset += entryLocal.length;
  }
  const directory = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The sample, re-zipped the way Excel-like producers write it: data descriptors, some parts stored, one ZIP64 entry. */
function producerStyle(): Buffer {
  const parts = [...partsOf(repoFile('workbooks', 'karaganda-2025.xlsx'))];
  return buildZip(
    parts.map(([name, data], i) => ({
      name,
      data,
      store: name.startsWith('docProps/') || i % 7 === 3,
      descriptor: i % 2 === 0 ? 'signed' : i % 5 === 1 ? 'unsigned' : undefined,
      zip64: name === 'xl/theme/theme1.xml',
    })),
  );
}

/** The sample as a streaming writer zips it: every entry with a ZIP64 local header and a data descriptor. */
function streamed(): Buffer {
  const parts = [...partsOf(repoFile('workbooks', 'karaganda-2025.xlsx'))];
  return buildZip(parts.map(([name, data]) => ({ name, data, descriptor: 'signed', zip64: 'local' })));
}

const unzipAvailable = spawnSync('unzip', ['-v']).status === 0;

function unzipTest(zip: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'raw-copy-'));
  try {
    const file = join(dir, 'out.xlsx');
    writeFileSync(file, zip);
    const run = spawnSync('unzip', ['-t', '-qq', file], { encoding: 'utf8' });
    return run.status === 0 ? '' : `${run.stdout}${run.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cases: [string, () => Buffer][] = [
  ['a package with data descriptors, stored entries and a ZIP64 entry', producerStyle],
  ['a LibreOffice-saved workbook', () => repoFile('test', 'fixtures', 'libreoffice-resave.xlsx')],
  ['a package from a streaming writer (ZIP64 local headers, data descriptors)', streamed],
];

describe.each(cases)('consolidating %s', (_, input) => {
  let before: Buffer;
  let after: Buffer;
  beforeAll(async () => {
    before = input();
    after = await consolidateBytes(before);
  });

  it('copies every entry it does not change as its raw bytes', () => {
    const inParts = partsOf(before);
    const outParts = partsOf(after);
    const inRaw = rawEntries(before);
    const outRaw = rawEntries(after);
    const untouched = [...inParts].filter(([name, data]) => {
      const out = outParts.get(name);
      return out !== undefined && Buffer.compare(Buffer.from(out), Buffer.from(data)) === 0;
    });
    // Most of the package is untouched; the ZIP64 entry is deflated anew (its records are not copied).
    expect(untouched.length).toBeGreaterThan(inParts.size / 2);
    for (const [name] of untouched) {
      if (name === 'xl/theme/theme1.xml' && inRaw.get(name)?.record.readUInt32LE(20) === 0xffffffff) continue;
      const a = inRaw.get(name);
      const b = outRaw.get(name);
      expect({ name, data: b?.data.equals(a?.data ?? Buffer.alloc(0)) }).toEqual({ name, data: true });
      expect({ name, local: b?.local.equals(a?.local ?? Buffer.alloc(0)) }).toEqual({ name, local: true });
      expect({ name, record: b?.record.equals(a?.record ?? Buffer.alloc(0)) }).toEqual({ name, record: true });
    }
  });

  it('keeps the entries in order, new ones last and the content types first', () => {
    const inNames = readDirectory(before).map((e) => e.name);
    const outNames = readDirectory(after).map((e) => e.name);
    const inParts = partsOf(before);
    const outParts = partsOf(after);
    const same = (n: string) => Buffer.from(inParts.get(n) ?? []).equals(Buffer.from(outParts.get(n) ?? [0]));
    expect(outNames[0]).toBe(CONTENT_TYPES);
    const untouched = outNames.filter((n) => n !== CONTENT_TYPES && same(n));
    expect(untouched).toEqual(inNames.filter((n) => n !== CONTENT_TYPES && untouched.includes(n)));
    const added = outNames.filter((n) => !inNames.includes(n));
    expect(added.length).toBeGreaterThan(0);
    const lastUntouched = Math.max(...untouched.map((n) => outNames.indexOf(n)));
    expect(added.every((n) => outNames.indexOf(n) > lastUntouched)).toBe(true);
  });

  it('writes a valid package that reads back', async () => {
    expect(ooxmlProblems(after)).toEqual([]);
    const snapshot = await readWorkbook(after);
    expect(snapshot.tables.length).toBeGreaterThan(0);
  });

  (unzipAvailable ? it : it.skip)('passes `unzip -t` (skipped when unzip is not installed)', () => {
    expect(unzipTest(after)).toBe('');
  });
});

describe('the producer-style package itself', () => {
  it('is read by the reader and by unzip, ZIP64 entry included', async () => {
    const zip = producerStyle();
    const theme = readDirectory(zip).find((e) => e.name === 'xl/theme/theme1.xml');
    expect(theme?.zip64).toBe(true);
    expect((await readWorkbook(zip)).tables.length).toBeGreaterThan(0);
    if (unzipAvailable) expect(unzipTest(zip)).toBe('');
  });
});

describe('inflating a part too large to inflate whole', () => {
  // Above 16 MB a part is inflated in slices (and by fflate, not zlib): both limits hold there too.
  const big = Buffer.alloc(17 * 1024 * 1024, 'x');

  it('reads it', () => {
    const zip = new ZipReader(buildZip([{ name: 'big.xml', data: big }]), 64 * 1024 * 1024);
    let length = 0;
    expect(zip.stream('big.xml', (chunk) => (length += chunk.length))).toBe(true);
    expect(length).toBe(big.length);
  });

  it('stops it as soon as it unpacks to more than its directory declares', () => {
    const zip = buildZip([{ name: 'big.xml', data: big }]);
    // The directory record's uncompressed size, one byte short of the truth.
    zip.writeUInt32LE(big.length - 1, zip.length - 22 - (46 + 'big.xml'.length) + 24);
    expect(() => new ZipReader(zip, 64 * 1024 * 1024).stream('big.xml', () => undefined)).toThrow(
      /more than the 17825791 bytes it declares/,
    );
  });
});
