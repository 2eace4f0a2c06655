import { SimExcel } from '../../src/excel-sim';
import { checkWorkbook } from '../../src/excel/actions';
import { JournalDamagedError } from '../../src/excel/guard';
import {
  DAMAGED_KEY,
  JOURNAL_KEY,
  OLD_JOURNAL_SHEET,
  PHASE_KEY,
  oldJournalValues,
  parseJournal,
  parseOldJournal,
  type Journal,
} from '../../src/excel/journal';
import { recoverSwap } from '../../src/excel/swap';
import type { Write } from '../../src/excel/writes';
import { templatePlan } from '../../src/core/layout/template';
import type { Person } from '../../src/core/workflow';
import { setupWorkbook } from '../../src/excel/actions';
import { changeReportStatus } from '../../src/excel/submissions';
import { simFromPlan } from '../../src/excel-sim/plan';
import { smallContent } from '../helpers/network';
import { underEveryCommandFailure } from './faults';
import { sampleSim, simHost } from './host';

/**
 * The journal read back: anyone who can edit the file can edit it, so it is
 * validated whole before anything of it is made; a damaged one is reported,
 * set aside and never half-applied. And a journal an older version left in
 * its hidden sheet is recovered once, then the sheet goes.
 */
const good: Write[] = [
  { k: 'cells', sheet: 'Data', top: 0, left: 0, formulas: [['new', 'new']] },
  { k: 'markers', sheet: 'Data', error: ['A1'], warning: ['B2'] },
  { k: 'protect', sheet: 'Data', options: { allowFormatCells: true, selectionMode: 'Normal' } },
];
const committed = (writes: unknown[]): unknown => ({ phase: 'committed', rows: [], writes });

const damage = (value: unknown) => {
  try {
    parseJournal(value);
  } catch (e) {
    if (e instanceof JournalDamagedError) return [e.damage, e.where, e.found];
    throw e;
  }
  return 'accepted';
};

describe('a journal read back', () => {
  it('is taken when every write in it is one this version makes', () => {
    expect(parseJournal(committed(good))).toEqual({ phase: 'committed', rows: [], writes: good, undo: [] });
  });

  it('is refused when cut short', () => {
    const text = JSON.stringify(committed(good));
    expect(damage(text.slice(0, text.length - 7))).toEqual(['cut_short', '', '']);
    const old = oldJournalValues({ phase: 'committed', rows: [], writes: good });
    const cut = old.map((r) => (r[0] === 'do' ? [r[0], r[1], (r[2] as string).slice(0, 40)] : r));
    expect(() => parseOldJournal(cut)).toThrow(new JournalDamagedError('cut_short', 'writes'));
  });

  it('is refused with a field missing or of the wrong type, saying where', () => {
    expect(damage(null)).toEqual(['shape', '', '']);
    expect(damage({ phase: 'done', rows: [] })).toEqual(['shape', 'phase', '']);
    expect(damage({ phase: 'committed', rows: {} })).toEqual(['shape', 'rows', '']);
    expect(damage({ phase: 'swapping', rows: [{ kind: 'new', name: 'A:B', other: '~kp0' }] })).toEqual([
      'shape',
      'rows[0].name',
      '',
    ]);
    expect(damage(committed([good[0], { ...good[0], top: '3' }]))).toEqual(['shape', 'writes[1].top', '']);
    expect(damage(committed([{ ...good[0], formulas: [['a'], ['b', 'c']] }]))).toEqual([
      'shape',
      'writes[0].formulas',
      '',
    ]);
    expect(damage(committed([{ ...good[0], formulas: [[{ formula: '=1' }]] }]))).toEqual([
      'shape',
      'writes[0].formulas[0][0]',
      '',
    ]);
    expect(damage(committed([{ k: 'protect', sheet: 'Data', options: { password: 'x' } }]))).toEqual([
      'shape',
      'writes[0].options.password',
      '',
    ]);
    expect(damage(committed([{ k: 'rows', table: 'Events', before: 3, rows: [[null]] }]))).toEqual([
      'shape',
      'writes[0].rows[0][0]',
      '',
    ]);
  });

  it('is refused when it names a kind of write this version does not know', () => {
    expect(damage(committed([good[0], { k: 'erase', sheet: 'Data' }]))).toEqual(['kind', 'writes[1].k', 'erase']);
    expect(damage(committed([{ k: 'toString' }]))).toEqual(['kind', 'writes[0].k', 'toString']);
    const rule = { k: 'validation', sheet: 'Data', plan: { area: { top: 0, left: 0, bottom: 1, right: 0 } } };
    expect(
      damage(committed([{ ...rule, plan: { ...rule.plan, errorTitle: '', error: '', rule: { kind: 'regex' } } }])),
    ).toEqual(['kind', 'writes[0].plan.rule.kind', 'regex']);
  });

  it('is refused when an address is outside the sheet', () => {
    expect(damage(committed([{ ...good[0], top: -1 }]))).toEqual(['address', 'writes[0].top', '']);
    expect(damage(committed([{ ...good[0], left: 1.5 }]))).toEqual(['address', 'writes[0].left', '']);
    expect(damage(committed([{ ...good[0], top: 1_048_575, formulas: [['a'], ['b']] }]))).toEqual([
      'address',
      'writes[0].formulas',
      '',
    ]);
    expect(
      damage(committed([{ k: 'locked', sheet: 'Data', top: 0, left: 16_000, rows: 1, columns: 999, locked: true }])),
    ).toEqual(['address', 'writes[0].columns', '']);
    expect(damage(committed([{ ...good[1], error: ['A1', 'XFE1'] }]))).toEqual(['address', 'writes[0].error[1]', '']);
    expect(damage(committed([{ ...good[1], warning: ['A0'] }]))).toEqual(['address', 'writes[0].warning[0]', '']);
  });
});

