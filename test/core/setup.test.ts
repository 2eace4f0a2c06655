import { translator } from '../../src/i18n';
import { createHash } from 'node:crypto';
import { asVersion1 } from '../helpers/version1';
import { setupPlan, type SetupPlan, type SetupSettings, type TablePatch } from '../../src/core/setup';
import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot, cellOf } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import type { Snapshot, TableSnapshot } from '../../src/core/snapshot';
import { INDICATORS, TABLES } from '../../src/standard';
import { guardPlan, PeopleDataGuardError } from '../../src/excel/guard';
import { smallContent, withReportCell, indicatorRow } from '../helpers/network';

/** Set-up adds what is missing, restores what was damaged, and keeps every value people typed. */
const settings: SetupSettings = { level: 'oblast', region: 'Карагандинская область', year: 2025, language: 'ru' };
const base = planSnapshot(templatePlan(smallContent('ru')));

/** What the patches would leave in the snapshot (the adapter's job, done here on plain data). */
function applyPatches(s: Snapshot, patches: readonly TablePatch[]): Snapshot {
  return {
    ...s,
    tables: s.tables.map((t) => {
      const p = patches.find((x) => x.table === t.name);
      return p ? { ...t, rows: [...p.rows.map((r) => r.map(cellOf)), ...t.rows.slice(p.rows.length)] } : t;
    }),
  };
}

/** The workbook after set-up: tables renamed, new sheets added, hidden ones rebuilt, columns appended, reports patched. */
function appliedPlan(before: Snapshot, plan: SetupPlan): Snapshot {
  const names = new Map((plan.renames ?? []).map((r) => [r.from, r.to]));
  const s = { ...before, tables: before.tables.map((t) => ({ ...t, name: names.get(t.name) ?? t.name })) };
  const added = planSnapshot(plan.workbook).tables;
  const rebuilt = new Set(plan.workbook.removeSheets);
  const patched = applyPatches(s, plan.patches);
  return {
    ...patched,
    tables: [
      ...patched.tables
        .filter((t) => !rebuilt.has(t.sheet))
        .map((t) => {
          const c = plan.columns.find((x) => x.table === t.name);
          return c
            ? {
                ...t,
                header: [...t.header, ...c.headers],
                rows: t.rows.map((r) => [...r, ...c.headers.map(() => null)]),
              }
            : t;
        }),
      ...added,
    ],
  };
}

const peopleValues = (t: TableSnapshot) =>
  Object.fromEntries(t.rows.map((r) => [String(r[0]), [r[3], r[4], r[5], r[6], r[7], r[10], r[12]]]));

