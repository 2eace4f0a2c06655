import { readFile } from 'node:fs/promises';
import type { Translator } from '../i18n';
import { parseWorkbook } from '../core/parse';
import { setupPlan, type SetupPlan, type SetupSettings } from '../core/setup';
import { setupSummaryLines } from '../i18n/setup-summary';
import { tableIndex, type Snapshot } from '../core/snapshot';
import { applySetupPlan } from '../xlsx/setup-patch';
import { saveCopy } from './save-copy';
import { onInput, readInput } from './files';
import { UsageError, type Io } from './errors';
import { checkOutput } from './output';
import { progress } from './progress';

export interface SetupOptions {
  output?: string;
  force?: boolean;
  lang?: string;
  maxUnpackedMb?: string;
}

/**
 * `kitaphana setup FILE -o OUT`: the add-in's set-up applied to a file, so
 * that a methodologist without the add-in can upgrade and repair a workbook.
 * The settings are the workbook's own (its Meta table); the input is never changed.
 */
export async function setupCommand(file: string, opts: SetupOptions, t: Translator, io: Io): Promise<number> {
  const out = await checkOutput(opts.output, { inputs: [file], force: opts.force ?? false });
  const bar = progress(t, 2, io.tty);
  bar.stage('read');
  const snapshot = await readInput(file, opts.maxUnpackedMb);
  const plan = setupPlan(snapshot, settingsOf(snapshot, file, t));
  bar.stage('write');
  const written = await onInput(file, async () => applySetupPlan(await readFile(file), plan));
  await saveCopy('setup', out, written);
  bar.stop();
  for (const line of summaryLines(plan, out, t)) io.out(line);
  io.out(t.t('cli.written', { file: out }));
  return 0;
}

/** The set-up settings from the workbook's Meta table; the workbook's language, else the user's. */
function settingsOf(snapshot: Snapshot, file: string, t: Translator): SetupSettings {
  if (!tableIndex(snapshot).has('META')) throw new UsageError('cli.error.setup_no_meta', { file });
  const meta = parseWorkbook(snapshot).meta;
  if (meta.level === null) throw new UsageError('cli.error.setup_meta', { file, key: 'level' });
  if (meta.year === null) throw new UsageError('cli.error.setup_meta', { file, key: 'year' });
  return { level: meta.level, region: meta.region ?? '', year: meta.year, language: meta.language ?? t.lang };
}

function summaryLines(plan: SetupPlan, out: string, t: Translator): string[] {
  const lines = setupSummaryLines(plan.summary, t);
  return lines.length > 0 ? lines : [t.t('cli.setup.nothing', { file: out })];
}
