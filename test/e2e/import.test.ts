import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { translator, type Translator } from '../../src/i18n';
import { REPORT_COLUMNS, type Language } from '../../src/standard';
import { columnLetters, type Snapshot } from '../../src/core/snapshot';
import { readWorkbook } from '../../src/xlsx/read';
import { loadSimFromXlsx, saveSimToXlsx } from '../../src/excel-sim/xlsx';
import { axe, describeE2E, eventually, open, pane, playground, sheetTab, typeInto } from './page';

/**
 * Import and Fill last year's figures in the playground, in headless
 * Chromium, in Russian and in Kazakh: the sample branch's own workbook (with
 * one participants figure typed as words, so that the checks have something
 * to find in the rows it brings) is picked through the pane's file input,
 * the plan shows its conflict, Apply waits for a choice, the import is
 * applied, and the Check view finds the mistake in the imported row; then
 * a cleared «Prior year» cell is filled back from the 2024 workbook. axe
 * finds nothing in the import UI at each step.
 */
const pg = playground();
const workbooks = join(__dirname, '..', '..', 'workbooks');
const BRANCH = 'osk_b01-2025.xlsx';
const IMPORTED_EVENT = 'EV-1351';

/** Where a table's data cell stands: its sheet and A1 address, from the file reader's snapshot. */
function cellOf(s: Snapshot, table: string, row: number, col: number): { sheet: string; address: string } {
  const t = s.tables.find((x) => x.name.toUpperCase() === table.toUpperCase());
  if (!t) throw new Error(`no table ${table}`);
  return { sheet: t.sheet, address: `${columnLetters(t.left + col)}${t.top + 2 + row}` };
}

/** The branch's workbook with the imported event's participants typed as words, as a person might. */
async function branchWithMistake(): Promise<Buffer> {
  const bytes = readFileSync(join(workbooks, BRANCH));
  const events = (await readWorkbook(bytes)).tables.find((x) => x.name === 'Events');
  const col = events?.header.indexOf(translator('ru').t('column.Events.participants')) ?? -1;
  const row = events?.rows.findIndex((r) => r[0] === IMPORTED_EVENT) ?? -1;
  if (!events || col < 0 || row < 0) throw new Error('the imported event or its participants column is missing');
  const at = cellOf({ date1904: false, sheets: [], tables: [events] }, 'Events', row, col);
  const sim = await loadSimFromXlsx(bytes);
  sim.simulateUserEdit(at.sheet, at.address, [['сто']]);
  return Buffer.from(await saveSimToXlsx(sim));
}

const section = (p: Locator, heading: string) =>
  p.locator('section').filter({ has: p.page().getByRole('heading', { name: heading, exact: true }) });

