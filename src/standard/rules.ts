/** The checks of section 3 of the standard: ids and severities. */
export type Severity = 'error' | 'warning';
export type RuleId =
  | 'S1'
  | 'S2'
  | 'D1'
  | 'D2'
  | 'D3'
  | 'D4'
  | 'D5'
  | 'D6'
  | 'R1'
  | 'R2'
  | 'R3'
  | 'R4'
  | 'W1'
  | 'W2'
  | 'W3'
  | 'W4'
  | 'W5'
  | 'W6'
  | 'S3';

export const RULES: Readonly<Record<RuleId, Severity>> = {
  S1: 'error',
  S2: 'error',
  D1: 'error',
  D2: 'error',
  D3: 'error',
  D4: 'error',
  D5: 'error',
  D6: 'error',
  R1: 'error',
  R2: 'error',
  R3: 'error',
  R4: 'error',
  W1: 'warning',
  W2: 'warning',
  W3: 'warning',
  W4: 'warning',
  W5: 'warning',
  W6: 'warning',
  S3: 'error',
};
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Thresholds the rules use, in one place. */
export const THRESHOLDS = {
  /** W1: relative change against prior_year, and the absolute change below which it is noise. */
  changePct: 30,
  changeAbs: 10,
  /** W2: plan fulfilment bounds at year end, %. */
  planLow: 50,
  planHigh: 200,
  /**
   * D1: the largest figure a cell may hold. No count of a library network comes near it, and sums of such
   * figures over any register Excel can hold stay exact and finite (9E+307 three times is Infinity).
   */
  maxValue: 1e12,
} as const;