async function addSetting(sim: SimExcel, key: string, value: unknown): Promise<void> {
  await simHost(sim).run(async (ctx) => {
    ctx.workbook.settings.add(key, value);
    await ctx.sync();
  });
}

function dataSheet(): SimExcel {
  const sim = new SimExcel({ sheets: ['Data'] });
  sim.simulateUserEdit('Data', 'A1:B2', [
    ['old', 'old'],
    ['old', 'old'],
  ]);
  return sim;
}

describe('the recovery of a damaged journal', () => {
  it('makes none of it, sets it aside, says so, and the next action goes on', async () => {
    const sim = await sampleSim('mistakes');
    const sheet = sim.sheets()[0]?.name as string;
    const before = sim.contents(sheet);
    // A valid first write, then one a co-author's edit broke: the first must not be made either.
    const journal = committed([{ k: 'cells', sheet, top: 0, left: 0, formulas: [['overwritten']] }, { k: 'cells' }]);
    await addSetting(sim, JOURNAL_KEY, journal);
    await expect(checkWorkbook(simHost(sim))).rejects.toEqual(new JournalDamagedError('shape', 'writes[1].sheet'));
    expect(sim.contents(sheet)).toEqual(before);
    expect(sim.settings()).toEqual({
      [DAMAGED_KEY]: { at: expect.any(String), damage: 'shape', where: 'writes[1].sheet', journal },
    });
    const check = await checkWorkbook(simHost(sim));
    expect(check.validation.findings.length).toBeGreaterThan(0);
    expect(Object.keys(sim.settings())).toEqual([DAMAGED_KEY]);
  });

  it('in an old journal sheet, empties or removes the sheet and leaves the cells as they were', async () => {
    for (const locked of [false, true]) {
      const sim = dataSheet();
      sim.addSheet(OLD_JOURNAL_SHEET).visibility = 'Hidden';
      const values = oldJournalValues({ phase: 'committed', rows: [], writes: good });
      values[1] = ['do', 'json', '|[{"k":"cells","sheet":"Data","top":0,"left":0,"formulas":[["new"]]},'];
      sim.simulateUserEdit(OLD_JOURNAL_SHEET, `A1:C${values.length}`, values);
      sim.protectStructure(locked);
      await expect(simHost(sim).run((c) => recoverSwap(c))).rejects.toEqual(
        new JournalDamagedError('cut_short', 'writes'),
      );
      expect(sim.values('Data', 'A1:B1')).toEqual([['old', 'old']]);
      expect(sim.sheets().map((s) => s.name)).toEqual(locked ? ['Data', OLD_JOURNAL_SHEET] : ['Data']);
      if (locked) expect(sim.contents(OLD_JOURNAL_SHEET)).toEqual({});
      expect(await simHost(sim).run((c) => recoverSwap(c))).toBe(false);
    }
  });
});

describe("an older version's journal sheet", () => {
  it('is recovered once: the writes made, then the sheet removed, or emptied where the structure is protected', async () => {
    for (const locked of [false, true]) {
      const sim = dataSheet();
      sim.addSheet(OLD_JOURNAL_SHEET).visibility = 'Hidden';
      const journal: Journal = { phase: 'committed', rows: [], writes: [good[0] as Write] };
      const values = oldJournalValues(journal);
      sim.simulateUserEdit(OLD_JOURNAL_SHEET, `A1:C${values.length}`, values);
      sim.protectStructure(locked);
      expect(await simHost(sim).run((c) => recoverSwap(c))).toBe(true);
      expect(sim.values('Data', 'A1:B2')).toEqual([
        ['new', 'new'],
        ['old', 'old'],
      ]);
      expect(sim.sheets().map((s) => s.name)).toEqual(locked ? ['Data', OLD_JOURNAL_SHEET] : ['Data']);
      expect(sim.settings()).toEqual({});
      // Once: a person's edit after it is not made over again.
      sim.simulateUserEdit('Data', 'A1', [['typed']]);
      const after = sim.fingerprint();
      expect(await simHost(sim).run((c) => recoverSwap(c))).toBe(false);
      expect(sim.fingerprint()).toBe(after);
      // Unprotected later, the emptied sheet goes.
      sim.protectStructure(false);
      await simHost(sim).run((c) => recoverSwap(c));
      expect(sim.sheets().map((s) => s.name)).toEqual(['Data']);
    }
  });
});

