import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { MAX_WORKBOOK_BYTES, WorkbookFileError, type WorkbookFileReason } from '../../src/xlsx/errors';
import { readWorkbook, readWorkbookFile } from '../../src/xlsx/read';
import { writeWorkbook } from '../../src/xlsx/write';
import { samplePlan } from './sample-plan';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A CFB container's first sector and a directory sector that may name the EncryptionInfo stream. */
function fakeCfb(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  CFB_MAGIC.copy(header);
  const dir = Buffer.alloc(512);
  streams.forEach((name, i) => dir.write(name, i * 128, 'utf16le'));
  return Buffer.concat([header, dir]);
}

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))));
}

async function reasonOf(p: Promise<unknown>): Promise<WorkbookFileReason | string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (e instanceof WorkbookFileError) {
    expect(e.detail.length).toBeGreaterThan(0);
    return e.reason;
  }
  return `not a WorkbookFileError: ${String(e)}`;
}

describe('files that are not readable workbooks', () => {
  it('refuses an empty file', async () => {
    expect(await reasonOf(readWorkbook(Buffer.alloc(0)))).toBe('empty');
  });

  it('refuses a text file', async () => {
    expect(await reasonOf(readWorkbook(Buffer.from('lib_id;name\nKRG;Қарағанды\n', 'utf8')))).toBe('not_workbook');
  });

  it('refuses a zip package without a workbook (a .docx, say)', async () => {
    const docx = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect(await reasonOf(readWorkbook(docx))).toBe('not_workbook');
  });

  it('refuses a damaged zip (one cut short) as damaged, not as something else', async () => {
    const good = await writeWorkbook(samplePlan());
    expect(await reasonOf(readWorkbook(good.subarray(0, good.length >> 1)))).toBe('damaged_zip');
  });

  it('refuses a package whose workbook part cannot be parsed as a damaged one, naming the part', async () => {
    const broken = await zipOf({ 'xl/workbook.xml': '<workbook><sheets><sheet name="A" r:id="rId1"' });
    expect(await reasonOf(readWorkbook(broken))).toBe('damaged_part');
    await expect(readWorkbook(broken)).rejects.toMatchObject({ params: { part: 'xl/workbook.xml' } });
  });

  it('tells a password-protected workbook from an old .xls', async () => {
    expect(await reasonOf(readWorkbook(fakeCfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage'])))).toBe(
      'encrypted',
    );
    expect(await reasonOf(readWorkbook(fakeCfb(['Root Entry', 'Workbook', '\u0005SummaryInformation'])))).toBe(
      'legacy_xls',
    );
  });

  it('refuses a file over the size limit before parsing it', async () => {
    expect(MAX_WORKBOOK_BYTES).toBe(100 * 1024 * 1024);
    const good = await writeWorkbook(samplePlan());
    expect(await reasonOf(readWorkbook(good, { maxBytes: good.length - 1 }))).toBe('too_large');
    await expect(readWorkbook(good, { maxBytes: good.length })).resolves.toBeDefined();
  });

  it('accepts a Uint8Array as well as a Buffer', async () => {
    const good = await writeWorkbook(samplePlan());
    const copy = new Uint8Array(good.length + 8).subarray(4, 4 + good.length);
    copy.set(good);
    expect((await readWorkbook(copy)).tables).toHaveLength(3);
  });
});

describe('readWorkbookFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kitaphana-read-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a workbook file', async () => {
    const path = join(dir, 'ok.xlsx');
    writeFileSync(path, await writeWorkbook(samplePlan()));
    expect((await readWorkbookFile(path)).tables.map((t) => t.name)).toEqual(['Meta', 'Lists', 'Events']);
  });

  it('says which file is missing, empty, a folder or too large', async () => {
    expect(await reasonOf(readWorkbookFile(join(dir, 'nope.xlsx')))).toBe('not_found');
    mkdirSync(join(dir, 'folder.xlsx'));
    expect(await reasonOf(readWorkbookFile(join(dir, 'folder.xlsx')))).toBe('is_folder');
    writeFileSync(join(dir, 'empty.xlsx'), '');
    expect(await reasonOf(readWorkbookFile(join(dir, 'empty.xlsx')))).toBe('empty');
    writeFileSync(join(dir, 'big.xlsx'), Buffer.alloc(2048));
    expect(await reasonOf(readWorkbookFile(join(dir, 'big.xlsx'), { maxBytes: 1024 }))).toBe('too_large');
    writeFileSync(join(dir, 'old.xls'), fakeCfb(['Root Entry', 'Workbook']));
    expect(await reasonOf(readWorkbookFile(join(dir, 'old.xls')))).toBe('legacy_xls');
  });
});
