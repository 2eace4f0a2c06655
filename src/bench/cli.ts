/**
 * The command line as a person runs it: whole processes, timed from outside,
 * with their peak memory, on the bundled sample and on generated oblasts, side
 * by side with LibreOffice merely opening and re-saving the same files (the
 * cheapest thing any spreadsheet program does with them). Ratios below 1 mean
 * Kitaphana checks or consolidates a workbook faster than LibreOffice opens it.
 * Beside openpyxl too, the lightest tool a user would script with: its
 * `load_workbook(data_only=True)` of the same file, run in pairs with ours so
 * that both see the same load on a shared machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templatePlan } from '../core/layout/template';
import { writeWorkbook } from '../xlsx/write';
import { nationalContent, type NetworkSize } from './national';

export interface ProcessFigures {
  /** Median wall time of the runs, in milliseconds. */
  readonly ms: number;
  /** The largest resident set of any run, in MiB (null where /usr/bin/time is missing). */
  readonly peakMb: number | null;
  /**
   * Median CPU time (user and system, every thread) of the runs, in
   * milliseconds (null where /usr/bin/time is missing): on a machine whose
   * cores other work keeps busy, the wall time says more about that work.
   */
  readonly cpuMs: number | null;
  /** The exit status of the last run. */
  readonly status: number | null;
}

const GNU_TIME = '/usr/bin/time';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/**
 * Runs a command `runs` times (after one warm-up, unless told not to: a run
 * of a minute warms the disk cache for nothing) and reports its median time
 * and peak memory.
 */
export function timeProcess(cmd: string, args: readonly string[], runs = 3, warmUp = true): ProcessFigures {
  const gnuTime = existsSync(GNU_TIME);
  const dir = mkdtempSync(join(tmpdir(), 'kitaphana-time-'));
  const report = join(dir, 'rusage');
  const times: number[] = [];
  const cpu: number[] = [];
  let peak: number | null = null;
  let status: number | null = null;
  for (let i = warmUp ? 0 : 1; i <= runs; i++) {
    const t0 = performance.now();
    const r = gnuTime
      ? spawnSync(GNU_TIME, ['-f', '%U %S %M', '-o', report, cmd, ...args], { stdio: 'ignore' })
      : spawnSync(cmd, [...args], { stdio: 'ignore' });
    const ms = performance.now() - t0;
    if (i === 0) continue;
    times.push(ms);
    status = r.status;
    if (gnuTime) {
      const [user, system, kb] = (readFileSync(report, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
      if (kb !== undefined && Number.isFinite(kb)) peak = Math.max(peak ?? 0, Math.round(kb / 1024));
      if (user !== undefined && system !== undefined && Number.isFinite(user + system))
        cpu.push((user + system) * 1000);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    ms: Math.round(median(times)),
    peakMb: peak,
    cpuMs: cpu.length > 0 ? Math.round(median(cpu)) : null,
    status,
  };
}

export interface CliWorkbook {
  /** The key used in the figures' names: `sample`, `400`, `events_250000`. */
  readonly key: string;
  readonly file: string;
  /** Whether LibreOffice is timed on it too. */
  readonly againstLibreOffice: boolean;
}

/** Writes a generated network's workbook (with its report sheets and registers) to `dir`. */
export async function generatedWorkbook(dir: string, key: string, size: NetworkSize): Promise<string> {
  const file = join(dir, `generated-${key}.xlsx`);
  writeFileSync(file, await writeWorkbook(templatePlan(nationalContent(size))));
  return file;
}

/** A python3 that has openpyxl (the first on PATH, else the system's), or null where none has. */
export function pythonWithOpenpyxl(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0) return python;
  }
  return null;
}

type Command = readonly [string, readonly string[]];

function wallMs([cmd, args]: Command): number {
  const t0 = performance.now();
  spawnSync(cmd, [...args], { stdio: 'ignore' });
  return performance.now() - t0;
}

/**
 * The median, over `runs` pairs (after one warm-up pair), of a's wall time
 * over b's: the two run back to back, so that a load that comes and goes on
 * a shared machine weighs on both alike.
 */
export function pairedRatio(a: Command, b: Command, runs = 5): number {
  const ratios: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const ms = wallMs(a) / wallMs(b);
    if (i > 0) ratios.push(ms);
  }
  return Math.round(median(ratios) * 100) / 100;
}

