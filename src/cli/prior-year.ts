import { readFile } from 'node:fs/promises';
import type { Translator } from '../i18n';
import { planPriorYear, priorYearFilledCount, type PriorYearPlan } from '../core/prior-year';
import { applySetupPlan } from '../xlsx/setup-patch';
import { type Io } from './errors';
import { messageError, saveCopy } from './save-copy';
import { onInput, readInput } from './files';
import { checkOutput } from './output';
import { progress } from './progress';

export interface PriorYearOptions {
  output?: string;
  force?: boolean;
  json?: boolean;
  maxUnpackedMb?: string;
}

/**
 * `kitaphana prior-year FILE LAST_YEAR_FILE -o OUT`: the blank `prior_year`
 * cells of FILE's reports filled from the year values of last year's
 * workbook, written to OUT; every part of FILE but the cells filled keeps its
 * bytes. Neither input is changed. A last year's workbook of another year is
 * refused (exit 2) before anything is written.
 */
export async function priorYearCommand(
  file: string,
  lastYearFile: string,
  opts: PriorYearOptions,
  t: Translator,
  io: Io,
): Promise<number> {
  const out = await checkOutput(opts.output, { inputs: [file, lastYearFile], force: opts.force ?? false });
  const bar = progress(t, 2, io.tty && !opts.json);
  bar.stage('read');
  const [current, lastYear] = await Promise.all([
    readInput(file, opts.maxUnpackedMb),
    readInput(lastYearFile, opts.maxUnpackedMb),
  ]);
  const plan = planPriorYear(current, lastYear);
  if (plan.refusal) {
    bar.stop();
    throw messageError(plan.refusal, t, { file, lastYearFile });
  }
  bar.stage('write');
  const written = await onInput(file, async () => applySetupPlan(await readFile(file), plan.changes));
  await saveCopy('prior', out, written);
  bar.stop();
  if (opts.json) io.out(JSON.stringify(priorYearJson(plan, { file, lastYearFile, out }, t), null, 2));
  else {
    for (const line of priorYearText(plan, lastYearFile, t)) io.out(line);
    io.out(t.t('cli.written', { file: out }));
  }
  return 0;
}

interface Files {
  readonly file: string;
  readonly lastYearFile: string;
  readonly out: string;
}

/** What was filled, by library, and what was not, as JSON: the same facts as the text. */
export function priorYearJson(plan: PriorYearPlan, files: Files, t: Translator): unknown {
  return {
    file: files.file,
    last_year_file: files.lastYearFile,
    output: files.out,
    year: plan.year,
    last_year: plan.lastYear,
    filled_total: priorYearFilledCount(plan),
    filled: plan.filled.map((f) => ({ lib_id: f.libId, count: f.codes.length, codes: f.codes })),
    kept: plan.kept,
    blank_last_year: plan.blank,
    new_libraries: plan.newLibraries,
    gone_libraries: plan.goneLibraries,
    incomplete_last_year: plan.incomplete,
    returned_last_year: plan.returned,
    accepted_changed: plan.accepted,
    skipped: plan.skipped.map((s) => ({
      lib_id: s.libId,
      code: s.code,
      cell: s.cell,
      message: t.render(s.message),
    })),
  };
}

export function priorYearText(plan: PriorYearPlan, lastYearFile: string, t: Translator): string[] {
  const total = priorYearFilledCount(plan);
  const lines: string[] = [];
  if (total === 0) lines.push(t.t('cli.prior.nothing', { file: lastYearFile }));
  else {
    lines.push(t.t('cli.prior.filled', { count: total, file: lastYearFile, year: String(plan.lastYear) }));
    const width = Math.max(...plan.filled.map((f) => f.libId.length));
    for (const f of plan.filled) lines.push(`  ${f.libId.padEnd(width)}  ${t.number(f.codes.length)}`);
  }
  if (plan.accepted.length > 0)
    lines.push(t.t('cli.prior.accepted', { count: plan.accepted.length, names: plan.accepted.join(', ') }));
  if (plan.incomplete.length > 0)
    lines.push(t.t('cli.prior.incomplete', { count: plan.incomplete.length, names: plan.incomplete.join(', ') }));
  if (plan.returned.length > 0)
    lines.push(t.t('cli.prior.returned', { count: plan.returned.length, names: plan.returned.join(', ') }));
  if (plan.newLibraries.length > 0)
    lines.push(t.t('cli.prior.new', { count: plan.newLibraries.length, names: plan.newLibraries.join(', ') }));
  if (plan.goneLibraries.length > 0)
    lines.push(t.t('cli.prior.gone', { count: plan.goneLibraries.length, names: plan.goneLibraries.join(', ') }));
  if (plan.kept > 0) lines.push(t.t('cli.prior.kept', { count: plan.kept }));
  if (plan.skipped.length > 0) {
    lines.push(t.t('cli.prior.skipped', { count: plan.skipped.length, file: lastYearFile }));
    for (const s of plan.skipped) lines.push(`  ${s.cell ?? s.libId}  ${t.render(s.message)}`);
  }
  return lines;
}
