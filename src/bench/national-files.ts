/**
 * The republic's result from files, as the National Library would make it:
 * 17 oblasts and 3 cities, each a workbook of 200 libraries (4,000 libraries,
 * 200,000 events in all), consolidated together by `kitaphana consolidate`
 * as a whole process, timed from outside with its peak memory. Making the
 * files is not part of the figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { templatePlan } from '../core/layout/template';
import { writeWorkbook } from '../xlsx/write';
import { ZipPackage } from '../xlsx/zip-package';
import { readAndCheck } from '../cli/workers';
import { nationalContent, type NetworkSize } from './national';
import { timeProcess } from './cli';

export const REPUBLIC: readonly { readonly prefix: string; readonly region: string }[] = [
  ['AKM', 'Акмолинская область'],
  ['AKT', 'Актюбинская область'],
  ['ALM', 'Алматинская область'],
  ['ATR', 'Атырауская область'],
  ['VKO', 'Восточно-Казахстанская область'],
  ['ZHM', 'Жамбылская область'],
  ['ZKO', 'Западно-Казахстанская область'],
  ['KRG', 'Карагандинская область'],
  ['KST', 'Костанайская область'],
  ['KZO', 'Кызылординская область'],
  ['MNG', 'Мангистауская область'],
  ['PVL', 'Павлодарская область'],
  ['SKO', 'Северо-Казахстанская область'],
  ['TRK', 'Туркестанская область'],
  ['ABY', 'область Абай'],
  ['ZHT', 'область Жетісу'],
  ['ULT', 'область Ұлытау'],
  ['AST', 'город Астана'],
  ['ALA', 'город Алматы'],
  ['SHY', 'город Шымкент'],
].map(([prefix, region]) => ({ prefix: `${prefix}_`, region: region as string }));

export const OBLAST_SIZE: NetworkSize = { libraries: 200, events: 10_000, training: 1_000 };

/**
 * Writes the republic's workbooks to `dir`, one per oblast and city. Writing a
 * workbook of 200 report sheets takes seconds; the first oblast's is written
 * once and the others are made from its package by giving every part the
 * other oblast's codes (all prefixes are as long) and region.
 */
export async function republicFiles(dir: string, size: NetworkSize = OBLAST_SIZE): Promise<string[]> {
  const model = REPUBLIC[0] as (typeof REPUBLIC)[number];
  const pkg = ZipPackage.open(await writeWorkbook(templatePlan(nationalContent(size, model))));
  const encoder = new TextEncoder();
  const texts = pkg.names().map((name) => [name, pkg.text(name) ?? ''] as const);
  return REPUBLIC.map((owner) => {
    const file = join(dir, `${owner.prefix.slice(0, -1).toLowerCase()}-2025.xlsx`);
    const renamed = Object.fromEntries(
      texts.map(([name, text]) => [
        name,
        encoder.encode(text.split(model.prefix).join(owner.prefix).split(model.region).join(owner.region)),
      ]),
    );
    writeFileSync(file, zipSync(renamed, { level: 1 }));
    return file;
  });
}

/** `national.*` of `npm run bench`. */
export async function nationalFilesBench(root: string, runs = 1): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const dir = mkdtempSync(join(tmpdir(), 'kitaphana-bench-national-'));
  try {
    const t0 = performance.now();
    const files = await republicFiles(dir);
    out['national.make_files_ms'] = Math.round(performance.now() - t0);
    const bin = join(root, 'bin', 'kitaphana.js');
    const result = join(dir, 'republic-2025-svod.xlsx');
    const args = [bin, 'consolidate', ...files, '-o', result, '--force', '--json'];
    const run = timeProcess(process.execPath, args, runs);
    out['national.files_ms'] = run.ms;
    if (run.peakMb !== null) out['national.peak_mb'] = run.peakMb;
    out['national.status'] = run.status ?? 'killed';
    const cpu = processCpuMs(args);
    if (cpu !== null) out['national.files_cpu_ms'] = cpu;
    // What the worker threads bring: reading and checking the 20 files in this thread, then in one per CPU.
    // Wall time, and the CPU time of every thread: on a machine whose cores are busy with other work the
    // wall time cannot fall, and the CPU time shows what the threads cost.
    for (const threads of [1, availableParallelism()]) {
      const t1 = performance.now();
      const cpu = process.cpuUsage();
      await readAndCheck(files, { threads });
      const used = process.cpuUsage(cpu);
      out[`national.read_check_ms.threads_${threads}`] = Math.round(performance.now() - t1);
      out[`national.read_check_cpu_ms.threads_${threads}`] = Math.round((used.user + used.system) / 1000);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/**
 * The CPU time (user and system, every thread) of one run of the command: on a
 * machine whose cores other work keeps busy, the wall time says more about
 * that work than about this one.
 */
function processCpuMs(args: readonly string[]): number | null {
  const gnuTime = '/usr/bin/time';
  if (!existsSync(gnuTime)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'kitaphana-cpu-'));
  try {
    const report = join(dir, 'rusage');
    spawnSync(gnuTime, ['-f', '%U %S', '-o', report, process.execPath, ...args], { stdio: 'ignore' });
    const [user, system] = (readFileSync(report, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    return user === undefined || system === undefined || !Number.isFinite(user + system)
      ? null
      : Math.round((user + system) * 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `node dist/bench/national-files.js`: the national run alone. */
if (require.main === module) {
  void nationalFilesBench(join(__dirname, '..', '..')).then((out) => {
    for (const [k, v] of Object.entries(out)) process.stdout.write(`${k.padEnd(44)} ${v}\n`);
  });
}
