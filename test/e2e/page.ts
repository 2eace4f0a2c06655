import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../../scripts/chromium';
import { has } from '../../scripts/test-programs';
import { serve, type Served } from '../../scripts/static-server';
import type { Language } from '../../src/standard';
import { webBuild } from '../global/web';

/** What the playground's end-to-end tests share: Chromium or a skip, axe-core, waiting, opening the playground. */
export const available = has('chromium');
export const describeE2E = available ? describe : describe.skip;

/** Serves the playground (built once for every file, test/global/web.ts) and starts Chromium before the file's tests, and stops them after. */
export function playground(): { readonly browser: Browser; readonly url: string } {
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!available) return;
    served = await serve(webBuild('playground'));
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium has not started');
      return browser;
    },
    get url() {
      return served?.url ?? '';
    },
  };
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

export async function axe(page: Page, label: string): Promise<void> {
  // Evaluated through DevTools, not added as an inline <script>: the pages' content security policy blocks those.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  // Colours are judged as a person sees them once still: a button fading from disabled to enabled
  // is not a contrast failure (on a busy machine axe would otherwise catch it mid-transition).
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: AxeViolation[] }> } })
      .axe.run;
    const r = await run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  expect({ view: label, violations }).toEqual({ view: label, violations: [] });
}

/** Waits until `check` passes on what `read` returns (the page updates asynchronously). */
export async function eventually<T>(read: () => Promise<T>, check: (v: T) => void, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await read();
    try {
      check(v);
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The playground at `url` with a sample and a language, ready; errors of the page and external requests are collected. */
export async function open(browser: Browser, url: string, lang: Language, sample = 'mistakes'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Nothing may be fetched from outside: the playground is served from localhost only.
  await page.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => {
    errors.push(`external request: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(`${url}?sample=${sample}&lang=${lang}`);
  await page.waitForFunction(
    () => (window as unknown as { kitaphana?: { ready: boolean } }).kitaphana?.ready === true,
    undefined,
    {
      timeout: 60_000,
    },
  );
  (page as unknown as { errors: string[] }).errors = errors;
  return page;
}

export const pane = (page: Page) => page.locator('#task-pane');
export const sheetTab = (page: Page, name: string) =>
  page.locator('.sheet-tabs').getByRole('tab', { name, exact: true });

/** Types into a cell of the playground's sheet view, as a person would: the tab, the cell, the formula bar, Enter. */
export async function typeInto(page: Page, sheet: string, address: string, text: string): Promise<void> {
  await sheetTab(page, sheet).click();
  await page.locator(`td[data-address="${address}"]`).click();
  await eventually(
    () => page.locator('.name-box').inputValue(),
    (v) => expect(v).toBe(address),
  );
  await page.locator('.formula-bar').fill(text);
  await page.locator('.formula-bar').press('Enter');
}
