import type { SetupPlan } from '../../src/core/setup';
import type { CellValue, Snapshot, TableSnapshot } from '../../src/core/snapshot';
import type { ContentRow, WorkbookContent } from '../../src/core/layout/content';
import type { ImportSource } from '../../src/core/import';
import { cellOf, planSnapshot } from '../../src/core/plan-snapshot';
import { templatePlan } from '../../src/core/layout/template';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';

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

export { partOf } from '../../src/bench/import';

/** A branch's workbook to import: `c` with one event more (its first event's row, changed by `event`). */
export function branchSource(c: WorkbookContent, event: ContentRow): ImportSource {
  const first = c.events[0] as ContentRow;
  return {
    name: 'branch.xlsx',
    sha256: 'abc',
    snapshot: snapshotOf({ ...c, events: [...c.events, { ...first, ...event }] }),
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

/** A workbook's figures as consolidation gives them: nothing in them depends on where a row stands. */
export function figures(s: Snapshot) {
  const c = consolidate(validate(s), { includeErrors: false });
  // Lists of libraries follow the registry's order, which an import (rows appended) does not keep: compared as sets.
  const byId = <T extends { libId: string }>(xs: readonly T[]) =>
    [...xs].sort((a, b) => a.libId.localeCompare(b.libId));
  return {
    libraries: {
      ...c.libraries,
      excluded: byId(c.libraries.excluded),
      missing: [...c.libraries.missing].sort(),
      notAccepted: byId(c.libraries.notAccepted),
    },
    indicators: c.indicators,
    byTerritory: c.byTerritory,
    byType: c.byType,
    ratios: c.ratios,
    events: c.events,
    method: c.method,
    training: c.training,
    issues: c.issues,
  };
}
