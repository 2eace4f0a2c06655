/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { ExcelTooOldError, NotStandardWorkbookError } from '../../src/excel/actions';
import type { Language } from '../../src/standard';
import type { ConsolidationRun } from '../../src/core/pipeline';
import { TextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { translator } from '../../src/i18n';
import { FINDINGS, NEW_PLAN, checkResult, consolidationRun, fakeEngine, fakeHost, type FakeHost } from './fakes';

/** The task pane's views in each of their states: empty, running, error, results. */
function renderPane(options: { lang?: Language; host?: FakeHost } = {}) {
  const host = options.host ?? fakeHost();
  const engine = fakeEngine();
  const view = render(
    <App
      host={host}
      language={options.lang ?? 'en'}
      theme={webLightTheme}
      version="test"
      engine={engine.load}
      recheckDelay={10}
    />,
  );
  return { host, engine, view };
}

const tab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
const live = () => document.querySelector('[aria-live="polite"][role="status"]')?.textContent ?? '';

describe('the task pane', () => {
  it('offers the three actions by their accessible names, in English', async () => {
    renderPane();
    for (const name of ['Set up', 'Check', 'Consolidate']) expect(screen.getByRole('tab', { name })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Set up workbook' })).toBeTruthy();
    tab('Check');
    expect(screen.getByRole('button', { name: 'Check' })).toBeTruthy();
    tab('Consolidate');
    expect(screen.getByRole('button', { name: 'Consolidate' })).toBeTruthy();
    await act(async () => undefined);
  });

  it('speaks Kazakh and Russian, and switches language', async () => {
    renderPane({ lang: 'kk' });
    expect(screen.getByRole('button', { name: 'Кітапты баптау' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('kk-KZ');
    fireEvent.change(screen.getByLabelText('Тіл'), { target: { value: 'ru' } });
    expect(screen.getByRole('button', { name: 'Подготовить книгу' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Свод' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ru-RU');
    await act(async () => undefined);
  });

  it('says at once when Excel lacks ExcelApi 1.8', async () => {
    const host = fakeHost();
    host.supported = false;
    renderPane({ host });
    expect(screen.getByText('This Excel is too old for Kitaphana')).toBeTruthy();
    await act(async () => undefined);
  });
});

describe('Set up', () => {
  it('empty: a new workbook gets the create text; a missing region is pointed out', async () => {
    const { engine } = renderPane();
    await screen.findByText(/Creates the standard structure/);
    fireEvent.click(screen.getByRole('button', { name: 'Set up workbook' }));
    expect(await screen.findByText('Enter the name of the region or district.')).toBeTruthy();
    const region = screen.getByRole('combobox', { name: /Region or district/ });
    expect(document.activeElement).toBe(region);
    expect(engine.setup).toHaveLength(0);
    // The oblasts and cities are offered in the sheets' language (here the pane's, English).
    const offered = [...document.querySelectorAll(`#${region.getAttribute('list')} option`)].map((o) =>
      o.getAttribute('value'),
    );
    expect(offered).toHaveLength(20);
    expect(offered).toContain('Karaganda oblast');
  });

  it("offers the regions in the language of the workbook's sheets", async () => {
    renderPane({ host: fakeHost({ region: 'Қарағанды облысы', year: 2025, level: 'oblast', language: 'kk' }) });
    await screen.findByText(/This workbook is set up for Қарағанды облысы, 2025/);
    const region = screen.getByRole('combobox', { name: /Region or district/ });
    const offered = [...document.querySelectorAll(`#${region.getAttribute('list')} option`)].map((o) =>
      o.getAttribute('value'),
    );
    expect(offered).toContain('Қарағанды облысы');
    expect(offered).toContain('Түркістан облысы');
  });

  it('prefills an existing workbook and runs: progress, then results with focus on them', async () => {
    const host = fakeHost({ region: 'Карагандинская область', year: 2025, level: 'oblast', language: 'ru' });
    const { engine } = renderPane({ host });
    await screen.findByText(/This workbook is set up for Карагандинская область, 2025/);
    expect((screen.getByRole('spinbutton', { name: /Year/ }) as HTMLInputElement).value).toBe('2025');
    fireEvent.click(screen.getByRole('button', { name: 'Set up workbook' }));
    await waitFor(() => expect(engine.setup).toHaveLength(1));
    expect(engine.setup[0]?.args[0]).toEqual({
      region: 'Карагандинская область',
      year: 2025,
      level: 'oblast',
      language: 'ru',
    });
    // Running: a progress bar labelled with the stage, the button unavailable but still focusable.
    expect(screen.getByRole('progressbar')).toBeTruthy();
    act(() => engine.setup[0]?.stage('write'));
    expect(screen.getByRole('progressbar', { name: 'Writing to the workbook…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Set up workbook' }).getAttribute('aria-disabled')).toBe('true');
    await act(async () => engine.setup[0]?.result.resolve(NEW_PLAN));
    const results = screen.getByRole('group', { name: 'The workbook is set up.' });
    // The same lines as the command line's: tables by what people call them, the software's own by what they hold.
    const line = 'Added 3 tables: settings (_meta), Territories, Libraries.';
    expect(within(results).getByText(line)).toBeTruthy();
    expect(document.activeElement).toBe(results);
    expect(live()).toContain(line);
  });

  it('error: a guard refusal says what to do', async () => {
    const host = fakeHost({ region: 'X', year: 2025, level: 'cbs', language: 'en' });
    const { engine } = renderPane({ host });
    await screen.findByText(/This workbook is set up for X/);
    fireEvent.click(screen.getByRole('button', { name: 'Set up workbook' }));
    await waitFor(() => expect(engine.setup).toHaveLength(1));
    const { PeopleDataGuardError } = await import('../../src/excel/guard');
    await act(async () => engine.setup[0]?.result.reject(new PeopleDataGuardError('Summary', 'Libraries')));
    expect(screen.getByText('Nothing was written')).toBeTruthy();
    expect(screen.getByText(/Rename that sheet/)).toBeTruthy();
  });
});

describe('Check', () => {
  it('runs, then shows findings by severity, rule and library with counts', async () => {
    const { engine } = renderPane();
    tab('Check');
    expect(screen.queryByRole('group')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(engine.check).toHaveLength(1));
    expect(screen.getByRole('progressbar')).toBeTruthy();
    act(() => engine.check[0]?.stage('check'));
    expect(screen.getByRole('progressbar', { name: 'Checking the entries…' })).toBeTruthy();
    await act(async () => engine.check[0]?.result.resolve(checkResult()));
    const results = screen.getByRole('group', { name: 'Found: 3 errors, 0 warnings.' });
    expect(document.activeElement).toBe(results);
    expect(live()).toBe('Found: 3 errors, 0 warnings.');
    expect(await screen.findByRole('heading', { name: 'Errors (3)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Warnings (0)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'D1 · Numbers (2)' }).getAttribute('aria-expanded')).toBe('true');
    // Library groups, by registry name, and the workbook's own findings.
    expect(screen.getByRole('heading', { name: 'Темиртауская ЦБС (KRG_TEMIRTAU) (1)' })).toBeTruthy();
    expect(screen.getByText('1 warning is explained in its note and not counted.')).toBeTruthy();
    // Selecting a finding selects its cell.
    fireEvent.click(screen.getByRole('button', { name: /KRG_TEMIRTAU!F6: «1 234» is stored as text/ }));
    await waitFor(() => expect(engine.selected).toEqual(["'KRG_TEMIRTAU'!F6"]));
    await waitFor(() => expect(live()).toBe('Selected the cell KRG_TEMIRTAU!F6.'));
  });

  it('filters the findings', async () => {
    const { engine } = renderPane();
    tab('Check');
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(engine.check).toHaveLength(1));
    await act(async () => engine.check[0]?.result.resolve(checkResult()));
    await screen.findByRole('button', { name: /KRG_TEMIRTAU!F6/ });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter findings' }), { target: { value: 'абай' } });
    expect(screen.getByText('Shown: 2 of 4.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /KRG_TEMIRTAU!F6/ })).toBeNull();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter findings' }), {
      target: { value: 'nothing like this' },
    });
    expect(screen.getByText('No finding matches the filter.')).toBeTruthy();
  });

  it('checks again after a table changes, debounced, without taking the focus', async () => {
    const { engine, host } = renderPane();
    tab('Check');
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(engine.check).toHaveLength(1));
    await act(async () => engine.check[0]?.result.resolve(checkResult()));
    await waitFor(() => expect(host.changeHandlers).toHaveLength(1));
    await screen.findByRole('heading', { name: 'Errors (3)' });
    const filter = screen.getByRole('searchbox', { name: 'Filter findings' });
    filter.focus();
    act(() => {
      host.changeHandlers[0]?.();
      host.changeHandlers[0]?.();
      host.changeHandlers[0]?.();
    });
    await waitFor(() => expect(engine.check).toHaveLength(2));
    // The list stays while checking again.
    expect(screen.getByRole('heading', { name: 'Errors (3)' })).toBeTruthy();
    await act(async () => engine.check[1]?.result.resolve(checkResult(FINDINGS.slice(0, 1))));
    expect(screen.getByRole('heading', { name: 'Found: 1 error, 0 warnings.' })).toBeTruthy();
    expect(document.activeElement).toBe(filter);
    expect(engine.check).toHaveLength(2);
    // Switching automatic re-checks off unregisters the handler.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Check again when a table changes' }));
    await waitFor(() => expect(host.removed).toBe(1));
  });

  it('error: a workbook that is not set up offers the way to Set up', async () => {
    const { engine } = renderPane();
    tab('Check');
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(engine.check).toHaveLength(1));
    await act(async () => engine.check[0]?.result.reject(new NotStandardWorkbookError()));
    expect(screen.getByText('This is not a Kitaphana workbook yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Go to Set up' }));
    expect(screen.getByRole('tab', { name: 'Set up' }).getAttribute('aria-selected')).toBe('true');
  });

  it('error: a cell being edited', async () => {
    const { engine } = renderPane();
    tab('Check');
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(engine.check).toHaveLength(1));
    await act(async () =>
      engine.check[0]?.result.reject(Object.assign(new Error('edit'), { code: 'InvalidOperationInCellEditMode' })),
    );
    expect(screen.getByText(/Finish editing the cell/)).toBeTruthy();
  });
});

describe('a co-author changed the workbook meanwhile', () => {
  it('Check says its findings may be out of date, and Run again checks again', async () => {
    const { engine } = renderPane({ lang: 'ru' });
    tab('Проверка');
    fireEvent.click(screen.getByRole('button', { name: 'Проверить' }));
    await waitFor(() => expect(engine.check).toHaveLength(1));
    await act(async () => engine.check[0]?.result.resolve({ ...checkResult(), stale: ['R_KRG_ABAY'] }));
    expect(
      screen.getByText(/Пока шла проверка, кто-то изменил R_KRG_ABAY: результаты могут быть устаревшими\./),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Запустить снова' }));
    await waitFor(() => expect(engine.check).toHaveLength(2));
    await act(async () => engine.check[1]?.result.resolve({ ...checkResult(), stale: [] }));
    expect(screen.queryByText(/Пока шла проверка/)).toBeNull();
  });

  it('Consolidate says its result may be out of date, and Run again consolidates again', async () => {
    const { engine } = renderPane({ lang: 'kk' });
    tab('Жиынтық');
    fireEvent.click(screen.getByRole('button', { name: 'Жинақтау' }));
    await waitFor(() => expect(engine.consolidate).toHaveLength(1));
    await act(async () =>
      engine.consolidate[0]?.result.resolve({ ...consolidationRun('kk'), stale: ['Events'] } as ConsolidationRun),
    );
    expect(screen.getByText(/Жиынтық жасалып жатқанда біреу Events өзгертті/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Қайта іске қосу' }));
    await waitFor(() => expect(engine.consolidate).toHaveLength(2));
  });

  it('Consolidate says so when a table changes after the result was written, until the next run', async () => {
    const { engine, host } = renderPane({ lang: 'ru' });
    tab('Свод');
    fireEvent.click(screen.getByRole('button', { name: 'Свести' }));
    await waitFor(() => expect(engine.consolidate).toHaveLength(1));
    await act(async () =>
      engine.consolidate[0]?.result.resolve({ ...consolidationRun('ru'), stale: [] } as ConsolidationRun),
    );
    expect(screen.queryByText(/После свода изменились/)).toBeNull();
    await waitFor(() => expect(host.changeHandlers.length).toBeGreaterThan(0));
    act(() => host.changeHandlers.forEach((f) => f()));
    await waitFor(() =>
      expect(
        screen.getByText(/После свода изменились Events: сводные листы уже не отражают эти данные\./),
      ).toBeTruthy(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Запустить снова' }));
    await waitFor(() => expect(engine.consolidate).toHaveLength(2));
    expect(screen.queryByText(/После свода изменились/)).toBeNull();
  });
});

describe('Consolidate', () => {
  it.each(['kk', 'ru', 'en'] as const)(
    'names in %s every sheet a consolidation writes, by the name on its tab',
    (lang) => {
      renderPane({ lang });
      const t = translator(lang);
      tab(t.t('taskpane.tab.consolidate'));
      const intro = screen.getByText(
        (_, el) =>
          el?.tagName === 'P' &&
          /:/.test(el.textContent ?? '') &&
          el.textContent!.startsWith(t.t('taskpane.consolidate.intro', { sheets: '' }).split(':')[0]!),
      );
      // jsdom has neither TextEncoder nor structuredClone, which the sample generator uses.
      Object.assign(globalThis, {
        TextEncoder: globalThis.TextEncoder ?? TextEncoder,
        structuredClone: globalThis.structuredClone ?? ((v: unknown) => deserialize(serialize(v)) as unknown),
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { sampleRun } = require('../dashboard/helpers') as typeof import('../dashboard/helpers');
      const written = sampleRun(lang).plan.sheets.map((sheet) => sheet.name);
      expect(written.length).toBeGreaterThan(6);
      for (const name of written) expect(intro.textContent).toContain(name);
    },
  );

  it('shows progress by stage, then included, excluded with reasons, missing, and opens the sheets', async () => {
    const { engine, host } = renderPane({ lang: 'ru' });
    tab('Свод');
    // Empty: the option, the button, no progress, no results.
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Свод готов.' })).toBeNull();
    expect((screen.getByRole('checkbox', { name: 'Включить отчёты с ошибками' }) as HTMLInputElement).checked).toBe(
      false,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Включить отчёты с ошибками' }));
    fireEvent.click(screen.getByRole('button', { name: 'Свести' }));
    await waitFor(() => expect(engine.consolidate).toHaveLength(1));
    expect(engine.consolidate[0]?.args[0]).toMatchObject({ includeErrors: true, userLanguage: 'ru', version: 'test' });
    act(() => engine.consolidate[0]?.stage('layout'));
    expect(screen.getByRole('progressbar', { name: 'Подготовка листов…' })).toBeTruthy();
    expect(screen.getByText('Шаг 4 из 5')).toBeTruthy();
    await waitFor(() => expect(live()).toBe('Подготовка листов…'));
    await act(async () => engine.consolidate[0]?.result.resolve(consolidationRun('ru')));
    const results = screen.getByRole('group', { name: 'Свод готов.' });
    expect(document.activeElement).toBe(results);
    expect(within(results).getByText('Включено в свод: 37 из 40 действующих библиотек.')).toBeTruthy();
    expect(within(results).getByText('Найдено: 3 ошибки, 0 предупреждений.')).toBeTruthy();
    expect(within(results).getByRole('heading', { name: '1 отчёт не включён из-за ошибок' })).toBeTruthy();
    expect(
      within(results).getByText(/D1 'KRG_TEMIRTAU'!F6: «1 234» записано как текст.*\(и ещё 2 ошибки\)/),
    ).toBeTruthy();
    expect(within(results).getByRole('heading', { name: '2 библиотеки не сдали отчёт' })).toBeTruthy();
    expect(within(results).getByText('Абайская ЦБС (KRG_ABAY)')).toBeTruthy();
    fireEvent.click(within(results).getByRole('button', { name: 'Открыть свод' }));
    fireEvent.click(within(results).getByRole('button', { name: 'Открыть диаграммы' }));
    await waitFor(() => expect(host.activated).toEqual(['Свод', 'Диаграммы']));
  });

  it('offers only accepted reports, and lists those left out with their status', async () => {
    const { engine } = renderPane({ lang: 'ru' });
    tab('Свод');
    const only = screen.getByRole('checkbox', { name: 'Только принятые отчёты' }) as HTMLInputElement;
    expect(only.checked).toBe(false);
    fireEvent.click(only);
    fireEvent.click(screen.getByRole('button', { name: 'Свести' }));
    await waitFor(() => expect(engine.consolidate).toHaveLength(1));
    expect(engine.consolidate[0]?.args[0]).toMatchObject({ includeErrors: false, acceptedOnly: true });
    await act(async () =>
      engine.consolidate[0]?.result.resolve(
        consolidationRun('ru', [
          { libId: 'KRG_SATPAEV', status: 'submitted' },
          { libId: 'KRG_SHAKHTINSK', status: 'returned' },
        ]),
      ),
    );
    const results = screen.getByRole('group', { name: 'Свод готов.' });
    const group = within(results).getByRole('group', { name: '2 отчёта не включены: не приняты' });
    expect(within(group).getByText('KRG_SATPAEV: Сдан')).toBeTruthy();
    expect(within(group).getByText('KRG_SHAKHTINSK: Возвращён')).toBeTruthy();
  });

  it('error: Excel too old', async () => {
    const { engine } = renderPane();
    tab('Consolidate');
    fireEvent.click(screen.getByRole('button', { name: 'Consolidate' }));
    await waitFor(() => expect(engine.consolidate).toHaveLength(1));
    await act(async () => engine.consolidate[0]?.result.reject(new ExcelTooOldError()));
    expect(screen.getByText('This Excel is too old for Kitaphana')).toBeTruthy();
    expect(document.activeElement?.textContent).toContain('ExcelApi 1.8');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('This Excel is too old for Kitaphana')).toBeNull();
  });
});
