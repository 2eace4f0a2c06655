import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translator } from '../../src/i18n';
import { runConsolidation } from '../../src/core/pipeline';
import { HEADER_STYLE } from '../../src/core/layout/builder';
import type { SheetPlan } from '../../src/core/plan';
import { readWorkbook } from '../../src/xlsx/read';
import { has } from '../../scripts/test-programs';
import { runCli as run } from '../helpers/cli';
import { calibriMetrics } from '../helpers/carlito';
import { convertWithLibreOffice, onlySheet } from '../helpers/libreoffice';

/**
 * LibreOffice prints the Issues and Summary sheets of a Kazakh consolidation
 * without breaking a header word in the middle ("Маңыздылығ|ы",
 * "Түсіндіріл|ген"): every word of every header comes out of the PDF whole,
 * with the machine's fonts and with Calibri's metrics (Carlito), with which
 * the columns, sized in Calibri's digits, are narrower.
 */
// pdftotext comes with pdftoppm, in Debian's poppler-utils.
const maybe = has('soffice') && has('pdftoppm') ? it : it.skip;
const carlito = calibriMetrics('the Kazakh sheets’ headers');

/** The words of the sheet's table headers (a word broken at its hyphen is broken where it may be). */
function headerWords(sheet: SheetPlan): Set<string> {
  const headerRows = new Set(
    sheet.styles.filter((s) => s.style.fill === HEADER_STYLE.fill && s.style.wrap).map((s) => s.area.top),
  );
  const words = new Set<string>();
  for (const b of sheet.blocks)
    b.values.forEach((row, i) => {
      if (!headerRows.has(b.top + i)) return;
      for (const v of row) if (typeof v === 'string') for (const w of v.split(/[\s-]+/)) if (w.length > 3) words.add(w);
    });
  return words;
}

describe('LibreOffice prints the Kazakh generated sheets', () => {
  maybe(
    'with no header word broken, in the machine’s fonts and in Calibri’s metrics',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kitaphana-lo-kk-'));
      expect((await run('sample', dir, '--lang', 'kk')).code).toBe(0);
      const input = join(dir, 'karaganda-2025-mistakes.xlsx');
      const file = join(dir, 'svod.xlsx');
      expect((await run('consolidate', input, '-o', file, '--lang', 'kk')).code).toBe(1);

      const t = translator('kk');
      const plan = runConsolidation(await readWorkbook(readFileSync(input)), {
        userLanguage: 'kk',
        madeAt: 0,
        version: 'test',
      }).plan;
      const keys = ['Issues', 'Summary'];
      const files = await Promise.all(
        keys.map(async (key) => {
          const only = join(dir, `${key}.xlsx`);
          writeFileSync(only, await onlySheet(file, t.t(`sheet.${key}`)));
          return only;
        }),
      );
      const fontSets: [string, string | undefined][] = [
        ['machine', undefined],
        ...(carlito ? [['Carlito', carlito] as [string, string]] : []),
      ];
      for (const [fonts, config] of fontSets) {
        const out = join(dir, fonts);
        mkdirSync(out);
        convertWithLibreOffice(files, 'pdf', out, { fonts: config, timeout: 300_000 });
        for (const key of keys) {
          const sheet = plan.sheets.find((s) => s.name === t.t(`sheet.${key}`))!;
          const text = execFileSync('pdftotext', [join(out, `${key}.pdf`), '-'], { encoding: 'utf8' });
          const printed = new Set(text.split(/[\s-]+/));
          const words = [...headerWords(sheet)];
          expect(words.length).toBeGreaterThan(5);
          expect({ fonts, sheet: key, broken: words.filter((w) => !printed.has(w)) }).toEqual({
            fonts,
            sheet: key,
            broken: [],
          });
        }
      }
    },
    400_000,
  );
});
