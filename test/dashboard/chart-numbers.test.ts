import { translator } from '../../src/i18n';
import { axisFormat, fractionDigits, valueText } from '../../src/core/layout/chart-numbers';
import type { PlanValue, SheetPlan } from '../../src/core/plan';
import { planCellValues, sampleRun } from './helpers';

/**
 * The Dashboard's charts write their numbers as the workbook's language does,
 * whoever consolidates (the person's language here is English): every data
 * label is text, the value of its cell written with the language's group and
 * decimal separators, and every value axis shown carries the language's group
 * separator in its format. Left to Excel, a Russian workbook's bars said
 * "35,438" on an English Windows under a title saying «всего 75 046».
 */
const SHAPES = {
  ru: /^-?\d{1,3}(\u00a0\d{3})*(,\d)?$/,
  kk: /^-?\d{1,3}(\u00a0\d{3})*(,\d)?$/,
  en: /^-?\d{1,3}(,\d{3})*(\.\d)?$/,
} as const;

function dashboardOf(sheets: readonly SheetPlan[]): SheetPlan {
  return sheets.find((s) => (s.charts?.length ?? 0) > 0)!;
}

describe.each(['ru', 'kk', 'en'] as const)('numbers on the Dashboard’s charts (%s)', (lang) => {
  const t = translator(lang);
  const dashboard = dashboardOf(sampleRun(lang).plan.sheets);
  const cells = new Map(planCellValues(dashboard).map((c) => [`${c.row},${c.col}`, c.value] as const));
  const cell = (row: number, col: number): PlanValue => cells.get(`${row},${col}`) ?? null;
  const format = (row: number, col: number): string =>
    dashboard.styles.findLast(
      (s) => s.style.numFmt && s.area.top <= row && row <= s.area.bottom && s.area.left <= col && col <= s.area.right,
    )?.style.numFmt ?? 'General';

  it('labels every point with its cell’s value as the language writes it', () => {
    const labelled = (dashboard.charts ?? []).filter((c) => c.dataLabels);
    expect(labelled.length).toBeGreaterThanOrEqual(8);
    let points = 0;
    for (const chart of labelled) {
      const { data } = chart;
      const series = chart.series ?? [];
      const byColumns = chart.seriesBy === 'columns';
      expect(series.length).toBe(byColumns ? data.right - data.left : data.bottom - data.top);
      series.forEach((s, i) => {
        const at = (j: number) =>
          byColumns ? [data.top + 1 + j, data.left + 1 + i] : [data.top + 1 + i, data.left + 1 + j];
        expect(s.labels?.length).toBe(byColumns ? data.bottom - data.top : data.right - data.left);
        s.labels?.forEach((label, j) => {
          const [row, col] = at(j) as [number, number];
          const v = cell(row, col);
          if (typeof v !== 'number') return expect(label).toBeNull();
          expect(label).toBe(t.number(v, fractionDigits(format(row, col))));
          expect(label).toMatch(SHAPES[lang]);
          points++;
        });
      });
    }
    expect(points).toBeGreaterThan(40);
  });

  it('gives every value axis shown the language’s group separator, as literal text', () => {
    const shown = (dashboard.charts ?? []).filter((c) => !c.valueAxis?.hidden);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    const group = lang === 'en' ? ',' : '\u00a0';
    for (const c of shown)
      expect(c.valueAxis?.format).toBe(`[>=1000000]#"${group}"###"${group}"##0;[>=1000]#"${group}"##0;0`);
    expect(axisFormat(t)).toBe(shown[0]?.valueAxis?.format);
  });
});

describe('a value as its format shows it', () => {
  it('takes the decimals of the format, and has no text for what is not a number', () => {
    const ru = translator('ru');
    expect([fractionDigits('#,##0'), fractionDigits('#,##0.0'), fractionDigits('0.00%')]).toEqual([0, 1, 2]);
    expect(valueText(ru, 35438, '#,##0')).toBe('35\u00a0438');
    expect(valueText(ru, 104.25, '#,##0.0')).toBe('104,3');
    expect(valueText(ru, -3.04, '#,##0.0')).toBe('-3,0');
    expect([valueText(ru, null, '#,##0'), valueText(ru, '—', '#,##0'), valueText(ru, NaN, '0')]).toEqual([
      null,
      null,
      null,
    ]);
  });
});
