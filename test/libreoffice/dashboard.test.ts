import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { has } from '../../scripts/test-programs';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/errors';
import { runConsolidation } from '../../src/core/pipeline';
import { readWorkbook } from '../../src/xlsx/read';
import { onlySheet } from '../helpers/libreoffice';
import { type Gray, INK, grayPages, runs } from '../helpers/pages';
import { writeWorkbook } from '../../src/xlsx/write';
import { templatePlan } from '../../src/core/layout/template';
import { karagandaSample } from '../../src/sample';

/**
 * LibreOffice, which none of us wrote, opens the consolidated sample and
 * prints its Dashboard: landscape pages on which every chart of the plan
 * is drawn where it stands. Pages are kept as PNG under test/output/dashboard
 * for a person to look at; the check itself reads a small grey rendering:
 * the charts' bands (rows of charts, separated by blank rows) and, in each
 * band, the charts (separated by blank gutters), each with ink in it.
 */
const maybe = has('soffice') && has('pdftoppm') ? it : it.skip;

const root = join(__dirname, '..', '..');
const committed = join(root, 'workbooks', 'karaganda-2025.xlsx');
const output = join(root, 'test', 'output', 'dashboard');

const DARK = 200;

/** The charts of a page: rows of charts tall enough to be charts, split at blank gutters. */
function chartBoxes(page: Gray): { top: number; bottom: number; left: number; right: number; dark: number }[][] {
  const { width, height, px } = page;
  const at = (x: number, y: number) => px[y * width + x] ?? 255;
  // A column of a band is inked when more than a few of its pixels are: a hairline that antialiasing
  // smears across a gutter is not a chart.
  const inked = (n: number, of: number) => n > Math.max(2, of * 0.03);
  const rowInk = (y: number) => {
    let n = 0;
    for (let x = 0; x < width; x++) if (at(x, y) < INK) n++;
    // A chart as wide as the page may show no more than its frame in a row.
    return n > 0;
  };
  const bands = runs(height, rowInk).filter(([a, b]) => b - a > height * 0.15);
  return bands.map(([top, bottom]) => {
    const colInk = (x: number) => {
      let n = 0;
      for (let y = top; y <= bottom; y++) if (at(x, y) < INK) n++;
      return inked(n, bottom - top + 1);
    };
    return runs(width, colInk)
      .filter(([a, b]) => b - a > width * 0.05)
      .map(([left, right]) => {
        let dark = 0;
        for (let y = top; y <= bottom; y++) for (let x = left; x <= right; x++) if (at(x, y) < DARK) dark++;
        return { top, bottom, left, right, dark: dark / ((bottom - top + 1) * (right - left + 1)) };
      });
  });
}

describe('LibreOffice prints the Dashboard', () => {
  maybe('on landscape pages, with every chart drawn where the plan puts it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitaphana-lo-dashboard-'));
    // A fresh sample of the current version (the committed one may be a version behind until regenerated).
    const sample = join(dir, 'sample.xlsx');
    writeFileSync(sample, await writeWorkbook(templatePlan(karagandaSample({ language: 'ru' }))));
    expect(readFileSync(committed).length).toBeGreaterThan(0);
    const file = join(dir, 'svod.xlsx');
    const io: Io = { out: () => undefined, err: () => undefined, tty: false };
    expect(await main(['node', 'kitaphana', 'consolidate', sample, '-o', file], io)).toBe(0);

    // What the plan says: the charts of each page, grouped in rows by their top.
    const run = runConsolidation(await readWorkbook(readFileSync(sample)), {
      userLanguage: 'ru',
      madeAt: 0,
      version: 'test',
    });
    const dashboard = run.plan.sheets.find((s) => (s.charts?.length ?? 0) > 0)!;
    const breaks = dashboard.print?.rowBreaks ?? [];
    const pageOf = (top: number) => breaks.filter((b) => top >= b).length;
    const layout = Array.from({ length: breaks.length + 1 }, (_, page) => {
      const charts = (dashboard.charts ?? []).filter((c) => pageOf(c.position.top) === page);
      const tops = [...new Set(charts.map((c) => c.position.top))].sort((a, b) => a - b);
      return tops.map((top) => charts.filter((c) => c.position.top === top).length);
    });
    // Page 3: the share of libraries visited over the reach of professional development (version 2).
    expect(layout).toEqual([
      [3, 3],
      [1, 2],
      [1, 1],
    ]);

    const only = join(dir, 'dashboard.xlsx');
    writeFileSync(only, await onlySheet(file, dashboard.name));
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, only],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const pdf = join(dir, 'dashboard.pdf');
    rmSync(output, { recursive: true, force: true });
    mkdirSync(output, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '110', pdf, join(output, 'dashboard')]);
    console.log(`Dashboard pages as rendered by LibreOffice: ${output}`);
    const pages = grayPages(pdf, dir, 50);
    expect(readdirSync(output).filter((f) => f.endsWith('.png'))).toHaveLength(3);
    expect(pages).toHaveLength(3);
    pages.forEach((page, p) => {
      expect(page.width).toBeGreaterThan(page.height);
      const boxes = chartBoxes(page);
      expect({ page: p + 1, charts: boxes.map((band) => band.length) }).toEqual({ page: p + 1, charts: layout[p] });
      // Bars, lines and labels: the sample's charts are 12 % dark or more; one without its series, with
      // only its title and axis labels, is under 5 %.
      for (const box of boxes.flat()) expect(box.dark).toBeGreaterThan(0.08);
    });
  });
});
