import type { WorkbookContent } from '../core/layout/content';
import { templatePlan } from '../core/layout/template';
import { planSnapshot } from '../core/plan-snapshot';
import { planImport, type ImportSource } from '../core/import';
import { writeWorkbook } from '../xlsx/write';
import { applySetupPlan } from '../xlsx/setup-patch';
import { nationalContent } from './national';

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
 * `import_ms.<n>`: n branches' own workbooks (one library each, its report
 * and its events) imported into the oblast workbook that lacks them: the
 * core's plan and the file written by the lossless writer.
 */
export async function importBench(counts: readonly number[] = [1, 10, 40]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const whole = nationalContent({ libraries: 200, events: 10_000, training: 1_000 });
  const ids = whole.reports.map((r) => r.libId);
  for (const n of counts) {
    const branches = ids.filter((_, i) => i % 20 !== 0).slice(0, n);
    const others = new Set(ids.filter((id) => !branches.includes(id)));
    const layout = templatePlan(partOf(whole, others));
    const target = await writeWorkbook(layout);
    const targetSnapshot = planSnapshot(layout);
    const sources: ImportSource[] = branches.map((id) => ({
      name: `${id}.xlsx`,
      sha256: id,
      snapshot: planSnapshot(templatePlan(partOf(whole, new Set([id])))),
    }));
    const t0 = performance.now();
    const plan = planImport(targetSnapshot, sources, { importedAt: Date.UTC(2026, 0, 15) });
    const t1 = performance.now();
    await applySetupPlan(target, plan.changes);
    const t2 = performance.now();
    out[`import_plan_ms.${n}`] = Math.round(t1 - t0);
    out[`import_write_ms.${n}`] = Math.round(t2 - t1);
    out[`import_ms.${n}`] = Math.round(t2 - t0);
  }
  return out;
}
