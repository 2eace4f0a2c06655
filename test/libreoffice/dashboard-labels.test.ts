import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { has } from '../../scripts/test-programs';
import { runConsolidation } from '../../src/core/pipeline';
import type { SheetPlan } from '../../src/core/plan';
import { readWorkbook } from '../../src/xlsx/read';
import { runCli as run } from '../helpers/cli';
import { onlySheet } from '../helpers/libreoffice';

/**
 * LibreOffice prints the Dashboard's category labels whole, in Russian and
 * in Kazakh: no piece of a label's word («Каркаралински» of «Каркаралинский»,
 * «Темирт» of «Темиртау») comes out of the PDF on its own, as it did on the
 * plan and training charts. Its data labels are the workbook's language's
 * numbers («14 604», «87,5»), though the consolidation was run in English and
 * LibreOffice's own locale writes "14,604". The pages are kept as PNG under
 * test/output/dashboard-labels for a person to look at.
 */
const maybe = has('soffice') && has('pdftoppm') ? it : it.skip;
const root = join(__dirname, '..', '..');
const output = join(root, 'test', 'output', 'dashboard-labels');
const SAMPLES = { ru: 'karaganda-2025.xlsx', kk: 'karaganda-2025-kk.xlsx' } as const;

/** The words of the categories of every chart of the Dashboard (the first column of its data), hyphens splitting (short months included: «қар» is a word, not a piece). */
function labelWords(sheet: SheetPlan): Set<string> {
  const words = new Set<string>();
  const cells = [
    ...sheet.blocks.flatMap((b) => b.values.map((row, i) => ({ top: b.top + i, left: b.left, row }))),
    ...sheet.tables.flatMap((tb) => tb.rows.map((row, i) => ({ top: tb.top + 1 + i, left: tb.left, row }))),
  ];
  for (const chart of sheet.charts ?? [])
    for (const { top, left, row } of cells) {
      const v = row[chart.data.left - left];
      if (top > chart.data.top && top <= chart.data.bottom && typeof v === 'string')
        for (const w of v.split(/[\s,()\-–]+/)) if (w) words.add(w);
    }
  return words;
}

describe('LibreOffice prints the Dashboard’s category labels', () => {
  maybe(
    'with no word broken, in Russian and in Kazakh',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kitaphana-lo-labels-'));
      const words = new Map<string, Set<string>>();
      const labels = new Map<string, string[]>();
      const files: string[] = [];
      for (const [lang, sample] of Object.entries(SAMPLES)) {
        const input = join(root, 'workbooks', sample);
        const file = join(dir, `svod-${lang}.xlsx`);
        expect((await run('consolidate', input, '-o', file, '--lang', 'en')).code).toBe(0);
        const plan = runConsolidation(await readWorkbook(readFileSync(input)), {
          userLanguage: 'ru',
          madeAt: 0,
          version: 'test',
        }).plan;
        const dashboard = plan.sheets.find((s) => (s.charts?.length ?? 0) > 0)!;
        words.set(lang, labelWords(dashboard));
        labels.set(
          lang,
          (dashboard.charts ?? []).flatMap((c) =>
            (c.series ?? []).flatMap((x) => (x.labels ?? []).filter((l): l is string => l !== null)),
          ),
        );
        const only = join(dir, `dashboard-${lang}.xlsx`);
        writeFileSync(only, await onlySheet(file, dashboard.name));
        files.push(only);
      }
      const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
        { stdio: 'pipe', timeout: 400_000 },
      );
      mkdirSync(output, { recursive: true });
      for (const [lang, expected] of words) {
        const pdf = join(dir, `dashboard-${lang}.pdf`);
        execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(output, lang)]);
        const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
        const printed = text.split(/[\s,()\-–]+/);
        // Every data label, as the plan writes it (spaces as the PDF gives them).
        const lines = new Set(text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()));
        const shown = labels.get(lang) ?? [];
        expect(shown.length).toBeGreaterThan(40);
        expect({ lang, missing: shown.filter((l) => !lines.has(l.replace(/\s+/g, ' '))) }).toEqual({
          lang,
          missing: [],
        });
        expect(expected.size).toBeGreaterThan(10);
        // A piece of a word: the start or the end of a label's word that is not itself a word of a label.
        const all = [...expected];
        const pieces = printed.filter(
          (p) =>
            p.length >= 3 &&
            !expected.has(p) &&
            all.some((w) => w.length > p.length && (w.startsWith(p) || w.endsWith(p))),
        );
        expect({ lang, pieces: [...new Set(pieces)] }).toEqual({ lang, pieces: [] });
      }
    },
    900_000,
  );
});
