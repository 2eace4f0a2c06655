import { realpath } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Translator } from '../i18n';
import { bySource, consolidateMany, ManyRefusedError, type ManyConsolidation } from '../core/consolidate-many';
import { consolidationJson } from '../core/json';
import { generatedPlan } from '../core/layout/generated';
import { saveWorkbookFile, writeWorkbook } from '../xlsx/write';
import { UsageError, type Io } from './errors';
import { checkOutput } from './output';
import { progress } from './progress';
import { consolidationText } from './report';
import { readAndCheck } from './workers';
import type { ConsolidateCommandOptions } from './run';

/**
 * `kitaphana consolidate FILE FILE...`: several workbooks of one year
 * consolidated together (section 7 of the standard, "Higher levels"). The
 * result is a new workbook of generated sheets and charts only, never a copy
 * of the inputs; the JSON adds `by_source`.
 */
export async function consolidateManyCommand(
  files: readonly string[],
  opts: ConsolidateCommandOptions,
  t: Translator,
  io: Io,
  version: string,
): Promise<number> {
  await refuseRepeats(files);
  const out =
    opts.output === undefined
      ? undefined
      : await checkOutput(opts.output, { inputs: files, force: opts.force ?? false });
  const bar = progress(t, files.length + (out ? 4 : 2), io.tty && !opts.json);
  bar.stage('read');
  const checked = await readAndCheck(files, {
    maxUnpackedMb: opts.maxUnpackedMb,
    onChecked: () => bar.stage('check'),
  });
  const names = displayNames(files);
  bar.stage('consolidate');
  let many: ManyConsolidation;
  try {
    many = consolidateMany(
      checked.map(({ validation, sha256 }, i) => ({ file: names[i] as string, validation, sha256 })),
      { includeErrors: opts.includeErrors ?? false, acceptedOnly: opts.acceptedOnly ?? false },
    );
  } catch (e) {
    if (e instanceof ManyRefusedError) throw new UsageError(`finding.${e.reason.key}`, { ...e.reason.args });
    throw e;
  }
  if (out) {
    bar.stage('layout');
    const plan = generatedPlan({
      consolidation: many.consolidation,
      validation: many.validation,
      language: many.validation.workbook.meta.language ?? t.lang,
      madeAt: Date.now(),
      version,
      existingSheets: [],
      sources: many.sources,
    });
    bar.stage('write');
    await saveWorkbookFile(out, await writeWorkbook(plan));
  }
  bar.stop();
  if (opts.json) {
    io.out(JSON.stringify(manyJson(many, t), null, 2));
    // Said beside the JSON, not in it: stdout stays the JSON alone for a program that reads it.
    if (!out) io.err(t.t('cli.many.not_written'));
  } else {
    io.out(consolidationText(many.consolidation, t));
    io.out(t.t('cli.many.summary', { count: many.sources.length }));
    for (const s of many.sources) {
      const { included, active } = s.consolidation.libraries;
      io.out(`  ${t.t('cli.many.source', { key: s.key, file: s.file, included: included.length, active })}`);
    }
    io.out(out ? t.t('cli.many.written', { file: out }) : t.t('cli.many.not_written'));
  }
  return many.validation.errors > 0 ? 1 : 0;
}

/** Section 4.1's result with `by_source`. */
export function manyJson(many: ManyConsolidation, t: Translator) {
  return { ...consolidationJson(many.consolidation, t), by_source: bySource(many) };
}

/** The same file given twice (under any name) would be every code duplicated: said at once instead. */
async function refuseRepeats(files: readonly string[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const file of files) {
    const real = await realpath(file).catch(() => resolve(file));
    const before = seen.get(real);
    if (before !== undefined) throw new UsageError('cli.many.repeated', { file, before });
    seen.set(real, file);
  }
}

/** Each file by its name, or by the path as given where two files in different folders share a name. */
function displayNames(files: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const f of files) count.set(basename(f), (count.get(basename(f)) ?? 0) + 1);
  return files.map((f) => (count.get(basename(f)) === 1 ? basename(f) : f));
}
