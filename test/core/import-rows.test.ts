import { planImport, resolveImport, startImport, type ImportSource } from '../../src/core/import';
import { importNotices } from '../../src/core/import/text';
import { translator } from '../../src/i18n';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import type { Snapshot, TableSnapshot } from '../../src/core/snapshot';
import type { ContentRow, WorkbookContent } from '../../src/core/layout/content';
import { karagandaSample } from '../../src/sample';
import { branchSample } from '../../src/sample/branch';
import { smallContent } from '../helpers/network';
import { applyChanges, emptyOf, partOf, snapshotOf } from '../helpers/import';

/**
 * Section 7's "register rows keep every row, once", on branch workbooks made
 * here from the sample generator: keys are unique within a workbook, not
 * across, so two branches that both number their events from EV-0001 keep
 * all of them; rows without a key keep their multiplicity; and no choice
 * touches another library's row.
 */
const AT = Date.UTC(2026, 1, 3, 9, 30);
const source = (name: string, content: WorkbookContent): ImportSource => ({
  name,
  sha256: `sha-${name}`,
  snapshot: snapshotOf(content),
});
const table = (s: Snapshot, name: string): TableSnapshot => s.tables.find((t) => t.name === name)!;
const filledRows = (t: TableSnapshot) => t.rows.filter((r) => r.some((v) => v !== null));

/** The branch's events numbered from EV-0001, as each branch numbers its own; its training's references follow. */
function ownNumbering(c: WorkbookContent): WorkbookContent {
  const ids = new Map(c.events.map((e, i) => [String(e['event_id']), `EV-${String(i + 1).padStart(4, '0')}`]));
  return {
    ...c,
    settings: { ...c.settings, level: 'cbs' },
    events: c.events.map((e) => ({ ...e, event_id: ids.get(String(e['event_id'])) ?? null })),
    training: c.training.map((t) => ({ ...t, event_id: ids.get(String(t['event_id'])) ?? null })),
  };
}

const sample = karagandaSample();
/** Two branches of 22 events each: the late branch's own workbook, and another branch's made from the oblast's. */
const osk = ownNumbering(branchSample('ru'));
const sht = (() => {
  const part = ownNumbering(partOf(sample, new Set(['SHT_B01'])));
  // One course at the branch's own event, so that a reference has to follow its renumbered event.
  const course: ContentRow = { ...part.training[0]!, event_id: 'EV-0003', title: 'Курс на своём мероприятии' };
  return { ...part, training: [...part.training, course] };
})();
/** A workbook set up for the oblast and year, with nothing in it yet. */
const empty: WorkbookContent = { ...emptyOf(sample), territories: [], libraries: [], reports: [] };

const figuresOf = (s: Snapshot) => consolidate(validate(s), { includeErrors: true });

describe('import: keys are unique per workbook, not across', () => {
  it('two branches numbering their events from EV-0001 give 44 events in an empty workbook, the second renumbered', () => {
    expect(osk.events).toHaveLength(22);
    expect(sht.events).toHaveLength(22);
    const target = snapshotOf(empty);
    const plan = planImport(target, [source('osk_b01.xlsx', osk), source('sht_b01.xlsx', sht)], { importedAt: AT });
    expect(plan.conflicts).toEqual([]);
    expect(plan.canApply).toBe(true);
    expect(plan.added.find((a) => a.table === 'Events')?.count).toBe(44);
    expect(plan.renumbered).toHaveLength(22);
    expect(plan.renumbered[0]).toEqual({
      table: 'Events',
      libId: 'SHT_B01',
      oldKey: 'EV-0001',
      newKey: 'EV-0023',
      from: { file: 'sht_b01.xlsx', cell: expect.stringMatching(/^'Мероприятия'!A2$/) },
    });
    expect(plan.log.map((l) => [l.source, l.renumbered])).toEqual([
      ['osk_b01.xlsx', 0],
      ['sht_b01.xlsx', 22],
    ]);

    const merged = applyChanges(target, plan.changes);
    const events = filledRows(table(merged, 'Events'));
    expect(events).toHaveLength(44);
    expect(new Set(events.map((r) => r[0])).size).toBe(44);
    // The course at the branch's own EV-0003 now names that event under its new key.
    const training = filledRows(table(merged, 'Training'));
    const course = training.find((r) => r.includes('Курс на своём мероприятии'))!;
    expect(course[7]).toBe('EV-0025');
    expect(events.find((r) => r[0] === 'EV-0025')?.[1]).toBe('SHT_B01');

    const whole = figuresOf(merged);
    const a = figuresOf(snapshotOf(osk));
    const b = figuresOf(snapshotOf(sht));
    const sum = (f: (x: typeof a) => number | null) => (f(a) ?? 0) + (f(b) ?? 0);
    expect(whole.events.count).toBe(44);
    expect(whole.events.count).toBe(sum((x) => x.events.count));
    expect(whole.events.participants).toBe(sum((x) => x.events.participants));
    expect(whole.training.persons).toBe(sum((x) => x.training.persons));
    for (const code of ['U01', 'E01', 'L01'])
      expect(whole.indicators[code]?.year).toBe((a.indicators[code]?.year ?? 0) + (b.indicators[code]?.year ?? 0));

    const again = planImport(merged, [source('osk_b01.xlsx', osk), source('sht_b01.xlsx', sht)], {
      importedAt: AT + 1,
    });
    expect(again.empty).toBe(true);
    expect(again.renumbered).toEqual([]);
    expect(again.log).toEqual([]);
  });

  it('writes the renumbered count into the Imports log', () => {
    const target = snapshotOf(empty);
    const plan = planImport(target, [source('osk_b01.xlsx', osk), source('sht_b01.xlsx', sht)], { importedAt: AT });
    const log = filledRows(table(applyChanges(target, plan.changes), 'Imports'));
    expect(log.map((r) => [r[1], r[8]])).toEqual([
      ['osk_b01.xlsx', 0],
      ['sht_b01.xlsx', 22],
    ]);
  });
});

