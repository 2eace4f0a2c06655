import { readFile } from 'node:fs/promises';
import type { Translator } from '../i18n';
import { validate } from '../core/validate';
import { runConsolidation } from '../core/pipeline';
import { consolidationJson, validationJson } from '../core/json';
import { onInput, readInput } from './files';
import type { Io } from './errors';
import { checkOutput } from './output';
import { progress } from './progress';
import { consolidationText, validationText } from './report';

export async function validateCommand(
  file: string,
  opts: { json?: boolean; maxUnpackedMb?: string },
  t: Translator,
  io: Io,
): Promise<number> {
  const bar = progress(t, 2, io.tty && !opts.json);
  bar.stage('read');
  const snapshot = await readInput(file, opts.maxUnpackedMb);
  bar.stage('check');
  const v = validate(snapshot);
  bar.stop();
  io.out(
    opts.json ? JSON.stringify(validationJson(v, t), null, 2) : validationText(v.findings, v.errors, v.warnings, t),
  );
  return v.errors > 0 ? 1 : 0;
}

export async function consolidateCommand(
  file: string,
  opts: { json?: boolean; output?: string; includeErrors?: boolean; force?: boolean; maxUnpackedMb?: string },
  t: Translator,
  io: Io,
  version: string,
): Promise<number> {
  const out =
    opts.output === undefined
      ? undefined
      : await checkOutput(opts.output, { inputs: [file], force: opts.force ?? false });
  const bar = progress(t, out ? 6 : 4, io.tty && !opts.json);
  bar.stage('read');
  const snapshot = await readInput(file, opts.maxUnpackedMb);
  const run = runConsolidation(snapshot, {
    includeErrors: opts.includeErrors ?? false,
    userLanguage: t.lang,
    madeAt: Date.now(),
    version,
    onStage: (s) => bar.stage(s),
  });
  if (out) {
    bar.stage('write');
    // The writer (and ExcelJS behind it) is loaded only when a copy is written: validate never needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { writeWorkbook, saveWorkbookFile } = require('../xlsx/write') as typeof import('../xlsx/write');
    const written = await onInput(file, async () => writeWorkbook(run.plan, await readFile(file)));
    await saveWorkbookFile(out, written);
  }
  bar.stop();
  if (opts.json) io.out(JSON.stringify(consolidationJson(run.consolidation, t), null, 2));
  else {
    io.out(consolidationText(run.consolidation, t));
    io.out(out ? t.t('cli.written', { file: out }) : t.t('cli.not_written'));
  }
  return run.validation.errors > 0 ? 1 : 0;
}
