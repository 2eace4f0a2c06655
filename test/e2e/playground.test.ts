import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { translator } from '../../src/i18n';
import { LANGUAGES, type Language } from '../../src/standard';
import { readWorkbook } from '../../src/xlsx';
import { partsOf } from '../helpers/ooxml';
import { axe, describeE2E, eventually, open as openPlayground, pane, playground, sheetTab } from './page';

/**
 * End to end, in Debian's headless Chromium: the playground with the sample
 * workbook that has mistakes, in each language — set up, check (findings
 * appear; selecting one selects its cell), consolidate (the Summary sheet
 * appears, the Dashboard's charts are drawn, the analytical note's sheet
 * opens and its .docx downloads), with axe-core finding no
 * violation on any view. Then, once: an edit in a cell makes the pane check
 * again by itself, and the download is a workbook.
 */
const pg = playground();

const open = (lang: Language, sample = 'mistakes') => openPlayground(pg.browser, pg.url, lang, sample);

describeE2E.each(LANGUAGES.map((l) => [l]))('the playground in %s', (lang) => {
  const t = translator(lang);

  it('sets up, checks, selects a finding, consolidates; axe finds nothing on any view', async () => {
    const page = await open(lang);
    const p = pane(page);
    await expect(p.getByRole('button', { name: t.t('taskpane.setup.button'), exact: true }).isVisible()).resolves.toBe(
      true,
    );
    await axe(page, 'set up');

    // Set up: the sample is already a standard workbook; set-up repairs what the mistakes damaged.
    await p.getByRole('button', { name: t.t('taskpane.setup.button'), exact: true }).click();
    const setupDone = p.getByRole('group', { name: t.t('taskpane.setup.done') });
    await setupDone.waitFor({ timeout: 60_000 });
    await expect(setupDone.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await axe(page, 'set up: results');

    // Check: findings appear, grouped; selecting one selects its cell in the workbook.
    await p.getByRole('tab', { name: t.t('taskpane.tab.check'), exact: true }).click();
    await p.getByRole('button', { name: t.t('taskpane.check.button'), exact: true }).click();
    const heading = p.getByRole('heading', { name: t.t('taskpane.check.errors_heading'), exact: false }).first();
    await heading.waitFor({ timeout: 60_000 });
    const finding = p.locator('[role="tabpanel"]:not([hidden]) li button').first();
    const text = (await finding.textContent()) ?? '';
    const m = /^(.+)!([A-Z]+\d+):/.exec(text);
    expect(m).not.toBeNull();
    const [, sheet, cell] = m as unknown as [string, string, string];
    await axe(page, 'check: results');
    await finding.click();
    await eventually(
      () => page.locator('.name-box').inputValue(),
      (v) => expect(v).toBe(cell),
    );
    await expect(sheetTab(page, sheet).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator(`td[data-address="${cell}"]`).getAttribute('class')).resolves.toMatch(/selected/);
    await expect(page.locator('td.marked.error').count()).resolves.toBeGreaterThan(0);

    // Consolidate: progress, results, and the Summary sheet appears in the workbook.
    await p.getByRole('tab', { name: t.t('taskpane.tab.consolidate'), exact: true }).click();
    await p.getByRole('button', { name: t.t('taskpane.consolidate.button'), exact: true }).click();
    const done = p.getByRole('group', { name: t.t('taskpane.consolidate.done') });
    await done.waitFor({ timeout: 120_000 });
    // The generated sheets are named in the workbook's own language.
    const summary = LANGUAGES.map((l) => translator(l).t('sheet.Summary'));
    await eventually(
      async () => {
        let n = 0;
        for (const name of summary) n += await sheetTab(page, name).count();
        return n;
      },
      (n) => expect(n).toBe(1),
    );
    await axe(page, 'consolidate: results');
    await done.getByRole('button', { name: t.t('taskpane.consolidate.open_summary') }).click();
    await eventually(
      () => page.locator('.sheet-tabs [aria-selected="true"]').textContent(),
      (v) => expect(summary).toContain(v),
    );
    const dashboard = done.getByRole('button', { name: t.t('taskpane.consolidate.open_dashboard') });
    if (await dashboard.count()) {
      await dashboard.click();
      await eventually(
        () => page.locator('.charts svg[role="img"]').count(),
        (n) => expect(n).toBeGreaterThan(0),
      );
      await axe(page, 'dashboard');
    }

    // The analytical note: its sheet is written (in the workbook's language), and the .docx downloads.
    const note = done.getByRole('group', { name: t.t('taskpane.note.heading') });
    await note.getByRole('button', { name: t.t('taskpane.note.open'), exact: true }).click();
    await eventually(
      () => page.locator('.sheet-tabs [aria-selected="true"]').textContent(),
      (v) => expect(LANGUAGES.map((l) => translator(l).t('sheet.Note'))).toContain(v),
    );
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      note.getByRole('button', { name: t.t('taskpane.note.download'), exact: true }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const noteXml = new TextDecoder().decode(partsOf(readFileSync(await docx.path())).get('word/document.xml'));
    expect(LANGUAGES.filter((l) => noteXml.includes(translator(l).t('note.title')))).toHaveLength(1);
    await axe(page, 'consolidate: the note');
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 180_000);
});

/** What has the keyboard focus: its role (explicit or the tag) and its text. */
async function focused(page: Page): Promise<{ role: string; text: string }> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    const label = e?.id ? document.querySelector(`label[for="${e.id}"]`)?.textContent : null;
    return {
      role: e?.getAttribute('role') ?? e?.tagName.toLowerCase() ?? '',
      text: (e?.getAttribute('aria-label') ?? label ?? e?.textContent ?? '').trim(),
    };
  });
}

