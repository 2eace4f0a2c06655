import type { Browser, Page } from 'playwright-core';
import { launch } from '../../scripts/chromium';
import { serve, type Served } from '../../scripts/static-server';
import { webBuild } from '../global/web';
import { describeE2E, available } from './page';

/**
 * The task pane, its ribbon's function file and the playground declare a content security policy: the
 * built pages load with nothing blocked (no `securitypolicyviolation`), and
 * an inline script or an eval injected into them is blocked.
 */
/** office.js stand-in (there is no network here), enough for the pane to start outside Excel. */
const OFFICE = `window.Office = {
  onReady: function (cb) { var info = { host: 'Excel', platform: 'OfficeOnline' }; if (cb) cb(info); return Promise.resolve(info); },
  context: { displayLanguage: 'kk-KZ', requirements: { isSetSupported: function () { return true; } } }
};
window.Excel = { run: function () { return Promise.reject(new Error('no Excel here')); } };`;

/** Records every violation from the first script on, before the page's own. */
const RECORD = `window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
});`;

/** Served from the page's own origin, so that its eval is judged by the page's policy. */
const PROBE = `try { window.__eval = eval('1 + 1') === 2 ? 'ran' : 'no'; } catch (e) { window.__eval = 'blocked'; }`;

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

/** Injects an inline script, an eval and a style element with content; says what ran. */
async function inject(page: Page): Promise<{ inline: boolean; evaluated: boolean; styled: boolean }> {
  return page.evaluate(async () => {
    const w = window as unknown as { __inline?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true;';
    document.head.appendChild(s);
    const style = document.createElement('style');
    style.textContent = 'body { outline: 7px solid red; }';
    document.head.appendChild(style);
    // eval from the page's own code (a script of this site, served by the test): DevTools' evaluation is exempt.
    const probe = document.createElement('script');
    probe.src = 'csp-probe.js';
    await new Promise((resolve) => {
      probe.onload = resolve;
      probe.onerror = resolve;
      document.head.appendChild(probe);
    });
    const evaluated = (window as unknown as { __eval?: string }).__eval === 'ran';
    await new Promise((r) => setTimeout(r, 100));
    return { inline: w.__inline === true, evaluated, styled: getComputedStyle(document.body).outlineWidth === '7px' };
  });
}

async function styledByFluent(page: Page): Promise<{ rules: boolean; radius: boolean }> {
  return page.evaluate(() => {
    const rules = [...document.querySelectorAll('style')].some((s) => (s.sheet?.cssRules.length ?? 0) > 0);
    const button = document.querySelector('.fui-Button');
    return { rules, radius: button !== null && getComputedStyle(button).borderTopLeftRadius !== '0px' };
  });
}

/** Nothing of the page was blocked, Fluent UI's run-time styles applied, and what is injected is blocked. */
async function policyHolds(page: Page): Promise<void> {
  expect(await violations(page)).toEqual([]);
  expect(await styledByFluent(page)).toEqual({ rules: true, radius: true });
  expect(await inject(page)).toEqual({ inline: false, evaluated: false, styled: false });
  expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
  await page.context().close();
}

describeE2E('content security policy', () => {
  let browser: Browser | undefined;
  const served: Served[] = [];
  let addin = '';
  let playground = '';
  beforeAll(async () => {
    if (!available) return;
    const sa = await serve(webBuild('addin'));
    const sp = await serve(webBuild('playground'));
    served.push(sa, sp);
    addin = sa.url;
    playground = sp.url;
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    for (const s of served) await s.close();
  });

  async function load(url: string, ready: (page: Page) => Promise<unknown>): Promise<Page> {
    if (!browser) throw new Error('Chromium has not started');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: RECORD });
    // office.js comes from Microsoft's CDN, allowed by the policy; here it is fulfilled by a stand-in.
    await context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) =>
      /^https:\/\/appsforoffice\.microsoft\.com\/.*office\.js$/.test(route.request().url())
        ? route.fulfill({ contentType: 'text/javascript', body: OFFICE })
        : route.abort(),
    );
    await context.route(/\/csp-probe\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: PROBE }));
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    return page;
  }

  it('the task pane loads with nothing blocked; an injected inline script and eval are', async () => {
    const page = await load(`${addin}taskpane.html`, (p) =>
      p.waitForFunction(() => performance.getEntriesByName('kitaphana:interactive').length > 0, undefined, {
        timeout: 60_000,
      }),
    );
    await policyHolds(page);
  }, 120_000);

  it("the ribbon's function file loads its script with nothing blocked; an injected inline script and eval are", async () => {
    const page = await load(`${addin}commands.html`, (p) =>
      p.waitForFunction(() => performance.getEntriesByName('kitaphana:commands').length > 0, undefined, {
        timeout: 60_000,
      }),
    );
    // Its script is a file of the site, not inline.
    expect(await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length)).toBe(0);
    expect(await violations(page)).toEqual([]);
    expect(await inject(page)).toEqual({ inline: false, evaluated: false, styled: false });
    expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
    await page.context().close();
  }, 120_000);

  it('the playground loads a workbook with nothing blocked; an injected inline script and eval are', async () => {
    const page = await load(`${playground}?sample=mistakes&lang=ru`, (p) =>
      p.waitForFunction(
        () => (window as unknown as { kitaphana?: { ready: boolean } }).kitaphana?.ready === true,
        undefined,
        {
          timeout: 60_000,
        },
      ),
    );
    await policyHolds(page);
  }, 120_000);
});
