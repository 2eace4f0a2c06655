/**
 * `npm run bench`: the core's time to check and consolidate a national-scale
 * network, the add-in's syncs and payloads, the command line's whole-process
 * time and peak memory beside LibreOffice's on the same files, the republic's
 * 20 workbooks consolidated together from files (`national.*`), and the task
 * pane's first load. Figures are medians of a few runs; `--json` prints one
 * JSON object.
 */
import { join } from 'node:path';
import { templatePlan } from '../core/layout/template';
import { planSnapshot } from '../core/plan-snapshot';
import { validate } from '../core/validate';
import { consolidate } from '../core/consolidate';
import { nationalContent } from './national';
import { ACTIONS, measureActions } from './excel';
import { taskpaneBench } from './taskpane';
import { cliBench } from './cli';
import { nationalFilesBench } from './national-files';
import { importBench } from './import';
// The catalogues, handed to the core as it lays out text (`core/translator.ts`).
import '../i18n';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function time<T>(runs: number, f: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = f();
    times.push(performance.now() - t0);
  }
  return { ms: Math.round(median(times)), result };
}

export async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  const out: Record<string, number | string> = {};
  const sizes = [
    { libraries: 40, events: 2000, training: 200 },
    { libraries: 400, events: 20000, training: 2000 },
    { libraries: 4000, events: 200000, training: 20000 },
  ];
  for (const size of sizes) {
    const n = size.libraries;
    const made = time(1, () => planSnapshot(templatePlan(nationalContent(size))));
    const snapshot = made.result;
    const checked = time(3, () => validate(snapshot));
    const consolidated = time(3, () => consolidate(checked.result));
    out[`core.make_snapshot_ms.${n}`] = made.ms;
    out[`core.check_ms.${n}`] = checked.ms;
    out[`core.consolidate_ms.${n}`] = consolidated.ms;
    out[`core.check_and_consolidate_ms.${n}`] = checked.ms + consolidated.ms;
    out[`core.findings.${n}`] = checked.result.findings.length;
  }
  for (const size of sizes) {
    const m = await measureActions(size);
    for (const action of ACTIONS) {
      const n = size.libraries;
      out[`excel.${action}.syncs.${n}`] = m[action].syncs;
      out[`excel.${action}.fixed_syncs.${n}`] = m[action].fixed;
      out[`excel.${action}.chunk_syncs.${n}`] = m[action].chunks;
      out[`excel.${action}.max_request_bytes.${n}`] = m[action].maxRequest;
      out[`excel.${action}.max_response_bytes.${n}`] = m[action].maxResponse;
      out[`excel.${action}.sim_ms.${n}`] = m[action].ms;
    }
  }
  Object.assign(out, await importBench(join(__dirname, '..', '..')));
  Object.assign(out, await cliBench(join(__dirname, '..', '..')));
  Object.assign(out, await nationalFilesBench(join(__dirname, '..', '..')));
  Object.assign(out, await taskpaneBench());
  out.machine = `${process.platform} ${process.arch}, node ${process.version}`;
  if (json) {
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  for (const [k, v] of Object.entries(out)) process.stdout.write(`${k.padEnd(40)} ${v}${unit(k)}\n`);
}

function unit(key: string): string {
  if (key.endsWith('_ms') || /_ms\./.test(key)) return ' ms';
  if (key.endsWith('_mb') || /_mb\./.test(key)) return ' MiB';
  return '';
}

if (require.main === module) void main(process.argv.slice(2));
