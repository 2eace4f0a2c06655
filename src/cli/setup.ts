import { readFile } from 'node:fs/promises';
import type { Translator } from '../i18n';
import { parseWorkbook } from '../core/parse';
import { setupChangedAnything, setupPlan, type SetupPlan, type SetupSettings } from '../core/setup';
import { INDICATORS, REPORT_TABLE_PREFIX, STANDARD_VERSION, TABLES } from '../standard';
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

/**
 * What set-up did, in the output language: the upgrade first, then tables
 * named back, tables added (registers by their sheets' names, the software's
 * own by what they hold), report sheets by library, columns by table, report
 * rows of the new version, repairs and rebuilt tables, each on its line.
 */
export function summaryLines(plan: SetupPlan, out: string, t: Translator): string[] {
  const s = plan.summary;
  if (!setupChangedAnything(s)) return [t.t('cli.setup.nothing', { file: out })];
  const lines: string[] = [];
  const line = (key: string, names: readonly string[], args: Record<string, unknown> = {}) => {
    if (names.length > 0)
      lines.push(t.t(`cli.setup.${key}`, { count: names.length, names: names.join(', '), ...args }));
  };
  const libOf = (table: string) => table.slice(REPORT_TABLE_PREFIX.length);
  const isReport = (table: string) => table.toUpperCase().startsWith(REPORT_TABLE_PREFIX);
  if (s.upgradedFrom !== undefined)
    lines.push(t.t('cli.setup.upgraded', { from: s.upgradedFrom, to: STANDARD_VERSION }));
  line(
    'renamed',
    (s.renamed ?? []).map((r) => `${r.from} → ${isReport(r.to) ? r.to : `${r.to} (${tableLabel(r.to, t)})`}`),
  );
  line(
    'added',
    s.added.filter((n) => !isReport(n)).map((n) => tableLabel(n, t)),
  );
  line('reports', s.added.filter(isReport).map(libOf));
  for (const c of s.columns ?? [])
    line(
      'columns',
      c.keys.map((k) => t.t(`column.${c.table}.${k}`)),
      { table: tableLabel(c.table, t) },
    );
  const codes = INDICATORS.filter((i) => (i.since ?? 1) > (s.upgradedFrom ?? Number(STANDARD_VERSION))).map(
    (i) => i.code,
  );
  line('extended', (s.extended ?? []).map(libOf), { codes: codes.join(', ') });
  line('repaired', s.repaired.map(libOf));
  line(
    'rebuilt',
    s.rebuilt.map((n) => tableLabel(n, t)),
  );
  return lines;
}

/** A table as people know it: a register by its sheet's name in the output language, the software's own by what it holds. */
function tableLabel(name: string, t: Translator): string {
  if (hasEntry(t.lang, `cli.setup.table.${name}`)) return t.t(`cli.setup.table.${name}`);
  const def = TABLES.find((d) => d.name === name);
  return def && hasEntry(t.lang, `sheet.${def.sheet}`) ? t.t(`sheet.${def.sheet}`) : name;
}
