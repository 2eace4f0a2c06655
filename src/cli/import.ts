import { createHash } from 'node:crypto';
import type { Translator } from '../i18n';
import {
  logColumns,
  resolveImport,
  startImport,
  ImportTargetError,
  type ConflictChoice,
  type ImportChoices,
  type ImportPlan,
  type ImportRun,
} from '../core/import';
import type { Snapshot } from '../core/snapshot';
import { safeName } from '../core/import/sources';
import { shown } from '../core/import/values';
import { importMessage, importNotices, renumberedText, shownValue } from '../core/import/text';
import { applySetupPlan } from '../xlsx/setup-patch';
import { saveCopy } from './save-copy';
import { onInput, readInputWithBytes } from './files';
import { UsageError, type Io } from './errors';
import { checkOutput } from './output';
import { progress } from './progress';
import { columnLabel, tableLabel } from '../i18n/place';

export interface ImportCommandOptions {
  output?: string;
  dryRun?: boolean;
  prefer?: 'target' | 'source';
  /** Choices for single conflicts, `<conflict id>=target|source`. */
  choose?: string[];
  json?: boolean;
  force?: boolean;
  maxUnpackedMb?: string;
}

/**
 * `kitaphana import TARGET SOURCE... -o OUT`: section 7's import on files.
 * The plan is printed first; OUT is written (the target's untouched parts
 * byte for byte) only when no conflict is left unresolved and no source was
 * refused. Exit 1 with conflicts left, 2 when a file cannot be imported.
 */
export async function importCommand(
  target: string,
  sources: readonly string[],
  opts: ImportCommandOptions,
  t: Translator,
  io: Io,
): Promise<number> {
  const out = opts.dryRun
    ? undefined
    : await checkOutput(opts.output, { inputs: [target, ...sources], force: opts.force ?? false });
  const bar = progress(t, 3, io.tty && !opts.json);
  bar.stage('read');
  const choices = choicesOf(opts.choose ?? []);
  // Each file is read once; of a source only what the plan says about it is kept, so that many fit in memory.
  const { bytes: targetBytes, snapshot } = await readInputWithBytes(target, opts.maxUnpackedMb);
  let plan: ImportPlan;
  try {
    plan = await planFiles(snapshot, sources, opts, choices, () => bar.stage('check'));
  } catch (e) {
    bar.stop();
    if (e instanceof ImportTargetError)
      throw new UsageError('cli.import.target', { file: safeName(target), problem: t.t(e.problem.key) });
    throw e;
  }
  if (plan.unknownChoices.length > 0) {
    bar.stop();
    throw new UsageError('cli.import.unknown_choice', { ids: plan.unknownChoices.map(safeName).join(', ') });
  }
  const write = out !== undefined && plan.canApply;
  if (write) {
    bar.stage('write');
    const written = await onInput(target, async () => applySetupPlan(targetBytes, plan.changes));
    await saveCopy('import', out, written);
  }
  bar.stop();
  for (const r of plan.refused) io.err(importMessage(r.message, t));
  if (opts.json) io.out(JSON.stringify(importJson(plan, t), null, 2));
  else {
    io.out(importText(plan, t));
    io.out(write ? t.t('cli.written', { file: out }) : t.t('cli.import.not_written'));
  }
  return plan.refused.length > 0 ? 2 : plan.unresolved > 0 ? 1 : 0;
}

/**
 * The plan of importing the files: the sources read one after another, of
 * each only what the plan says about it kept. The analysis (every row's
 * index and values to compare, as large as all the rest of a national
 * import) lives in this function alone, so that nothing keeps it while the
 * workbook is written.
 */
async function planFiles(
  target: Snapshot,
  sources: readonly string[],
  opts: ImportCommandOptions,
  choices: ImportChoices,
  onRead: () => void,
): Promise<ImportPlan> {
  const run = startImport(target);
  const names = sourceNames(sources);
  for (const [i, file] of sources.entries()) await addFile(run, file, names[i] as string, opts.maxUnpackedMb);
  onRead();
  return resolveImport(run.finish(), {
    importedAt: Date.now(),
    choices,
    ...(opts.prefer ? { prefer: opts.prefer } : {}),
  });
}

/** One source read and planned; its workbook lives in this function alone, gone before the next is read. */
async function addFile(run: ImportRun, file: string, name: string, maxUnpackedMb: string | undefined): Promise<void> {
  const { bytes, snapshot } = await readInputWithBytes(file, maxUnpackedMb);
  run.add({ name, sha256: createHash('sha256').update(bytes).digest('hex'), snapshot });
}

/**
 * The names sources are shown and logged by: the file's name, or, where two
 * sources have the same name in different folders, as many of the last
 * folders of its path as tell it apart (`a/branch.xlsx`, `b/branch.xlsx`).
 */
