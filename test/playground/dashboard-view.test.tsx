import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/errors';
import { consolidateWorkbook } from '../../src/excel/actions';
import { translator } from '../../src/i18n';
import { WorkbookView } from '../../src/playground/WorkbookView';
import type { WorkbookActions, WorkbookSource } from '../../src/playground/source';
import { sampleFile, sampleSim, simHost } from '../excel/host';

/**
 * The Dashboard as the file and the playground show it. "Events by month"
 * runs January → December, in the generated file's chart (its category
 * cache, what Excel shows before it recalculates) and in the playground's
 * drawing of the in-memory workbook's chart: the months were an object's
 * keys, and JavaScript puts "10".."12" before "01".."09". And the charts'
 * numbers are in the workbook's language, as their titles are, whatever
 * the pane's.
 */
const quiet: Io = { out: () => undefined, err: () => undefined, tty: false };
const ru = translator('ru');
const months = Array.from({ length: 12 }, (_, i) => ru.month(i + 1, 'short'));
const title = ru.t('dashboard.events_month_title');

it('the file’s chart caches its categories January first', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'kitaphana-months-')), 'svod.xlsx');
  expect(await main(['node', 'kitaphana', 'consolidate', sampleFile('clean'), '-o', out], quiet)).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(out));
  const byMonth: string[][] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    const heading = [...(/<c:title>[\s\S]*?<\/c:title>/.exec(xml)?.[0] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)];
    if (
      !heading
        .map((m) => m[1])
        .join('')
        .startsWith(title)
    )
      continue;
    // Every series' categories: the stacked chart has one series per format.
    for (const cat of xml.matchAll(/<c:cat>([\s\S]*?)<\/c:cat>/g))
      byMonth.push([...(cat[1] ?? '').matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1] ?? ''));
  }
  expect(byMonth.length).toBeGreaterThan(0);
  for (const categories of byMonth) expect(categories).toEqual(months);
});

/** The playground's view of the Russian sample's Dashboard, with the pane (and the view's own words) in English. */
async function dashboardHtml(): Promise<string> {
  const sim = await sampleSim('clean');
  await consolidateWorkbook(simHost(sim), { userLanguage: 'en', version: 'test' });
  const dashboard = ru.t('sheet.Dashboard');
  const source: WorkbookSource = { ...bind(sim), activeSheet: () => dashboard };
  const actions = {} as WorkbookActions;
  return renderToStaticMarkup(<WorkbookView source={source} actions={actions} t={translator('en')} version={1} />);
}
const drawing = dashboardHtml();

it('the playground draws the months January first', async () => {
  const html = await drawing;
  const figure = html.split('<figure').find((f) => f.includes(title));
  expect(figure).toBeDefined();
  // The category labels are the texts that are months; the legend and the axis carry none.
  const drawn = [...figure!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
  expect(drawn.filter((s) => months.includes(s))).toEqual(months);
});

function bind(sim: Awaited<ReturnType<typeof sampleSim>>): WorkbookSource {
  return {
    sheets: () => sim.sheets(),
    activeSheet: () => sim.activeSheet(),
    selection: () => sim.selection(),
    contents: (s) => sim.contents(s),
    numberFormats: (s, a) => sim.numberFormats(s, a),
    values: (s, a) => sim.values(s, a),
    conditionalFormats: (s) => sim.conditionalFormats(s),
    describeCharts: (s) => sim.describeCharts(s),
  };
}

it('the playground writes the charts’ numbers in the workbook’s language, as their titles', async () => {
  const texts = [...(await drawing).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
  const numbers = texts.filter((s) => /^[\d\s\u00a0\u202f.,%]+$/.test(s) && /\d/.test(s));
  // Russian groups thousands with a space and writes a decimal comma; English would write "35,438".
  expect(numbers.filter((s) => /\d[\s\u00a0\u202f]\d{3}/.test(s)).length).toBeGreaterThan(0);
  expect(numbers.filter((s) => /\d,\d{3}(?!\d)/.test(s))).toEqual([]);
});
