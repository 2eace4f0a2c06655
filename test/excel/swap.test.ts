import { SimExcel } from '../../src/excel-sim';
import { JOURNAL_SHEET, recoverSwap, recoveryPlan, type Journal } from '../../src/excel/swap';
import { oldJournalValues as journalValues, parseJournal, parseOldJournal } from '../../src/excel/journal';
import { JournalDamagedError } from '../../src/excel/guard';
import type { Write } from '../../src/excel/writes';
import { simHost } from './host';

/** The recovery step alone: what it decides from a journal, and that running it again changes nothing. */
const rows: Journal['rows'] = [
  { kind: 'new', name: 'Summary', other: '~kp0_x' },
  { kind: 'new', name: 'Issues', other: '~kp1_x' },
  { kind: 'old', name: 'Summary', other: '~kb0_x' },
];

describe('recoveryPlan', () => {
  it('reads back the journal it writes, as the settings give it back', () => {
    const journal: Journal = { phase: 'swapping', rows };
    expect(parseJournal(JSON.parse(JSON.stringify(journal)))).toEqual(journal);
    expect(() => parseJournal({ phase: 'something else', rows })).toThrow(JournalDamagedError);
  });

  it("reads back an older version's journal sheet, writes of any length cut into cells, and refuses one cut short", () => {
    const formulas = Array.from({ length: 3000 }, (_, i) => [`=SUM(A${i})`, '1 234', 'TRUE', i]);
    const writes: Write[] = [{ k: 'cells', sheet: 'Отчёт', top: 1, left: 0, formulas }];
    const undo: Write[] = [{ k: 'unprotect', sheet: 'Отчёт' }];
    const values = journalValues({ phase: 'committed', rows: [], writes, undo });
    expect(values.length).toBeGreaterThan(3);
    expect(Math.max(...values.flat().map((v) => v.length))).toBeLessThan(32_767);
    expect(parseOldJournal(values)).toEqual({ phase: 'committed', rows: [], writes, undo });
    expect(() => parseOldJournal(values.slice(0, 2))).toThrow(new JournalDamagedError('cut_short', 'writes'));
    // Emptied once it was moved: no journal.
    expect(parseOldJournal([['']])).toBeNull();
  });

  it('while building, removes only the temporary sheets and the journal', () => {
    expect(recoveryPlan({ phase: 'building', rows }, ['Data', 'Summary', '~kp0_x', JOURNAL_SHEET])).toEqual({
      remove: ['~kp0_x', JOURNAL_SHEET],
      rename: [],
      renameTables: [],
    });
  });

  it('mid-swap, removes the new sheets that took their names and renames the backups back', () => {
    // Summary was backed up and the new Summary named; Issues not yet named.
    expect(recoveryPlan({ phase: 'swapping', rows }, ['Data', '~kb0_x', 'Summary', '~kp1_x', JOURNAL_SHEET])).toEqual({
      remove: ['~kp1_x', 'Summary', JOURNAL_SHEET],
      rename: [{ from: '~kb0_x', to: 'Summary' }],
      renameTables: [],
    });
    // The backup not made yet: the Summary there is the old one, and stays.
    expect(recoveryPlan({ phase: 'swapping', rows }, ['Data', 'Summary', '~kp0_x', '~kp1_x', JOURNAL_SHEET])).toEqual({
      remove: ['~kp0_x', '~kp1_x', JOURNAL_SHEET],
      rename: [],
      renameTables: [],
    });
  });

  it("gives the backups' tables their names back before the commit, and not after it", () => {
    // Set-up's Meta rebuilt: the old Meta table was renamed for the swap, the new one took its name.
    const sheets = ['Data', '~kb0_x', 'Summary', JOURNAL_SHEET];
    const tables = ['Meta_kbmf2x9k1a', 'Meta', 'Events'];
    expect(recoveryPlan({ phase: 'swapping', rows }, sheets, tables).renameTables).toEqual([
      { from: 'Meta_kbmf2x9k1a', to: 'Meta' },
    ]);
    expect(recoveryPlan({ phase: 'committed', rows }, sheets, tables).renameTables).toEqual([]);
  });

  it('once committed, finishes the clean-up', () => {
    expect(recoveryPlan({ phase: 'committed', rows }, ['Summary', 'Issues', '~kb0_x', JOURNAL_SHEET])).toEqual({
      remove: ['~kb0_x', JOURNAL_SHEET],
      rename: [],
      renameTables: [],
    });
  });

  it('without a journal, clears leftovers of older versions', () => {
    expect(recoveryPlan(null, ['Data', '~kp3_abc'])).toEqual({ remove: ['~kp3_abc'], rename: [], renameTables: [] });
  });
});

