import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../../src/xlsx/read';
import { readWithExcelJS } from './exceljs-reader';

const root = join(__dirname, '..', '..');
const files = [
  ...readdirSync(join(root, 'workbooks')).map((f) => join(root, 'workbooks', f)),
  ...readdirSync(join(root, 'test', 'fixtures')).map((f) => join(root, 'test', 'fixtures', f)),
].filter((f) => f.endsWith('.xlsx'));

describe('the streaming reader', () => {
  it.each(files)('gives the same Snapshot as the ExcelJS reader for %s', async (file) => {
    const data = readFileSync(file);
    expect(await readWorkbook(data)).toEqual(await readWithExcelJS(data));
  });
});