/** openpyxl loading the workbook as a script would (values, not formulas). */
function openpyxlLoad(python: string, file: string): Command {
  return [python, ['-c', 'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1], data_only=True)', file]];
}

function hasLibreOffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The figures `npm run bench` prints for the command line (and LibreOffice beside it). */
export async function cliBench(root: string, runs = 3): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const bin = join(root, 'bin', 'kitaphana.js');
  const node = (args: readonly string[]): ProcessFigures => timeProcess(process.execPath, [bin, ...args], runs);
  const dir = mkdtempSync(join(tmpdir(), 'kitaphana-bench-cli-'));
  const workbooks: CliWorkbook[] = [];
  const sample = join(root, 'workbooks', 'karaganda-2025.xlsx');
  if (existsSync(sample)) workbooks.push({ key: 'sample', file: sample, againstLibreOffice: true });
  workbooks.push({
    key: '400',
    file: await generatedWorkbook(dir, '400', { libraries: 400, events: 40_000, training: 4_000 }),
    againstLibreOffice: true,
  });
  // The largest register a user can count on (the README's limits): validate only, without LibreOffice.
  workbooks.push({
    key: 'events_250000',
    file: await generatedWorkbook(dir, 'events_250000', { libraries: 40, events: 250_000, training: 200 }),
    againstLibreOffice: false,
  });

  const version = node(['--version']);
  out['cli.version_ms'] = version.ms;
  const python = pythonWithOpenpyxl();
  if (existsSync(sample) && python !== null) {
    const written = join(dir, 'out-openpyxl.xlsx');
    const ours = (args: readonly string[]): Command => [process.execPath, [bin, ...args]];
    const openpyxl = openpyxlLoad(python, sample);
    out['cli.validate_vs_openpyxl.sample'] = pairedRatio(ours(['validate', sample, '--json']), openpyxl, runs + 2);
    out['cli.consolidate_vs_openpyxl.sample'] = pairedRatio(
      ours(['consolidate', sample, '-o', written, '--force', '--json']),
      openpyxl,
      runs + 2,
    );
  } else {
    process.stderr.write(
      'cli: openpyxl comparison skipped: no python3 with openpyxl (tried python3, /usr/bin/python3)\n',
    );
  }
  const lo = hasLibreOffice();
  const profile = mkdtempSync(join(tmpdir(), 'kitaphana-bench-lo-'));
  for (const wb of workbooks) {
    const validate = node(['validate', wb.file, '--json']);
    out[`cli.validate_ms.${wb.key}`] = validate.ms;
    if (validate.peakMb !== null) out[`cli.validate_peak_mb.${wb.key}`] = validate.peakMb;
    out[`cli.validate_status.${wb.key}`] = validate.status ?? 'killed';
    if (!wb.againstLibreOffice) continue;
    const written = join(dir, `out-${wb.key}.xlsx`);
    const consolidate = node(['consolidate', wb.file, '-o', written, '--force', '--json']);
    out[`cli.consolidate_ms.${wb.key}`] = consolidate.ms;
    if (consolidate.peakMb !== null) out[`cli.consolidate_peak_mb.${wb.key}`] = consolidate.peakMb;
    out[`cli.consolidate_status.${wb.key}`] = consolidate.status ?? 'killed';
    if (!lo) continue;
    const convert = timeProcess('soffice', [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      join(dir, `lo-${wb.key}`),
      wb.file,
    ]);
    out[`lo.convert_ms.${wb.key}`] = convert.ms;
    if (convert.peakMb !== null) out[`lo.convert_peak_mb.${wb.key}`] = convert.peakMb;
    out[`cli.validate_vs_lo.${wb.key}`] = Math.round((validate.ms / convert.ms) * 100) / 100;
    out[`cli.consolidate_vs_lo.${wb.key}`] = Math.round((consolidate.ms / convert.ms) * 100) / 100;
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
  return out;
}
