/**
 * Derived ratios of section 2.1: always a sum over a sum, never a mean of
 * ratios. `population` is the territories' population, not an indicator.
 */
export type RatioKey =
  'readership' | 'visit_rate' | 'turnover' | 'provision' | 'coverage_pct' | 'renewal_pct' | 'kazakh_loans_pct';

export interface Ratio {
  readonly key: RatioKey;
  readonly numerator: string;
  readonly denominator: string | 'population';
  readonly scale: 1 | 100;
  /** Plausible range for one library's value (rule W3), where the standard gives one. */
  readonly plausible?: readonly [number, number];
}

export const RATIOS: readonly Ratio[] = [
  { key: 'readership', numerator: 'L01', denominator: 'U01', scale: 1, plausible: [5, 40] },
  { key: 'visit_rate', numerator: 'V01', denominator: 'U01', scale: 1, plausible: [3, 30] },
  { key: 'turnover', numerator: 'L01', denominator: 'C03', scale: 1, plausible: [0.3, 4] },
  { key: 'provision', numerator: 'C03', denominator: 'U01', scale: 1, plausible: [3, 60] },
  { key: 'coverage_pct', numerator: 'U01', denominator: 'population', scale: 100 },
  { key: 'renewal_pct', numerator: 'C01', denominator: 'C03', scale: 100 },
  { key: 'kazakh_loans_pct', numerator: 'L02', denominator: 'L01', scale: 100 },
];

export function ratioValue(ratio: Ratio, numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * ratio.scale;
}
