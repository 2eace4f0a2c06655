import { translator } from '../../src/i18n';
import { columnLabel, tableLabel } from '../../src/i18n/place';
import { exclusionReason } from '../../src/core/json';
import { finding } from '../../src/core/finding';

/** Places of findings as a reader of the language names them: sheet and column labels, not keys. */
describe('places of findings', () => {
  const kk = translator('kk');
  const ru = translator('ru');

  it('name the standard’s tables by their sheet, a report by its library, and keep unknown names', () => {
    expect(tableLabel('Events', kk)).toBe('Іс-шаралар');
    expect(tableLabel('Libraries', ru)).toBe('Библиотеки');
    expect(tableLabel('R_KRG_B01', kk)).toBe('Есеп KRG_B01');
    expect(tableLabel('R_KRG_B01', ru)).toBe('Отчёт KRG_B01');
    expect(tableLabel('Таблица1', kk)).toBe('Таблица1');
  });

  it('name columns by their header in the language', () => {
    expect(columnLabel('Events', 'participants', kk)).toBe('Қатысушылар');
    expect(columnLabel('R_KRG_B01', 'q3', ru)).toBe('III кв.');
    expect(columnLabel('Events', 'no_such_column', kk)).toBe('no_such_column');
  });

  it('say why a report was excluded without a table key, when the finding has no cell', () => {
    const f = finding(
      'S2',
      { table: 'R_KRG_B09', row: null, column: null, cell: null, libId: 'KRG_B09' },
      { key: 'S2', args: {} },
    );
    expect(exclusionReason(f, 1, kk)).toMatch(/^S2 Есеп KRG_B09: /);
  });
});
