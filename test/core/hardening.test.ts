import { join } from 'node:path';
import fc from 'fast-check';
import { templatePlan } from '../../src/core/layout/template';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import { consolidationJson, findingJson } from '../../src/core/json';
import { runConsolidation } from '../../src/core/pipeline';
import { SheetBuilder } from '../../src/core/layout/builder';
import { QUOTE_MAX } from '../../src/core/message';
import type { PlanValue, WorkbookPlan } from '../../src/core/plan';
import type { Snapshot } from '../../src/core/snapshot';
import { planSnapshot } from '../../src/core/plan-snapshot';
import type { WorkbookContent } from '../../src/core/layout/content';
import { readWorkbookFile } from '../../src/xlsx/read';
import { translator } from '../../src/i18n';
import { INDICATORS, LANGUAGES, type RuleId } from '../../src/standard';
import { LIBS, indicatorRow, smallContent, withCell, withReportCell } from '../helpers/network';

/**
 * Hostile and careless input (issue 8, items 6, 7, 9, 10, 11): what a person
 * typed never breaks consolidation, findings point at the one thing to fix
 * and say it plainly in every language, shares stay shares.
 */
const base = planSnapshot(templatePlan(smallContent('ru')));
const en = translator('en');
const ru = translator('ru');
const kk = translator('kk');

const rulesOf = (s: Snapshot) => validate(s).findings.map((f) => f.rule);
const count = (rules: readonly RuleId[], rule: RuleId) => rules.filter((r) => r === rule).length;
const run = (s: Snapshot) => runConsolidation(s, { userLanguage: 'en', madeAt: Date.UTC(2026, 0, 1), version: 'test' });

function planTexts(plan: WorkbookPlan): string[] {
  const out: string[] = [];
  for (const sheet of plan.sheets)
    for (const block of sheet.blocks)
      for (const row of block.values)
        for (const v of row as PlanValue[]) {
          if (typeof v === 'string') out.push(v);
          else if (v && typeof v === 'object' && 'text' in v) out.push(v.text);
        }
  return out;
}

describe('item 6: a very long cell', () => {
  const long = 'Ж'.repeat(32_760);
  const s = withCell(withCell(base, 'Events', 0, 'form', long), 'Events', 1, 'event_id', `EV-${long}`);

  it('is quoted cut to a readable length in every finding, whatever the output', () => {
    const v = validate(s);
    const d3 = v.findings.find((f) => f.rule === 'D3');
    expect(d3).toBeDefined();
    for (const t of [kk, ru, en]) {
      const text = t.render(d3!.message);
      expect(text).toContain(`${'Ж'.repeat(QUOTE_MAX - 1)}…`);
      expect(text.length).toBeLessThan(QUOTE_MAX + 300);
      expect(JSON.stringify(findingJson(d3!, t)).length).toBeLessThan(QUOTE_MAX + 500);
    }
    // The row key (the event_id as written) is cut the same way.
    for (const f of v.findings) if (typeof f.row === 'string') expect(f.row.length).toBeLessThanOrEqual(QUOTE_MAX);
  });

  it('leaves every cell text of the generated sheets within what Excel holds', () => {
    const texts = planTexts(run(s).plan);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(32_767);
  });

  it('is cut by the layout itself, as a last guard, at 32,767 characters', () => {
    const b = new SheetBuilder('x');
    b.line(['a'.repeat(40_000), { text: 'b'.repeat(40_000), link: '#A1' }, 'short']);
    b.table(['h'], [['c'.repeat(32_768)]]);
    const [line, table] = b.build([10]).blocks;
    const [a, link, short] = line!.values[0]!;
    expect(a).toHaveLength(32_767);
    expect(String(a).endsWith('…')).toBe(true);
    expect((link as { text: string }).text).toHaveLength(32_767);
    expect(short).toBe('short');
    expect(String(table!.values[1]![0])).toHaveLength(32_767);
  });
});

