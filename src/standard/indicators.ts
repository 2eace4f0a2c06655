/**
 * The indicators of section 2 of the standard, in report order. Labels are in
 * the catalogues under `indicator.<code>` and `unit.<unit>`.
 */
export type Aggregation = 'sum' | 'last' | 'ytd';
export type Unit = 'persons' | 'visits' | 'documents' | 'events' | 'units' | 'consultations';

export interface Indicator {
  readonly code: string;
  readonly unit: Unit;
  readonly agg: Aggregation;
  /** The indicator this one is a part of ("of which"). */
  readonly partOf?: string;
  /** Must be filled in every quarter the library reports at all. */
  readonly required: boolean;
  /** The version of the standard that added the indicator: a report of an earlier version is read without it. */
  readonly since?: 2;
}

const ind = (code: string, unit: Unit, agg: Aggregation, partOf: string | null, required = false): Indicator =>
  partOf ? { code, unit, agg, partOf, required } : { code, unit, agg, required };

export const INDICATORS: readonly Indicator[] = [
  ind('U01', 'persons', 'ytd', null, true),
  ind('U02', 'persons', 'ytd', 'U01'),
  ind('U03', 'persons', 'ytd', 'U01'),
  ind('U04', 'persons', 'ytd', 'U01'),
  ind('U05', 'persons', 'ytd', 'U01'),
  ind('V01', 'visits', 'sum', null, true),
  ind('V02', 'visits', 'sum', 'V01'),
  ind('V03', 'visits', 'sum', null),
  ind('L01', 'documents', 'sum', null, true),
  ind('L02', 'documents', 'sum', 'L01'),
  ind('L03', 'documents', 'sum', 'L01'),
  ind('C01', 'documents', 'sum', null),
  ind('C02', 'documents', 'sum', null),
  ind('C03', 'documents', 'last', null, true),
  ind('C04', 'documents', 'last', 'C03'),
  ind('C05', 'documents', 'last', 'C03'),
  ind('E01', 'events', 'sum', null, true),
  ind('E02', 'events', 'sum', 'E01'),
  ind('E03', 'events', 'sum', 'E01'),
  ind('S01', 'persons', 'last', null, true),
  ind('S02', 'persons', 'last', 'S01'),
  ind('S03', 'persons', 'last', 'S02'),
  ind('S04', 'persons', 'ytd', 'S01'),
  ind('T01', 'units', 'last', null),
  ind('T02', 'units', 'last', 'T01'),
  ind('T03', 'persons', 'last', null),
  { ...ind('M01', 'consultations', 'sum', null), since: 2 },
  { ...ind('M02', 'consultations', 'sum', 'M01'), since: 2 },
];

export const INDICATOR_BY_CODE: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.code, i]));

export const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;
export type Quarter = (typeof QUARTERS)[number];

/**
 * The year value of one library's indicator from its quarters, by aggregation:
 * `sum` adds the reported quarters; `last` and `ytd` take the last reported
 * quarter. Blank quarters are "not reported", never zero.
 */
export function yearValue(agg: Aggregation, quarters: readonly (number | null)[]): number | null {
  if (agg === 'sum') {
    let total: number | null = null;
    for (const q of quarters) if (q !== null) total = (total ?? 0) + q;
    return total;
  }
  for (let i = quarters.length - 1; i >= 0; i--) {
    const q = quarters[i];
    if (q !== null && q !== undefined) return q;
  }
  return null;
}

/** value / base x 100, or null where the base is 0 or missing. */
export function percentOf(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0) return null;
  return (value / base) * 100;
}

/** (value - base) / base x 100, or null where the base is 0 or missing. */
export function changePercent(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0) return null;
  return ((value - base) / base) * 100;
}
