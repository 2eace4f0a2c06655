import type { Browser, Page } from 'playwright-core';
import { build } from '../../scripts/build-web';
import { chromiumPath, launch } from '../../scripts/chromium';
import { serve, type Served } from '../../scripts/static-server';
import { translator } from '../../src/i18n';

/**
 * Kazakh numbers in Debian's Chromium, which has no Kazakh number data and
 * writes `Intl.NumberFormat('kk-KZ').format(4153)` as "4,153": the task pane
 * of the playground, in Kazakh, shows the findings' numbers as a Kazakh reader
 * writes them — "4 153" (no-break space) and "294,5".
 */
const available = chromiumPath() !== null;
if (!available && process.env.CI) throw new Error('Chromium is missing: apt-get install -y chromium');
const describeE2E = available ? describe : describe.skip;

let served: Served;
let browser: Browser;

beforeAll(async () => {
  if (!available) return;
  const [dir] = await build(['playground']);
  served = await serve(dir ?? '');
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** The findings the task pane lists for a filter, as text. */
async function findingsFor(page: Page, query: string): Promise<string> {
  const t = translator('kk');
  const pane = page.locator('#task-pane');
  await pane.getByLabel(t.t('taskpane.check.filter')).fill(query);
  const item = pane.locator('[role="tabpanel"]:not([hidden]) li').filter({ hasText: query }).first();
  await item.waitFor({ timeout: 30_000 });
  return (await item.textContent()) ?? '';
}

describeE2E('the task pane in Kazakh, in Chromium', () => {
  it('falls back in this Chromium, and still writes numbers the Kazakh way', async () => {
    const t = translator('kk');
    const page = await browser.newPage();
    await page.goto(`${served.url}?sample=mistakes&lang=kk`);
    await page.waitForFunction(
      () => (window as unknown as { kitaphana?: { ready: boolean } }).kitaphana?.ready === true,
      undefined,
      {
        timeout: 60_000,
      },
    );
    // The premise: this engine formats kk-KZ the English way (else the test proves nothing about the fallback).
    const engine = await page.evaluate(() => new Intl.NumberFormat('kk-KZ').format(4153));
    expect(['4,153', '4\u00a0153']).toContain(engine);

    const pane = page.locator('#task-pane');
    await pane.getByRole('tab', { name: t.t('taskpane.tab.check'), exact: true }).click();
    await pane.getByRole('button', { name: t.t('taskpane.check.button'), exact: true }).click();
    await pane
      .getByRole('heading', { name: t.t('taskpane.check.errors_heading'), exact: false })
      .first()
      .waitFor({
        timeout: 60_000,
      });

    const inclusion = await findingsFor(page, 'U02 (');
    expect(inclusion).toContain('U02 (4\u00a0153)');
    expect(inclusion).not.toContain('4,153');
    const fraction = await findingsFor(page, 'NUR_CRB');
    expect(fraction).toContain('294,5');
    expect(fraction).not.toContain('294.5');
    await page.close();
  }, 180_000);
});
