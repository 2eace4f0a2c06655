import { translator } from '../../src/i18n';
import { LANGUAGES } from '../../src/standard';
import { wrappedLines } from '../../src/core/layout/builder';
import type { Area, SheetPlan } from '../../src/core/plan';
import { inside, overlaps, sampleRun } from './helpers';

/**
 * The cell under each chart of the Dashboard holds the chart's alternative
 * text (office-js gives charts none): merged across the chart's width, wrapped,
 * inside the printed area and its page, tall enough for the text at its size,
 * and clear of every other chart and text.
 */
const cases = LANGUAGES.flatMap((lang) => [false, true].map((mistakes) => [lang, mistakes] as const));

/** Points per line of text at 11 pt in Excel's default row (as the builder's estimate), scaled to the size. */
const lineHeight = (size: number) => (14.5 * size) / 11;

describe.each(cases)('the notes under the charts (%s, mistakes: %s)', (lang, mistakes) => {
  const sheet: SheetPlan = sampleRun(lang, mistakes).plan.sheets.find(
    (s) => s.name === translator(lang).t('sheet.Dashboard'),
  )!;
  const charts = sheet.charts ?? [];
  const merges = sheet.merges ?? [];
  const noteOf = (c: (typeof charts)[number]): Area | undefined =>
    merges.find((m) => m.top === c.position.bottom + 1 && m.left === c.position.left && m.right === c.position.right);

  it('gives every chart its text in a merged, wrapped cell right under it', () => {
    expect(charts.length).toBeGreaterThanOrEqual(9);
    for (const c of charts) {
      expect(c.altText?.startsWith(`${c.title}. `)).toBe(true);
      const note = noteOf(c);
      expect(note).toBeDefined();
      const block = sheet.blocks.find((b) => b.top === note!.top && b.left === note!.left);
      expect(block?.values[0]?.[0]).toBe(c.altText);
      const style = sheet.styles.filter((s) => inside(note!, s.area)).reduce((a, s) => ({ ...a, ...s.style }), {});
      expect(style).toMatchObject({ wrap: true, vAlign: 'top' });
    }
  });

  it('fits each text in its cell, prints it on the chart page and overlaps nothing', () => {
    const print = sheet.print!;
    const heights = sheet.rowHeights ?? [];
    const widths = sheet.columnWidths;
    for (const c of charts) {
      const note = noteOf(c)!;
      const style = sheet.styles.filter((s) => inside(note, s.area)).reduce((a, s) => ({ ...a, ...s.style }), {});
      const size = (style as { size?: number }).size ?? 11;
      let width = 0;
      for (let i = note.left; i <= note.right; i++) width += widths[i] ?? 8.43;
      let height = 0;
      for (let i = note.top; i <= note.bottom; i++) height += heights[i] || 15;
      // The width in characters of 11 pt text, as the estimate counts them, is wider for smaller text.
      const lines = wrappedLines(c.altText!, (width * 11) / size);
      expect({ chart: c.name, needed: lines * lineHeight(size) <= height }).toEqual({ chart: c.name, needed: true });
      expect(inside(note, print.area!)).toBe(true);
      const page = { top: c.position.top, bottom: note.bottom };
      expect((print.rowBreaks ?? []).some((b) => page.top < b && page.bottom >= b)).toBe(false);
      for (const other of charts) expect(overlaps(note, other.position)).toBe(false);
      for (const m of merges) if (m !== note) expect(overlaps(note, m)).toBe(false);
    }
  });
});
