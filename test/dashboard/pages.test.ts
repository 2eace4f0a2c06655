import { translator } from '../../src/i18n';
import { karagandaSample } from '../../src/sample';
import { LANGUAGES } from '../../src/standard';
import type { SheetPlan } from '../../src/core/plan';
import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import { consolidateMany } from '../../src/core/consolidate-many';
import { part, splittable } from '../helpers/split';
import { generatedOfMany, sampleRun } from './helpers';

/**
 * The Dashboard's pages as Excel prints them, which no test can run: each
 * page (title repeated, rows up to the next manual break) fills most of A4
 * landscape's printable height at the scale that fits the grid to the width,
 * and none is taller than it (it would spill onto a page more). LibreOffice's
 * print of the same pages is measured in test/libreoffice/dashboard-fill.
 */
const POINTS_PER_INCH = 72;
/** A4 landscape, within the margins the writer leaves as they are (Excel's and ExcelJS's defaults). */
const PRINTABLE = { width: 841.89 - 2 * 0.7 * POINTS_PER_INCH, height: 595.28 - 2 * 0.75 * POINTS_PER_INCH };
/** The widest digit of Calibri 11, the workbooks' default font, in pixels of 96 to the inch. */
const DIGIT_PX = 7;

/** A column's width in Excel's pixels: the width in digits includes 5 px of padding (ECMA-376, 18.3.1.13). */
const columnPx = (width: number): number => Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX);

/** Each printed page's height as a share of the printable height, at the scale that fits the grid's width. */
function pageFills(sheet: SheetPlan): number[] {
  const area = sheet.print!.area!;
  const widthPt = (sheet.columnWidths.slice(area.left, area.right + 1).reduce((a, w) => a + columnPx(w), 0) * 72) / 96;
  // Excel prints "fit to 1 page wide" at a whole per cent.
  const scale = Math.min(100, Math.floor((100 * PRINTABLE.width) / widthPt)) / 100;
  const height = (from: number, to: number) => (sheet.rowHeights ?? []).slice(from, to).reduce((a, h) => a + h, 0);
  const [titleTop, titleBottom] = sheet.print!.titleRows!;
  const title = height(titleTop, titleBottom + 1);
  const starts = [area.top, ...(sheet.print!.rowBreaks ?? [])];
  return starts.map((top, i) => {
    const rows = height(top, starts[i + 1] ?? area.bottom + 1) + (i > 0 ? title : 0);
    return (rows * scale) / PRINTABLE.height;
  });
}

const dashboard = (sheets: readonly SheetPlan[], lang: (typeof LANGUAGES)[number]): SheetPlan =>
  sheets.find((s) => s.name === translator(lang).t('sheet.Dashboard'))!;

describe('the Dashboard printed by Excel', () => {
  it.each(LANGUAGES)('fills 90 %% of each page’s height or more, and no page spills (%s)', (lang) => {
    const fills = pageFills(dashboard(sampleRun(lang).plan.sheets, lang));
    expect(fills).toHaveLength(3);
    for (const f of fills) expect({ fill: f, filled: f >= 0.9 && f <= 0.97 }).toEqual({ fill: f, filled: true });
  });

  it('fills the page comparing several workbooks as much', () => {
    const sample = karagandaSample({ language: 'ru' });
    const territories = sample.territories.map((r) => String(r.terr_code));
    const group = (terr: string) => territories.indexOf(terr) % 2;
    const whole = splittable(sample, group);
    const many = consolidateMany(
      [0, 1].map((g) => ({
        file: `part-${g}.xlsx`,
        validation: validate(planSnapshot(templatePlan(part(whole, group, g, `Part ${g}`)))),
      })),
    );
    const plan = generatedOfMany(many, 'ru');
    const fills = pageFills(dashboard(plan.sheets, 'ru'));
    expect(fills).toHaveLength(4);
    for (const f of fills) expect({ fill: f, filled: f >= 0.9 && f <= 0.97 }).toEqual({ fill: f, filled: true });
  });
});