describe('set-up', () => {
  it('makes the whole standard structure in an empty workbook', () => {
    const plan = setupPlan({ date1904: false, sheets: [{ name: 'Sheet1', visible: true }], tables: [] }, settings);
    const tables = plan.workbook.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(tables).toEqual(
      expect.arrayContaining(['Meta', 'Territories', 'Libraries', 'Events', 'Training', 'Submissions', 'Lists']),
    );
    expect(plan.patches).toEqual([]);
    expect(plan.workbook.removeSheets).toEqual([]);
  });

  it("changes nothing in a workbook that is already standard, except re-applying the registers' validation", () => {
    const plan = setupPlan(base, settings);
    expect(plan.workbook).toEqual({ sheets: [], removeSheets: [] });
    expect(plan.patches).toEqual([]);
    expect(plan.summary).toEqual({ added: [], repaired: [], rebuilt: [] });
    expect(plan.validations.map((v) => v.sheet).sort()).toEqual([
      'Библиотеки',
      'Выезды',
      'Издания',
      'Исследования',
      'Мероприятия',
      'Повышение квалификации',
      'Территории',
      'Участие',
    ]);
  });

  it('adds a report sheet for a library added to the registry', () => {
    const libs = base.tables.find((t) => t.name === 'Libraries')!;
    const newRow = [...libs.rows[1]!];
    newRow[0] = 'KRG_B05';
    const s: Snapshot = {
      ...base,
      tables: base.tables.map((t) => (t.name === 'Libraries' ? { ...t, rows: [...t.rows, newRow] } : t)),
    };
    const plan = setupPlan(s, settings);
    expect(plan.workbook.sheets.map((x) => x.name)).toEqual(['KRG_B05']);
    expect(plan.summary.added).toEqual(['R_KRG_B05']);
    guardPlan(plan.workbook, s);
  });

  it('rebuilds the hidden lists when someone edited them', () => {
    const s: Snapshot = {
      ...base,
      tables: base.tables.map((t) =>
        t.name === 'Lists' ? { ...t, rows: [['Посёлок', ...t.rows[0]!.slice(1)], ...t.rows.slice(1)] } : t,
      ),
    };
    const plan = setupPlan(s, { ...settings });
    expect(plan.summary.rebuilt).toEqual(['Lists']);
    expect(plan.workbook.removeSheets).toEqual(['_lists']);
  });

  it.each([
    ['a deleted row', (t: TableSnapshot) => ({ ...t, rows: t.rows.filter((_, i) => i !== indicatorRow('V02')) })],
    [
      'two swapped rows',
      (t: TableSnapshot) => {
        const rows = [...t.rows];
        [rows[1], rows[8]] = [rows[8]!, rows[1]!];
        return { ...t, rows };
      },
    ],
    [
      'an edited name',
      (t: TableSnapshot) => ({ ...t, rows: t.rows.map((r, i) => (i === 3 ? ['U04', 'Удалёнка', ...r.slice(2)] : r)) }),
    ],
    [
      'a code typed over',
      (t: TableSnapshot) => ({ ...t, rows: t.rows.map((r, i) => (i === 25 ? ['T3', ...r.slice(1)] : r)) }),
    ],
  ])('restores a report with %s, keeping the values people typed', (_, damage) => {
    const original = base.tables.find((t) => t.name === 'R_KRG_CGB')!;
    const s: Snapshot = { ...base, tables: base.tables.map((t) => (t.name === 'R_KRG_CGB' ? damage(t) : t)) };
    expect(validate(s).findings.some((f) => f.rule === 'S1')).toBe(true);
    const plan = setupPlan(s, settings);
    expect(plan.summary.repaired).toEqual(['R_KRG_CGB']);
    const fixed = applyPatches(s, plan.patches);
    const after = fixed.tables.find((t) => t.name === 'R_KRG_CGB')!;
    expect(after.rows.slice(0, INDICATORS.length).map((r) => r[0])).toEqual(INDICATORS.map((i) => i.code));
    const before = peopleValues(damage(original));
    const kept = peopleValues(after);
    for (const [code, values] of Object.entries(before)) if (code in kept) expect(kept[code]).toEqual(values);
    expect(validate(fixed).findings.filter((f) => f.rule === 'S1')).toEqual([]);
  });

  it("is not tempted by the people's figures: a report with only typed values differing is left alone", () => {
    const s = withReportCell(base, 'KRG_CGB', 'L01', 'q2', 999);
    expect(setupPlan(s, settings).patches).toEqual([]);
  });
});

describe('the guard', () => {
  it('refuses a plan that would replace or remove a sheet people fill', () => {
    expect(() => guardPlan({ sheets: [], removeSheets: ['Мероприятия'] }, base)).toThrow(PeopleDataGuardError);
    expect(() =>
      guardPlan(
        {
          sheets: [
            {
              name: 'KRG_CGB',
              visibility: 'visible',
              columnWidths: [],
              blocks: [],
              tables: [],
              styles: [],
              validations: [],
            },
          ],
          removeSheets: [],
        },
        base,
      ),
    ).toThrow(PeopleDataGuardError);
    expect(() => guardPlan({ sheets: [], removeSheets: ['_lists'] }, base)).not.toThrow();
  });
});

