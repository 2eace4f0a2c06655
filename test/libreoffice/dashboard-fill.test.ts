import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { has } from '../../scripts/test-programs';
import { runConsolidation } from '../../src/core/pipeline';
import { readWorkbook } from '../../src/xlsx/read';
import { calibriMetrics } from '../helpers/carlito';
import { runCli as run } from '../helpers/cli';
import { convertWithLibreOffice, onlySheet } from '../helpers/libreoffice';
import { grayPages, inkedRows } from '../helpers/pages';
import { sheetXml } from '../xlsx/helpers';

/**
 * The Dashboard's pages are laid out to the printed page: printed by
 * LibreOffice with Calibri's metrics (Carlito, its metric twin, as Excel
 * users have Calibri), the grid reaches down to 85 % of each page's printable
 * height or more, and no page spills onto one more. With the machine's own
 * fonts (DejaVu, wider: the grid is scaled down further to fit the width) the
 * pages are less full but just as many.
 */
const maybe = has('soffice') && has('pdftoppm') ? it : it.skip;
const root = join(__dirname, '..', '..');
const SAMPLES = { ru: 'karaganda-2025.xlsx', kk: 'karaganda-2025-kk.xlsx' } as const;
const DPI = 50;
/** The least share of a page's printable height the grid fills, with Calibri's metrics. */
const FILLED = 0.85;

const carlito = calibriMetrics('the Dashboard’s printed pages');
const withCarlito = carlito !== undefined ? maybe : it.skip;

interface Printed {
  readonly lang: string;
  /** The file of the Dashboard alone. */
  readonly file: string;
  /** The pages the plan breaks the Dashboard into. */
  readonly pages: number;
  /** The printable part of the page, as fractions of its height, from the sheet's margins (in inches). */
  readonly margins: { top: number; bottom: number };
}

let dir = '';
let printed: Printed[] = [];

beforeAll(async () => {
  if (!has('soffice') || !has('pdftoppm')) return;
  dir = mkdtempSync(join(tmpdir(), 'kitaphana-lo-fill-'));
  printed = [];
  for (const lang of ['ru', 'kk'] as const) {
    const input = join(root, 'workbooks', SAMPLES[lang]);
    const file = join(dir, `svod-${lang}.xlsx`);
    expect((await run('consolidate', input, '-o', file, '--lang', lang)).code).toBe(0);
    const plan = runConsolidation(await readWorkbook(readFileSync(input)), {
      userLanguage: lang,
      madeAt: 0,
      version: 'test',
    }).plan;
    const dashboard = plan.sheets.find((s) => (s.charts?.length ?? 0) > 0)!;
    const only = join(dir, `dashboard-${lang}.xlsx`);
    writeFileSync(only, await onlySheet(file, dashboard.name));
    const xml = await sheetXml(readFileSync(only), dashboard.name);
    const margin = (side: string) => Number(new RegExp(`<pageMargins[^>]*\\s${side}="([\\d.]+)"`).exec(xml)![1]);
    printed.push({
      lang,
      file: only,
      pages: (dashboard.print?.rowBreaks?.length ?? 0) + 1,
      margins: { top: margin('top'), bottom: margin('bottom') },
    });
  }
}, 120_000);

/** Prints the Dashboards with the fonts given (or the machine's), and measures each page's fill. */
function print(fonts: string | undefined, name: string): { lang: string; pages: number; fill: number[] }[] {
  const out = join(dir, name);
  mkdirSync(out);
  convertWithLibreOffice(
    printed.map((p) => p.file),
    'pdf',
    out,
    { fonts, timeout: 400_000 },
  );
  return printed.map(({ lang, pages, margins }) => {
    const pdf = join(out, `dashboard-${lang}.pdf`);
    // The fonts given are the ones printed with (a fontconfig file LibreOffice ignored would measure the machine's).
    if (fonts) expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/Carlito/);
    const gray = grayPages(pdf, out, DPI, lang);
    return {
      lang,
      pages,
      fill: gray.map((page) => {
        // A4 landscape is 8.27 inches high: the margins in pixels are in the same proportion to the page's.
        const perInch = page.height / 8.27;
        const top = margins.top * perInch;
        const printable = page.height - (margins.top + margins.bottom) * perInch;
        const ink = inkedRows(page);
        return ink ? (ink.bottom + 1 - top) / printable : 0;
      }),
    };
  });
}

/** The fill of each page, in per cent, language by language: "ru 87.1 % 85.3 %; kk …". */
const shares = (fills: { lang: string; fill: number[] }[]): string =>
  fills.map(({ lang, fill }) => `${lang} ${fill.map((f) => `${(f * 100).toFixed(1)} %`).join(' ')}`).join('; ');

describe('LibreOffice prints the Dashboard to the page', () => {
  withCarlito(
    'with Calibri’s metrics, filling 85 % of every page’s height or more, on as many pages as planned',
    () => {
      const fills = print(carlito, 'carlito');
      console.log(`The Dashboard's pages filled, Carlito: ${shares(fills)}`);
      for (const { lang, pages, fill } of fills) {
        expect({ lang, pages: fill.length }).toEqual({ lang, pages });
        fill.forEach((f, i) =>
          expect({ lang, page: i + 1, filled: f >= FILLED }).toEqual({ lang, page: i + 1, filled: true }),
        );
      }
    },
    600_000,
  );

  maybe(
    'with the machine’s fonts, on as many pages as planned',
    () => {
      const fills = print(undefined, 'default');
      console.log(`The Dashboard's pages filled, the machine's fonts: ${shares(fills)}`);
      for (const { lang, pages, fill } of fills) expect({ lang, pages: fill.length }).toEqual({ lang, pages });
    },
    600_000,
  );
});
