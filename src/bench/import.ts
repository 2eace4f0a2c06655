import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyContent, type WorkbookContent } from '../core/layout/content';
import { templatePlan } from '../core/layout/template';
import { writeWorkbook } from '../xlsx/write';
import { republicFiles } from './national-files';
import { timeProcess } from './cli';

/**
 * The part of a workbook that belongs to some of its libraries: the whole
 * territory registry, their registry rows, reports and rows of every
 * register (what a branch or a library system keeps in a workbook of its
 * own). `registry: 'all'` keeps every library's registry row.
 */
export function partOf(
  c: WorkbookContent,
  libs: ReadonlySet<string>,
  registry: 'part' | 'all' = 'part',
): WorkbookContent {
  const mine = (r: Readonly<Record<string, unknown>>) => libs.has(String(r['lib_id']));
  return {
    ...c,
    libraries: registry === 'all' ? c.libraries : c.libraries.filter(mine),
    submissions: [],
    events: c.events.filter(mine),
    training: c.training.filter(mine),
    visits: (c.visits ?? []).filter(mine),
    publications: (c.publications ?? []).filter(mine),
    participation: (c.participation ?? []).filter(mine),
    studies: (c.studies ?? []).filter(mine),
    reports: c.reports.filter((r) => libs.has(r.libId)),
  };
}

/**
 * `import_ms.<n>` and `import_peak_mb.<n>`: n of the republic's oblast
 * workbooks (200 libraries, 10,000 events each, every one numbering its
 * events from the same EV-0001) imported into an empty oblast workbook by
 * `kitaphana import`, as a whole process timed from outside with its peak
 * memory and its CPU time (`import_cpu_ms.<n>`: the machine is shared, and
 * the wall time grows with the others' work). Making the files is not part
 * of the figure. Issue 19 asks 20 in under 60 s and under 1 GB.
 */
export async function importBench(
  root: string,
  counts: readonly number[] = [1, 5, 20],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const dir = mkdtempSync(join(tmpdir(), 'kitaphana-bench-import-'));
  try {
    const files = await republicFiles(dir);
    const target = join(dir, 'empty-2025.xlsx');
    const empty = emptyContent({ level: 'oblast', region: 'Республика Казахстан', year: 2025, language: 'ru' });
    writeFileSync(target, await writeWorkbook(templatePlan(empty)));
    const bin = join(root, 'bin', 'kitaphana.js');
    for (const n of counts) {
      const args = [bin, 'import', target, ...files.slice(0, n), '-o', join(dir, `imported-${n}.xlsx`), '--force'];
      // The first, smallest run reads the files into the disk cache: the larger ones need no warm-up run.
      const run = timeProcess(process.execPath, args, 1, n === counts[0]);
      out[`import_ms.${n}`] = run.ms;
      if (run.peakMb !== null) out[`import_peak_mb.${n}`] = run.peakMb;
      if (run.cpuMs !== null) out[`import_cpu_ms.${n}`] = run.cpuMs;
      if (run.status !== 0) out[`import_status.${n}`] = run.status ?? -1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** `node dist/bench/import.js [n ...]`: the import figures alone. */
if (require.main === module) {
  const counts = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  void importBench(join(__dirname, '..', '..'), counts.length > 0 ? counts : undefined).then((out) => {
    for (const [k, v] of Object.entries(out)) process.stdout.write(`${k.padEnd(44)} ${v}\n`);
  });
}
