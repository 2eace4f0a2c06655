/**
 * The shape of one library's year: how many users it has, how much they read
 * and visit, how big its collection and staff are. The ratios are drawn
 * inside the plausible ranges of rule W3, by library type: a children's
 * library lends more per reader, the special library most, the oblast
 * universal library keeps a large collection for fewer loans.
 */
import type { Library, LibraryType } from './libraries';
import { Rng } from './random';

export interface Profile {
  readonly users: number;
  readonly readership: number;
  readonly visitRate: number;
  readonly provision: number;
  /** Staff at the end of each quarter. */
  readonly staff: readonly [number, number, number, number];
  /** Staff at the end of last year. */
  readonly staffPrior: number;
}

type Range = readonly [number, number];

const RATIOS: Readonly<Record<LibraryType, { readonly readership: Range; readonly provision: Range }>> = {
  oblast_universal: { readership: [12.5, 14], provision: [28, 33] },
  oblast_children: { readership: [18, 22], provision: [18, 24] },
  oblast_special: { readership: [24, 30], provision: [36, 44] },
  central_city: { readership: [15, 22], provision: [14, 26] },
  central_district: { readership: [15, 22], provision: [14, 26] },
  central_children: { readership: [17, 23], provision: [12, 20] },
  city_branch: { readership: [14, 20], provision: [10, 18] },
  rural_branch: { readership: [13, 20], provision: [15, 30] },
  other: { readership: [12, 20], provision: [12, 24] },
};

const cache = new Map<string, Profile>();

export function profile(lib: Library): Profile {
  const cached = cache.get(lib.id);
  if (cached) return cached;
  const rng = Rng.stream('profile', lib.id);
  const ratios = RATIOS[lib.type];
  const s = Math.max(2, Math.round(lib.staff * rng.between(0.95, 1.05)));
  const staff: [number, number, number, number] = [s, s, s, s];
  // Now and then someone leaves or is hired during the year.
  if (s >= 4 && rng.chance(0.3)) {
    const from = rng.int(1, 3);
    const delta = rng.chance(0.5) ? 1 : -1;
    for (let q = from; q < 4; q++) staff[q] = s + delta;
  }
  const p: Profile = {
    users: Math.round(lib.users * rng.between(0.95, 1.05)),
    readership: rng.between(...ratios.readership),
    visitRate: lib.type === 'oblast_special' ? rng.between(8, 12) : rng.between(6, 12),
    provision: rng.between(...ratios.provision),
    staff,
    staffPrior: rng.chance(0.3) ? Math.max(2, s + (rng.chance(0.5) ? 1 : -1)) : s,
  };
  cache.set(lib.id, p);
  return p;
}

/** The fewest staff the library had in any quarter: no more of them can have been trained (S04 ≤ S01). */
export const leastStaff = (p: Profile): number => Math.min(...p.staff);
