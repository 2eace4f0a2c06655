/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { webLightTheme } from '@fluentui/react-components';
import axe from 'axe-core';
import { TextEncoder } from 'node:util';
import { App } from '../../src/taskpane/App';
import * as actions from '../../src/excel/actions';
import { taskpaneHost } from '../../src/excel/pane';
import type { Engine } from '../../src/taskpane/engine';
import { templatePlan } from '../../src/core/layout/template';
import { simFromPlan, simHost } from '../../src/excel-sim';
import { translator } from '../../src/i18n';
import { smallContent } from '../helpers/network';

/**
 * The Reports view with the real engine on the in-memory Excel: the board
 * first, with no name asked and no comment box; a library submits with an
 * error (its name asked then, the submission refused with the list), fixes
 * it, submits; a methodologist returns it with a comment written in the one
 * box that opens; it is submitted again and accepted; consolidation of
 * accepted reports only says 1 accepted.
 */
const ru = translator('ru');
const U01_Q2 = 'E5';

function renderPane() {
  const sim = simFromPlan(templatePlan(smallContent('ru')));
  const host = taskpaneHost(simHost(sim));
  render(
    <App
      host={host}
      language="ru"
      theme={webLightTheme}
      version="test"
      engine={async () => actions as unknown as Engine}
      recheckDelay={10}
    />,
  );
  fireEvent.click(screen.getByRole('tab', { name: ru.t('taskpane.tab.reports') }));
  return sim;
}

const panel = () => screen.getByRole('tabpanel', { hidden: false });
const button = (name: string | RegExp) => within(panel()).getByRole('button', { name });

/** Says who the person is, in the form a first action opens in the library's row (role and library chosen by it). */
async function answer(lib: string, name: string) {
  const form = await waitFor(() => within(itemOf(lib)).getByRole('group', { name: ru.t('taskpane.reports.who') }));
  fireEvent.change(within(form).getByRole('textbox', { name: /Ваше имя/ }), { target: { value: name } });
  fireEvent.click(within(form).getByRole('button', { name: ru.t('taskpane.reports.save_person') }));
}

const itemOf = (lib: string) =>
  within(panel())
    .getAllByRole('listitem')
    .find((li) => li.textContent?.includes(`(${lib})`))!;

/** Clicks a button of a library's row once the view is no longer busy. */
async function press(lib: string, name: RegExp) {
  const b = await waitFor(() => {
    const el = within(itemOf(lib)).getByRole('button', { name });
    expect(el.getAttribute('aria-disabled')).not.toBe('true');
    return el;
  });
  fireEvent.click(b);
}

beforeEach(() => localStorage.clear());
// jsdom has no TextEncoder (the checksum encodes text as UTF-8, as every browser does).
globalThis.TextEncoder ??= TextEncoder;
// jsdom has no ResizeObserver; Fluent's text areas ask for one.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;