describe('recoverSwap', () => {
  it('makes the writes of a committed journal again, and a second run does nothing', async () => {
    const sim = new SimExcel({ sheets: ['Data'] });
    sim.simulateUserEdit('Data', 'A1:B2', [
      ['old', 'old'],
      ['old', 'old'],
    ]);
    const journal = sim.addSheet(JOURNAL_SHEET);
    journal.visibility = 'Hidden';
    const writes: Write[] = [
      { k: 'cells', sheet: 'Data', top: 0, left: 0, formulas: [['new', 'new']] },
      { k: 'protect', sheet: 'Data', options: {} },
    ];
    const values = journalValues({ phase: 'committed', rows: [], writes });
    sim.simulateUserEdit(JOURNAL_SHEET, `A1:C${values.length}`, values);
    // The run stopped after the first write: the second half is made, the first made again changes nothing.
    sim.simulateUserEdit('Data', 'A1:B1', [['new', 'new']]);
    const host = simHost(sim);
    expect(await host.run((c) => recoverSwap(c))).toBe(true);
    expect(sim.sheets().map((s) => [s.name, s.protected])).toEqual([['Data', true]]);
    expect(sim.values('Data', 'A1:B2')).toEqual([
      ['new', 'new'],
      ['old', 'old'],
    ]);
    const before = sim.fingerprint();
    expect(await host.run((c) => recoverSwap(c))).toBe(false);
    expect(sim.fingerprint()).toBe(before);
  });

  it('reads a journal of any length (a set-up may add a sheet per library)', async () => {
    const many: Journal['rows'] = Array.from({ length: 600 }, (_, i) => ({
      kind: 'new',
      name: `R${i}`,
      other: `~kp${i}_x`,
    }));
    const sim = new SimExcel({ sheets: ['Data', 'R599', '~kp0_x'] });
    const journal = sim.addSheet(JOURNAL_SHEET);
    journal.visibility = 'Hidden';
    sim.simulateUserEdit(JOURNAL_SHEET, 'A1:C601', journalValues({ phase: 'swapping', rows: many }));
    expect(await simHost(sim).run((c) => recoverSwap(c))).toBe(true);
    // ~kp599_x is gone, so R599 was the new sheet given its name: removed with the temporary one and the journal.
    expect(sim.sheets().map((s) => s.name)).toEqual(['Data']);
  });

  it('repairs a half-done swap in the workbook, and a second run does nothing', async () => {
    const sim = new SimExcel({ sheets: ['Data', '~kb0_x', 'Summary', '~kp1_x'] });
    sim.simulateUserEdit('~kb0_x', 'A1', [['old summary']]);
    sim.simulateUserEdit('Summary', 'A1', [['new summary']]);
    const journal = sim.addSheet(JOURNAL_SHEET);
    journal.visibility = 'Hidden';
    sim.simulateUserEdit(JOURNAL_SHEET, 'A1:C4', journalValues({ phase: 'swapping', rows }));
    const host = simHost(sim);
    expect(await host.run((c) => recoverSwap(c))).toBe(true);
    expect(sim.sheets().map((s) => s.name)).toEqual(['Data', 'Summary']);
    expect(sim.values('Summary', 'A1')).toEqual([['old summary']]);
    const before = sim.fingerprint();
    sim.resetStats();
    expect(await host.run((c) => recoverSwap(c))).toBe(false);
    expect(sim.syncCount).toBe(1);
    expect(sim.fingerprint()).toBe(before);
  });
});