describe('item 7: numbers too large to be true', () => {
  const huge = [0, 1, 2].reduce<Snapshot>((s, row) => withCell(s, 'Events', row, 'participants', 9e307), base);

  it('are D1 errors at their cells, in registers', () => {
    const d1 = validate(huge).findings.filter((f) => f.rule === 'D1');
    expect(d1.map((f) => [f.table, f.column, f.message.key])).toEqual([
      ['Events', 'participants', 'D1.too_large'],
      ['Events', 'participants', 'D1.too_large'],
      ['Events', 'participants', 'D1.too_large'],
    ]);
    expect(en.render(d1[0]!.message)).toContain('9E+307');
    expect(ru.render(d1[0]!.message)).toContain('9E+307');
  });

  it('are D1 errors in every number column of reports, the bound itself allowed', () => {
    const s = withReportCell(base, 'KRG_CGB', 'V01', 'q2', 1e12 + 1);
    const f = validate(s).findings.filter((x) => x.rule === 'D1');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ table: 'R_KRG_CGB', row: 'V01', column: 'q2', libId: 'KRG_CGB' });
    expect(kk.render(f[0]!.message)).toMatch(/^1\s000\s000\s000\s001 /);
    for (const col of ['plan', 'prior_year', 'q4'])
      expect(count(rulesOf(withReportCell(base, 'TMR_CGB', 'L01', col, 5e12)), 'D1')).toBe(1);
    expect(count(rulesOf(withCell(base, 'Territories', 0, 'population', 2e15)), 'D1')).toBe(1);
    expect(count(rulesOf(withCell(base, 'Training', 0, 'persons', Infinity)), 'D1')).toBe(1);
    // Below its minimum a figure is told so, and a bounded column says its own bound.
    const keys = (snap: Snapshot) =>
      validate(snap)
        .findings.filter((x) => x.rule === 'D1')
        .map((x) => x.message.key);
    expect(keys(withReportCell(base, 'TMR_CGB', 'L01', 'q1', -5e12))).toEqual(['D1.negative']);
    expect(keys(withCell(base, 'Training', 0, 'hours', 9e307))).toEqual(['D1.above_max']);
    // 10^12 itself is the largest figure allowed: no D1 (other rules may still have their say).
    expect(count(rulesOf(withCell(base, 'Territories', 0, 'population', 1e12)), 'D1')).toBe(0);
  });

  it('never reach the consolidation or its JSON as Infinity or null', () => {
    const r = run(huge);
    const json = consolidationJson(r.consolidation, en);
    expect(json.events.participants).toEqual(expect.any(Number));
    expect(Number.isFinite(json.events.participants)).toBe(true);
    const numbers = planTexts(r.plan).length; // the plan is built
    expect(numbers).toBeGreaterThan(0);
    for (const sheet of r.plan.sheets)
      for (const block of sheet.blocks)
        for (const row of block.values)
          for (const v of row) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });
});

function renameTable(s: Snapshot, from: string, to: string): Snapshot {
  return { ...s, tables: s.tables.map((t) => (t.name === from ? { ...t, name: to } : t)) };
}
function dropTable(s: Snapshot, name: string): Snapshot {
  return { ...s, tables: s.tables.filter((t) => t.name !== name) };
}