describe('the Reports view', () => {
  it('takes a report from a refused submission to acceptance, and consolidates only accepted reports', async () => {
    const sim = renderPane();
    const u01 = sim.values('KRG_CGB', U01_Q2)[0]![0] as number;
    sim.simulateUserEdit('KRG_CGB', U01_Q2, [['сто']]);

    // The board comes first, one line per library, with no name asked and no comment box open.
    await waitFor(() => expect(itemOf('KRG_CGB')).toBeTruthy());
    expect(within(panel()).queryByRole('textbox', { name: /Ваше имя/ })).toBeNull();
    expect(within(panel()).queryAllByRole('textbox', { name: /Комментарий/ })).toHaveLength(0);

    // The name is asked when the person acts; then the action goes on.
    await press('KRG_CGB', /Сдать — KRG_CGB/);
    await answer('KRG_CGB', 'Жакупова Г. С.');
    expect(within(panel()).getByText(/Вы: Жакупова Г\. С\., сотрудник KRG_CGB\./)).toBeTruthy();
    await waitFor(() => expect(within(itemOf('KRG_CGB')).getByText(/Ошибок в отчёте KRG_CGB: 1/)).toBeTruthy());
    expect(within(itemOf('KRG_CGB')).getByText(new RegExp(`D1 'KRG_CGB'!${U01_Q2}`))).toBeTruthy();
    // Only the person's own library can be submitted.
    expect(within(itemOf('TMR_CGB')).queryByRole('button')).toBeNull();

    sim.simulateUserEdit('KRG_CGB', U01_Q2, [[u01]]);
    await press('KRG_CGB', /Сдать — KRG_CGB/);
    await waitFor(() => expect(itemOf('KRG_CGB').textContent).toContain('Сдан'));

    fireEvent.click(button(ru.t('taskpane.reports.change_person')));
    await press('KRG_CGB', /Вернуть — KRG_CGB/);
    await answer('KRG_CGB', 'Сарсенова А. К.');
    // The comment box opens for the library being returned, and only for it.
    await waitFor(() => expect(within(itemOf('KRG_CGB')).getByRole('textbox', { name: /Комментарий/ })).toBeTruthy());
    expect(within(panel()).getAllByRole('textbox', { name: /Комментарий/ })).toHaveLength(1);
    await press('KRG_CGB', /Вернуть — KRG_CGB/);
    await waitFor(() => expect(within(itemOf('KRG_CGB')).getByText(/без комментария/)).toBeTruthy());
    fireEvent.change(within(itemOf('KRG_CGB')).getByRole('textbox', { name: /Комментарий/ }), {
      target: { value: 'Уточните U01 за II квартал' },
    });
    await press('KRG_CGB', /Вернуть — KRG_CGB/);
    await waitFor(() => expect(itemOf('KRG_CGB').textContent).toContain('Возвращён'));
    expect(itemOf('KRG_CGB').textContent).toContain('Уточните U01 за II квартал');
    expect(within(panel()).queryAllByRole('textbox', { name: /Комментарий/ })).toHaveLength(0);

    fireEvent.click(button(ru.t('taskpane.reports.change_person')));
    await press('KRG_CGB', /Сдать — KRG_CGB/);
    await answer('KRG_CGB', 'Жакупова Г. С.');
    await waitFor(() => expect(itemOf('KRG_CGB').textContent).toContain('Сдан'));

    fireEvent.click(button(ru.t('taskpane.reports.change_person')));
    await press('KRG_CGB', /Принять — KRG_CGB/);
    await answer('KRG_CGB', 'Сарсенова А. К.');
    await waitFor(() => expect(itemOf('KRG_CGB').textContent).toContain('Принят'));

    // Filtered by name or code: one line.
    fireEvent.change(within(panel()).getByRole('searchbox', { name: ru.t('taskpane.reports.filter_library') }), {
      target: { value: 'krg_cg' },
    });
    expect(
      within(panel())
        .getAllByRole('listitem')
        .filter((li) => /\([A-Z_]+\)/.test(li.textContent ?? '')),
    ).toHaveLength(1);
    fireEvent.change(within(panel()).getByRole('searchbox', { name: ru.t('taskpane.reports.filter_library') }), {
      target: { value: '' },
    });

    // Filtered by status: only the accepted one.
    fireEvent.change(within(panel()).getByRole('combobox', { name: ru.t('taskpane.reports.filter_status') }), {
      target: { value: 'accepted' },
    });
    expect(
      within(panel())
        .getAllByRole('listitem')
        .filter((li) => /\([A-Z_]+\)/.test(li.textContent ?? '')),
    ).toHaveLength(1);

    const results = await axe.run(panel(), { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // Consolidate with only accepted reports: the Summary says 1 accepted.
    fireEvent.click(screen.getByRole('tab', { name: ru.t('taskpane.tab.consolidate') }));
    fireEvent.click(within(panel()).getByRole('checkbox', { name: ru.t('taskpane.consolidate.accepted_only') }));
    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: ru.t('taskpane.consolidate.button') }));
    });
    await waitFor(
      () => expect(within(panel()).getByRole('group', { name: ru.t('taskpane.consolidate.done') })).toBeTruthy(),
      {
        timeout: 15_000,
      },
    );
    const summary = Object.values(sim.contents(ru.t('sheet.Summary'))).map(String);
    expect(
      summary.some((v) => v.startsWith('Отчёты: Принят: 1,') && v.includes('Сведены только принятые отчёты.')),
    ).toBe(true);
  }, 60_000);
});
