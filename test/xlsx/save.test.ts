import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkbookWriteError } from '../../src/xlsx/errors';
import { saveWorkbookFile } from '../../src/xlsx/write';

describe('saveWorkbookFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kitaphana-save-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a new file and replaces an old one, leaving no temporary file', async () => {
    const path = join(dir, 'book.xlsx');
    await saveWorkbookFile(path, Buffer.from('first'));
    expect(readFileSync(path, 'utf8')).toBe('first');
    chmodSync(path, 0o640);
    await saveWorkbookFile(path, new Uint8Array(Buffer.from('second')));
    expect(readFileSync(path, 'utf8')).toBe('second');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('leaves the old file untouched and no temporary file when saving fails', async () => {
    const path = join(dir, 'book.xlsx');
    writeFileSync(path, 'old');
    // Renaming a file over a folder fails after the temporary file was written.
    const folder = join(dir, 'folder.xlsx');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    writeFileSync(join(folder, 'x'), 'x');
    const e = await saveWorkbookFile(folder, Buffer.from('new')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookWriteError);
    expect((e as WorkbookWriteError).reason).toBe('save_failed');
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'folder.xlsx']);
    expect(readFileSync(path, 'utf8')).toBe('old');
    // A folder that cannot be made (a file stands where it would go) fails the same way.
    const blocked = await saveWorkbookFile(join(path, 'sub', 'x.xlsx'), Buffer.from('x')).catch((x: unknown) => x);
    expect(blocked).toBeInstanceOf(WorkbookWriteError);
  });
});
