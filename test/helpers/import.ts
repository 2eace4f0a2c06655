import type { SetupPlan } from '../../src/core/setup';
import type { CellValue, Snapshot, TableSnapshot } from '../../src/core/snapshot';
import type { WorkbookContent } from '../../src/core/layout/content';
import { cellOf, planSnapshot } from '../../src/core/plan-snapshot';
import { templatePlan } from '../../src/core/layout/template';

/**
 * What an adapter makes of an import's changes, done on plain data: new
 * sheets added, patches written cell by cell (a sparse patch's nulls leave
 * their cells), tables growing under rows written below them.
 */
export function applyChanges(s: Snapshot, plan: SetupPlan): Snapshot {
  const fresh = planSnapshot(plan.workbook, s.date1904);
  const tables = s.tables.map((t) => {
    const patches = plan.patches.filter((p) => p.table.toUpperCase() === t.name.toUpperCase());
    if (patches.length === 0) return t;
    const rows: CellValue[][] = t.rows.map((r) => [...r]);
    for (const p of patches) {
      p.rows.forEach((row, i) => {
        const n = p.top - t.top - 1 + i;
        while (rows.length <= n) rows.push(t.header.map(() => null));
        row.forEach((v, j) => {
          if (p.sparse && v === null) return;
          (rows[n] as CellValue[])[p.left - t.left + j] = cellOf(v);
        });
      });
    }
    return { ...t, rows } satisfies TableSnapshot;
  });
  return {
    ...s,
    sheets: [...s.sheets, ...fresh.sheets],
    tables: [...tables, ...fresh.tables],
  };
}

/** A workbook made of content, as set-up would write it. */
export const snapshotOf = (c: WorkbookContent): Snapshot => planSnapshot(templatePlan(c));

/**
 * The part of a workbook that belongs to some of its libraries: the whole
 * registry of territories, their libraries, their reports and their rows of
 * every register (what a branch or a ЦБС keeps in a workbook of its own).
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

/** The same registry with blank reports and empty registers: where the parts are imported into. */
export function emptyOf(c: WorkbookContent): WorkbookContent {
  return {
    ...c,
    submissions: [],
    events: [],
    training: [],
    visits: [],
    publications: [],
    participation: [],
    studies: [],
    reports: c.reports.map((r) => ({ libId: r.libId, name: r.name })),
  };
}
