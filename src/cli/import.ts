import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Translator } from '../i18n';
import {
  logColumns,
  planImport,
  ImportTargetError,
  type ConflictChoice,
  type ImportChoices,
  type ImportPlan,
  type ImportSource,
} from '../core/import';
import type { CellValue } from '../core/snapshot';
import type { Message } from '../core/message';
import { applySetupPlan } from '../xlsx/setup-patch';
import { saveCopy } from './save-copy';
import { onInput, readInput } from './files';
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
  const snapshot = await readInput(target, opts.maxUnpackedMb);
  const read: ImportSource[] = [];
  for (const file of sources) {
    const s = await readInput(file, opts.maxUnpackedMb);
    const bytes = await onInput(file, () => readFile(file));
    read.push({ name: basename(file), sha256: createHash('sha256').update(bytes).digest('hex'), snapshot: s });
  }
  bar.stage('check');
  let plan: ImportPlan;
  try {
    plan = planImport(snapshot, read, {
      importedAt: Date.now(),
      choices: choicesOf(opts.choose ?? []),
      ...(opts.prefer ? { prefer: opts.prefer } : {}),
    });
  } catch (e) {
    if (e instanceof ImportTargetError)
      throw new UsageError('cli.import.target', { file: target, problem: t.t(e.problem.key) });
    throw e;
  }
  const write = out !== undefined && plan.canApply;
  if (write) {
    bar.stage('write');
    const written = await onInput(target, async () => applySetupPlan(await readFile(target), plan.changes));
    await saveCopy('import', out, written);
  }
  bar.stop();
  if (opts.json) io.out(JSON.stringify(importJson(plan, t), null, 2));
  else {
    io.out(importText(plan, t));
    io.out(write ? t.t('cli.written', { file: out }) : t.t('cli.import.not_written'));
  }
  return plan.refused.length > 0 ? 2 : plan.unresolved > 0 ? 1 : 0;
}

const render = (m: Message, t: Translator): string => t.t(m.key, m.args);

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

function shownValue(v: CellValue, t: Translator): string {
  if (v === null) return '—';
  if (typeof v === 'number') return t.number(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return `«${v}»`;
  if (v.kind === 'date') return v.ms % 86_400_000 === 0 ? t.date(v.ms) : t.dateTime(v.ms);
  if (v.kind === 'formula') return `«${v.formula}»`;
  return v.code;
}

/** The plan as a person reads it: per source what it brings, then every conflict with both values and places. */
export function importText(plan: ImportPlan, t: Translator): string {
  const lines: string[] = [];
  for (const r of plan.refused) lines.push(render(r.message, t));
  const files = [
    ...new Set([
      ...plan.log.map((l) => l.source),
      ...plan.duplicates.map((d) => d.from.file),
      ...plan.conflicts.map((c) => c.source.file),
    ]),
  ];
  for (const file of files) {
    const log = plan.log.find((l) => l.source === file);
    lines.push(
      t.t('cli.import.source', {
        file,
        added: t.number(log?.rowsAdded ?? 0),
        filled: t.number(log?.valuesFilled ?? 0),
        duplicates: t.number(plan.duplicates.filter((d) => d.from.file === file).length),
        conflicts: t.number(plan.conflicts.filter((c) => c.source.file === file).length),
      }),
    );
  }
  for (const a of plan.added) lines.push(`  + ${tableLabel(a.table, t)}: ${t.number(a.count)}`);
  if (plan.newReports.length > 0)
    lines.push(
      `  ${t.t('cli.import.new_reports', { count: plan.newReports.length, names: plan.newReports.join(', ') })}`,
    );
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

/** The plan as JSON: everything but the writes themselves. */
export function importJson(plan: ImportPlan, t: Translator) {
  return {
    can_apply: plan.canApply,
    empty: plan.empty,
    unresolved: plan.unresolved,
    refused: plan.refused.map((r) => ({ source: r.source, message: render(r.message, t) })),
    added: plan.added,
    new_reports: plan.newReports,
    filled: plan.filled,
    duplicates: plan.duplicates,
    conflicts: plan.conflicts,
    log: plan.log.map((l) => ({ ...logColumns(l), imported_at: new Date(l.importedAt).toISOString() })),
  };
}