/** Presses `key` until the focus is on what `want` accepts (at most `limit` times). */
async function pressUntil(page: Page, key: string, want: (f: { role: string; text: string }) => boolean, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if (want(await focused(page))) return;
  }
  throw new Error(`${key} never reached it; focus is on ${JSON.stringify(await focused(page))}`);
}

describeE2E('the playground, once', () => {
  it('does the whole job with the keyboard alone, in a sensible order', async () => {
    const page = await open('en');
    await page.locator('#task-pane select').first().focus();
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      order.push(`${f.role}:${f.text}`);
    }
    expect(order).toEqual([
      'tab:Set up',
      expect.stringMatching(/^input:Region or district/),
      expect.stringMatching(/^input:Year/),
      expect.stringMatching(/^input:Oblast/),
      expect.stringMatching(/^select:/),
      'button:Set up workbook',
    ]);
    await page.keyboard.press('Enter');
    await eventually(
      () => focused(page),
      (f) => expect(f.role).toBe('group'),
      60_000,
    );

    // To Check: back to the tabs, the arrow key, then Tab to the button.
    await pressUntil(page, 'Shift+Tab', (f) => f.role === 'tab');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toEqual({ role: 'tab', text: 'Check' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ role: 'button', text: 'Check' });
    await page.keyboard.press('Enter');
    await eventually(
      () => focused(page),
      (f) => expect(f.text).toMatch(/^Found: /),
      60_000,
    );
    // The findings list is a chunk of its own: on a busy machine it may arrive after the summary has the focus.
    await pane(page)
      .getByRole('button', { name: /^\S+![A-Z]+\d+:/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await pressUntil(page, 'Tab', (f) => f.role === 'button' && /^\S+![A-Z]+\d+:/.test(f.text));
    const cell = /!([A-Z]+\d+):/.exec((await focused(page)).text)?.[1];
    await page.keyboard.press('Enter');
    await eventually(
      () => page.locator('.name-box').inputValue(),
      (v) => expect(v).toBe(cell),
    );

    // Past Reports to Consolidate, and open the Summary.
    await page.locator('#task-pane [role="tab"][aria-selected="true"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toEqual({ role: 'tab', text: 'Reports' });
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toEqual({ role: 'tab', text: 'Consolidate' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ role: 'input', text: 'Include reports with errors' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ role: 'input', text: 'Only accepted reports' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ role: 'button', text: 'Consolidate' });
    await page.keyboard.press('Enter');
    await eventually(
      () => focused(page),
      (f) => expect(f.text).toMatch(/^Consolidation done\./),
      60_000,
    );
    await pressUntil(page, 'Tab', (f) => f.text === 'Open the Summary');
    await page.keyboard.press('Enter');
    await eventually(
      () => page.locator('.sheet-tabs [aria-selected="true"]').textContent(),
      (v) => expect(LANGUAGES.map((l) => translator(l).t('sheet.Summary'))).toContain(v),
    );
    await page.close();
  }, 120_000);

  it('checks again by itself after a person edits a cell, and downloads the workbook', async () => {
    const page = await open('en', 'clean');
    const p = pane(page);
    await p.getByRole('tab', { name: 'Check', exact: true }).click();
    await p.getByRole('button', { name: 'Check', exact: true }).click();
    await p
      .getByRole('heading', { name: 'No errors or warnings: the workbook passes every check.' })
      .waitFor({ timeout: 60_000 });
    // A person types text into a number cell of a report: the pane notices and checks again.
    const report = page.locator('.sheet-tabs [role=tab]').filter({ hasText: /^KRG_/ }).first();
    await report.click();
    const input = page.locator('td.number').first();
    const address = (await input.getAttribute('data-address')) ?? '';
    await input.click();
    await eventually(
      () => page.locator('.name-box').inputValue(),
      (v) => expect(v).toBe(address),
    );
    await page.locator('.formula-bar').fill('twelve');
    await page.locator('.formula-bar').press('Enter');
    // The report was accepted (the sample's log): the edit is a D1 error and an accepted report changed (S3).
    await p.getByRole('heading', { name: /^Found: 2 errors/ }).waitFor({ timeout: 30_000 });
    await eventually(
      () => page.locator(`td[data-address="${address}"]`).getAttribute('class'),
      (v) => expect(v).toMatch(/marked error/),
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the workbook (.xlsx)' }).click(),
    ]);
    const path = await download.path();
    const snapshot = await readWorkbook(readFileSync(path));
    expect(snapshot.tables.map((tb) => tb.name)).toEqual(expect.arrayContaining(['Meta', 'Libraries']));
    await page.close();
  }, 120_000);
});
