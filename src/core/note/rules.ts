/**
 * The rules that choose the note's sentences, written down once: when a
 * change is a change, which territories lead and lag, when a ratio is out of
 * its plausible range.
 */
import { RATIOS, type RatioKey } from '../../standard';
import type { Figure } from './model';

/** A change within ±1 % is "stayed at"; beyond it, "grew" or "fell". Exactly ±1 % still "stayed". */
export const STEADY_PCT = 1;

export type Trend = 'grew' | 'fell' | 'stayed';

export function trend(changePct: number): Trend {
  if (changePct > STEADY_PCT) return 'grew';
  if (changePct < -STEADY_PCT) return 'fell';
  return 'stayed';
}

/**
 * A territory is ranked in a ratio only when at least this many of its
 * libraries are included: one library's ratio says more about that library
 * than about a territory.
 */
export const MIN_LIBRARIES_RANKED = 2;
/** How many territories are named at each end. */
export const RANKED = 3;

export interface Ranked {
  readonly key: string;
  readonly value: Figure;
}

/**
 * The leading and lagging territories: the top and bottom three by value
 * among those ranked. A tie at the edge takes in every territory tied with
 * the third (naming one of two equal territories would be arbitrary). The
 * laggards never repeat a leader; with fewer than two territories ranked
 * nobody leads or lags.
 */
export function leadersAndLaggards(items: readonly Ranked[]): { leaders: Ranked[]; laggards: Ranked[] } {
  if (items.length < 2) return { leaders: [], laggards: [] };
  const byKey = (a: Ranked, b: Ranked) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const leaders = takeWithTies([...items].sort((a, b) => b.value.value - a.value.value || byKey(a, b)));
  const rest = items.filter((r) => !leaders.includes(r)).sort((a, b) => a.value.value - b.value.value || byKey(a, b));
  const laggards = takeWithTies(rest);
  return { leaders, laggards };
}

function takeWithTies(sorted: readonly Ranked[]): Ranked[] {
  if (sorted.length <= RANKED) return [...sorted];
  const edge = sorted[RANKED - 1]!.value.value;
  return sorted.filter((r, i) => i < RANKED || r.value.value === edge);
}

export type Plausibility = 'below' | 'above' | 'within';

/** Where a region's ratio stands against the plausible range of rule W3 (ratios without one are within). */
export function plausibility(ratio: RatioKey, value: number): Plausibility {
  const range = RATIOS.find((r) => r.key === ratio)?.plausible;
  if (!range) return 'within';
  if (value < range[0]) return 'below';
  if (value > range[1]) return 'above';
  return 'within';
}
