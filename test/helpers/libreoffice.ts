import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

/** A copy of the workbook in which only `sheet` is visible and active, so that only it prints. */
export async function onlySheet(file: string, sheet: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  let xml = await zip.file('xl/workbook.xml')!.async('string');
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
  zip.file('xl/workbook.xml', xml.replace(/activeTab="\d+"/, `activeTab="${index}"`));
  return zip.generateAsync({ type: 'nodebuffer' });
}
