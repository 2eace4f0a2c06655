import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { readWorkbook } from '../../src/xlsx/read';
import { WorkbookFileError } from '../../src/xlsx/errors';
import { NS, handMadeParts, handMadeWorkbook } from './hostile';

/** Workbooks that unpack to far more than they weigh, built here: none is committed. */
const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-limits-'));
const MB = 1024 * 1024;

/** A small table and, around it, a sheet whose XML inflates to `mb` megabytes of cells outside the table. */
function bomb(mb: number): Buffer {
  const parts = handMadeParts({ sheetXml: '', tableRef: 'A1:A2' });
  const out: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    out.push(data);
  });
  for (const [name, text] of Object.entries(parts)) {
    if (name === 'xl/worksheets/sheet1.xml') continue;
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(strToU8(text), true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(
    strToU8(`<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>`),
  );
  const block = strToU8('<row r="3"><c r="Z3"><v>1</v></c></row>'.repeat(MB / 32));
  for (let n = 0; n < mb; n++) sheet.push(block);
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  return Buffer.concat(out);
}

async function failure(p: Promise<unknown>): Promise<WorkbookFileError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkbookFileError) return e;
    throw e;
  }
  throw new Error('the workbook was read');
}

/** Sets the uncompressed size the central directory declares for one part. */
function declare(zip: Buffer, part: string, size: number): Buffer {
  const copy = Buffer.from(zip);
  const central = copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), copy.lastIndexOf(Buffer.from(part)));
  expect(central).toBeGreaterThanOrEqual(0);
  copy.writeUInt32LE(size, central + 24);
  return copy;
}

describe('limits on what a workbook unpacks to', () => {
  const small = bomb(40);

  it('reads such a file within the limit, keeping only the table', async () => {
    expect(small.length).toBeLessThan(MB);
    const snap = await readWorkbook(small);
    expect(snap.tables[0]).toMatchObject({ header: ['a'], rows: [[null]] });
  });

  it('refuses it past the limit, saying what the limit is', async () => {
    const e = await failure(readWorkbook(small, { maxUnpackedBytes: 20 * MB }));
    expect(e.reason).toBe('too_unpacked');
    expect(e.params).toEqual({ limit: 20 });
  });

  it('refuses a part that unpacks to more than its directory declares, as soon as it does', async () => {
    const lying = declare(small, 'xl/worksheets/sheet1.xml', 1000);
    const e = await failure(readWorkbook(lying));
    expect(e.reason).toBe('damaged_zip');
    expect(e.detail).toMatch(/more than the 1000 bytes it declares/);
  });

  it('refuses a directory that declares more than the limit before inflating anything', async () => {
    const huge = declare(small, 'xl/worksheets/sheet1.xml', 4_000_000_000);
    // Nothing is inflated: a 4 GB part would take minutes and the test's time-out is 10 s.
    expect((await failure(readWorkbook(huge))).reason).toBe('too_unpacked');
  }, 10_000);

  it('refuses a table larger than the cell limit before reading its sheet', async () => {
    const data = await handMadeWorkbook({
      sheetXml: `<worksheet xmlns="${NS}"><sheetData/></worksheet>`,
      tableRef: 'A1:L1000001',
    });
    const e = await failure(readWorkbook(data));
    expect(e.reason).toBe('too_many_cells');
    expect(e.params).toMatchObject({ table: 'Data', cells: 12_000_012, limit: 8_000_000 });
  });

  it('exits 2 with one line from the command line, never running out of memory', () => {
    const file = join(dir, 'bomb.xlsx');
    writeFileSync(file, small);
    const cli = join(root, 'bin', 'kitaphana.js');
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=48', cli, 'validate', file, '--max-unpacked-mb', '20', '--lang', 'en'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file} is too large: its contents unpack to more than 20 MB. Check that it is the right file, or raise the limit with --max-unpacked-mb.`,
    ]);
    // Within the limit, the same file is streamed through a small heap.
    const ok = spawnSync(process.execPath, ['--max-old-space-size=48', cli, 'validate', file, '--json'], {
      encoding: 'utf8',
    });
    expect(ok.status).not.toBe(134);
    expect(ok.stderr).not.toMatch(/heap|FATAL/i);
  });
});

describe('a crafted table part', () => {
  it('with 60,000 unclosed sortState tags is read in linear time', async () => {
    const tableXml = `<table xmlns="${NS}" id="1" name="Data" displayName="Data" ref="A1:A2"><autoFilter ref="A1:A2">${'<sortState ref="A1:A2">'.repeat(60_000)}</autoFilter><tableColumns count="1"><tableColumn id="1" name="a"/></tableColumns></table>`;
    const data = await handMadeWorkbook({
      sheetXml: `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>`,
      tableRef: 'A1:A2',
      tableXml,
    });
    // The regular expression this replaced took minutes here; the time-out only guards against that.
    expect((await readWorkbook(data)).tables[0]!.header).toEqual(['a']);
  }, 10_000);

  it('is consolidated from the command line with findings, naming no other file and never "not a workbook"', async () => {
    const tableXml = `<table xmlns="${NS}" id="1" name="Data" displayName="Data" ref="A1:A2"><autoFilter ref="A1:A2">${'<sortState ref="A1:A2">'.repeat(60_000)}</autoFilter><tableColumns count="1"><tableColumn id="1" name="a"/></tableColumns></table>`;
    const file = join(dir, 'sortstate.xlsx');
    writeFileSync(
      file,
      await handMadeWorkbook({
        sheetXml: `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>`,
        tableRef: 'A1:A2',
        tableXml,
      }),
    );
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin', 'kitaphana.js'), 'consolidate', file, '-o', join(dir, 'sortstate-out.xlsx'), '--lang', 'en'],
      { encoding: 'utf8' },
    );
    // Not a standard workbook (its tables are missing), so: errors found and the copy written, exit 1.
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 1, stderr: '' });
  }, 20_000);
});
