import { planImport, ImportTargetError, type ImportSource } from '../../src/core/import';
import { validate } from '../../src/core/validate';
import type { Snapshot, TableSnapshot } from '../../src/core/snapshot';
import type { ContentRow, WorkbookContent } from '../../src/core/layout/content';
import { karagandaSample } from '../../src/sample';
import { translator } from '../../src/i18n';
import { smallContent } from '../helpers/network';
import { applyChanges, emptyOf, figures, partOf, snapshotOf } from '../helpers/import';

/**
 * Section 7's import on workbooks built here: what it adds, fills, skips and
 * finds in conflict, and that applying its changes gives what the sources
 * hold.
 */
const AT = Date.UTC(2026, 1, 3, 9, 30);
const source = (name: string, content: WorkbookContent | Snapshot): ImportSource => ({
  name,
  sha256: `sha-${name}`,
  snapshot: 'tables' in content ? content : snapshotOf(content),
});
const table = (s: Snapshot, name: string): TableSnapshot => s.tables.find((t) => t.name === name)!;

const sample = karagandaSample();
const whole = snapshotOf(sample);
const ids = sample.reports.map((r) => r.libId);
const half = new Set(ids.slice(0, Math.ceil(ids.length / 2)));
const rest = new Set(ids.filter((id) => !half.has(id)));

