import { a1 } from '../../src/core/snapshot';
import { reportFormulas } from '../../src/core/layout/template';
import { formulaResults, type Contents } from '../../src/playground/formulas';
import { REPORT_COLUMNS } from '../../src/standard';

/**
 * The playground shows what Excel would show for the report template's
 * formulas: built here with the template's own `reportFormulas`, on rows
 * with every quarter, some quarters or none.
 */
type Quarters = [number | null, number | null, number | null, number | null];
const col = (c: (typeof REPORT_COLUMNS)[number]) => REPORT_COLUMNS.indexOf(c);

function reportRow(agg: 'sum' | 'last' | 'ytd', q: Quarters, plan: number | null, prior: number | null) {
  const row = 4; // 0-based: the first indicator row under the header (row 5 in Excel)
  const cells = new Map<string, Contents>();
  const put = (c: (typeof REPORT_COLUMNS)[number], v: Contents | null) => {
    if (v !== null) cells.set(a1(row, col(c)), v);
  };
  (['q1', 'q2', 'q3', 'q4'] as const).forEach((k, i) => put(k, q[i] ?? null));
  put('plan', plan);
  put('prior_year', prior);
  const f = reportFormulas(agg, row);
  put('year', `=${f.year}`);
  put('plan_pct', `=${f.plan_pct}`);
  put('change_pct', `=${f.change_pct}`);
  const results = formulaResults('KRG_OUNB', cells);
  const get = (c: (typeof REPORT_COLUMNS)[number]) => results.get(a1(row, col(c)));
  return { year: get('year'), plan: get('plan_pct'), change: get('change_pct') };
}

describe('formula results for display', () => {
  it('sums the quarters that are filled, and leaves a year with none blank', () => {
    expect(reportRow('sum', [10, 20, 30, 40], 200, 80)).toEqual({ year: 100, plan: 50, change: 25 });
    expect(reportRow('sum', [10, null, 5, null], 60, 15)).toEqual({ year: 15, plan: 25, change: 0 });
    expect(reportRow('sum', [null, null, null, null], 60, 15)).toEqual({ year: '', plan: '', change: '' });
  });

  it('takes the last filled quarter for "last" and "ytd" indicators', () => {
    for (const agg of ['last', 'ytd'] as const) {
      expect(reportRow(agg, [109, 109, 109, 113], 113, 100)).toEqual({ year: 113, plan: 100, change: 13 });
      expect(reportRow(agg, [5, 8, null, null], 10, 4)).toEqual({ year: 8, plan: 80, change: 100 });
      expect(reportRow(agg, [null, null, null, null], 10, 4)).toEqual({ year: '', plan: '', change: '' });
    }
  });

  it('leaves plan % and change % blank without a plan or last year, or when either is 0', () => {
    expect(reportRow('sum', [1, 2, 3, 4], null, null)).toEqual({ year: 10, plan: '', change: '' });
    expect(reportRow('sum', [1, 2, 3, 4], 0, 0)).toEqual({ year: 10, plan: '', change: '' });
    const r = reportRow('sum', [34562, 34420, 24405, 34538], 128248, 117521);
    expect(r.year).toBe(127925);
    expect(r.plan).toBeCloseTo((127925 / 128248) * 100, 10);
    expect(r.change).toBeCloseTo(((127925 - 117521) / 117521) * 100, 10);
  });

  it('gives Excel’s errors, #REF! for another sheet, #NAME? for what it cannot read, and 0 for a circle', () => {
    const cells = new Map<string, Contents>([
      ['A1', 4],
      ['A2', 'text'],
      ['B1', '=A1/0'],
      ['B2', '=A1+A2'],
      ['B3', "='Other sheet'!A1"],
      ['B4', '=SUM(A1:A2)*2>=8'],
      ['B5', '=B6+1'],
      ['B6', '=B5+1'],
      ['B7', '=IFERROR(B1,"none")'],
      ['B8', '=A9'],
      ['B9', '=NOSUCHTHING(('],
      ['B10', '=NOSUCHTHING(1)'],
    ]);
    const r = formulaResults('Sheet', cells);
    expect(r.get('B1')).toEqual({ error: '#DIV/0!' });
    expect(r.get('B2')).toEqual({ error: '#VALUE!' });
    expect(r.get('B3')).toEqual({ error: '#REF!' });
    expect(r.get('B4')).toBe(true);
    expect(typeof r.get('B5')).toBe('number');
    expect(r.get('B7')).toBe('none');
    expect(r.get('B8')).toBe(0);
    expect(r.get('B9')).toEqual({ error: '#NAME?' });
    expect(r.get('B10')).toEqual({ error: '#NAME?' });
    expect(r.has('A1')).toBe(false);
  });
});
