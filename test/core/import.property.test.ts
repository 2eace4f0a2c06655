import fc from 'fast-check';
import { planImport, type ImportSource } from '../../src/core/import';
import type { Snapshot } from '../../src/core/snapshot';
import type { ContentRow, ReportInput, WorkbookContent } from '../../src/core/layout/content';
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

  it('any split of a workbook (by library, territory or register row), imported in any order, gives its figures', () => {
    fc.assert(
      fc.property(
        richArb,
        fc.integer({ min: 1, max: 4 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            by: fc.constantFrom('library', 'territory', 'row'),
            seed: fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: 64, maxLength: 64 }),
            order: fc.shuffledSubarray(
              Array.from({ length: n }, (_, k) => k),
              { minLength: n, maxLength: n },
            ),
            ownNumbers: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            registry: fc.boolean(),
          }),
        ),
        (c, { n, by, seed, order, ownNumbers, registry }) => {
          // A branch or a district numbers its own events from EV-0001; parts cut by row share libraries, and
          // two files of one library with one key for two rows are in conflict (rule 2), so they keep the whole's.
          const cut = split(c, n, by, seed).map((p, k) => (ownNumbers[k] && by !== 'row' ? numberedOwn(p) : p));
          const sources = order.map((k) => src(`part${k}.xlsx`, cut[k] as WorkbookContent));
          // Into the same registry with nothing else, or into a workbook with no library yet.
          const empty = snapshotOf(registry ? emptyOf(c) : { ...emptyOf(c), libraries: [], reports: [] });
          const merged = imported(empty, sources);
          expect(figures(merged)).toEqual(figures(snapshotOf({ ...c, submissions: [] })));
          const again = planImport(merged, [...sources].reverse(), { importedAt: AT + 1 });
          expect(again.empty).toBe(true);
          expect(again.log).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});

/** A network whose registers hold rows more than once: librarians of one library on one course, an event entered under two keys. */
const richArb = fc
  .tuple(networkArb, fc.array(fc.nat(), { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 3 }))
  .map(([c, courses, events]) => ({
    ...c,
    training: [...c.training, ...courses.map((i) => c.training[i % c.training.length] as ContentRow)],
    events: [
      ...c.events,
      ...events.map((i, k) => ({ ...(c.events[i % c.events.length] as ContentRow), event_id: `EV-${9000 + k}` })),
    ],
  }));

const KEYS: Record<string, string> = {
  events: 'event_id',
  visits: 'visit_id',
  publications: 'pub_id',
  studies: 'study_id',
};
const REGISTERS = ['events', 'training', 'visits', 'publications', 'participation', 'studies'] as const;

/**
 * The workbook cut into n parts. By library or territory, each part is what
 * a branch or a district sends: its libraries' registry rows, reports and
 * register rows. By row, every part has the whole registry and each register
 * row goes to a part of its own, except that rows holding the same content
 * go together: section 7 takes a row a source holds n times where the target
 * already holds it m times as n − m rows, so the same row sent by two
 * sources is one row, and no rule could tell it from one row cut in two.
 */
function split(c: WorkbookContent, n: number, by: 'library' | 'territory' | 'row', seed: number[]): WorkbookContent[] {
  const pick = (i: number) => seed[i % seed.length] as number;
  if (by !== 'row') {
    const terrs = c.territories.map((t) => String(t['terr_code']));
    const partOfLib = (id: string, i: number) =>
      by === 'library'
        ? pick(i)
        : pick(terrs.indexOf(String(c.libraries.find((l) => l['lib_id'] === id)?.['terr_code'])));
    return Array.from({ length: n }, (_, k) => partOf(c, new Set(IDS.filter((id, i) => partOfLib(id, i) === k))));
  }
  const group = new Map<string, number>();
  const partOfRow = (table: string, r: ContentRow) => {
    const key = KEYS[table];
    const content = JSON.stringify({ ...r, ...(key ? { [key]: null, note: null } : {}), table });
    if (!group.has(content)) group.set(content, pick(group.size + IDS.length));
    return group.get(content) as number;
  };
  return Array.from({ length: n }, (_, k) => {
    const part: WorkbookContent = {
      ...c,
      submissions: [],
      reports: c.reports.filter((_, i) => pick(i) === k),
    };
    const rows = Object.fromEntries(
      REGISTERS.map((name) => [name, (c[name] ?? []).filter((r) => partOfRow(name, r) === k)]),
    );
    return { ...part, ...rows };
  });
}

/** The part's events numbered from EV-0001, as a branch numbers its own; its training's references follow. */
function numberedOwn(c: WorkbookContent): WorkbookContent {
  const ids = new Map(c.events.map((e, i) => [String(e['event_id']), `EV-${String(i + 1).padStart(4, '0')}`]));
  return {
    ...c,
    events: c.events.map((e) => ({ ...e, event_id: ids.get(String(e['event_id'])) ?? null })),
    training: c.training.map((t) => ({
      ...t,
      event_id: t['event_id'] ? (ids.get(String(t['event_id'])) ?? null) : null,
    })),
  };
}
