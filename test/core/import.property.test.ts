import fc from 'fast-check';
import { planImport, type ImportSource } from '../../src/core/import';
import type { Snapshot } from '../../src/core/snapshot';
import type { ReportInput, WorkbookContent } from '../../src/core/layout/content';
import { INDICATORS } from '../../src/standard';
import { LIBS, smallContent } from '../helpers/network';
import { applyChanges, emptyOf, figures, partOf, snapshotOf } from '../helpers/import';

/**
 * The properties of section 7's import, over random report figures and
 * random ways of cutting a network into parts (what branches send).
 */
const AT = Date.UTC(2026, 0, 15);
const IDS = LIBS.map((l) => l.id);
const quarter = fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null, freq: 3 });
const valuesArb = fc.dictionary(
  fc.constantFrom(...INDICATORS.map((i) => i.code)),
  fc.record({ plan: quarter, q1: quarter, q2: quarter, q3: quarter, q4: quarter, prior_year: quarter }),
);
const networkArb = fc.array(valuesArb, { minLength: IDS.length, maxLength: IDS.length }).map((all) => {
  const content = smallContent('ru');
  return {
    ...content,
    reports: content.reports.map((r, i) => ({ ...r, values: all[i] as Record<string, ReportInput> })),
  } satisfies WorkbookContent;
});
/** Which part each library goes to. */
const partsArb = (n: number) =>
  fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: IDS.length, maxLength: IDS.length });

const src = (name: string, c: WorkbookContent): ImportSource => ({ name, sha256: name, snapshot: snapshotOf(c) });
const parts = (c: WorkbookContent, of: number[], n: number) =>
  Array.from({ length: n }, (_, k) => partOf(c, new Set(IDS.filter((_, i) => of[i] === k))));
const imported = (target: Snapshot, sources: ImportSource[], at = AT) => {
  const plan = planImport(target, sources, { importedAt: at });
  expect(plan.canApply).toBe(true);
  return applyChanges(target, plan.changes);
};

/** Every table's rows as a set (where an appended row stands does not matter), the log aside. */
function contents(s: Snapshot) {
  const out: Record<string, string[]> = {};
  for (const t of s.tables) {
    if (t.name === 'Imports') continue;
    out[t.name] = t.rows
      .filter((r) => r.some((v) => v !== null))
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return out;
}

describe('import properties', () => {
  it("importing a workbook's own rows into it changes nothing", () => {
    fc.assert(
      fc.property(networkArb, (c) => {
        const s = snapshotOf(c);
        expect(planImport(s, [src('self', c)], { importedAt: AT }).empty).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  it('A then B equals B then A when they do not conflict', () => {
    fc.assert(
      fc.property(networkArb, partsArb(2), (c, of) => {
        const [a, b] = parts(c, of, 2) as [WorkbookContent, WorkbookContent];
        const empty = snapshotOf(emptyOf(c));
        const ab = imported(imported(empty, [src('a', a)]), [src('b', b)]);
        const ba = imported(imported(empty, [src('b', b)]), [src('a', a)]);
        expect(contents(ab)).toEqual(contents(ba));
      }),
      { numRuns: 10 },
    );
  });

  it('a workbook split into parts and imported into its empty registry consolidates to the same figures', () => {
    fc.assert(
      fc.property(
        networkArb,
        fc.integer({ min: 1, max: 4 }).chain((n) => partsArb(n).map((of) => [n, of] as const)),
        (c, [n, of]) => {
          const empty = snapshotOf(emptyOf(c));
          const merged = imported(
            empty,
            parts(c, [...of], n).map((p, k) => src(`part${k}`, p)),
          );
          expect(figures(merged)).toEqual(figures(snapshotOf({ ...c, submissions: [] })));
        },
      ),
      { numRuns: 10 },
    );
  });

  it('importing the same file twice changes nothing the second time', () => {
    fc.assert(
      fc.property(networkArb, partsArb(2), (c, of) => {
        const [a] = parts(c, of, 2) as [WorkbookContent];
        const once = imported(snapshotOf(emptyOf(c)), [src('a', a)]);
        const again = planImport(once, [src('a', a)], { importedAt: AT + 1 });
        expect(again.empty).toBe(true);
        expect(again.log).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });
});
