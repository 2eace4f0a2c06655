import { translator } from '../../src/i18n';
import { cellText, formatDecimals } from '../../src/playground/cell-text';

describe('what a cell of the workbook view shows', () => {
  const t = translator('ru');

  it('reads the decimals from the number format', () => {
    expect(formatDecimals('#,##0')).toBe(0);
    expect(formatDecimals('0.0')).toBe(1);
    expect(formatDecimals('0.00%;[Red]-0.00%')).toBe(2);
    expect(formatDecimals('General')).toBeNull();
    expect(formatDecimals(undefined)).toBeNull();
  });

  it('shows a number in its format and the reader’s locale, a result as its value, "" as nothing', () => {
    expect(cellText(127925, '#,##0', t)).toBe(t.number(127925, 0));
    expect(cellText(127925, '#,##0', t)).not.toBe('127925');
    expect(cellText(99.74816, '0.0', t)).toBe(t.number(99.7, 1));
    expect(cellText(0.125, '0.0%', t)).toBe(`${t.number(12.5, 1)}%`);
    expect(cellText(14527, 'General', t)).toBe('14527');
    expect(cellText('', '#,##0', t)).toBe('');
    expect(cellText({ error: '#DIV/0!' }, '0.0', t)).toBe('#DIV/0!');
    expect(cellText(true, undefined, t)).toBe('TRUE');
    expect(cellText(undefined, '#,##0', t)).toBe('');
    expect(cellText(45658, 'dd.mm.yyyy', t)).toBe(t.date(Date.UTC(2025, 0, 1)));
  });
});
