/**
 * The task pane's first load: the JavaScript taskpane.html loads before the
 * pane can be used (raw and gzip; the engine chunk loads later, on demand),
 * and the time from navigation to the pane being interactive in headless
 * Chromium (the `kitaphana:interactive` mark the pane sets once its first
 * render is committed), the median of several loads. office.js is replaced
 * by a stub, since there is no network (and no Office) here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from '../../scripts/build-web';
import { launch } from '../../scripts/chromium';
import { serve } from '../../scripts/static-server';

export interface TaskpaneFigures {
  'taskpane.js_bytes': number;
  'taskpane.js_gzip_bytes': number;
  'taskpane.tti_ms': number;
}

const OFFICE_STUB = `window.Office = {
  onReady: function (cb) { var info = { host: 'Excel', platform: 'PC' }; if (cb) cb(info); return Promise.resolve(info); },
  context: { displayLanguage: 'ru-RU', requirements: { isSetSupported: function () { return true; } } }
};
window.Excel = { run: function () { return Promise.reject(new Error('no Excel in the bench')); } };`;

/** Scripts that taskpane.html loads itself (not office.js from the CDN). */
export function initialScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1] ?? '')
    .filter((src) => src && !/^https?:/.test(src));
}

export async function taskpaneBench(options: { runs?: number } = {}): Promise<TaskpaneFigures> {
  const [dir] = await build(['addin']);
  if (!dir) throw new Error('no build');
  const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
  let bytes = 0;
  let gzip = 0;
  for (const src of initialScripts(html)) {
    const code = readFileSync(join(dir, src));
    bytes += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
  }
  const served = await serve(dir);
  const browser = await launch();
  const times: number[] = [];
  try {
    for (let i = 0; i < (options.runs ?? 5); i++) {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
      await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) =>
        /office\.js$/.test(route.request().url())
          ? route.fulfill({ contentType: 'text/javascript', body: OFFICE_STUB })
          : route.abort(),
      );
      const page = await context.newPage();
      await page.goto(`${served.url}taskpane.html`);
      const at = await page.waitForFunction(
        () => performance.getEntriesByName('kitaphana:interactive')[0]?.startTime ?? null,
        undefined,
        { timeout: 30_000 },
      );
      times.push(Number(await at.jsonValue()));
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  times.sort((a, b) => a - b);
  return {
    'taskpane.js_bytes': bytes,
    'taskpane.js_gzip_bytes': gzip,
    'taskpane.tti_ms': Math.round(times[Math.floor(times.length / 2)] ?? NaN),
  };
}

if (require.main === module) {
  taskpaneBench().then(
    (r) => console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