describe('import', () => {
  it("changes nothing when a workbook's own rows are imported into it", () => {
    const plan = planImport(whole, [source('self.xlsx', whole)], { importedAt: AT });
    expect(plan.empty).toBe(true);
    expect(plan.canApply).toBe(true);
    expect(plan.added).toEqual([]);
    expect(plan.filled).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.log).toEqual([]);
    expect(plan.changes.patches).toEqual([]);
    expect(plan.changes.workbook.sheets).toEqual([]);
    expect(plan.duplicates.length).toBeGreaterThan(sample.events.length);
  });

  it('splitting a workbook by library and importing the parts into its empty registry gives the same figures', () => {
    const empty = snapshotOf(emptyOf(sample));
    const plan = planImport(
      empty,
      [source('half.xlsx', partOf(sample, half)), source('rest.xlsx', partOf(sample, rest))],
      { importedAt: AT },
    );
    expect(plan.canApply).toBe(true);
    expect(plan.conflicts).toEqual([]);
    const merged = applyChanges(empty, plan.changes);
    expect(figures(merged)).toEqual(figures(snapshotOf({ ...sample, submissions: [] })));
    expect(plan.added.find((a) => a.table === 'Events')?.count).toBe(sample.events.length);
  });

  it('changes nothing the second time the same file is imported', () => {
    const empty = snapshotOf(emptyOf(sample));
    const part = source('half.xlsx', partOf(sample, half));
    const once = applyChanges(empty, planImport(empty, [part], { importedAt: AT }).changes);
    const twice = planImport(once, [part], { importedAt: AT + 1000 });
    expect(twice.empty).toBe(true);
    expect(twice.log).toEqual([]);
    expect(twice.filled).toEqual([]);
    expect(twice.added).toEqual([]);
  });

  it('adds the libraries new to the target, with their report sheets filled from the source', () => {
    const branch = partOf(sample, new Set([ids[3]!]));
    const target = snapshotOf(partOf(sample, new Set(ids.filter((id) => id !== ids[3])), 'part'));
    const plan = planImport(target, [source('branch.xlsx', branch)], { importedAt: AT });
    expect(plan.added.find((a) => a.table === 'Libraries')?.rows.map((r) => r.key)).toEqual([ids[3]]);
    expect(plan.newReports).toEqual([ids[3]]);
    const sheet = plan.changes.workbook.sheets.find((s) => s.tables[0]?.name === `R_${ids[3]}`);
    expect(sheet?.name).toBe(ids[3]);
    const merged = applyChanges(target, plan.changes);
    const report = validate(merged).workbook.reports.get(ids[3]!)!;
    const original = validate(whole).workbook.reports.get(ids[3]!)!;
    expect([...report.lines.values()].map((l) => [l.code, l.plan, l.q, l.prior_year])).toEqual(
      [...original.lines.values()].map((l) => [l.code, l.plan, l.q, l.prior_year]),
    );
    // The new sheet is listed whole; its cells are counted in the log, not listed one by one.
    expect(plan.filled).toEqual([]);
    expect(plan.log[0]!.valuesFilled).toBeGreaterThan(0);
  });

  it('writes one Imports row per source that brings something, with its counts and checksum', () => {
    const empty = snapshotOf(emptyOf(sample));
    const half1 = partOf(sample, half);
    const plan = planImport(empty, [source('half.xlsx', half1), source('again.xlsx', half1)], { importedAt: AT });
    expect(plan.log).toHaveLength(1);
    const row = plan.log[0]!;
    expect(row).toMatchObject({ importedAt: AT, source: 'half.xlsx', sha256: 'sha-half.xlsx', conflicts: 0 });
    expect(row.libraries).toBe(half.size);
    expect(row.rowsAdded).toBe(plan.added.reduce((s, a) => s + a.count, 0));
    expect(row.valuesFilled).toBe(plan.filled.length);
    expect(row.duplicates).toBe(plan.duplicates.filter((d) => d.from.file === 'half.xlsx').length);
    const merged = applyChanges(empty, plan.changes);
    const log = table(merged, 'Imports');
    expect(log.rows.filter((r) => r.some((v) => v !== null))).toEqual([
      [
        { kind: 'date', ms: AT },
        'half.xlsx',
        'sha-half.xlsx',
        row.libraries,
        row.rowsAdded,
        row.valuesFilled,
        row.duplicates,
        0,
        0,
      ],
    ]);
  });

  it('appends to an Imports table the target already has', () => {
    const empty = snapshotOf(emptyOf(sample));
    const once = applyChanges(
      empty,
      planImport(empty, [source('half.xlsx', partOf(sample, half))], { importedAt: AT }).changes,
    );
    const plan = planImport(once, [source('rest.xlsx', partOf(sample, rest))], { importedAt: AT + 60_000 });
    expect(plan.changes.workbook.sheets.filter((s) => s.tables[0]?.name === 'Imports')).toEqual([]);
    const log = table(applyChanges(once, plan.changes), 'Imports');
    expect(log.rows.map((r) => r[1])).toEqual(['half.xlsx', 'rest.xlsx']);
  });

  it('imports text that begins with =, +, - or @ as text, never as a formula', () => {
    const risky = ['=HYPERLINK("http://x","y")', '+7 701 000 00 00', '-минус', '@user'];
    const content = smallContent('ru');
    const events = content.events
      .slice(0, 4)
      .map((e, i) => ({ ...e, event_id: `EV-9${i}`, title: risky[i]!, note: risky[i]! }));
    const target = snapshotOf({ ...content, events: content.events.slice(4) });
    const plan = planImport(target, [source('risky.xlsx', { ...content, events })], { importedAt: AT });
    const rows = plan.changes.patches.find((p) => p.table === 'Events')!.rows;
    for (const [i, text] of risky.entries()) {
      expect(rows[i]).toContain(text);
      expect(rows[i]!.some((v) => v !== null && typeof v === 'object' && 'formula' in v)).toBe(false);
    }
  });

  it('refuses a source of another year, and one that is not a standard workbook, saying why', () => {
    const other = snapshotOf({ ...sample, settings: { ...sample.settings, year: 2024 } });
    const plain: Snapshot = { date1904: false, sheets: [{ name: 'Лист1', visible: true }], tables: [] };
    const plan = planImport(whole, [source('2024.xlsx', other), source('plain.xlsx', plain)], { importedAt: AT });
    expect(plan.canApply).toBe(false);
    const t = translator('ru');
    expect(plan.refused.map((r) => t.t(r.message.key, r.message.args))).toEqual([
      t.t('import.refused.other_year', { file: '2024.xlsx', year: '2024', target: '2025' }),
      t.t('import.refused.not_standard', { file: 'plain.xlsx' }),
    ]);
    expect(plan.refused[0]!.message.args).toMatchObject({ year: '2024', target: '2025' });
  });

  it('refuses a target that is not a standard workbook', () => {
    const plain: Snapshot = { date1904: false, sheets: [{ name: 'Лист1', visible: true }], tables: [] };
    expect(() => planImport(plain, [source('a.xlsx', whole)], { importedAt: AT })).toThrow(ImportTargetError);
  });
});

