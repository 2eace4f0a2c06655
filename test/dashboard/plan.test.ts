import { translator } from '../../src/i18n';
import { karagandaSample } from '../../src/sample';
import { LANGUAGES, type Language } from '../../src/standard';
import type { ChartPlan, SheetPlan } from '../../src/core/plan';
import { KEY_INDICATORS, planAxisMin } from '../../src/core/layout/dashboard';
import { INDICATOR_COLORS, MARKS } from '../../src/core/layout/palette';
import { wrappedLines } from '../../src/core/layout/builder';
import { nationalContent } from '../../src/bench/national';
import { consolidated, inside, overlaps, personNames, planCellValues, sampleRun, textOf } from './helpers';

/**
 * The Dashboard and the generated sheets as the core lays them out: charts
 * that draw from ranges the plan fills, placed on a two-page grid without
 * overlapping, one colour per indicator on every chart, marks on plan % and
 * change %, and no personal data anywhere.
 */
function dashboardOf(lang: Language): { sheet: SheetPlan; charts: readonly ChartPlan[]; all: readonly SheetPlan[] } {
  const run = sampleRun(lang);
  const sheet = run.plan.sheets.find((s) => s.name === translator(lang).t('sheet.Dashboard'));
  if (!sheet) throw new Error('no Dashboard');
  return { sheet, charts: sheet.charts ?? [], all: run.plan.sheets };
}

/** Whether a chart crosses a page break. */
const a3 = (p: { top: number; bottom: number }, breaks: readonly number[]) =>
  breaks.some((b) => p.top < b && p.bottom >= b);