describe('set-up of a version 1 workbook', () => {
  const v1 = asVersion1(base);
  const plan = setupPlan(v1, settings);

  /** Every cell of every table of version 1 but the software's hidden settings and lists, where it was. */
  const cells = (s: Snapshot) =>
    createHash('sha256')
      .update(
        JSON.stringify(
          v1.tables
            .filter((t) => t.name !== 'Meta' && t.name !== 'Lists')
            .map((t) => {
              const now = s.tables.find((x) => x.name === t.name && x.sheet === t.sheet);
              return [t.name, t.rows.map((r, i) => r.map((_, j) => now?.rows[i]?.[j] ?? '<gone>'))];
            }),
        ),
      )
      .digest('hex');

  const applied = () => appliedPlan(v1, plan);

  it('adds the registers, the columns of Events and the report rows of version 2, and writes version 2', () => {
    // Tables apart from columns (issue 21: columns were counted as tables), and the reports extended, not repaired.
    expect(plan.summary.added).toEqual(['Visits', 'Publications', 'Participation', 'Studies', 'Imports']);
    expect(plan.summary.columns).toEqual([
      { table: 'Events', keys: ['speakers', 'territories'] },
      { table: 'Submissions', keys: ['checksum'] },
    ]);
    expect(plan.summary.upgradedFrom).toBe(1);
    expect(plan.summary.repaired).toEqual([]);
    expect([...(plan.summary.extended ?? [])].sort()).toEqual(
      base.tables
        .filter((t) => t.name.startsWith('R_'))
        .map((t) => t.name)
        .sort(),
    );
    expect(plan.columns).toEqual([
      { table: 'Events', sheet: 'Мероприятия', headers: ['Выступления', 'Территории участников'] },
      {
        table: 'Submissions',
        sheet: translator('ru').t('sheet.Submissions'),
        headers: [translator('ru').t('column.Submissions.checksum')],
      },
    ]);
    expect(plan.summary.rebuilt).toContain('Meta');
    expect(plan.patches.map((p) => p.table).sort()).toEqual(
      base.tables
        .filter((t) => t.name.startsWith('R_'))
        .map((t) => t.name)
        .sort(),
    );
    for (const p of plan.patches) expect(p.rows.map((r) => r[0])).toEqual(INDICATORS.map((i) => i.code));
  });

  it("re-points the new registers' drop-downs at the rebuilt lists after the swap (else they read #REF!)", () => {
    const lists = {
      ...v1,
      tables: v1.tables.map((t) => (t.name === 'Lists' ? { ...t, header: t.header.slice(0, 9) } : t)),
    };
    const p = setupPlan(lists, settings);
    expect(p.summary.rebuilt).toContain('Lists');
    const sheets = p.validations.map((v) => v.sheet);
    for (const name of ['Выезды', 'Издания', 'Участие', 'Исследования']) expect(sheets).toContain(name);
    const visits = p.validations.find((v) => v.sheet === 'Выезды')?.validations ?? [];
    expect(visits.some((v) => v.rule.kind === 'list')).toBe(true);
  });

  it('moves no value: every cell of version 1 is where it was, and the workbook reads as a clean version 2', () => {
    const after = applied();
    expect(cells(after)).toBe(cells(v1));
    const meta = (x: Snapshot) => x.tables.find((t) => t.name === 'Meta')?.rows;
    expect(meta(after)).toEqual(meta(v1)?.map((r) => (r[0] === 'version' ? ['version', '2'] : r)));
    const v = validate(after);
    expect(v.workbook.meta.version).toBe(2);
    expect(v.findings.map((f) => `${f.rule} ${f.table} ${f.message.key}`)).toEqual([]);
    // Set-up again changes nothing more.
    const again = setupPlan(after, settings);
    expect([again.columns, again.patches, again.summary.added]).toEqual([[], [], []]);
  });
});

