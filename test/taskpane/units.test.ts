import { webDarkTheme, webLightTheme, teamsHighContrastTheme } from '@fluentui/react-components';
import { translator } from '../../src/i18n';
import { ExcelTooOldError, NotStandardWorkbookError } from '../../src/excel/actions';
import {
  JournalDamagedError,
  PeopleDataGuardError,
  SheetNameTakenError,
  WorkbookProtectedError,
} from '../../src/excel/guard';
import { problemOf } from '../../src/taskpane/errors';
import { displayCell, findingMatcher, groupFindings } from '../../src/taskpane/findings';
import { themeFor } from '../../src/taskpane/theme';
import { countText } from '../../src/taskpane/counts';
import { tabKeyTarget } from '../../src/taskpane/tab-keys';
import { chartData, niceTicks, titleLines } from '../../src/playground/chart';
import { paramsOf } from '../../src/playground/params';
import { FINDINGS } from './fakes';

/** The task pane's and the playground's pure parts. */
describe('findings as the Check view shows them', () => {
  it('group by severity, rule and library, with counts that leave explained warnings out', () => {
    const groups = groupFindings(FINDINGS);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ['error', 3],
      ['warning', 0],
    ]);
    const d1 = groups[0]?.rules[0];
    expect(d1?.rule).toBe('D1');
    expect(d1?.libraries.map((l) => [l.libId, l.count])).toEqual([
      ['KRG_TEMIRTAU', 1],
      ['KRG_ABAY', 1],
    ]);
    expect(groups[0]?.rules[1]?.libraries[0]?.libId).toBeNull();
  });

  it('filter on rule, library name, cell and message, in the reader’s language', () => {
    const t = translator('ru');
    const names = new Map([['KRG_ABAY', 'Абайская ЦБС']]);
    const match = (q: string) => FINDINGS.filter(findingMatcher(q, t, names) ?? (() => true)).map((f) => f.cell);
    expect(match('')).toHaveLength(4);
    expect(match('d1')).toEqual(["'KRG_TEMIRTAU'!F6", "'KRG_ABAY'!G7"]);
    expect(match('абайская g7')).toEqual(["'KRG_ABAY'!G7"]);
    expect(match('числа')).toHaveLength(2);
    expect(match('KRG_TEMIRTAU!F6')).toEqual(["'KRG_TEMIRTAU'!F6"]);
  });

  it('show cells without the quotes of formulas', () => {
    expect(displayCell("'KRG_B01'!F6")).toBe('KRG_B01!F6');
    expect(displayCell("'It''s'!A1")).toBe("It's!A1");
    expect(displayCell('Libraries!D4')).toBe('Libraries!D4');
  });
});

describe('counts in each language', () => {
  it('use each language’s plural forms and digit grouping', () => {
    expect(countText(translator('ru'), 1, 2)).toBe('Найдено: 1 ошибка, 2 предупреждения.');
    expect(countText(translator('ru'), 5, 21)).toBe('Найдено: 5 ошибок, 21 предупреждение.');
    expect(countText(translator('ru'), 1234, 0)).toMatch(/^Найдено: 1\s234 ошибки, 0 предупреждений\.$/);
    expect(countText(translator('kk'), 3, 1)).toBe('Табылды: 3 қате, 1 ескерту.');
    expect(countText(translator('en'), 1, 1)).toBe('Found: 1 error, 1 warning.');
    expect(translator('ru').t('taskpane.consolidate.missing', { count: 22 })).toBe('22 библиотеки не сдали отчёт');
    expect(translator('ru').t('taskpane.consolidate.included', { count: 21, included: 20 })).toBe(
      'Включено в свод: 20 из 21 действующей библиотеки.',
    );
  });
});

