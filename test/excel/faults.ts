import type { SimExcel } from '../../src/excel-sim';
import { recoverSwap } from '../../src/excel/swap';
import { simHost } from './host';

/**
 * Runs an action under a failure of each command of each of its write syncs,
 * as Excel fails a command (the ones before it stay applied), and says what
 * the workbook became: as it was, complete, or half-written — right after the
 * failure (the action's own recovery having run), and after a crash at the
 * same command (the action's recovery cannot run) followed by the recovery
 * the next action starts with. For every action that writes, the submission
 * and import actions included once they exist.
 */
export type Outcome = 'unchanged' | 'complete' | 'half-written';

export interface FaultResult {
  readonly sync: number;
  readonly command: number;
  readonly location: string;
  /** After the failure and the action's own recovery. */
  readonly failed: Outcome;
  /** After a crash at that command and the next action's recovery. */
  readonly crashed: Outcome;
  /** Anything else the caller checks (people's cells intact), as a list of problems; empty is fine. */
  readonly problems: readonly string[];
}

export interface FaultOptions {
  /** The workbook's state to compare (timestamps and temporary names normalised): `sim.digest(...)`, cheap to take often. */
  readonly state: (sim: SimExcel) => string;
  /**
   * Problems in a workbook (e.g. people's cells that changed). Asked of the
   * complete workbook once and of every half-written one: a run that ends
   * unchanged or complete has the state of one already asked.
   */
  readonly check?: (sim: SimExcel) => string[];
  /** At most this many commands of one sync are tried: evenly spaced, plus the first at each location. */
  readonly perSync?: number;
}

const isRead = (location: string) => /\.load$|\.isNullObject$/.test(location);

/** The commands to try in one sync: every one, or a spread that still meets each kind of command. */
function pick(locations: readonly string[], perSync: number): number[] {
  if (locations.length <= perSync) return locations.map((_, i) => i + 1);
  const out = new Set<number>([1, locations.length]);
  const seen = new Set<string>();
  locations.forEach((l, i) => {
    if (!seen.has(l)) out.add(i + 1);
    seen.add(l);
  });
  for (let i = 0; i < perSync; i++) out.add(1 + Math.floor((i * (locations.length - 1)) / (perSync - 1)));
  return [...out].sort((a, b) => a - b);
}

/** Runs `f` from a checkpoint of the sim, and brings the sim back to it after, whatever `f` does. */
export async function fromCheckpoint<T>(sim: SimExcel, f: () => Promise<T>): Promise<T> {
  sim.checkpoint();
  try {
    return await f();
  } finally {
    sim.restore();
  }
}

export async function underEveryCommandFailure(
  sim: SimExcel,
  action: (sim: SimExcel) => Promise<unknown>,
  options: FaultOptions,
): Promise<FaultResult[]> {
  const { state, check = () => [], perSync = Infinity } = options;
  // The failure points count syncs from the action's first: what ran before it is not the action's.
  sim.resetStats();
  const untouched = state(sim);
  const { complete, checked, syncs } = await fromCheckpoint(sim, async () => {
    await action(sim);
    return {
      complete: state(sim),
      checked: check(sim),
      syncs: sim.syncs.map((s) => ({ index: s.index, locations: [...s.locations] })),
    };
  });
  /** What the workbook became, and its problems. */
  const judge = (): [Outcome, string[]] => {
    const now = state(sim);
    if (now === untouched) return ['unchanged', []];
    if (now === complete) return ['complete', [...checked]];
    return ['half-written', check(sim)];
  };
  const results: FaultResult[] = [];
  for (const s of syncs) {
    if (s.locations.every(isRead)) continue;
    for (const k of pick(s.locations, perSync)) {
      // One run gives both outcomes: the workbook is kept as the failure left it, which is what a crash at
      // that command leaves (every later sync failing changes nothing), and the recovery is run on it after.
      let struck = false;
      const [[failed, problems], [crashed, more]] = await fromCheckpoint(sim, async () => {
        sim.failAtCommand(
          { sync: s.index, command: k },
          {
            whenStruck: () => {
              sim.checkpoint();
              struck = true;
            },
          },
        );
        await action(sim).catch(() => undefined);
        const afterFailure = judge();
        // A sync shorter than k: nothing failed, and a crash there would not have happened either.
        if (!struck) return [afterFailure, [afterFailure[0], []]];
        sim.restore();
        await simHost(sim).run((context) => recoverSwap(context));
        return [afterFailure, judge()];
      });
      results.push({
        sync: s.index,
        command: k,
        location: s.locations[k - 1] ?? '',
        failed,
        crashed,
        problems: [...problems, ...more],
      });
    }
  }
  return results;
}