describe('a journal in the settings', () => {
  it('of a committed change is made again in a protected workbook, and its backups wait for the protection to go', async () => {
    const sim = dataSheet();
    sim.addSheet('~kb0_x').visibility = 'Hidden';
    const journal: Journal = {
      phase: 'building',
      rows: [{ kind: 'old', name: 'Summary', other: '~kb0_x' }],
      writes: [good[0] as Write],
    };
    await addSetting(sim, JOURNAL_KEY, journal);
    await addSetting(sim, PHASE_KEY, 'committed');
    sim.protectStructure(true);
    expect(await simHost(sim).run((c) => recoverSwap(c))).toBe(true);
    expect(sim.values('Data', 'A1')).toEqual([['new']]);
    expect(sim.settings()[JOURNAL_KEY]).toEqual({ phase: 'committed', rows: journal.rows });
    const after = sim.fingerprint();
    expect(await simHost(sim).run((c) => recoverSwap(c))).toBe(false);
    expect(sim.fingerprint()).toBe(after);
    sim.protectStructure(false);
    expect(await simHost(sim).run((c) => recoverSwap(c))).toBe(true);
    expect(sim.sheets().map((s) => s.name)).toEqual(['Data']);
    expect(sim.settings()).toEqual({});
  });

  it('of a change stopped before its commit is refused in a protected workbook, and kept', async () => {
    const sim = dataSheet();
    sim.addSheet('~kp0_x').visibility = 'Hidden';
    await addSetting(sim, JOURNAL_KEY, {
      phase: 'building',
      rows: [{ kind: 'new', name: 'Summary', other: '~kp0_x' }],
    });
    sim.protectStructure(true);
    await expect(simHost(sim).run((c) => recoverSwap(c))).rejects.toThrow(/structure is protected/);
    expect(Object.keys(sim.settings())).toEqual([JOURNAL_KEY]);
    sim.protectStructure(false);
    expect(await simHost(sim).run((c) => recoverSwap(c))).toBe(true);
    expect(sim.sheets().map((s) => s.name)).toEqual(['Data']);
    expect(sim.settings()).toEqual({});
  });

  it('leaves no phase behind when the clean-up stopped between its two deletions', async () => {
    const sim = dataSheet();
    await addSetting(sim, PHASE_KEY, 'committed');
    expect(await simHost(sim).run((c) => recoverSwap(c))).toBe(true);
    expect(sim.settings()).toEqual({});
  });
});

describe('no journal is left behind', () => {
  const staff: Person = { role: 'staff', name: 'Жакупова Г. С.', libId: 'KRG_CGB' };
  const settings = { level: 'oblast', region: 'Карагандинская область', year: 2025, language: 'ru' } as const;
  it.each([
    ['set-up', (s: SimExcel) => setupWorkbook(simHost(s), settings)],
    ['check', (s: SimExcel) => checkWorkbook(simHost(s))],
    [
      'a submission',
      (s: SimExcel) =>
        changeReportStatus(
          simHost(s),
          { action: 'submit', libId: 'KRG_CGB', person: staff },
          { userLanguage: 'ru', now: () => Date.UTC(2026, 0, 12) },
        ),
    ],
  ])(
    'by %s whichever command fails, once recovered',
    async (_, action) => {
      const sim = simFromPlan(templatePlan(smallContent('ru')));
      // Something for each to write: set-up rebuilds the lists, check marks a figure typed as text (in
      // another library's report than the one submitted).
      await simHost(sim).run(async (c) => {
        c.workbook.worksheets.getItem('_lists').delete();
        await c.sync();
      });
      sim.simulateUserEdit('TMR_CGB', 'E5', [['сто']]);
      // The failures count syncs from here.
      sim.resetStats();
      const results = await underEveryCommandFailure(sim, action, {
        state: (s) => s.dump(),
        check: (s) => Object.keys(s.settings()).map((k) => `left in the settings: ${k}`),
        perSync: 6,
      });
      expect(results.length).toBeGreaterThan(2);
      expect(results.filter((r) => r.problems.length).map((r) => `${r.sync}/${r.command} ${r.location}`)).toEqual([]);
    },
    300_000,
  );
});
