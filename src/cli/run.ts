import type { Translator } from '../i18n';
import { validate, type Validation } from '../core/validate';
import { reportBoard } from '../core/board';
import { runConsolidation } from '../core/pipeline';
import { consolidationJson, validationJson } from '../core/json';
import { onInput, readInput, readInputWithBytes } from './files';
import type { Io } from './errors';
import { checkOutput } from './output';
import { progress } from './progress';
import { consolidationText, validationText } from './report';
import { boardJson, boardText } from './board';

type CheckOptions = { json?: boolean; maxUnpackedMb?: string };

/** Reads and checks a workbook (a progress bar unless printing JSON), prints what `show` makes of it, exits 1 on errors. */
async function printChecked(
  file: string,
  opts: CheckOptions,
  t: Translator,
  io: Io,
  show: (v: Validation) => string,
): Promise<number> {
  const bar = progress(t, 2, io.tty && !opts.json);
  bar.stage('read');
  const snapshot = await readInput(file, opts.maxUnpackedMb);
  bar.stage('check');
  const v = validate(snapshot);
  bar.stop();
  io.out(show(v));
  return v.errors > 0 ? 1 : 0;
}

export function validateCommand(file: string, opts: CheckOptions, t: Translator, io: Io): Promise<number> {
  return printChecked(file, opts, t, io, (v) =>
    opts.json ? JSON.stringify(validationJson(v, t), null, 2) : validationText(v.findings, v.errors, v.warnings, t),
  );
}

/** `kitaphana status FILE`: the board of reports. */
export function statusCommand(file: string, opts: CheckOptions, t: Translator, io: Io): Promise<number> {
  return printChecked(file, opts, t, io, (v) => {
    const board = reportBoard(v);
    return opts.json ? JSON.stringify(boardJson(board), null, 2) : boardText(board, t);
  });
}

/** The options of `kitaphana consolidate`, with one input or several. */
export interface ConsolidateCommandOptions {
  json?: boolean;
  output?: string;
  includeErrors?: boolean;
  acceptedOnly?: boolean;
  force?: boolean;
  maxUnpackedMb?: string;
}

export async function consolidateCommand(
  file: string,
  opts: ConsolidateCommandOptions,
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
  // Read once: the same bytes are parsed and, for a copy, grafted into by the writer.
  const { snapshot, bytes } = await readInputWithBytes(file, opts.maxUnpackedMb);
  const run = runConsolidation(snapshot, {
    includeErrors: opts.includeErrors ?? false,
    acceptedOnly: opts.acceptedOnly ?? false,
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
    await saveWorkbookFile(out, await onInput(file, () => writeWorkbook(run.plan, bytes)));
  }
  bar.stop();
  if (opts.json) {
    io.out(JSON.stringify(consolidationJson(run.consolidation, t), null, 2));
    // Said beside the JSON, not in it: stdout stays the JSON alone for a program that reads it.
    if (!out) io.err(t.t('cli.not_written'));
  } else {
    io.out(consolidationText(run.consolidation, t));
    io.out(out ? t.t('cli.written', { file: out }) : t.t('cli.not_written'));
  }
  return run.validation.errors > 0 ? 1 : 0;
}
