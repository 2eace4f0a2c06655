import fc from 'fast-check';
import { INDICATORS, yearValue, type Aggregation } from '../../src/standard';
import { templatePlan } from '../../src/core/layout/template';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import type { ReportInput } from '../../src/core/layout/content';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { LIBS, smallContent, type LibSpec } from '../helpers/network';

/**
 * Properties of consolidation: totals are the sum of their parts for any split
 * of the libraries, ratios are sums over sums, and sum / last / ytd aggregate
 * a year as the standard says.
 */
const quarter = fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null, freq: 4 });
const quarters = fc.tuple(quarter, quarter, quarter, quarter);
const TERRS = ['KRG', 'TMR', 'ABA'];
const TYPES = ['central_city', 'central_district', 'rural_branch', 'city_branch'];

const libraryArb = fc.record({
  terr: fc.constantFrom(...TERRS),
  type: fc.constantFrom(...TYPES),
  values: fc.dictionary(
    fc.constantFrom(...INDICATORS.map((i) => i.code)),
    fc.record({ plan: quarter, q: quarters, prior_year: quarter }),
    { minKeys: 1 },
  ),
});

function build(
  libs: {
    terr: string;
    type: string;
    values: Record<string, { plan: number | null; q: (number | null)[]; prior_year: number | null }>;
  }[],
) {
  const specs: LibSpec[] = libs.map((l, i) => ({ id: `LIB_${i}`, terr: l.terr, type: l.type, scale: 1 }));
  const content = smallContent('en', specs);
  const reports = content.reports.map((r, i) => {
    const values: Record<string, ReportInput> = {};
    for (const [code, v] of Object.entries(libs[i]!.values)) {
      values[code] = { plan: v.plan, q1: v.q[0], q2: v.q[1], q3: v.q[2], q4: v.q[3], prior_year: v.prior_year };
    }
    return { ...r, values };
  });
  return consolidate(validate(planSnapshot(templatePlan({ ...content, reports }))), { includeErrors: true });
}

const add = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);

describe('consolidation properties', () => {
  it('network totals equal the sum of the territories and of the types, and of the libraries', () => {
    fc.assert(
      fc.property(fc.array(libraryArb, { minLength: 1, maxLength: 8 }), (libs) => {
        const c = build(libs);
        for (const ind of INDICATORS) {
          let byLib: number | null = null;
          for (const l of libs) {
            const v = l.values[ind.code];
            byLib = add(byLib, v ? yearValue(ind.agg, v.q) : null);
          }
          const net = c.indicators[ind.code]!.year;
          expect(net).toBe(byLib);
          let terrSum: number | null = null;
          for (const t of TERRS) terrSum = add(terrSum, c.byTerritory[t]?.[ind.code]?.year ?? null);
          expect(terrSum).toBe(net);
          let typeSum: number | null = null;
          for (const t of Object.keys(c.byType)) typeSum = add(typeSum, c.byType[t]?.[ind.code]?.year ?? null);
          expect(typeSum).toBe(net);
          for (const q of ['q1', 'q2', 'q3', 'q4'] as const) {
            let s: number | null = null;
            for (const t of TERRS) s = add(s, c.byTerritory[t]?.[ind.code]?.[q] ?? null);
            expect(s).toBe(c.indicators[ind.code]![q]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('ratios are a sum over a sum, never a mean of ratios, over the libraries that report both', () => {
    fc.assert(
      fc.property(fc.array(libraryArb, { minLength: 2, maxLength: 8 }), (libs) => {
        const c = build(libs);
        const yearOf = (l: (typeof libs)[number], code: string) => {
          const ind = INDICATORS.find((i) => i.code === code)!;
          const v = l.values[code];
          return v ? yearValue(ind.agg, v.q) : null;
        };
        /** Numerator and denominator summed over the libraries with a year value of both. */
        const ratio = (num: string, den: string, scale = 1) => {
          let n: number | null = null;
          let d: number | null = null;
          for (const l of libs) {
            const a = yearOf(l, num);
            const b = yearOf(l, den);
            if (a === null || b === null) continue;
            n = add(n, a);
            d = add(d, b);
          }
          return n === null || d === null || d === 0 ? null : (n / d) * scale;
        };
        const same = (actual: number | null, expected: number | null) => {
          if (expected === null) expect(actual).toBeNull();
          else expect(actual).toBeCloseTo(expected, 9);
        };
        same(c.ratios.readership, ratio('L01', 'U01'));
        same(c.ratios.visit_rate, ratio('V01', 'U01'));
        same(c.ratios.turnover, ratio('L01', 'C03'));
        same(c.ratios.provision, ratio('C03', 'U01'));
        same(c.ratios.renewal_pct, ratio('C01', 'C03', 100));
        same(c.ratios.kazakh_loans_pct, ratio('L02', 'L01', 100));
      }),
      { numRuns: 60 },
    );
  });

  it('a library that leaves an optional numerator blank does not pull a share down', () => {
    const full = { plan: null, q: [100, 100, 100, 100], prior_year: null };
    const kazakh = { plan: null, q: [60, 60, 60, 60], prior_year: null };
    const c = build([
      { terr: 'KRG', type: 'rural_branch', values: { L01: full, L02: kazakh } },
      // Kazakh loans not reported (blank, not zero): its loans are in L01's total, not in the share.
      { terr: 'KRG', type: 'rural_branch', values: { L01: { ...full, q: [300, 300, 300, 300] } } },
    ]);
    expect(c.indicators.L01?.year).toBe(1600);
    expect(c.ratios.kazakh_loans_pct).toBeCloseTo(60, 9);
    expect(c.ratiosByTerritory.KRG?.kazakh_loans_pct).toBeCloseTo(60, 9);
  });

  it('aggregates a year by sum, last and ytd as the standard says', () => {
    fc.assert(
      fc.property(quarters, (q) => {
        const reported = q.filter((v): v is number => v !== null);
        const expected: Record<Aggregation, number | null> = {
          sum: reported.length ? reported.reduce((a, b) => a + b, 0) : null,
          last: reported.length ? reported[reported.length - 1]! : null,
          ytd: reported.length ? reported[reported.length - 1]! : null,
        };
        for (const agg of ['sum', 'last', 'ytd'] as const) expect(yearValue(agg, q)).toBe(expected[agg]);
      }),
    );
  });

  it("never averages stocks over quarters: the network stock is the sum of each library's last quarter", () => {
    const c = build(
      LIBS.slice(0, 2).map((l) => ({
        terr: l.terr,
        type: l.type,
        values: { C03: { plan: null, q: [100, 110, null, 130], prior_year: 90 } },
      })),
    );
    expect(c.indicators.C03).toMatchObject({ q1: 200, q2: 220, q3: null, q4: 260, year: 260, prior_year: 180 });
  });
});