describe('errors', () => {
  const classes = { ExcelTooOldError, NotStandardWorkbookError };
  it('say what the person can do', () => {
    expect(problemOf(new ExcelTooOldError(), classes)).toEqual({ kind: 'too_old' });
    expect(problemOf(new NotStandardWorkbookError(), classes)).toEqual({ kind: 'not_standard' });
    expect(problemOf(new PeopleDataGuardError('Свод', 'Libraries'), classes)).toEqual({
      kind: 'guard',
      sheet: 'Свод',
      table: 'Libraries',
    });
    expect(problemOf({ code: 'InvalidOperationInCellEditMode', message: 'x' }, classes)).toEqual({ kind: 'cell_edit' });
    expect(problemOf({ code: 'AccessDenied' }, classes)).toEqual({ kind: 'protected' });
    expect(problemOf(new SheetNameTakenError('Свод'), classes)).toEqual({ kind: 'name_taken', sheet: 'Свод' });
    expect(problemOf(new Error('boom'), null)).toEqual({ kind: 'unexpected', detail: 'boom' });
    expect(problemOf(new WorkbookProtectedError(), classes)).toEqual({ kind: 'protected' });
    expect(problemOf(new JournalDamagedError('kind', 'writes[2].k', 'erase'), classes)).toEqual({
      kind: 'journal',
      damage: 'kind',
      where: 'writes[2].k',
      found: 'erase',
    });
  });

  it('name what is wrong with a damaged journal, in every language', () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const t = translator(lang);
      for (const damage of ['cut_short', 'shape', 'kind', 'address'] as const) {
        const reason = t.t(`taskpane.error.journal_${damage}`, { where: 'writes[2].k', found: 'erase' });
        expect(reason).not.toMatch(/taskpane\.|\{\{/);
        const text = t.t('taskpane.error.journal', { reason });
        expect(text).toContain(reason);
        if (damage !== 'cut_short') expect(reason).toContain('writes[2].k');
      }
    }
  });
});

describe('the theme', () => {
  it('follows Office: light, dark, and high contrast when colours are forced', () => {
    expect(themeFor(undefined, false)).toBe(webLightTheme);
    expect(
      themeFor({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' }, false).colorBrandBackground,
    ).toBe(webDarkTheme.colorBrandBackground);
    expect(
      themeFor({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' }, false).colorNeutralBackground1,
    ).toBe('#262626');
    expect(themeFor({ bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000' }, true)).toBe(
      teamsHighContrastTheme,
    );
  });
});

describe('the playground', () => {
  it('reads the sample and the language from its address', () => {
    expect(paramsOf('?sample=clean&lang=kk')).toEqual({ sample: 'clean', language: 'kk' });
    expect(paramsOf('')).toEqual({ sample: 'mistakes', language: null });
    expect(paramsOf('?lang=de')).toEqual({ sample: 'mistakes', language: null });
  });

  it('draws charts from their source cells, series by columns or by rows', () => {
    const grid = [
      ['Territory', 'Users', 'Visits'],
      ['KRG', 10, 100],
      ['TMR', 5, null],
    ];
    const byColumns = chartData({ title: 't', type: 'ColumnClustered', seriesBy: 'Columns', grid, series: [] });
    expect(byColumns.categories).toEqual(['KRG', 'TMR']);
    expect(byColumns.series.map((s) => [s.name, s.values])).toEqual([
      ['Users', [10, 5]],
      ['Visits', [100, null]],
    ]);
    const byRows = chartData({ title: 't', type: 'BarClustered', seriesBy: 'Rows', grid, series: [] });
    expect(byRows.categories).toEqual(['Users', 'Visits']);
    expect(byRows.series.map((s) => s.name)).toEqual(['KRG', 'TMR']);
    const line = chartData({
      title: 't',
      type: 'ColumnClustered',
      seriesBy: 'Columns',
      grid,
      series: [
        { name: 'Users', chartType: 'ColumnClustered', fillColor: '#112233', lineColor: null },
        { name: 'Plan', chartType: 'Line', fillColor: null, lineColor: '#C00000' },
      ],
    });
    expect(line.series.map((s) => [s.name, s.color, s.asLine])).toEqual([
      ['Users', '#112233', false],
      ['Plan', '#C00000', true],
    ]);
  });

  it('puts axis ticks on round numbers that cover the data', () => {
    expect(niceTicks(0, 310548)).toEqual([0, 100000, 200000, 300000, 400000]);
    expect(niceTicks(0, 35438)).toEqual([0, 10000, 20000, 30000, 40000]);
    expect(niceTicks(-12, 7)).toEqual([-15, -10, -5, 0, 5, 10]);
    expect(titleLines('short')).toEqual(['short']);
    expect(titleLines('Зарегистрированные пользователи по территориям (всего 72 413)')).toHaveLength(2);
  });
});

describe('the tabs’ keys', () => {
  it('move along the tabs, wrapping round, and to the first and last', () => {
    expect(tabKeyTarget('ArrowRight', 0, 4)).toBe(1);
    expect(tabKeyTarget('ArrowRight', 3, 4)).toBe(0);
    expect(tabKeyTarget('ArrowLeft', 0, 4)).toBe(3);
    expect(tabKeyTarget('Home', 2, 4)).toBe(0);
    expect(tabKeyTarget('End', 0, 4)).toBe(3);
    expect(tabKeyTarget('Enter', 1, 4)).toBeNull();
    expect(tabKeyTarget('ArrowRight', 0, 0)).toBeNull();
  });
});
