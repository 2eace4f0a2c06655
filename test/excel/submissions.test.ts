import { templatePlan } from '../../src/core/layout/template';
import { simFromPlan } from '../../src/excel-sim/plan';
import type { SimExcel } from '../../src/excel-sim';
import { changeReportStatus, type StatusChange } from '../../src/excel/submissions';
import { checkWorkbook } from '../../src/excel/actions';
import type { Person } from '../../src/core/workflow';
import { translator } from '../../src/i18n';
import { smallContent } from '../helpers/network';
import { simHost } from './host';

/**
 * The submission workflow through the office-js adapter, on the in-memory
 * Excel: refusals, the log, the protection of an accepted report, S3 after
 * the protection is removed, and a failure at every sync of every change.
 */
const staff: Person = { role: 'staff', name: 'Жакупова Г. С.', libId: 'KRG_CGB' };
const methodologist: Person = { role: 'methodologist', name: 'Сарсенова А. К.' };
const options = { userLanguage: 'ru' as const, now: () => Date.UTC(2026, 0, 12, 10, 0) };
const ru = translator('ru');
/** U01 (users) of KRG_CGB, Q2; L01 is row 6 of the table. */
const U01_Q2 = 'E5';

const fresh = (): SimExcel => simFromPlan(templatePlan(smallContent('ru')));
const change = (sim: SimExcel, c: Partial<StatusChange> & Pick<StatusChange, 'action'>) =>
  changeReportStatus(
    simHost(sim),
    { libId: 'KRG_CGB', person: c.action === 'submit' ? staff : methodologist, ...c },
    options,
  );
const logRows = (sim: SimExcel) => sim.tables().find((t) => t.name === 'Submissions')!;
const locked = (sim: SimExcel) => sim.styleOf('KRG_CGB', U01_Q2).locked !== false;

describe('submitting, returning and accepting in Excel', () => {
  it('follows a report through its whole cycle', async () => {
    const sim = fresh();
    const before = logRows(sim).address;
    const u01 = sim.values('KRG_CGB', U01_Q2)[0]![0] as number;
    // An error in the report: U01 as text.
    sim.simulateUserEdit('KRG_CGB', U01_Q2, [['сто']]);
    const refused = await change(sim, { action: 'submit' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.reason.key).toBe('workflow.refused.errors');
      expect(refused.blocking.map((f) => `${f.rule} ${f.cell}`)).toEqual([`D1 'KRG_CGB'!${U01_Q2}`]);
    }
    expect(logRows(sim).address).toBe(before);

    sim.simulateUserEdit('KRG_CGB', U01_Q2, [[u01]]);
    expect(await change(sim, { action: 'submit' })).toMatchObject({ ok: true, to: 'submitted' });
    expect(await change(sim, { action: 'return', comment: '' })).toMatchObject({ ok: false });
    expect(await change(sim, { action: 'return', comment: 'Уточните U01' })).toMatchObject({ ok: true });
    expect(await change(sim, { action: 'accept' })).toMatchObject({ ok: false });
    expect(await change(sim, { action: 'submit' })).toMatchObject({ ok: true });
    expect(locked(sim)).toBe(false);
    expect(await change(sim, { action: 'accept' })).toMatchObject({ ok: true, to: 'accepted' });

    const log = sim.contents(ru.t('sheet.Submissions'));
    const statuses = Object.entries(log)
      .filter(([a]) => a.startsWith('B') && a !== 'B1')
      .map(([, v]) => v);
    expect(statuses).toEqual(
      ['submitted', 'returned', 'submitted', 'accepted'].map((s) => ru.t(`enum.report_status.${s}`)),
    );
    expect(Object.values(log)).toContain('Уточните U01');
    expect(Object.values(log).filter((v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v))).toHaveLength(4);

    // Accepted: the input cells are locked on a protected sheet, so a person cannot type over them.
    expect(locked(sim)).toBe(true);
    expect(sim.sheets().find((s) => s.name === 'KRG_CGB')?.protected).toBe(true);
    expect(() => sim.simulateUserEdit('KRG_CGB', U01_Q2, [[u01 + 1]])).toThrow();
    expect((await checkWorkbook(simHost(sim))).validation.findings).toEqual([]);

    // Someone removes the protection and changes a figure: S3, although nothing stopped them.
    await simHost(sim).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('KRG_CGB').protection.unprotect();
      await ctx.sync();
    });
    sim.simulateUserEdit('KRG_CGB', U01_Q2, [[u01 + 1]]);
    const s3 = (await checkWorkbook(simHost(sim))).validation.findings.filter((f) => f.rule === 'S3');
    expect(s3.map((f) => f.libId)).toEqual(['KRG_CGB']);

    // Returned, the sheet is protected again (as the software protects report sheets) and its inputs open.
    expect(await change(sim, { action: 'return', comment: 'Верните прежнее значение U01' })).toMatchObject({
      ok: true,
    });
    expect(locked(sim)).toBe(false);
    expect(sim.sheets().find((s) => s.name === 'KRG_CGB')?.protected).toBe(true);
  });

  it('logs a comment that begins like a formula or a number as the text it is', async () => {
    const sim = fresh();
    expect(await change(sim, { action: 'submit' })).toMatchObject({ ok: true });
    const comment = '=U01 не сходится с III кварталом';
    expect(await change(sim, { action: 'return', comment })).toMatchObject({ ok: true });
    expect(await change(sim, { action: 'submit' })).toMatchObject({ ok: true });
    expect(await change(sim, { action: 'return', comment: '-5' })).toMatchObject({ ok: true });
    const log = sim.contents(ru.t('sheet.Submissions'));
    expect(Object.values(log)).toEqual(expect.arrayContaining([comment, '-5']));
  });
});

/** The visible state: log rows and protection included. */
const state = (sim: SimExcel) => sim.fingerprint();

describe.each(['accept', 'return'] as const)('%s with a failure at every sync', (action) => {
  async function ready(): Promise<SimExcel> {
    const sim = fresh();
    await change(sim, { action: 'submit' });
    if (action === 'return') await change(sim, { action: 'accept' });
    return sim;
  }
  it('leaves the log and the protection as they were, or both changed', async () => {
    const reference = await ready();
    const untouched = state(reference);
    const wasLocked = locked(reference);
    reference.resetStats();
    await change(reference, { action, comment: 'Исправьте' });
    const complete = state(reference);
    expect(locked(reference)).not.toBe(wasLocked);
    const syncs = reference.syncCount;
    expect(syncs).toBeGreaterThan(2);
    for (let k = 1; k <= syncs; k++) {
      const sim = await ready();
      sim.failAtSync(k);
      await change(sim, { action, comment: 'Исправьте' }).catch(() => undefined);
      const after = state(sim);
      expect({ k, outcome: after === untouched ? 'unchanged' : after === complete ? 'complete' : 'half' }).not.toEqual({
        k,
        outcome: 'half',
      });
    }
  });
  it('puts the protection back when the write stops part-way (the log row refused)', async () => {
    const sim = await ready();
    const untouched = state(sim);
    // The Submissions sheet protected by someone: the row cannot be added after the protection changed.
    await simHost(sim).run(async (ctx) => {
      ctx.workbook.worksheets.getItem(ru.t('sheet.Submissions')).protection.protect();
      await ctx.sync();
    });
    const protectedState = state(sim);
    expect(protectedState).not.toBe(untouched);
    await expect(change(sim, { action, comment: 'Исправьте' })).rejects.toThrow();
    expect(state(sim)).toBe(protectedState);
  });
});
