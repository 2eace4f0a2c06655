import { readFile } from 'node:fs/promises';
import type { Translator } from '../i18n';
import { parseWorkbook } from '../core/parse';
import { setupPlan, type SetupPlan, type SetupSettings } from '../core/setup';
import { tableIndex, type Snapshot } from '../core/snapshot';
import { applySetupPlan } from '../xlsx/setup-patch';
import { saveWorkbookFile } from '../xlsx/write';
import { onInput, readInput } from './files';
import { UsageError, type Io } from './errors';
import { checkOutput } from './output';
import { progress } from './progress';
import { hasEntry } from '../i18n/catalogues';

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
  await saveWorkbookFile(out, written);
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
  const { added, repaired, rebuilt } = plan.summary;
  if (added.length + repaired.length + rebuilt.length === 0) return [t.t('cli.setup.nothing', { file: out })];
  // A register by its sheet's name in the user's language; a report table by its own name.
  const label = (name: string) => (hasEntry(t.lang, `sheet.${name}`) ? t.t(`sheet.${name}`) : name);
  const line = (key: string, names: readonly string[]) =>
    names.length ? [t.t(`cli.setup.${key}`, { count: names.length, names: names.map(label).join(', ') })] : [];
  return [...line('added', added), ...line('repaired', repaired), ...line('rebuilt', rebuilt)];
}
