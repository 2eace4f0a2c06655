import { planImport, type ImportSource } from '../../src/core/import';
import type { CellValue, Snapshot } from '../../src/core/snapshot';
import type { WorkbookContent } from '../../src/core/layout/content';
import { translator } from '../../src/i18n';
import { smallContent } from '../helpers/network';
import { applyChanges, partOf, snapshotOf } from '../helpers/import';

/**
 * What section 7 asks of a source before its rows are looked at, and how a
 * source is named: a known version, the same year, a level no higher than
 * the target's, no cell longer than Excel takes; another region said; a file
 * name that is safe to write and to print, and told apart from another
 * source's of the same name.
 */
const AT = Date.UTC(2026, 1, 3, 9, 30);
const content = smallContent('ru');
const target = snapshotOf(content);
const t = translator('en');
const source = (name: string, c: WorkbookContent | Snapshot): ImportSource => ({
  name,
  sha256: `sha-${name}`,
  snapshot: 'tables' in c ? c : snapshotOf(c),
});

/** The snapshot with one cell of a table replaced. */
function withCell(s: Snapshot, table: string, row: number, col: number, v: CellValue): Snapshot {
  return {
    ...s,
    tables: s.tables.map((x) =>
      x.name === table
        ? { ...x, rows: x.rows.map((r, n) => (n === row ? r.map((c, i) => (i === col ? v : c)) : r)) }
        : x,
    ),
  };
}
const metaRow = (s: Snapshot, key: string) =>
  s.tables.find((x) => x.name === 'Meta')!.rows.findIndex((r) => r[0] === key);
const refusals = (sources: ImportSource[], into: Snapshot = target) =>
  planImport(into, sources, { importedAt: AT }).refused.map((r) => [r.message.key, r.source]);

/** A branch's own workbook: one library, one event the target lacks. */
const branch: WorkbookContent = (() => {
  const part = partOf(content, new Set(['ABA_B01']));
  return { ...part, events: [{ ...part.events[0]!, event_id: 'EV-8001', title: 'Новое в филиале' }] };
})();

describe('import: which sources are refused', () => {
  it('refuses a source of a version of the standard it does not know', () => {
    const s = snapshotOf(branch);
    const v7 = withCell(s, 'Meta', metaRow(s, 'version'), 1, '7');
    expect(refusals([source('v7.xlsx', v7)])).toEqual([['import.refused.version', 'v7.xlsx']]);
  });

  it("refuses an oblast's workbook into a library system's, and takes the reverse", () => {
    const cbs = snapshotOf({ ...content, settings: { ...content.settings, level: 'cbs' } });
    expect(refusals([source('oblast.xlsx', branch)], cbs)).toEqual([['import.refused.level', 'oblast.xlsx']]);
    const plan = planImport(
      target,
      [source('cbs.xlsx', { ...branch, settings: { ...branch.settings, level: 'cbs' } })],
      {
        importedAt: AT,
      },
    );
    expect(plan.refused).toEqual([]);
    expect(plan.added.find((a) => a.table === 'Events')?.count).toBe(1);
  });

  it('refuses a source with a cell longer than 32,767 characters, naming the cell, and writes nothing of it', () => {
    const s = snapshotOf(branch);
    const events = s.tables.find((x) => x.name === 'Events')!;
    const long = withCell(s, 'Events', 0, events.header.length - 3, 'я'.repeat(40_000));
    const plan = planImport(target, [source('long.xlsx', long)], { importedAt: AT });
    expect(plan.canApply).toBe(false);
    expect(plan.added).toEqual([]);
    const text = t.t(plan.refused[0]!.message.key, plan.refused[0]!.message.args);
    expect(text).toContain("'Мероприятия'!T2");
    expect(text).toContain('40,000');
  });

  it('refuses a source whose table or column is missing or renamed: its rows would come without those values', () => {
    const s = snapshotOf(branch);
    const renamedTable = { ...s, tables: s.tables.map((x) => (x.name === 'Events' ? { ...x, name: 'Events2' } : x)) };
    const events = s.tables.find((x) => x.name === 'Events')!;
    // An optional column renamed: its values would be left behind without an error in the target.
    const children = 12;
    expect(events.header[children]).toBe('из них дети');
    const renamedColumn = {
      ...s,
      tables: s.tables.map((x) =>
        x.name === 'Events' ? { ...x, header: x.header.map((h, i) => (i === children ? 'Дети' : h)) } : x,
      ),
    };
    expect(refusals([source('table.xlsx', renamedTable), source('column.xlsx', renamedColumn)])).toEqual([
      ['import.refused.structure', 'table.xlsx'],
      ['import.refused.structure', 'column.xlsx'],
    ]);
    const text = t.t('import.refused.structure', { file: 'column.xlsx', table: 'Events' });
    expect(text).toContain('Events');
    // The same workbook as the standard has it is imported.
    expect(refusals([source('branch.xlsx', branch)])).toEqual([]);
  });

  it('refuses a source with a report row the reader cannot take: its values would be left behind', () => {
    const s = snapshotOf(branch);
    const report = s.tables.find((x) => x.name.startsWith('R_'))!;
    const t03 = report.rows.findIndex((r) => r[0] === 'T03');
    // The code typed again as «T3»: the row's figures are no indicator's now.
    const retyped = withCell(s, report.name, t03, 0, 'T3');
    expect(refusals([source('t3.xlsx', retyped)])).toEqual([['import.refused.report_rows', 't3.xlsx']]);
    const text = t.t('import.refused.report_rows', { file: 't3.xlsx', table: report.name });
    expect(text).toContain(report.name);
  });

  it('imports a source of another region and says so in the plan', () => {
    const other = { ...branch, settings: { ...branch.settings, region: 'Павлодарская область' } };
    const plan = planImport(target, [source('pvl.xlsx', other)], { importedAt: AT });
    expect(plan.refused).toEqual([]);
    expect(plan.otherRegions).toEqual([
      { source: 'pvl.xlsx', region: 'Павлодарская область', target: content.settings.region },
    ]);
  });

  it('takes a branch file whose region is written in another language for the same region', () => {
    expect(content.settings.region).toBe('Карагандинская область');
    const kazakh = { ...branch, settings: { ...branch.settings, region: 'Қарағанды облысы' } };
    const plan = planImport(target, [source('kk.xlsx', kazakh)], { importedAt: AT });
    expect(plan.otherRegions).toEqual([]);
    expect(plan.added.length).toBeGreaterThan(0);
  });
});