describe('import: rows without a key', () => {
  const content = smallContent('ru');
  const course = content.training[0]!;
  const part = content.participation?.[0];

  it('keeps three librarians of one library on one course as three rows (n − m appended)', () => {
    const three = { ...content, training: [course, course, course] };
    const intoEmpty = planImport(snapshotOf({ ...content, training: [] }), [source('tr.xlsx', three)], {
      importedAt: AT,
    });
    expect(intoEmpty.added.find((a) => a.table === 'Training')?.count).toBe(3);
    const holdingOne = snapshotOf({ ...content, training: [course] });
    const plan = planImport(holdingOne, [source('tr.xlsx', three)], { importedAt: AT });
    expect(plan.added.find((a) => a.table === 'Training')?.count).toBe(2);
    expect(plan.duplicates.filter((d) => d.table === 'Training')).toHaveLength(1);
    const merged = applyChanges(holdingOne, plan.changes);
    expect(planImport(merged, [source('tr.xlsx', three)], { importedAt: AT }).empty).toBe(true);
  });

  it('compares them on every column: another number of hours is another row', () => {
    const other = { ...course, hours: Number(course['hours']) + 1 };
    const plan = planImport(
      snapshotOf({ ...content, training: [course] }),
      [source('tr.xlsx', { ...content, training: [course, other] })],
      { importedAt: AT },
    );
    expect(plan.added.find((a) => a.table === 'Training')?.count).toBe(1);
    expect(plan.conflicts).toEqual([]);
  });

  it('compares numbers to the 15 digits a spreadsheet keeps: the same row saved again by LibreOffice is a duplicate', () => {
    // 0.1 × 3 × 240 is 72.00000000000001 in binary (a value pasted from a calculation); LibreOffice writes 72.
    const computed = { ...course, hours: 0.1 * 3 * 240 };
    expect(computed.hours).not.toBe(72);
    const plan = planImport(
      snapshotOf({ ...content, training: [computed] }),
      [source('tr.xlsx', { ...content, training: [{ ...course, hours: 72 }] })],
      { importedAt: AT },
    );
    expect(plan.added.find((a) => a.table === 'Training')).toBeUndefined();
    expect(plan.duplicates.filter((d) => d.table === 'Training')).toHaveLength(1);
  });

  it("takes a branch's row that leaves blank what its file cannot hold as the oblast's row", () => {
    // The branch's course at another library's event names no event_id: that event is not in its register.
    const own = branchSample('ru');
    expect(own.training.some((r) => r['event_id'] === null)).toBe(true);
    const plan = planImport(snapshotOf(sample), [source('osk_b01.xlsx', own)], { importedAt: AT });
    expect(plan.added.find((a) => a.table === 'Training')).toBeUndefined();
    expect(plan.duplicates.filter((d) => d.table === 'Training')).toHaveLength(own.training.length);
  });

  (part ? it : it.skip)('keeps the multiplicity of participation rows too', () => {
    const twice = { ...content, participation: [part!, part!] };
    const plan = planImport(snapshotOf({ ...content, participation: [] }), [source('p.xlsx', twice)], {
      importedAt: AT,
    });
    expect(plan.added.find((a) => a.table === 'Participation')?.count).toBe(2);
  });
});