describe('import conflicts', () => {
  const content = smallContent('ru');
  const target = snapshotOf(content);
  const renamed = {
    ...content,
    libraries: content.libraries.map((l) =>
      l['lib_id'] === 'TMR_CGB' ? { ...l, name_ru: 'Другое имя', terr_code: 'KRG' } : l,
    ),
  };

  it('a library present with another name or territory is a registry conflict, resolved by choice', () => {
    const plan = planImport(target, [source('other.xlsx', renamed)], { importedAt: AT });
    expect(plan.canApply).toBe(false);
    expect(plan.unresolved).toBe(1);
    const c = plan.conflicts[0]!;
    expect(c).toMatchObject({
      id: 'registry:Libraries:TMR_CGB@other.xlsx',
      kind: 'registry',
      key: 'TMR_CGB',
      column: 'name_ru',
      columns: ['name_ru', 'terr_code'],
      target: { value: 'Библиотека TMR_CGB' },
      source: { value: 'Другое имя', file: 'other.xlsx' },
      resolution: null,
    });
    expect(c.target.cell).toMatch(/^'Библиотеки'!C\d+$/);
    expect(c.source.cell).toMatch(/^'Библиотеки'!A\d+$/);

    const kept = planImport(target, [source('other.xlsx', renamed)], { importedAt: AT, choices: { [c.id]: 'target' } });
    expect(kept.canApply).toBe(true);
    expect(kept.changes.patches.filter((p) => p.table === 'Libraries')).toEqual([]);
    expect(kept.log[0]!.conflicts).toBe(1);

    const taken = planImport(target, [source('other.xlsx', renamed)], { importedAt: AT, prefer: 'source' });
    expect(taken.canApply).toBe(true);
    const libs = table(applyChanges(target, taken.changes), 'Libraries');
    const row = libs.rows.find((r) => r[0] === 'TMR_CGB')!;
    expect([row[1], row[2], row[4]]).toEqual(['TMR_CGB кітапханасы', 'Другое имя', 'KRG']);
  });

  it('a filled report cell holding another value is a report conflict; a blank one is filled', () => {
    const lib = content.reports[1]!;
    const u01 = lib.values?.['U01'] ?? {};
    const changed = {
      ...content,
      reports: content.reports.map((r) =>
        r === lib ? { ...r, values: { ...r.values, U01: { ...u01, q1: 999_999 } } } : r,
      ),
    };
    const blanked = content.reports.map((r) =>
      r === lib ? { ...r, values: { ...r.values, U01: { ...u01, q2: null } } } : r,
    );
    const targetWithBlank = snapshotOf({ ...content, reports: blanked });
    const plan = planImport(targetWithBlank, [source('q.xlsx', changed)], { importedAt: AT });
    expect(plan.conflicts.map((c) => [c.id, c.kind, c.target.value, c.source.value])).toEqual([
      [`report:R_${lib.libId}:U01:q1@q.xlsx`, 'report', u01.q1, 999_999],
    ]);
    expect(plan.filled.map((f) => [f.libId, f.indicator, f.column, f.value])).toEqual([
      [lib.libId, 'U01', 'q2', u01.q2],
    ]);
    expect(plan.filled[0]!.from).toEqual({ file: 'q.xlsx', cell: plan.filled[0]!.cell });

    const kept = planImport(targetWithBlank, [source('q.xlsx', changed)], { importedAt: AT, prefer: 'target' });
    const patch = kept.changes.patches.find((p) => p.table === `R_${lib.libId}`)!;
    expect(patch.sparse).toBe(true);
    expect(patch.rows).toEqual([[u01.q2]]);
    const taken = planImport(targetWithBlank, [source('q.xlsx', changed)], {
      importedAt: AT,
      choices: { [plan.conflicts[0]!.id]: 'source' },
    });
    const after = validate(applyChanges(targetWithBlank, taken.changes)).workbook.reports.get(lib.libId)!;
    expect(after.lines.get('U01')!.q.slice(0, 2)).toEqual([999_999, u01.q2]);
  });

  it('a register key naming a different row is a register conflict; the same row is a duplicate', () => {
    const events = content.events.map((e, i) => (i === 2 ? { ...e, title: 'Совсем другое', participants: 7 } : e));
    const plan = planImport(target, [source('ev.xlsx', { ...content, events })], { importedAt: AT });
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]).toMatchObject({
      kind: 'register',
      table: 'Events',
      key: content.events[2]!['event_id'],
      column: 'title',
      columns: ['title', 'participants'],
      source: { value: 'Совсем другое' },
    });
    expect(plan.duplicates.filter((d) => d.table === 'Events')).toHaveLength(content.events.length - 1);
    const taken = planImport(target, [source('ev.xlsx', { ...content, events })], { importedAt: AT, prefer: 'source' });
    const after = table(applyChanges(target, taken.changes), 'Events');
    expect(after.rows[2]![4]).toBe('Совсем другое');
    expect(after.rows.filter((r) => r[0] !== null)).toHaveLength(content.events.length);
  });

  it('compares enum values by meaning: a Kazakh source of the same rows is all duplicates', () => {
    const plan = planImport(target, [source('kk.xlsx', smallContent('kk'))], { importedAt: AT });
    expect(plan.conflicts.filter((c) => c.kind !== 'registry' || c.column !== 'name_kk')).toEqual([]);
    expect(plan.added).toEqual([]);
  });
  it('two sources that disagree on a row neither target has: the second is in conflict with the first', () => {
    const ev: ContentRow = { ...content.events[0]!, event_id: 'EV-7777', title: 'Новое мероприятие' };
    const target2 = snapshotOf(content);
    const a = { ...content, events: [ev] };
    const b = { ...content, events: [{ ...ev, participants: 1234 }] };
    const plan = planImport(target2, [source('a.xlsx', a), source('b.xlsx', b)], { importedAt: AT });
    expect(plan.added).toEqual([expect.objectContaining({ table: 'Events', count: 1 })]);
    expect(plan.conflicts.map((c) => [c.id, c.column, c.target.value, c.source.value])).toEqual([
      ['register:Events:EV-7777@b.xlsx', 'participants', ev['participants'], 1234],
    ]);
    // The target's side of the conflict is where the first source's row is to be written.
    const events = table(target2, 'Events');
    expect(plan.conflicts[0]!.target.cell).toBe(`'Мероприятия'!L${events.top + 2 + content.events.length}`);
    const taken = planImport(target2, [source('a.xlsx', a), source('b.xlsx', b)], { importedAt: AT, prefer: 'source' });
    const rows = table(applyChanges(target2, taken.changes), 'Events').rows;
    expect(rows.find((r) => r[0] === 'EV-7777')?.[11]).toBe(1234);
  });

  it("a new library's report sheet takes another name where the target has a sheet of its name", () => {
    const libs = new Set(['KRG_OUNB', 'KRG_CGB', 'TMR_CGB', 'ABA_CRB']);
    const base = snapshotOf(partOf(content, libs));
    const target2: Snapshot = { ...base, sheets: [...base.sheets, { name: 'ABA_B01', visible: true }] };
    const plan = planImport(target2, [source('b01.xlsx', partOf(content, new Set(['ABA_B01'])))], { importedAt: AT });
    const sheet = plan.changes.workbook.sheets.find((s) => s.tables[0]?.name === 'R_ABA_B01');
    expect(sheet?.name).toBe('ABA_B01 (2)');
    expect(plan.newReports).toEqual(['ABA_B01']);
  });
});
