/**
 * Fixed colours of the generated sheets, decided here so that both adapters
 * draw the same thing: one colour per indicator and per event format on every
 * chart (a reader learns "users are blue" once), and the marks of plan % and
 * change % in the summary tables.
 */
export const INDICATOR_COLORS: Readonly<Record<string, string>> = {
  U01: '2F5597',
  V01: 'ED7D31',
  L01: '548235',
  E01: '7030A0',
};

/**
 * Colours of event formats: events in the library in the events' own purple
 * (as on the events charts), the others in hues no indicator uses.
 */
export const FORMAT_COLORS: Readonly<Record<string, string>> = {
  onsite: '7030A0',
  offsite: 'C9A0DC',
  online: 'FFC000',
  hybrid: 'A5A5A5',
};

export const TRAINING_COLOR = '00A3A3';
/** Visits to libraries (methodological work, version 2): a hue no indicator or format uses. */
export const VISITS_COLOR = 'B8860B';
/** The 100 % line of plan fulfilment. */
export const PLAN_LINE_COLOR = 'C00000';
export const NEUTRAL_COLOR = '7F7F7F';

export function indicatorColor(code: string): string {
  return INDICATOR_COLORS[code] ?? NEUTRAL_COLOR;
}

export function formatColor(format: string): string {
  return FORMAT_COLORS[format] ?? NEUTRAL_COLOR;
}

/**
 * How plan % and change % cells are marked: Excel's own "light red fill with
 * dark red text" and friends, which readers already know from conditional
 * formatting. The values are static, so static styles say the same thing.
 */
export const MARKS = {
  below_plan: { color: '9C0006', fill: 'FFC7CE' },
  over_plan: { color: '006100', fill: 'C6EFCE' },
  down: { color: '9C5700', fill: 'FFEB9C' },
} as const;

export type Mark = keyof typeof MARKS;

export const MARK_ORDER: readonly Mark[] = ['below_plan', 'over_plan', 'down'];

/** The mark of a plan % value: below 100 or above 100; exactly on plan is not marked. */
export function planMark(pct: number | null | undefined): Mark | null {
  if (pct === null || pct === undefined) return null;
  if (pct < 100) return 'below_plan';
  if (pct > 100) return 'over_plan';
  return null;
}

export function changeMark(pct: number | null | undefined): Mark | null {
  return pct !== null && pct !== undefined && pct < 0 ? 'down' : null;
}