async function importAndFill(lang: Language, t: Translator, source: Buffer, target: Snapshot): Promise<void> {
  const page = await open(pg.browser, pg.url, lang, 'clean');
  const p = pane(page);
  await p.getByRole('tab', { name: t.t('taskpane.tab.consolidate'), exact: true }).click();
  const imp = section(p, t.t('pane.import.heading'));
  await imp.getByRole('button', { name: t.t('pane.import.choose') }).waitFor();
  await axe(page, `${lang}: import, nothing chosen`);

  await imp.locator('input[type="file"]').setInputFiles({
    name: BRANCH,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: source,
  });
  await imp.getByText(t.t('pane.import.chosen', { files: BRANCH })).waitFor();
  const plan = imp.getByRole('group', { name: t.t('pane.import.plan_heading') });
  await plan.waitFor({ timeout: 60_000 });
  await expect(plan.textContent()).resolves.toContain(
    t.t('pane.import.added', { table: t.t('sheet.Events'), count: 6 }),
  );
  const apply = imp.getByRole('button', { name: t.t('pane.import.apply') });
  await expect(apply.getAttribute('aria-disabled')).resolves.toBe('true');
  await imp.getByText(t.t('pane.import.unresolved', { count: 1 })).waitFor();
  await axe(page, `${lang}: import plan with a conflict`);

  const takeFile = t.t('pane.import.take_source', { value: '', file: '', cell: '' }).split(':')[0] ?? '';
  await imp
    .locator('fieldset')
    .first()
    .getByRole('radio', { name: new RegExp(`^${escape(takeFile)}`) })
    .check();
  await eventually(
    () => apply.getAttribute('aria-disabled'),
    (v) => expect(v).not.toBe('true'),
  );
  await apply.click();
  const done = t.t('pane.import.done', { rows: 6, filled: 28, duplicates: 19 });
  await shows(imp, done);
  await axe(page, `${lang}: import done`);

  // The imported rows are in the workbook and checked: the words typed as participants are an error at that row.
  await p.getByRole('tab', { name: t.t('taskpane.tab.check'), exact: true }).click();
  await p.getByRole('button', { name: t.t('taskpane.check.button'), exact: true }).click();
  await p
    .getByText(new RegExp(escape(t.t('taskpane.check.errors', { count: 1 }))))
    .first()
    .waitFor({ timeout: 60_000 });
  // The branch's new events are appended below the last filled row, in its order: the first is the one with the words.
  const events = target.tables.find((x) => x.name === 'Events');
  const filled = events?.rows.filter((r) => r.some((v) => v !== null && v !== '')).length ?? 0;
  const at = cellOf(target, 'Events', filled, 0);
  const finding = new RegExp(`^'?${escape(at.sheet)}'?![A-Z]+${/\d+$/.exec(at.address)?.[0]}:`);
  await shows(p, finding);

  // Last year's figures: a «Prior year» cell cleared, then filled back from the 2024 workbook.
  const { sheet, address } = cellOf(target, 'R_KRG_ODB', 0, REPORT_COLUMNS.indexOf('prior_year'));
  await sheetTab(page, sheet).click();
  const before = ((await page.locator(`td[data-address="${address}"]`).textContent()) ?? '').trim();
  expect(before).toMatch(/\d/);
  await typeInto(page, sheet, address, '');
  await eventually(
    async () => ((await page.locator(`td[data-address="${address}"]`).textContent()) ?? '').trim(),
    (v) => expect(v).toBe(''),
  );
  await p.getByRole('tab', { name: t.t('taskpane.tab.consolidate'), exact: true }).click();
  const prior = section(p, t.t('pane.prior.heading'));
  await prior.locator('input[type="file"]').setInputFiles(join(workbooks, 'karaganda-2024.xlsx'));
  await shows(prior, t.t('pane.prior.plan', { cells: 1, libraries: 1, kept: 1035 }));
  await axe(page, `${lang}: last year's figures planned`);
  await prior.getByRole('button', { name: t.t('pane.prior.apply'), exact: true }).click();
  await shows(prior, t.t('pane.prior.done', { cells: 1, libraries: 1 }));
  await sheetTab(page, sheet).click();
  await eventually(
    async () => ((await page.locator(`td[data-address="${address}"]`).textContent()) ?? '').trim(),
    (v) => expect(v).toBe(before),
  );
  expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  await page.close();
}

/** Waits for `text` in `where`; when it does not come, says what is there instead. */
async function shows(where: Locator, text: string | RegExp): Promise<void> {
  await where
    .getByText(text)
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(async (e: unknown) => {
      throw new Error(`${String(text)} is not shown: ${String(e)}\n${await where.textContent()}`);
    });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describeE2E('Import and last year’s figures in the playground', () => {
  let source: Buffer;
  let target: Snapshot;
  beforeAll(async () => {
    source = await branchWithMistake();
    target = await readWorkbook(readFileSync(join(workbooks, 'karaganda-2025.xlsx')));
  }, 60_000);

  it.each(['ru', 'kk'] as const)(
    'imports the branch’s workbook with its conflict resolved, checks its rows, fills last year’s figures (%s)',
    async (lang) => importAndFill(lang, translator(lang), source, target),
    400_000,
  );
});
