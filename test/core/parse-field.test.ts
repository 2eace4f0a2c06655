import { parseCount, parseField } from '../../src/core/parse-field';
import type { CellValue } from '../../src/core/snapshot';
import type { ColumnDef } from '../../src/standard';

/** A report's counts follow the rules of a register's integer column with minimum 0, message for message. */
describe('a count in a report', () => {
  const children: ColumnDef = { key: 'children', type: { kind: 'integer', min: 0 }, required: false, width: 10 };
  const cells: CellValue[] = [
    null,
    0,
    12,
    '1 234',
    -5,
    2.5,
    '2,5',
    -5e12,
    5e12,
    'много',
    true,
    { kind: 'error', code: '#N/A' },
  ];

  it.each(cells.map((c) => [JSON.stringify(c), c] as const))('%s reads as in a register', (_, cell) => {
    const count = { ...parseCount(cell) };
    const field = { ...parseField('Events', children, cell, null, false) };
    expect(count).toEqual(field);
  });

  it('refuses a negative figure before calling it too large, and a fraction with its rounding', () => {
    expect(parseCount(-5e12).problem?.key).toBe('D1.negative');
    expect(parseCount(2.5).problem).toEqual({ key: 'D1.fraction', args: { value: 2.5, rounded: 3 } });
    expect(parseCount('1 234').problem?.key).toBe('D1.text_number');
  });
});
