import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { zipped } from '../xlsx/helpers';

/** A copy of the workbook in which only `sheet` is visible and active, so that only it prints. */
export async function onlySheet(file: string, sheet: string): Promise<Buffer> {
  const zip = ZipPackage.open(readFileSync(file));
  let xml = zip.text('xl/workbook.xml')!;
  let index = -1;
  let i = 0;
  xml = xml.replace(/<sheet\s[^>]*\/>/g, (tag) => {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    const plain = tag.replace(/\sstate="[^"]*"/, '');
    if (name === sheet) index = i;
    i++;
    return name === sheet ? plain : plain.replace('<sheet ', '<sheet state="hidden" ');
  });
  if (index < 0) throw new Error(`no sheet ${sheet}`);
  zip.setText('xl/workbook.xml', xml.replace(/activeTab="\d+"/, `activeTab="${index}"`));
  return zipped(zip);
}

/** One CSV per sheet, named <file>-<sheet>.csv, UTF-8, formulas evaluated on load (token 12 = -1). */
export const CSV_PER_SHEET = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/**
 * `soffice --convert-to`, with a profile of its own so that runs do not share (or lock) one. With `fonts`
 * (a fontconfig file, as scripts/carlito-fonts.js makes) this LibreOffice alone sees the fonts it names.
 */
export function convertWithLibreOffice(
  file: string | readonly string[],
  to: string,
  outDir: string,
  { fonts, timeout = 120_000 }: { fonts?: string; timeout?: number } = {},
): void {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  const files = typeof file === 'string' ? [file] : file;
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, ...files],
    { stdio: 'pipe', timeout, env: fonts ? { ...process.env, FONTCONFIG_FILE: fonts } : process.env },
  );
}