describe('item 9: a renamed or deleted register', () => {
  let sample: Snapshot;
  beforeAll(async () => {
    sample = await readWorkbookFile(join(__dirname, '..', '..', 'workbooks', 'karaganda-2025.xlsx'));
  });

  it('renamed Events: one S1 naming the table found in its place, no cascade, events unknown', () => {
    const s = renameTable(sample, 'Events', 'Events2025');
    const v = validate(s);
    expect(v.findings).toHaveLength(1);
    const f = v.findings[0]!;
    expect(f).toMatchObject({ rule: 'S1', table: 'Events' });
    expect(f.message.key).toBe('S1.table_renamed');
    for (const t of [kk, ru, en])
      expect(t.render(f.message)).toMatch(/Events2025[\s\S]*Events|Events[\s\S]*Events2025/);
    const c = consolidate(v);
    expect(c.events.count).toBeNull();
    expect(c.events.participants).toBeNull();
    const json = consolidationJson(c, en);
    expect(json.events.count).toBeNull();
    expect(json.events.pd.count).toBeNull();
    // Version 2's figures of the register are unknown as well, not zero.
    for (const k of ['children', 'disabled', 'speakers'] as const) expect(json.events[k]).toBeNull();
    expect(json.events.pd.participants).toBeNull();
    expect(json.events.pd.territories_reached).toBeNull();
    // The reports are not touched by it: every one is included.
    expect(c.libraries.excluded).toEqual([]);
    expect(c.indicators.U01?.year).toEqual(expect.any(Number));
  });

  it('deleted Training: one S1 saying which table, no cascade, training unknown', () => {
    const v = validate(dropTable(sample, 'Training'));
    expect(v.findings.map((f) => [f.rule, f.table, f.message.key])).toEqual([['S1', 'Training', 'S1.table_missing']]);
    expect(ru.render(v.findings[0]!.message)).toContain('Training');
    const c = consolidate(v);
    expect(c.training.persons).toBeNull();
    expect(c.training.staff_trained_pct).toBeNull();
    for (const t of Object.values(c.training.by_territory)) expect(t.persons).toBeNull();
    expect(c.events.count).toEqual(expect.any(Number));
    expect(consolidationJson(c, en).training.persons).toBeNull();
    const dashboard = run(dropTable(sample, 'Training')).plan.sheets.find((x) => x.name === ru.t('sheet.Dashboard'));
    expect(dashboard?.charts?.map((ch) => ch.name)).not.toContain('Kitaphana_Training');
    expect(dashboard?.charts?.map((ch) => ch.name)).toContain('Kitaphana_EventsByMonth');
    const training = run(dropTable(sample, 'Training')).plan.sheets.find(
      (x) => x.name === ru.t('sheet.TrainingSummary'),
    )!;
    const total = training.blocks
      .flatMap((b) => b.values.map((row) => row as PlanValue[]))
      .find((row) => row[1] === ru.t('generated.total'));
    expect(total?.[2]).toBe(ru.t('generated.unknown'));
    expect(total?.[5]).toEqual(expect.any(Number));
  });

  it('deleted Events: no D5 for the event codes in Training, no W4', () => {
    const s = withCell(dropTable(base, 'Events'), 'Training', 0, 'event_id', 'EV-0001');
    expect(rulesOf(s)).toEqual(['S1']);
    const v = validate(dropTable(sample, 'Events'));
    expect(v.findings.map((f) => f.message.key)).toEqual(['S1.table_missing']);
    expect(consolidate(v).events.count).toBeNull();
  });

  it('deleted Libraries or Territories: one S1, no D5 or S2 for every code that points there', () => {
    expect(rulesOf(dropTable(base, 'Libraries'))).toEqual(['S1']);
    expect(rulesOf(dropTable(base, 'Territories'))).toEqual(['S1']);
    expect(rulesOf(dropTable(sample, 'Territories'))).toEqual(['S1']);
  });

  it('a table of another name without the missing columns is not named as the renamed one', () => {
    const s = renameTable(base, 'Events', 'Мероприятия2');
    const cut: Snapshot = {
      ...s,
      tables: s.tables.map((t) => (t.name === 'Мероприятия2' ? { ...t, header: t.header.slice(0, 5) } : t)),
    };
    const v = validate(cut);
    expect(v.findings.map((f) => f.message.key)).toEqual(['S1.table_missing']);
  });

  it('lays out the unknown figures as unknown, not as zeros', () => {
    const r = run(renameTable(sample, 'Events', 'Events2025'));
    const events = r.plan.sheets.find((x) => x.name === ru.t('sheet.EventsSummary'))!;
    const rows = events.blocks.flatMap((b) => b.values.map((row) => row as PlanValue[]));
    const countRow = rows.find((row) => row[0] === ru.t('generated.events_count'));
    expect(countRow?.[1]).toBe(ru.t('generated.unknown'));
    const dashboard = r.plan.sheets.find((x) => x.name === ru.t('sheet.Dashboard'))!;
    expect(dashboard.charts?.some((ch) => ch.name === 'Kitaphana_EventsByMonth')).toBe(false);
  });
});