describe('the Dashboard', () => {
  it.each(LANGUAGES)('has the charts of section 4, with titles in %s', (lang) => {
    const { charts } = dashboardOf(lang);
    expect(charts.map((c) => c.name)).toEqual([
      'Kitaphana_U01',
      'Kitaphana_V01',
      'Kitaphana_L01',
      'Kitaphana_E01',
      'Kitaphana_Change',
      'Kitaphana_Training',
      'Kitaphana_Plan',
      'Kitaphana_EventsByMonth',
      'Kitaphana_EventsByForm',
      'Kitaphana_Visited',
      'Kitaphana_PdReach',
    ]);
    const t = translator(lang);
    expect(charts.find((c) => c.name === 'Kitaphana_Plan')?.title).toBe(t.t('dashboard.plan_title'));
    for (const c of charts) expect(c.title).not.toMatch(/dashboard\.|\{\{/);
  });

  it('draws every chart from a non-empty range of a generated sheet, header and categories included', () => {
    const { sheet, charts, all } = dashboardOf('ru');
    const cells = new Map(planCellValues(sheet).map((c) => [`${c.row},${c.col}`, c.value]));
    for (const c of charts) {
      expect(all.map((s) => s.name)).toContain(c.dataSheet);
      expect(c.dataSheet).toBe(sheet.name);
      expect(c.data.bottom).toBeGreaterThan(c.data.top);
      expect(c.data.right).toBeGreaterThan(c.data.left);
      // The header row names the series (or, by rows, the categories); every value cell is written.
      for (let r = c.data.top; r <= c.data.bottom; r++)
        for (let col = c.data.left; col <= c.data.right; col++)
          if (r > c.data.top || col > c.data.left) expect(cells.has(`${r},${col}`)).toBe(true);
      expect(c.series?.length).toBe(c.seriesBy === 'columns' ? c.data.right - c.data.left : c.data.bottom - c.data.top);
    }
  });

  it('places the charts on the print area without overlaps, none across the page break, data outside it', () => {
    const { sheet, charts } = dashboardOf('kk');
    const print = sheet.print;
    expect(print?.landscape).toBe(true);
    // Page 3: methodological work (version 2).
    expect(print?.rowBreaks).toHaveLength(2);
    const area = print?.area;
    const pageBreak = print?.rowBreaks?.[0] ?? 0;
    expect(area).toBeDefined();
    charts.forEach((a, i) => {
      expect(inside(a.position, area!)).toBe(true);
      expect(a.position.top < pageBreak && a.position.bottom >= pageBreak).toBe(false);
      expect(overlaps(a.position, a.data)).toBe(false);
      expect(a.data.left).toBeGreaterThan(area!.right);
      charts.slice(i + 1).forEach((b) => expect(overlaps(a.position, b.position)).toBe(false));
    });
    const page1 = charts.filter((c) => c.position.bottom < pageBreak);
    expect(page1.length).toBe(6);
    const page3 = charts.filter((c) => c.position.top >= (print?.rowBreaks?.[1] ?? Infinity));
    expect(page3.map((c) => c.name)).toEqual(['Kitaphana_Visited', 'Kitaphana_PdReach']);
    for (const c of charts) expect(a3(c.position, print?.rowBreaks ?? [])).toBe(false);
    // Rows of fixed height under the charts, so that their size does not depend on the program.
    expect(sheet.rowHeights?.length).toBeGreaterThan(area!.bottom);
  });

  it('keeps one colour per indicator on every chart', () => {
    const { charts } = dashboardOf('en');
    const colours = new Map<string, Set<string>>();
    for (const c of charts) {
      const names = c.name === 'Kitaphana_Plan' || c.name === 'Kitaphana_Change' ? KEY_INDICATORS : [];
      names.forEach((code, i) => colours.set(code, (colours.get(code) ?? new Set()).add(c.series?.[i]?.color ?? '')));
      const own = /^Kitaphana_([UVLE]01)$/.exec(c.name)?.[1];
      if (own) colours.set(own, (colours.get(own) ?? new Set()).add(c.series?.[0]?.color ?? ''));
    }
    for (const code of KEY_INDICATORS) expect([...(colours.get(code) ?? [])]).toEqual([INDICATOR_COLORS[code]]);
    const plan = charts.find((c) => c.name === 'Kitaphana_Plan');
    expect(plan?.series?.at(-1)?.asLine).toBe(true);
  });

  it('ranks territories from the largest, as the bar charts list them top down', () => {
    const { sheet, charts } = dashboardOf('ru');
    const cells = new Map(planCellValues(sheet).map((c) => [`${c.row},${c.col}`, c.value]));
    for (const c of charts.filter((x) => x.reverseCategories)) {
      const values: number[] = [];
      for (let r = c.data.top + 1; r <= c.data.bottom; r++) {
        const v = cells.get(`${r},${c.data.left + 1}`);
        if (typeof v === 'number') values.push(v);
      }
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect(values.length).toBeGreaterThan(3);
    }
  });

  it('starts the plan axis below the lowest plan %, at zero when something is far below plan', () => {
    expect(planAxisMin([101, 96.2, null, 112])).toBe(90);
    expect(planAxisMin([103, 100])).toBe(90);
    expect(planAxisMin([45, 100])).toBe(0);
    expect(planAxisMin([])).toBe(90);
  });

  it('charts the first twenty territories of a large network, saying so, and keeps them all in its table', () => {
    const run = consolidated(nationalContent({ libraries: 600, events: 3000, training: 300 }));
    const sheet = run.plan.sheets.find((s) => (s.charts?.length ?? 0) > 0)!;
    const users = sheet.charts!.find((c) => c.name === 'Kitaphana_U01')!;
    expect(users.data.bottom - users.data.top).toBe(20);
    expect(users.title).toContain('первые 20 из 30');
    const names = planCellValues(sheet).filter((c) => c.col === users.data.left && c.row > users.data.top);
    expect(names.filter((c) => typeof c.value === 'string' && c.value.startsWith('Район ')).length).toBeGreaterThan(30);
  });

  it('leaves out the charts of a workbook without territories or events, rather than drawing empty ones', () => {
    const content = karagandaSample({ language: 'en' });
    const run = consolidated({ ...content, territories: [], events: [], training: [] });
    const sheet = run.plan.sheets.find((s) => s.name === 'Dashboard');
    const names = (sheet?.charts ?? []).map((c) => c.name);
    expect(names).toEqual(['Kitaphana_Change', 'Kitaphana_EventsByMonth', 'Kitaphana_EventsByForm']);
  });
});

describe('the generated sheets', () => {
  it.each([false, true])('hold no personal data (Training.person), mistakes: %s', (mistakes) => {
    for (const lang of LANGUAGES) {
      const content = karagandaSample({ language: lang, mistakes });
      const people = personNames(content);
      expect(people.length).toBeGreaterThan(50);
      const run = consolidated(content);
      const texts = run.plan.sheets.flatMap((s) => [
        s.name,
        ...planCellValues(s).map((c) => textOf(c.value)),
        ...(s.charts ?? []).map((c) => c.title),
      ]);
      const all = texts.join('\n');
      for (const p of people) expect(all.includes(p) ? p : null).toBeNull();
    }
  });

  it('mark plan % below and over 100 and change % below zero, with a legend', () => {
    const run = sampleRun('en');
    const summary = run.plan.sheets.find((s) => s.name === 'Summary')!;
    const cells = planCellValues(summary);
    const styled = (row: number, col: number) =>
      summary.styles.filter(
        (s) => row >= s.area.top && row <= s.area.bottom && col >= s.area.left && col <= s.area.right,
      );
    const header = cells.find((c) => c.value === 'Plan, %')!;
    const change = cells.find((c) => c.value === 'Change, %' && c.row === header.row)!;
    let marked = 0;
    for (const c of cells.filter((x) => x.row > header.row && x.row <= header.row + 26)) {
      const fills = styled(c.row, c.col).map((s) => s.style.fill);
      if (c.col === header.col && typeof c.value === 'number') {
        const want = c.value < 100 ? MARKS.below_plan.fill : c.value > 100 ? MARKS.over_plan.fill : undefined;
        if (want) expect(fills).toContain(want);
        marked++;
      }
      if (c.col === change.col && typeof c.value === 'number' && c.value < 0) expect(fills).toContain(MARKS.down.fill);
    }
    expect(marked).toBe(26);
    expect(cells.some((c) => c.value === 'below plan')).toBe(true);
  });

  it('split the territories into readable blocks and print landscape, one page wide, titles repeated', () => {
    const run = sampleRun('ru');
    const note = translator('ru').t('sheet.Note');
    for (const s of run.plan.sheets) {
      // The Note is a page of text: portrait, one page wide, nothing frozen (test/note/sheet.test.ts).
      if (s.name === note) continue;
      expect(s.print?.landscape).toBe(true);
      if (s.charts) continue;
      expect(s.print?.fitToWidth).toBe(true);
      expect(s.print?.titleRows).toBeDefined();
      expect(s.freeze?.rows).toBeGreaterThan(0);
    }
    const summary = run.plan.sheets.find((s) => s.name === 'Свод')!;
    // No table on the Summary is wider than the totals table (code, name, unit and nine figures).
    const widest = Math.max(...summary.blocks.map((b) => Math.max(...b.values.map((r) => r.length))));
    expect(widest).toBeLessThanOrEqual(12);
  });

  it('give wrapped headers the height of their lines', () => {
    expect(wrappedLines('Plan, %', 13)).toBe(1);
    expect(wrappedLines('one two three', 7)).toBe(3);
    expect(wrappedLines('one two three', 12)).toBe(2);
    expect(wrappedLines('Зарегистрированные', 8)).toBe(3);
  });
});