describe('set-up of a table someone renamed (issue 19, item 5)', () => {
  const renamed = (s: Snapshot, from: string, to: string, sheet?: string): Snapshot => ({
    ...s,
    sheets: sheet
      ? s.sheets.map((x) => (x.name === s.tables.find((t) => t.name === from)?.sheet ? { ...x, name: sheet } : x))
      : s.sheets,
    tables: s.tables.map((t) => (t.name === from ? { ...t, name: to, sheet: sheet ?? t.sheet } : t)),
  });
  const clean = (s: Snapshot) => validate(s).findings.filter((f) => f.severity === 'error' && f.rule.startsWith('S'));

  it('gives a register its name back instead of adding an empty twin', () => {
    const s = renamed(base, 'Events', 'MyEvents');
    const plan = setupPlan(s, settings);
    expect(plan.workbook.sheets.map((x) => x.name)).toEqual([]);
    expect(plan.renames).toEqual([{ from: 'MyEvents', to: 'Events', sheet: 'Мероприятия', protectedSheet: false }]);
    expect(plan.summary.added).toEqual([]);
    // The validation is re-applied to the table under its name.
    expect(plan.validations.map((v) => v.sheet)).toContain('Мероприятия');
    const after = appliedPlan(s, plan);
    expect(clean(after)).toEqual([]);
    expect(after.tables.find((t) => t.name === 'Events')?.rows).toEqual(
      base.tables.find((t) => t.name === 'Events')?.rows,
    );
  });

  it('gives a report table its name back, found on its sheet or as the only one left', () => {
    for (const sheet of [undefined, 'Мой отчёт']) {
      const s = renamed(base, 'R_KRG_CGB', 'Table7', sheet);
      const plan = setupPlan(s, settings);
      expect(plan.workbook.sheets).toEqual([]);
      expect(plan.renames).toEqual([
        { from: 'Table7', to: 'R_KRG_CGB', sheet: sheet ?? 'KRG_CGB', protectedSheet: true },
      ]);
      expect(plan.patches).toEqual([]);
      const after = appliedPlan(s, plan);
      expect(clean(after)).toEqual([]);
      expect(validate(after).workbook.reports.get('KRG_CGB')?.empty).toBe(false);
    }
  });

  it('names two renamed reports by their sheets, and guesses nothing when that does not tell', () => {
    const two = renamed(renamed(base, 'R_KRG_CGB', 'A1x'), 'R_ABA_CRB', 'B1x');
    expect(
      setupPlan(two, settings)
        .renames?.map((r) => `${r.from}>${r.to}`)
        .sort(),
    ).toEqual(['A1x>R_KRG_CGB', 'B1x>R_ABA_CRB']);
    const hidden = renamed(renamed(base, 'R_KRG_CGB', 'A1x', 'Лист1'), 'R_ABA_CRB', 'B1x', 'Лист2');
    expect(setupPlan(hidden, settings).renames).toBeUndefined();
  });
});

describe('set-up adds the columns a table lacks at its right, whatever its headers say (issue 19, item 6)', () => {
  /** Every standard table's header as the column keys, as another program may write it (section 1). */
  const keyHeaders = (s: Snapshot): Snapshot => ({
    ...s,
    tables: s.tables.map((t) => {
      const def = TABLES.find((d) => d.name === t.name);
      if (!def || t.name === 'Meta' || t.name === 'Lists') return t;
      return { ...t, header: def.columns.slice(0, t.header.length).map((c) => c.key) };
    }),
  });

  it('upgrades a version 1 workbook whose headers are the keys to a clean version 2', () => {
    const v1 = keyHeaders(asVersion1(base));
    expect(validate(v1).findings.filter((f) => f.rule === 'S1')).toEqual([]);
    const plan = setupPlan(v1, settings);
    expect(plan.columns).toEqual([
      { table: 'Events', sheet: 'Мероприятия', headers: ['speakers', 'territories'] },
      { table: 'Submissions', sheet: translator('ru').t('sheet.Submissions'), headers: ['checksum'] },
    ]);
    const after = appliedPlan(v1, plan);
    expect(validate(after).findings.map((f) => `${f.rule} ${f.table} ${f.message.key}`)).toEqual([]);
    // The drop-downs of a key-headed register are re-applied too.
    const events = plan.validations.find((v) => v.sheet === 'Мероприятия')?.validations ?? [];
    expect(events.length).toBeGreaterThan(3);
  });

  it('adds any standard column missing at the right of any table, the software’s logs included', () => {
    const imports = base.tables.find((t) => t.name === 'Imports')!;
    const cut = { ...imports, header: imports.header.slice(0, -1), rows: imports.rows.map((r) => r.slice(0, -1)) };
    const s: Snapshot = { ...base, tables: base.tables.map((t) => (t === imports ? cut : t)) };
    const plan = setupPlan(s, settings);
    const last = TABLES.find((t) => t.name === 'Imports')!.columns.at(-1)!.key;
    expect(plan.summary.columns).toEqual([{ table: 'Imports', keys: [last] }]);
    expect(plan.columns[0]?.headers).toEqual([imports.header.at(-1)]);
  });

  it('adds nothing after a column of people’s own, nor into the middle', () => {
    const v1 = asVersion1(base);
    const own = {
      ...v1,
      tables: v1.tables.map((t) =>
        t.name === 'Events' ? { ...t, header: [...t.header, 'Мои заметки'], rows: t.rows.map((r) => [...r, null]) } : t,
      ),
    };
    expect(setupPlan(own, settings).columns.map((c) => c.table)).toEqual(['Submissions']);
  });
});
