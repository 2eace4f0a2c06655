import type { Locator } from 'playwright-core';
import { translator } from '../../src/i18n';
import { axe, describeE2E, eventually, open, pane, playground, sheetTab, typeInto } from './page';

/**
 * The submission workflow in the playground, in headless Chromium: the
 * board first, with no name asked; a branch (asked its name then) submits
 * with an error (refused, with the list), fixes the cell in the
 * in-memory Excel, submits; the methodologist returns it with a comment; it
 * is submitted again and accepted; consolidating only accepted reports counts
 * one more accepted in the Summary. axe finds nothing in the Reports view.
 */
const pg = playground();
const t = translator('ru');
const LIB = 'KRG_ODB';

/** Says who the person is, in the form a first action opens in the library's row (role and library chosen by it). */
async function answer(p: Locator, name: string): Promise<void> {
  const form = row(p).getByRole('group', { name: t.t('taskpane.reports.who') });
  await form.getByLabel(t.t('taskpane.reports.name')).fill(name);
  await form.getByRole('button', { name: t.t('taskpane.reports.save_person') }).click();
}

const row = (p: Locator) =>
  p
    .locator('li')
    .filter({ hasText: `(${LIB})` })
    .first();
const button = (p: Locator, action: string) =>
  row(p).getByRole('button', { name: `${t.t(`taskpane.reports.${action}`)} — ${LIB}` });
/** Presses the library's button for an action (saying who the person is if asked), and waits for its row to show what the action did. */
async function press(p: Locator, action: string, shows: string, as?: string): Promise<void> {
  await button(p, action).click();
  if (as) await answer(p, as);
  await eventually(
    () => row(p).textContent(),
    (v) => expect(v).toContain(shows),
  );
}

const again = (p: Locator) => p.getByRole('button', { name: t.t('taskpane.reports.change_person') }).click();

describeE2E('the Reports view in the playground', () => {
  it('refuses, submits, returns, resubmits, accepts, then consolidates only accepted reports', async () => {
    const page = await open(pg.browser, pg.url, 'ru', 'clean');
    const p = pane(page);
    await page.evaluate(() => localStorage.clear());
    await p.getByRole('tab', { name: t.t('taskpane.tab.reports'), exact: true }).click();
    // The board first: no name asked, no comment box.
    await row(p).waitFor({ timeout: 60_000 });
    await expect(p.getByLabel(t.t('taskpane.reports.name')).count()).resolves.toBe(0);
    await expect(p.getByLabel(t.t('taskpane.reports.comment')).count()).resolves.toBe(0);
    const counts = (await p.getByText(/^Черновик: \d+, Сдан: \d+, Принят: \d+/).textContent()) ?? '';
    const accepted = Number(/Принят: (\d+)/.exec(counts)?.[1]);

    await sheetTab(page, LIB).click();
    const before = (await page.locator('td[data-address="E5"]').textContent()) ?? '';
    await typeInto(page, LIB, 'E5', 'сто');
    await button(p, 'submit').click();
    await answer(p, 'Жакупова Г. С.');
    await row(p)
      .getByText(new RegExp(`Ошибок в отчёте ${LIB}: 1`))
      .waitFor({ timeout: 30_000 });
    await expect(
      row(p)
        .getByText(new RegExp(`D1 '${LIB}'!E5`))
        .count(),
    ).resolves.toBe(1);
    await axe(page, 'reports: refused');

    await typeInto(page, LIB, 'E5', before.replace(/\D/g, ''));
    await press(p, 'submit', `: ${t.t('enum.report_status.submitted')}`);

    await again(p);
    await button(p, 'return').click();
    await answer(p, 'Сарсенова А. К.');
    // The one comment box, in the row of the library being returned.
    await row(p).getByLabel(t.t('taskpane.reports.comment')).fill('Уточните число пользователей за I квартал');
    await expect(p.getByLabel(t.t('taskpane.reports.comment')).count()).resolves.toBe(1);
    await press(p, 'return', 'Уточните число пользователей за I квартал');

    await again(p);
    await press(p, 'submit', `: ${t.t('enum.report_status.submitted')}`, 'Жакупова Г. С.');
    await again(p);
    await press(p, 'accept', `: ${t.t('enum.report_status.accepted')}`, 'Сарсенова А. К.');
    await axe(page, 'reports');

    await p.getByRole('tab', { name: t.t('taskpane.tab.consolidate'), exact: true }).click();
    await p.getByRole('checkbox', { name: t.t('taskpane.consolidate.accepted_only') }).check();
    await p.getByRole('button', { name: t.t('taskpane.consolidate.button'), exact: true }).click();
    await p.getByRole('group', { name: t.t('taskpane.consolidate.done') }).waitFor({ timeout: 60_000 });
    await sheetTab(page, t.t('sheet.Summary')).click();
    await page
      .getByText(new RegExp(`^Отчёты: Принят: ${accepted + 1},`))
      .first()
      .waitFor({ timeout: 30_000 });
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 300_000);
});
