import { translator } from '../../src/i18n';
import type { Area, CellStyle, SheetPlan } from '../../src/core/plan';
import { contrastRatio, MIN_TEXT_CONTRAST } from '../../src/core/layout/contrast';
import { overlaps, sampleRun } from '../dashboard/helpers';

/**
 * Excel's accessibility checker on every generated sheet, as the core plans
 * it (clean and mistakes sample, Kazakh and Russian): no merged cells in data
 * regions, tables with header rows, sheet names that say what they hold, text
 * contrast of at least 4.5:1 against the cell's fill.
 */
const cases = (['kk', 'ru'] as const).flatMap((lang) => [false, true].map((mistakes) => [lang, mistakes] as const));

/** The data regions: the tables of header and rows the builder lays out, and the plan's Excel tables. */
function dataRegions(sheet: SheetPlan): Area[] {
  const blocks = sheet.blocks
    .filter((b) => b.values.length >= 2 && (b.values[0]?.length ?? 0) >= 2)
    .map((b) => ({
      top: b.top,
      left: b.left,
      bottom: b.top + b.values.length - 1,
      right: b.left + Math.max(...b.values.map((r) => r.length)) - 1,
    }));
  const tables = sheet.tables.map((t) => ({
    top: t.top,
    left: t.left,
    bottom: t.top + t.rows.length,
    right: t.left + t.header.length - 1,
  }));
  return [...blocks, ...tables];
}

/** The style of one cell: every style over it, in order, the later winning. */
function styleAt(sheet: SheetPlan, row: number, col: number): CellStyle {
  const at = { top: row, left: col, bottom: row, right: col };
  return sheet.styles.filter((s) => overlaps(s.area, at)).reduce<CellStyle>((a, s) => ({ ...a, ...s.style }), {});
}

/**
 * The cells where a text colour meets a fill: the first cell of every coloured or filled style, and the
 * first cell of each overlap of two such styles (where a mark's colour lands on a header's fill).
 */
function colourCells(sheet: SheetPlan): [number, number][] {
  const coloured = sheet.styles.filter((s) => s.style.color !== undefined || s.style.fill !== undefined);
  const cells: [number, number][] = coloured.map((s) => [s.area.top, s.area.left]);
  for (const a of coloured)
    for (const b of coloured)
      if (a !== b && overlaps(a.area, b.area))
        cells.push([Math.max(a.area.top, b.area.top), Math.max(a.area.left, b.area.left)]);
  return cells;
}

describe.each(cases)('the generated sheets for the accessibility checker (%s, mistakes: %s)', (lang, mistakes) => {
  const run = sampleRun(lang, mistakes);
  const sheets = run.plan.sheets;
  const t = translator(lang);

  it('plans the generated sheets', () => {
    expect(sheets.map((s) => s.name)).toContain(t.t('sheet.Dashboard'));
    expect(sheets.length).toBeGreaterThanOrEqual(5);
    // The checks below have something to check: tables, merges and coloured text.
    expect(sheets.flatMap(dataRegions).length).toBeGreaterThan(10);
    expect(sheets.flatMap((s) => s.merges ?? []).length).toBeGreaterThan(5);
    expect(sheets.flatMap(colourCells).length).toBeGreaterThan(10);
  });

  it('merges no cell of a data region', () => {
    const bad = sheets.flatMap((s) =>
      (s.merges ?? []).flatMap((m) =>
        dataRegions(s)
          .filter((r) => overlaps(m, r))
          .map((r) => ({ sheet: s.name, m, r })),
      ),
    );
    expect(bad).toEqual([]);
  });

  it('gives every table a header row of named columns', () => {
    for (const s of sheets) {
      for (const tbl of s.tables) {
        expect(tbl.header.every((h) => typeof h === 'string' && h.trim() !== '')).toBe(true);
        expect(new Set(tbl.header.map((h) => h.toLowerCase())).size).toBe(tbl.header.length);
      }
      for (const r of dataRegions(s)) {
        const block = s.blocks.find((b) => b.top === r.top && b.left === r.left);
        if (!block) continue;
        const header = block.values[0] ?? [];
        expect({
          sheet: s.name,
          row: r.top,
          named: header.every((h) => typeof h === 'string' && h.trim() !== ''),
        }).toEqual({ sheet: s.name, row: r.top, named: true });
        expect(styleAt(s, r.top, r.left).bold).toBe(true);
      }
    }
  });

  it('names every sheet for what it holds', () => {
    for (const s of sheets) expect(s.name).not.toMatch(/^(Sheet|Лист|Парақ)\s*\d*$/i);
  });

  it('writes text with a contrast of at least 4.5:1 against its fill', () => {
    const low: { sheet: string; row: number; col: number; color: string; fill: string; ratio: number }[] = [];
    for (const s of sheets) {
      for (const [row, col] of colourCells(s)) {
        const style = styleAt(s, row, col);
        const color = style.color ?? '000000';
        const fill = style.fill ?? 'FFFFFF';
        const ratio = contrastRatio(color, fill);
        if (ratio < MIN_TEXT_CONTRAST) low.push({ sheet: s.name, row, col, color, fill, ratio });
      }
    }
    expect(low).toEqual([]);
  });
});

describe('contrastRatio', () => {
  it('gives 21 for black on white, 1 for a colour on itself, and WCAG values in between', () => {
    expect(contrastRatio('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('FFFFFF', '000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('2F5597', '2F5597')).toBe(1);
    // #777777 on white is the classic just-below-AA grey (4.48:1); #767676 just passes (4.54:1).
    expect(contrastRatio('777777', 'FFFFFF')).toBeLessThan(MIN_TEXT_CONTRAST);
    expect(contrastRatio('767676', 'FFFFFF')).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });
});
