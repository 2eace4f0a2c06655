/**
 * The add-in's actions on the in-memory Excel at a given scale: syncs (fixed
 * steps and payload chunks) and the largest request and response.
 */
import { checkWorkbook, consolidateWorkbook, setupWorkbook } from '../excel/actions';
import { SyncStats } from '../excel/stats';
import { simFromPlan, simHost } from '../excel-sim';
import { templatePlan } from '../core/layout/template';
import { nationalContent, type NetworkSize } from './national';
// The catalogues, handed to the core as it lays out text (`core/translator.ts`).
import '../i18n';

export const ACTIONS = ['setup', 'check', 'consolidate'] as const;
export type ActionName = (typeof ACTIONS)[number];

export interface ActionMeasure {
  readonly fixed: number;
  readonly chunks: number;
  readonly syncs: number;
  readonly maxRequest: number;
  readonly maxResponse: number;
  readonly ms: number;
}

export async function measureActions(size: NetworkSize): Promise<Record<ActionName, ActionMeasure>> {
  const sim = simFromPlan(templatePlan(nationalContent(size)));
  const host = simHost(sim);
  const settings = { level: 'oblast', region: 'Kazakhstan', year: 2025, language: 'ru' } as const;
  const out = {} as Record<ActionName, ActionMeasure>;
  for (const name of ACTIONS) {
    const stats = new SyncStats();
    sim.resetStats();
    const t0 = performance.now();
    if (name === 'setup') await setupWorkbook(host, settings, { stats });
    if (name === 'check') await checkWorkbook(host, { stats });
    if (name === 'consolidate')
      await consolidateWorkbook(host, { userLanguage: 'ru', version: 'bench', now: () => 0, stats });
    out[name] = {
      fixed: stats.fixed,
      chunks: stats.chunks,
      syncs: sim.syncCount,
      maxRequest: sim.maxRequestBytes,
      maxResponse: sim.maxResponseBytes,
      ms: Math.round(performance.now() - t0),
    };
  }
  return out;
}

/** `node dist/bench/excel.js LIBRARIES EVENTS TRAINING`: one JSON line, for tests that need a process of their own (memory). */
if (require.main === module) {
  const [libraries, events, training] = process.argv.slice(2).map(Number);
  void measureActions({ libraries: libraries ?? 40, events: events ?? 2000, training: training ?? 200 }).then((m) =>
    process.stdout.write(`${JSON.stringify(m)}\n`),
  );
}