describe('import: source names', () => {
  it('keeps control characters of a file name out of the log and the plan', () => {
    const named = { ...source('', branch), name: 'br\u0001an\u001bch\u202e.xlsx' };
    const plan = planImport(target, [named], { importedAt: AT });
    expect(plan.log[0]!.source).toBe('br\uFFFDan\uFFFDch\uFFFD.xlsx');
    const merged = applyChanges(target, plan.changes);
    const logged = merged.tables.find((x) => x.name === 'Imports')!.rows.flat();
    const unsafe = (v: unknown) => typeof v === 'string' && [...v].some((ch) => ch < ' ' || ch === '\u202e');
    expect(logged.filter(unsafe)).toEqual([]);
    expect(JSON.stringify(plan.added)).not.toMatch(/\\u0001|\\u001b/);
  });

  it('tells apart two sources of the same name: conflict ids and counts stay each its own', () => {
    const u01 = content.reports[4]!.values?.['U01'] ?? {};
    const changed = (by: number): WorkbookContent => ({
      ...branch,
      reports: branch.reports.map((r) => ({ ...r, values: { ...r.values, U01: { ...u01, q1: Number(u01.q1) + by } } })),
    });
    const plan = planImport(target, [source('branch.xlsx', changed(1)), source('branch.xlsx', changed(2))], {
      importedAt: AT,
    });
    const ids = plan.conflicts.map((c) => c.id);
    expect(ids).toEqual(['report:R_ABA_B01:U01:q1@branch.xlsx', 'report:R_ABA_B01:U01:q1@branch.xlsx (2)']);
    expect(plan.sources.map((s) => [s.source, s.conflicts])).toEqual([
      ['branch.xlsx', 1],
      ['branch.xlsx (2)', 1],
    ]);
  });

  it('says which choices name no conflict', () => {
    const plan = planImport(target, [source('b.xlsx', branch)], {
      importedAt: AT,
      choices: { 'report:R_NOPE:U01:q1@b.xlsx': 'source' },
    });
    expect(plan.unknownChoices).toEqual(['report:R_NOPE:U01:q1@b.xlsx']);
  });
});

describe('import: text as the source holds it', () => {
  it('keeps a leading tab, line break or space of free text', () => {
    const titles = ['\tС табуляцией', '\r\nС переводом строки', '  С пробелами'];
    const events = titles.map((title, i) => ({
      ...branch.events[0]!,
      event_id: `EV-810${i}`,
      title,
      note: ` ${title}`,
    }));
    const plan = planImport(target, [source('ws.xlsx', { ...branch, events })], { importedAt: AT });
    const rows = plan.changes.patches.find((p) => p.table === 'Events')!.rows;
    for (const [i, title] of titles.entries()) {
      expect(rows[i]).toContain(title);
      expect(rows[i]).toContain(` ${title}`);
    }
  });
});