describe('item 10: messages that say what is really in the cell', () => {
  it.each(LANGUAGES)('a logical value in a number cell is named as one, in %s', (lang) => {
    const t = translator(lang);
    const named = { kk: 'АҚИҚАТ', ru: 'ИСТИНА', en: 'TRUE' }[lang];
    for (const s of [
      withReportCell(base, 'KRG_CGB', 'V01', 'q1', true),
      withCell(base, 'Events', 0, 'participants', true),
    ]) {
      const d1 = validate(s).findings.filter((f) => f.rule === 'D1');
      expect(d1).toHaveLength(1);
      expect(d1[0]!.message.key).toBe('D1.logical');
      const text = t.render(d1[0]!.message);
      expect(text).toContain(named);
      expect(text).not.toContain(t.render({ key: 'D1.text', args: { text: 'TRUE' } }).slice(8, 20));
    }
    const no = validate(withReportCell(base, 'KRG_CGB', 'V01', 'q1', false)).findings.find((f) => f.rule === 'D1');
    expect(t.render(no!.message)).toContain({ kk: 'ЖАЛҒАН', ru: 'ЛОЖЬ', en: 'FALSE' }[lang]);
  });

  it.each(LANGUAGES)('an invisible character in a code is shown escaped and named, in %s', (lang) => {
    const t = translator(lang);
    // A reference to a library (D5), and the library's own code (its format rule).
    const ref = validate(withCell(base, 'Events', 0, 'lib_id', 'KRG_OUNB\u200B')).findings.filter(
      (f) => f.rule === 'D5',
    );
    expect(ref.map((f) => f.message.key)).toEqual(['D5.invisible']);
    const refText = t.render(ref[0]!.message);
    expect(refText).toContain('KRG_OUNB<U+200B>');
    expect(refText).toContain('<U+…>');
    const lib = validate(withCell(base, 'Libraries', 4, 'lib_id', 'ABA_B01\u00AD')).findings.find(
      (f) => f.message.key === 'D5.invisible',
    );
    expect(lib).toMatchObject({ rule: 'D5', table: 'Libraries', column: 'lib_id' });
    expect(t.render(lib!.message)).toContain('ABA_B01<U+00AD>');
    expect(t.render(lib!.message)).toMatch(/ABA_B01\.?$/);
    for (const ch of ['\u200C', '\u200D', '\u2060', '\u200E', '\u202E', '\u2066']) {
      const f = validate(withCell(base, 'Events', 0, 'lib_id', `KRG${ch}_OUNB`)).findings.find((x) => x.rule === 'D5');
      expect(f?.message.key).toBe('D5.invisible');
      expect(t.render(f!.message)).not.toContain(ch);
    }
  });

  it('an invisible character in a library code is one finding, not also a missing and an orphan report', () => {
    const v = validate(withCell(base, 'Libraries', 4, 'lib_id', 'ABA_B01\u200B'));
    expect(v.findings.map((f) => [f.rule, f.message.key, f.libId])).toEqual([['D5', 'D5.invisible', 'ABA_B01']]);
    const c = consolidate(v);
    expect(c.libraries.excluded.map((e) => e.libId)).toEqual(['ABA_B01']);
    expect(c.libraries.missing).toEqual([]);
    // A code with a Cyrillic look-alike as well: the code as meant is all Latin.
    const both = validate(withCell(base, 'Events', 0, 'lib_id', 'KRG_\u041EUNB\u200B')).findings.find(
      (f) => f.rule === 'D5',
    );
    expect(en.render(both!.message)).toMatch(/KRG_OUNB\.$/);
  });

  it.each(LANGUAGES)('an extra row after the last indicator has its own message, in %s', (lang) => {
    const t = translator(lang);
    const last = INDICATORS[INDICATORS.length - 1]!.code;
    const s = withCell(base, 'R_KRG_CGB', indicatorRow(last) + 1, 'q1', 5);
    const f = validate(s).findings.filter((x) => x.rule === 'S1');
    expect(f.map((x) => x.message.key)).toEqual(['S1.report_row_extra']);
    const text = t.render(f[0]!.message);
    expect(text).not.toMatch(/\(\s*\S*\s*\)|\{\{|«»/);
    expect(text.length).toBeGreaterThan(40);
    const table = base.tables.find((x) => x.name === 'R_KRG_CGB')!;
    expect(f[0]!.cell).toBe(`'${table.sheet}'!A${table.top + 1 + indicatorRow(last) + 2}`);
  });
});

describe('item 10: a report row whose code was erased', () => {
  it.each(LANGUAGES)('says which code belongs there, without an empty quote, in %s', (lang) => {
    const s = withCell(base, 'R_TMR_CGB', indicatorRow('L01'), 'code', null);
    const f = validate(s).findings.filter((x) => x.rule === 'S1');
    expect(f.map((x) => x.message.key)).toEqual(['S1.report_row_no_code']);
    const text = translator(lang).render(f[0]!.message);
    expect(text).toContain('L01');
    expect(text).not.toMatch(/«»|\(\s*\)/);
  });
});

function withTraining(content: WorkbookContent, persons: Record<string, number>): WorkbookContent {
  const rows = content.training.filter((r) => r.lib_id === undefined);
  for (const [lib, n] of Object.entries(persons))
    if (n > 0) rows.push({ ...content.training[0]!, lib_id: lib, persons: n, person: null });
  return { ...content, training: rows };
}

/** A library's report with an error (a quarter's text), so that it is excluded. */
function withError(s: Snapshot, libs: readonly string[]): Snapshot {
  return libs.reduce((acc, lib) => withReportCell(acc, lib, 'V01', 'q1', 'много'), s);
}

describe('item 11: the share of staff trained pairs persons and staff over the same libraries', () => {
  it('counts the persons of included libraries only over their S01', () => {
    // S01 is 5 per library; KRG_CGB trained 40 persons (a whole course), and its report is excluded.
    const content = withTraining(smallContent('en'), { KRG_OUNB: 2, KRG_CGB: 40, TMR_CGB: 1, ABA_CRB: 5, ABA_B01: 0 });
    const s = withError(planSnapshot(templatePlan(content)), ['KRG_CGB']);
    const c = consolidate(validate(s));
    expect(c.libraries.excluded.map((e) => e.libId)).toEqual(['KRG_CGB']);
    // An excluded library's register rows go with its report (section 4): KRG_CGB's 40 are not counted.
    expect(c.training.persons).toBe(8);
    expect(c.training.staff).toBe(20);
    expect(c.training.staff_trained_pct).toBeCloseTo((8 / 20) * 100, 9);
    expect(c.training.by_territory.KRG).toMatchObject({ persons: 2, staff: 5 });
    expect(c.training.by_territory.KRG?.staff_trained_pct).toBeCloseTo(40, 9);
    expect(c.training.by_territory.ABA?.staff_trained_pct).toBeCloseTo(50, 9);
  });

  it('never exceeds what the included libraries give, whichever reports are excluded', () => {
    const ids = LIBS.map((l) => l.id);
    fc.assert(
      fc.property(fc.tuple(...ids.map(() => fc.integer({ min: 0, max: 5 }))), fc.subarray(ids), (persons, excluded) => {
        const content = withTraining(smallContent('en'), Object.fromEntries(ids.map((id, i) => [id, persons[i]!])));
        const c = consolidate(validate(withError(planSnapshot(templatePlan(content)), excluded)));
        const included = ids.filter((id) => !excluded.includes(id));
        const trained = included.reduce((n, id) => n + persons[ids.indexOf(id)]!, 0);
        const staff = included.length * 5;
        if (staff === 0) expect(c.training.staff_trained_pct).toBeNull();
        else expect(c.training.staff_trained_pct).toBeCloseTo((trained / staff) * 100, 9);
        // No library trains more than its staff here, so no share may pass 100 %.
        for (const t of [c.training, ...Object.values(c.training.by_territory)])
          if (t.staff_trained_pct !== null) expect(t.staff_trained_pct).toBeLessThanOrEqual(100);
      }),
      { numRuns: 40 },
    );
  });
});
