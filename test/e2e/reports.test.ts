import type { Locator } from 'playwright-core';
import { translator } from '../../src/i18n';
import { axe, describeE2E, eventually, open, pane, playground, sheetTab, typeInto } from './page';

/**
 * The submission workflow in the playground, in headless Chromium: a branch
 * submits with an error (refused, with the list), fixes the cell in the
 * in-memory Excel, submits; the methodologist returns it with a comment; it
 * is submitted again and accepted; consolidating only accepted reports counts
 * one more accepted in the Summary. axe finds nothing in the Reports view.
 */
const pg = playground();
const t = translator('ru');
const LIB = 'KRG_ODB';

async function become(p: Locator, name: string, lib: string | null): Promise<void> {
  await p.getByLabel(t.t('taskpane.reports.name')).fill(name);
  if (lib) {
    await p.getByRole('radio', { name: t.t('taskpane.reports.role_staff') }).check();
    const select = p.getByLabel(t.t('taskpane.reports.library'));
    await select.locator(`option[value="${lib}"]`).waitFor({ state: 'attached', timeout: 60_000 });
    await select.selectOption(lib);
  } else await p.getByRole('radio', { name: t.t('taskpane.reports.role_methodologist') }).check();
  await p.getByRole('button', { name: t.t('taskpane.reports.save_person') }).click();
  await p.getByRole('button', { name: /Показать отчёты|Обновить/ }).click();
}

const row = (p: Locator) =>
  p
    .locator('li')
    .filter({ hasText: `(${LIB})` })
    .first();
/** Presses the library's button for an action, and waits for its row to show what the action did. */
async function press(p: Locator, action: string, shows: string): Promise<void> {
  await row(p)
    .getByRole('button', { name: `${t.t(`taskpane.reports.${action}`)} — ${LIB}` })
    .click();
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
    await become(p, 'Жакупова Г. С.', LIB);
    await row(p).waitFor({ timeout: 60_000 });
    const counts = (await p.getByText(/^Черновик: \d+, Сдан: \d+, Принят: \d+/).textContent()) ?? '';
    const accepted = Number(/Принят: (\d+)/.exec(counts)?.[1]);

    await sheetTab(page, LIB).click();
    const before = (await page.locator('td[data-address="E5"]').textContent()) ?? '';
    await typeInto(page, LIB, 'E5', 'сто');
    await row(p)
      .getByRole('button', { name: `${t.t('taskpane.reports.submit')} — ${LIB}` })
      .click();
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
    await become(p, 'Сарсенова А. К.', null);
    await row(p).getByLabel(t.t('taskpane.reports.comment')).fill('Уточните число пользователей за I квартал');
    await press(p, 'return', 'Уточните число пользователей за I квартал');

    await again(p);
    await become(p, 'Жакупова Г. С.', LIB);
    await press(p, 'submit', `: ${t.t('enum.report_status.submitted')}`);
    await again(p);
    await become(p, 'Сарсенова А. К.', null);
    await press(p, 'accept', `: ${t.t('enum.report_status.accepted')}`);
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