describe("import: no choice changes another library's row", () => {
  const content = smallContent('ru');
  const target = snapshotOf(content);
  const mine = content.events.find((e) => e['lib_id'] === 'KRG_CGB')!;
  const theirs: ContentRow = {
    ...content.events.find((e) => e['lib_id'] === 'TMR_CGB')!,
    event_id: mine['event_id'] ?? null,
  };

  it('a key of another library is renumbered, whatever --prefer says', () => {
    for (const prefer of ['source', 'target'] as const) {
      const plan = planImport(target, [source('tmr.xlsx', { ...content, events: [{ ...theirs, title: 'Иное' }] })], {
        importedAt: AT,
        prefer,
      });
      expect(plan.conflicts).toEqual([]);
      expect(plan.renumbered.map((r) => [r.oldKey, r.libId])).toEqual([[mine['event_id'], 'TMR_CGB']]);
      const rows = table(applyChanges(target, plan.changes), 'Events').rows;
      const kept = rows.find((r) => r[0] === mine['event_id'])!;
      expect(kept[1]).toBe('KRG_CGB');
      expect(kept[4]).toBe(mine['title']);
    }
  });

  it('the same library and content (note, case and spaces aside) under another key is a duplicate', () => {
    const same = {
      ...mine,
      event_id: 'EV-9999',
      title: `  ${String(mine['title']).toUpperCase()} `,
      note: 'другое примечание',
    };
    const plan = planImport(target, [source('cgb.xlsx', { ...content, events: [same] })], { importedAt: AT });
    expect(plan.added).toEqual([]);
    expect(plan.duplicates.filter((d) => d.table === 'Events')).toHaveLength(1);
  });

  it('the same key and library with other content is a conflict; choosing the source changes only that row', () => {
    const edited = { ...mine, participants: 777 };
    const plan = planImport(target, [source('cgb.xlsx', { ...content, events: [edited] })], {
      importedAt: AT,
      prefer: 'source',
    });
    expect(plan.conflicts.map((c) => [c.kind, c.libId, c.key, c.columns])).toEqual([
      ['register', 'KRG_CGB', mine['event_id'], ['participants']],
    ]);
    const before = table(target, 'Events').rows;
    const after = table(applyChanges(target, plan.changes), 'Events').rows;
    const changed = after.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before[i]));
    expect(changed.map((r) => [r[0], r[1], r[11]])).toEqual([[mine['event_id'], 'KRG_CGB', 777]]);
  });
});

describe('import: reports the target does not take', () => {
  it("lists a source's report of a library the target marks inactive, rather than leave it behind unsaid", () => {
    const content = smallContent('ru');
    const lib = 'ABA_B01';
    // The target has the library marked inactive, so it has no report sheet for it.
    const target = snapshotOf({
      ...content,
      libraries: content.libraries.map((l) => (l['lib_id'] === lib ? { ...l, active: 'Нет' } : l)),
      reports: content.reports.filter((r) => r.libId !== lib),
    });
    const plan = planImport(target, [source('aba_b01.xlsx', partOf(content, new Set([lib])))], { importedAt: AT });
    expect(plan.newReports).toEqual([]);
    expect(plan.reportsNotTaken).toEqual([{ libId: lib, source: 'aba_b01.xlsx' }]);
    const t = translator('ru');
    expect(importNotices(plan, t).some((n) => n.includes(`${lib} (aba_b01.xlsx)`))).toBe(true);
    // Nor is a report whose library is in neither registry left behind unsaid.
    const unlisted = partOf(content, new Set([lib]));
    const orphan = planImport(target, [source('orphan.xlsx', { ...unlisted, libraries: [] })], { importedAt: AT });
    expect(orphan.reportsNotTaken).toEqual([{ libId: lib, source: 'orphan.xlsx' }]);
    // A target that takes it lists nothing.
    expect(
      planImport(snapshotOf(content), [source('aba_b01.xlsx', partOf(content, new Set([lib])))], { importedAt: AT })
        .reportsNotTaken,
    ).toEqual([]);
  });
});

describe('import: accepted reports it changes', () => {
  it('lists the accepted libraries whose rows or report cells it changes', () => {
    const statuses = new Map<string, string>();
    for (const s of sample.submissions) statuses.set(String(s['lib_id']), String(s['status']));
    const accepted = [...statuses].filter(([, s]) => s === 'Принят').map(([id]) => id);
    expect(accepted.length).toBeGreaterThan(1);
    const lib = accepted[0]!;
    const event = sample.events.find((e) => e['lib_id'] === lib)!;
    const branch = partOf(sample, new Set([lib]));
    const plan = planImport(
      snapshotOf(sample),
      [source('b.xlsx', { ...branch, events: [...branch.events, { ...event, event_id: 'EV-9990', title: 'Новое' }] })],
      { importedAt: AT },
    );
    expect(plan.accepted).toEqual([lib]);
  });
});

describe('import: an import run once finished', () => {
  it('resolves again to the same plan, its indexes gone, and takes no source more', () => {
    const run = startImport(snapshotOf(empty));
    run.add(source('osk_b01.xlsx', osk));
    run.add(source('sht_b01.xlsx', sht));
    const analysis = run.finish();
    const once = resolveImport(analysis, { importedAt: AT });
    expect(once.added.find((a) => a.table === 'Events')?.count).toBe(44);
    expect(resolveImport(run.finish(), { importedAt: AT })).toEqual(once);
    expect(once).toEqual(
      planImport(snapshotOf(empty), [source('osk_b01.xlsx', osk), source('sht_b01.xlsx', sht)], { importedAt: AT }),
    );
    expect(() => run.add(source('again.xlsx', osk))).toThrow('finished');
  });
});