export function sourceNames(files: readonly string[]): string[] {
  const parts = files.map((f) => f.split(/[\\/]+/).filter(Boolean));
  const tail = (i: number, n: number) => (parts[i] as string[]).slice(-n).join('/');
  return files.map((f, i) => {
    const own = parts[i] as string[];
    for (let n = 1; n < own.length; n++) {
      const name = tail(i, n);
      if (files.every((_, j) => j === i || tail(j, n) !== name || files[j] === f)) return name;
    }
    return f;
  });
}

/** `--choose ID=target|source`, as many as given; the id is the one the plan prints for the conflict. */
function choicesOf(args: readonly string[]): ImportChoices {
  const out: Record<string, ConflictChoice> = {};
  for (const a of args) {
    const m = /^(.+)=(target|source)$/.exec(a.trim());
    if (!m) throw new UsageError('cli.import.bad_choice', { value: a });
    out[m[1] as string] = m[2] as ConflictChoice;
  }
  return out;
}

/** The plan as a person reads it: per source what it brings, then every conflict with both values and places. */
export function importText(plan: ImportPlan, t: Translator): string {
  const lines: string[] = [];
  for (const s of plan.sources)
    lines.push(
      t.t('cli.import.source', {
        file: s.source,
        added: t.number(s.rowsAdded),
        renumbered: t.number(s.renumbered),
        filled: t.number(s.valuesFilled),
        duplicates: t.number(s.duplicates),
        conflicts: t.number(s.conflicts),
      }),
    );
  for (const a of plan.added) lines.push(`  + ${tableLabel(a.table, t)}: ${t.number(a.count)}`);
  if (plan.newReports.length > 0)
    lines.push(
      `  ${t.t('cli.import.new_reports', { count: plan.newReports.length, names: plan.newReports.join(', ') })}`,
    );
  if (plan.renumbered.length > 0) {
    lines.push(t.t('import.renumbered', { count: plan.renumbered.length }));
    for (const r of plan.renumbered) lines.push(`  ${renumberedText(r, t)}`);
  }
  lines.push(...importNotices(plan, t));
  if (plan.empty && plan.refused.length === 0) lines.push(t.t('cli.import.nothing'));
  for (const c of plan.conflicts) {
    const where = [tableLabel(c.table, t), c.key, columnLabel(c.table, c.column, t)].join(' · ');
    lines.push(
      `${t.t(`cli.import.conflict.${c.kind}`)} [${where}]`,
      `    ${t.t('cli.import.conflict.target', { value: shownValue(c.target.value, t), cell: c.target.cell })}`,
      `    ${t.t('cli.import.conflict.source', { value: shownValue(c.source.value, t), file: c.source.file, cell: c.source.cell })}`,
      `    ${c.resolution ? t.t(`cli.import.conflict.kept_${c.resolution}`) : t.t('cli.import.conflict.unresolved', { id: c.id })}`,
    );
  }
  if (plan.unresolved > 0) lines.push('', t.t('cli.import.unresolved', { count: plan.unresolved }));
  return lines.join('\n');
}

/** The plan as JSON, keys in snake_case as in the rest of the JSON: everything but the writes themselves. */
export function importJson(plan: ImportPlan, t: Translator) {
  return {
    can_apply: plan.canApply,
    empty: plan.empty,
    unresolved: plan.unresolved,
    refused: plan.refused.map((r) => ({ source: r.source, message: importMessage(r.message, t) })),
    other_regions: plan.otherRegions,
    sources: plan.sources.map(logColumns),
    added: plan.added.map((a) => ({
      table: a.table,
      count: a.count,
      rows: a.rows.map((r) => ({
        key: r.key,
        lib_id: r.libId,
        from: r.from,
        values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, shown(v)])),
      })),
    })),
    new_reports: plan.newReports,
    reports_not_taken: plan.reportsNotTaken.map((r) => ({ lib_id: r.libId, source: r.source })),
    filled: plan.filled.map((f) => ({
      lib_id: f.libId,
      indicator: f.indicator,
      column: f.column,
      value: f.value,
      cell: f.cell,
      from: f.from,
    })),
    duplicates: plan.duplicates,
    renumbered: plan.renumbered.map((r) => ({
      table: r.table,
      lib_id: r.libId,
      old_key: r.oldKey,
      new_key: r.newKey,
      from: r.from,
    })),
    conflicts: plan.conflicts.map((c) => ({
      id: c.id,
      kind: c.kind,
      table: c.table,
      lib_id: c.libId,
      key: c.key,
      column: c.column,
      columns: c.columns,
      target: c.target,
      source: c.source,
      resolution: c.resolution,
    })),
    accepted_changed: plan.accepted,
    log: plan.log.map((l) => ({ ...logColumns(l), imported_at: new Date(l.importedAt).toISOString() })),
  };
}
