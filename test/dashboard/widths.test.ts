import { translator } from '../../src/i18n';
import { LANGUAGES, type Language } from '../../src/standard';
import type { CellStyle, SheetPlan } from '../../src/core/plan';
import { textWidth, wrappedLines } from '../../src/core/layout/builder';
import { HEADER_STYLE } from '../../src/core/layout/builder';
import { planCellValues, sampleRun } from './helpers';

/**
 * The generated sheets as LibreOffice and Excel draw them: no header word
 * broken in the middle (each fits its column by the width estimate), and no
 * text running into the next column (a text wider than its column wraps).
 * The Dashboard, whose rows have fixed heights, is checked elsewhere.
 */
const DEFAULT_WIDTH = 8.43;

function styleAt(sheet: SheetPlan, row: number, col: number): CellStyle {
  let style: CellStyle = {};
  for (const s of sheet.styles)
    if (row >= s.area.top && row <= s.area.bottom && col >= s.area.left && col <= s.area.right)
      style = { ...style, ...s.style };
  return style;
}

function merged(sheet: SheetPlan, row: number, col: number): boolean {
  return (sheet.merges ?? []).some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

function generatedSheets(lang: Language, mistakes: boolean): SheetPlan[] {
  const dashboard = translator(lang).t('sheet.Dashboard');
  return sampleRun(lang, mistakes).plan.sheets.filter((s) => s.name !== dashboard);
}

const runs = LANGUAGES.map((lang) => [lang, generatedSheets(lang, true)] as const);

describe.each(runs)('the generated sheets in %s', (lang, sheets) => {
  it('make every column as wide as the longest word of its header', () => {
    const broken: string[] = [];
    for (const sheet of sheets) {
      for (const { row, col, value } of planCellValues(sheet)) {
        const style = styleAt(sheet, row, col);
        if (typeof value !== 'string' || style.fill !== HEADER_STYLE.fill || !style.wrap || merged(sheet, row, col))
          continue;
        const width = sheet.columnWidths[col] ?? DEFAULT_WIDTH;
        for (const word of value.split(/\s+/).filter(Boolean))
          if (textWidth(word, true) > width - 0.5) broken.push(`${sheet.name}!${col}: «${word}» in ${width}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('wrap every text wider than its column, with a row tall enough for its lines', () => {
    const spilled: string[] = [];
    for (const sheet of sheets) {
      for (const { row, col, value } of planCellValues(sheet)) {
        if (typeof value !== 'string' || merged(sheet, row, col)) continue;
        const style = styleAt(sheet, row, col);
        const width = sheet.columnWidths[col] ?? DEFAULT_WIDTH;
        // A text followed by an empty cell may run on into it; the last cell of a title line, or one alone, too.
        const next = planCellValues(sheet).some((c) => c.row === row && c.col === col + 1 && c.value !== null);
        if (!next) continue;
        if (textWidth(value, style.bold === true) <= width - 0.5) continue;
        if (!style.wrap) spilled.push(`${sheet.name}!R${row}C${col}: «${value}» in ${width}`);
        else {
          const lines = wrappedLines(value, width, style.bold === true);
          const height = sheet.rowHeights?.[row] ?? 15;
          if (height < lines * 14) spilled.push(`${sheet.name}!R${row}C${col}: ${lines} lines in ${height} pt`);
        }
      }
    }
    expect(spilled).toEqual([]);
  });

  it('show the Issues sheet’s places by their labels, the keys in trailing columns', () => {
    const t = translator(lang);
    const issues = sheets.find((s) => s.name === t.t('sheet.Issues'))!;
    const cells = planCellValues(issues);
    const header = cells.filter((c) => c.value === t.t('generated.issue.table'))[0]!;
    const column = (name: string) => cells.find((c) => c.row === header.row && c.value === name)!.col;
    const body = (col: number) => cells.filter((c) => c.row > header.row && c.col === col).map((c) => c.value);
    const tables = body(column(t.t('generated.issue.table')));
    expect(tables).toContain(t.t('sheet.Events'));
    expect(body(column(t.t('generated.issue.column')))).toContain(t.t('column.Events.participants'));
    expect(body(column(t.t('generated.issue.table_key')))).toContain('Events');
    expect(body(column(t.t('generated.issue.column_key')))).toContain('participants');
    if (lang !== 'en') {
      expect(tables).not.toContain('Events');
      expect(body(column(t.t('generated.issue.column')))).not.toContain('participants');
    }
  });
});
