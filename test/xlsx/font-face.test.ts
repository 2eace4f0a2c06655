import { karagandaSample } from '../../src/sample';
import { templatePlan } from '../../src/core/layout/template';
import { writeWorkbook } from '../../src/xlsx/write';
import { partsOf } from '../helpers/ooxml';
import { consolidateBytes } from './consolidate-file';
import { zipSync } from 'fflate';

/**
 * Every font the writer adds to a workbook names its typeface, the
 * workbook's default one: a font naming none («<font><b/></font>», as ExcelJS
 * writes a bold header) is printed by LibreOffice in a serif of its own,
 * wider than Calibri, and the Kazakh Issues headers sized for Calibri came out
 * cut (test/libreoffice/kazakh-sheets prints them).
 */
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const fontsOf = (styles: string): string[] =>
  /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1]?.match(/<font\b[^>]*?(?:\/>|>[\s\S]*?<\/font>)/g) ?? [];
const nameOf = (font: string) => /<name val="([^"]*)"/.exec(font)?.[1] ?? null;

describe('the fonts of a written workbook', () => {
  it('name the default typeface in a new workbook', async () => {
    const file = await writeWorkbook(templatePlan(karagandaSample({ language: 'kk' })));
    const fonts = fontsOf(dec(partsOf(file).get('xl/styles.xml')));
    expect(fonts.length).toBeGreaterThan(3);
    expect(new Set(fonts.map(nameOf))).toEqual(new Set(['Calibri']));
  });

  it('name the workbook’s own default typeface when consolidating into it, and leave its fonts as they were', async () => {
    const sample = await writeWorkbook(templatePlan(karagandaSample({ language: 'ru' })));
    const parts = partsOf(sample);
    // A workbook whose default font is Arial, with a font of its own that names none (as older files have).
    const styles = dec(parts.get('xl/styles.xml')).replace(
      /<fonts\b[^>]*>[\s\S]*?<\/fonts>/,
      '<fonts count="2"><font><sz val="10"/><name val="Arial"/><family val="2"/></font><font><u/></font></fonts>',
    );
    parts.set('xl/styles.xml', new TextEncoder().encode(styles));
    const out = await consolidateBytes(Buffer.from(zipSync(Object.fromEntries(parts))));
    const fonts = fontsOf(dec(partsOf(out).get('xl/styles.xml')));
    expect(fonts.slice(0, 2)).toEqual([
      '<font><sz val="10"/><name val="Arial"/><family val="2"/></font>',
      '<font><u/></font>',
    ]);
    expect(fonts.length).toBeGreaterThan(3);
    expect(new Set(fonts.slice(2).map(nameOf))).toEqual(new Set(['Arial']));
  });
});
