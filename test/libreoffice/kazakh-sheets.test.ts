import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translator } from '../../src/i18n';
import { runConsolidation } from '../../src/core/pipeline';
import { HEADER_STYLE } from '../../src/core/layout/builder';
import type { SheetPlan } from '../../src/core/plan';
import { readWorkbook } from '../../src/xlsx/read';
import { has } from '../../scripts/test-programs';
import { runCli as run } from '../helpers/cli';
import { onlySheet } from '../helpers/libreoffice';

/**
 * LibreOffice prints the Issues and Summary sheets of a Kazakh consolidation
 * without breaking a header word in the middle ("Маңыздылығ|ы",
 * "Түсіндіріл|ген"): every word of every header comes out of the PDF whole.
 */
// pdftotext comes with pdftoppm, in Debian's poppler-utils.
const maybe = has('soffice') && has('pdftoppm') ? it : it.skip;

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
    'with no header word broken',
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
      const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
      for (const key of ['Issues', 'Summary']) {
        const name = t.t(`sheet.${key}`);
        const sheet = plan.sheets.find((s) => s.name === name)!;
        const only = join(dir, `${key}.xlsx`);
        writeFileSync(only, await onlySheet(file, name));
        execFileSync(
          'soffice',
          [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, only],
          { stdio: 'pipe', timeout: 180_000 },
        );
        const text = execFileSync('pdftotext', [join(dir, `${key}.pdf`), '-'], { encoding: 'utf8' });
        const printed = new Set(text.split(/[\s-]+/));
        const words = [...headerWords(sheet)];
        expect(words.length).toBeGreaterThan(5);
        expect({ sheet: key, broken: words.filter((w) => !printed.has(w)) }).toEqual({ sheet: key, broken: [] });
      }
    },
    400_000,
  );
});
