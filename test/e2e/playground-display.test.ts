import { columnLetters } from '../../src/core/snapshot';
import { translator } from '../../src/i18n';
import { chartData, type ChartInput } from '../../src/playground/chart';
import type { ChartInfo } from '../../src/playground/source';
import { REPORT_COLUMNS, REPORT_HEADER_ROW } from '../../src/standard';
import { axe, describeE2E, eventually, open, pane, playground } from './page';

/**
 * What the playground shows, in Debian's headless Chromium (once, in
 * Russian: the e2e suite is slow): a report's formula cells show their
 * results as numbers while the formula bar keeps the formula, and every
 * chart of the Dashboard has every series in its legend, with no two
 * entries overlapping; the sheet-tab strip, wider than the window, shows
 * an arrow that scrolls it. axe finds nothing on either view.
 */
const pg = playground();

/** The report's first indicator row, as Excel numbers it. */
const row = REPORT_HEADER_ROW + 1;
const cellOf = (column: (typeof REPORT_COLUMNS)[number]) => `${columnLetters(REPORT_COLUMNS.indexOf(column))}${row}`;

describeE2E('the playground shows', () => {
  it('formula results in report cells, and every series in the Dashboard’s legends', async () => {
    const t = translator('ru');
    const page = await open(pg.browser, pg.url, 'ru');
    await page.locator('.sheet-tabs [role=tab]').filter({ hasText: /^KRG_/ }).first().click();
    const year = page.locator(`td[data-address="${cellOf('year')}"]`);
    // The year of a count: digits grouped as the reader's locale groups them, not "=IF(...)".
    await eventually(
      () => year.textContent(),
      (v) => expect(v).toMatch(/^\d{1,3}([\s\u00a0\u202f]\d{3})*$/),
    );
    await expect(year.getAttribute('class')).resolves.toMatch(/\bnumber\b/);
    const planPct = (await page.locator(`td[data-address="${cellOf('plan_pct')}"]`).textContent()) ?? '';
    expect(planPct).toMatch(/^\d+,\d$/);
    await year.click();
    await eventually(
      () => page.locator('.formula-bar').inputValue(),
      (v) => expect(v).toMatch(/^=IF\(/),
    );
    await axe(page, 'a report');

    // The tab strip holds more sheets than it is wide: an arrow at its end says so, and scrolls it.
    const strip = page.locator('.sheet-tabs');
    const right = page.getByRole('button', { name: t.t('playground.tabs_right') });
    const left = page.getByRole('button', { name: t.t('playground.tabs_left') });
    await strip.evaluate((el) => el.scrollTo({ left: 0 }));
    await eventually(
      () => right.isEnabled(),
      (v) => expect(v).toBe(true),
    );
    await expect(right.isVisible()).resolves.toBe(true);
    await right.click();
    await eventually(
      () => strip.evaluate((el) => el.scrollLeft),
      (v) => expect(v).toBeGreaterThan(0),
    );
    await eventually(
      () => left.isEnabled(),
      (v) => expect(v).toBe(true),
    );

    const p = pane(page);
    await p.getByRole('button', { name: t.t('taskpane.setup.button'), exact: true }).click();
    await p.getByRole('group', { name: t.t('taskpane.setup.done') }).waitFor({ timeout: 60_000 });
    await p.getByRole('tab', { name: t.t('taskpane.tab.consolidate'), exact: true }).click();
    await p.getByRole('button', { name: t.t('taskpane.consolidate.button'), exact: true }).click();
    const done = p.getByRole('group', { name: t.t('taskpane.consolidate.done') });
    await done.waitFor({ timeout: 120_000 });
    await done.getByRole('button', { name: t.t('taskpane.consolidate.open_dashboard') }).click();
    await page.locator('.charts svg[role="img"]').first().waitFor();

    // What each chart should show, from the workbook itself; what its legend shows, from the page.
    const charts = await page.evaluate(() => {
      type Source = {
        activeSheet(): string;
        describeCharts(sheet: string): ChartInfo[];
        values(sheet: string, address: string): unknown[][];
      };
      const sim = (window as unknown as { kitaphana: { workbook: { sim: Source } } }).kitaphana.workbook.sim;
      const sheet = sim.activeSheet();
      const figures = [...document.querySelectorAll('.charts figure')];
      return sim.describeCharts(sheet).map((c, i) => {
        const bang = c.source.lastIndexOf('!');
        const from = c.source.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
        const items = [...(figures[i]?.querySelectorAll('.chart-legend > g') ?? [])].map((g) => {
          const box = (g as SVGGElement).getBBox();
          const ctm = (g as SVGGElement).transform.baseVal.consolidate()?.matrix;
          const text = [...(g.querySelector('text')?.childNodes ?? [])].filter((n) => n.nodeType === Node.TEXT_NODE);
          return {
            text: text.map((n) => n.textContent).join(''),
            left: (ctm?.e ?? 0) + box.x,
            right: (ctm?.e ?? 0) + box.x + box.width,
            top: ctm?.f ?? 0,
          };
        });
        return {
          input: {
            title: c.title.text,
            type: c.type,
            seriesBy: c.effectiveSeriesBy,
            grid: sim.values(from, c.source.slice(bang + 1)),
            series: c.series,
          },
          items,
        };
      });
    });
    expect(charts.length).toBeGreaterThan(0);
    let legends = 0;
    for (const c of charts) {
      const names = chartData(c.input as ChartInput).series.map((s) => s.name);
      if (names.length < 2) continue;
      legends++;
      expect({ chart: c.input.title, legend: c.items.map((i) => i.text) }).toEqual({
        chart: c.input.title,
        legend: names,
      });
      for (const [k, item] of c.items.entries()) {
        expect(item.left).toBeGreaterThanOrEqual(0);
        expect(item.right).toBeLessThanOrEqual(480);
        const next = c.items[k + 1];
        if (next && next.top === item.top) expect(next.left).toBeGreaterThan(item.right);
      }
    }
    expect(legends).toBeGreaterThan(1);
    await axe(page, 'dashboard');
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 240_000);
});
