import { planImport, type ImportSource } from '../../src/core/import';
import { templatePlan } from '../../src/core/layout/template';
import type { WorkbookContent } from '../../src/core/layout/content';
import { parseWorkbook } from '../../src/core/parse';
import { planPriorYear } from '../../src/core/prior-year';
import { setupPlan, type SetupPlan, type SetupSettings } from '../../src/core/setup';
import type { Snapshot } from '../../src/core/snapshot';
import { reportChecksum } from '../../src/core/checksum';
import { validate } from '../../src/core/validate';
import { logRow } from '../../src/core/writes';
import { translator } from '../../src/i18n';
import { setupWorkbook } from '../../src/excel/actions';
import { applyChanges, readTarget } from '../../src/excel/import';
import { changeReportStatus } from '../../src/excel/submissions';
import type { SimExcel } from '../../src/excel-sim';
import { loadSimFromXlsx } from '../../src/excel-sim/xlsx';
import { readWorkbook } from '../../src/xlsx/read';
import { renderSheets } from '../../src/xlsx/render';
import { applySetupPlan } from '../../src/xlsx/setup-patch';
import { LIBS, smallContent } from '../helpers/network';
import { branchSource, partOf, snapshotOf } from '../helpers/import';
import { ooxmlProblems } from '../helpers/ooxml';
import { simHost } from './host';

/**
 * The same changes made to the same workbook through the add-in (the
 * in-memory Excel) and through the file writer (the command line's path):
 * set-up, an import, last year's figures and a submission. Every cell of
 * every table ends up the same either way: value or formula, date serial,
 * number format; and the tables the same size. In both date systems.
 */
const AT = Date.UTC(2026, 1, 3, 9, 30);
const SUBMITTED = Date.UTC(2026, 1, 4, 11, 15);
const DAY = Date.UTC(2025, 2, 15);
const full = smallContent('ru');
// Nothing filled last year's column yet (neither here nor in the branch's workbook): the prior-year fill writes it.
const content: WorkbookContent = {
  ...full,
  reports: full.reports.map((r) => ({
    ...r,
    values: Object.fromEntries(Object.entries(r.values ?? {}).map(([k, v]) => [k, { ...v, prior_year: null }])),
  })),
};
// A library the import leaves alone: the new event (EV-901) is another's, and changes that one's balance (R3).
const lib = LIBS[1]!.id;
const newLib = LIBS[4]!.id;
const target: WorkbookContent = {
  ...partOf(content, new Set(LIBS.slice(0, 4).map((l) => l.id))),
  reports: content.reports.filter((r) => r.libId !== newLib),
};
const source: ImportSource = branchSource(content, {
  event_id: 'EV-901',
  date_start: { date: DAY },
  title: '=не формула',
  note: '0042',
});
/** Last year's workbook: its year values are this year's «prior year» figures (the stock carries over, R3). */
const lastYear: Snapshot = snapshotOf({
  ...full,
  settings: { ...full.settings, year: 2024 },
  reports: full.reports.map((r) => ({
    ...r,
    values: Object.fromEntries(
      Object.entries(r.values ?? {}).map(([k, v]) => [k, { q1: null, q2: null, q3: null, q4: v.prior_year ?? null }]),
    ),
  })),
});
const person = { role: 'staff' as const, name: 'Жакупова Г. С.', libId: lib };

/** The start: the template without its Training register, which set-up adds back. */
async function start(date1904: boolean): Promise<Buffer> {
  const plan = templatePlan(target);
  return renderSheets({ ...plan, sheets: plan.sheets.filter((s) => s.tables[0]?.name !== 'Training') }, date1904);
}

function settingsOf(s: Snapshot): SetupSettings {
  const m = parseWorkbook(s).meta;
  return { level: m.level ?? 'oblast', region: m.region ?? '', year: m.year ?? 2025, language: m.language ?? 'ru' };
}

const only = (patches: SetupPlan['patches']): SetupPlan => ({
  workbook: { sheets: [], removeSheets: [] },
  patches,
  columns: [],
  validations: [],
  summary: { added: [], repaired: [], rebuilt: [] },
});

/** The command line's path: each change planned from the file as it is, then written into it. */
async function throughFiles(data: Uint8Array): Promise<Uint8Array> {
  let s = await readWorkbook(data);
  data = await applySetupPlan(data, setupPlan(s, settingsOf(s)));
  s = await readWorkbook(data);
  data = await applySetupPlan(data, planImport(s, [source], { importedAt: AT, prefer: 'target' }).changes);
  s = await readWorkbook(data);
  data = await applySetupPlan(data, planPriorYear(s, lastYear).changes);
  // The command line has no submission: the core's log row, appended to the log as a patch.
  s = await readWorkbook(data);
  const wb = validate(s).workbook;
  const log = wb.registers.Submissions;
  const t = log.table!;
  const row = logRow(log, {
    lib_id: lib,
    status: translator('ru').t('enum.report_status.submitted'),
    changed_by: person.name,
    changed_at: SUBMITTED,
    comment: '',
    checksum: reportChecksum(wb, lib),
  });
  const top = t.top + 1 + t.rows.length;
  return applySetupPlan(
    data,
    only([{ table: t.name, sheet: t.sheet, top, left: t.left, rows: [row], currentRows: 0, protectedSheet: false }]),
  );
}

/** The add-in's path, as the task pane takes it. */
async function throughExcel(sim: SimExcel): Promise<void> {
  const host = simHost(sim);
  await setupWorkbook(host, settingsOf(await readTarget(host)));
  let basis = await readTarget(host);
  const imported = planImport(basis, [source], { importedAt: AT, prefer: 'target' });
  expect(imported.canApply).toBe(true);
  await applyChanges(host, imported.changes, basis);
  basis = await readTarget(host);
  const prior = planPriorYear(basis, lastYear);
  expect(prior.filled.length).toBeGreaterThan(0);
  await applyChanges(host, prior.changes, basis);
  const submitted = await changeReportStatus(
    host,
    { action: 'submit', libId: lib, person },
    { userLanguage: 'ru', now: () => SUBMITTED },
  );
  expect(
    submitted.ok ? [] : [submitted.reason, submitted.blocking.map((f) => [f.rule, f.cell, f.message.key])],
  ).toEqual([]);
}

/** Every cell of every table: where the table stands, then value or formula and number format, cell by cell. */
function tableCells(sim: SimExcel): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of sim.tables()) {
    const address = t.address.split('!').pop() as string;
    out.set(t.name, `${t.sheet}!${address}`);
    const formats = sim.numberFormats(t.sheet, address);
    sim
      .formulas(t.sheet, address)
      .forEach((r, i) => r.forEach((v, j) => out.set(`${t.name} ${i},${j}`, JSON.stringify([v, formats[i]?.[j]]))));
  }
  return out;
}

describe.each([false, true])('the add-in and the file writer (1904 dates: %s)', (date1904) => {
  it('make the same workbook of set-up, an import, last year’s figures and a submission', async () => {
    const data = await start(date1904);
    const sim = await loadSimFromXlsx(data);
    await throughExcel(sim);
    const written = await throughFiles(data);
    expect(ooxmlProblems(written).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
    const file = await loadSimFromXlsx(written);
    expect(file.model.date1904).toBe(date1904);

    const inExcel = tableCells(sim);
    // Set-up added the register the start lacked.
    expect(inExcel.has('Training')).toBe(true);
    const inFile = tableCells(file);
    expect([...inExcel.keys()].filter((k) => !k.includes(' ')).sort()).toEqual(
      [...inFile.keys()].filter((k) => !k.includes(' ')).sort(),
    );
    const differ = [...new Set([...inExcel.keys(), ...inFile.keys()])]
      .filter((k) => inExcel.get(k) !== inFile.get(k))
      .map((k) => `${k}: Excel ${inExcel.get(k)} ≠ file ${inFile.get(k)}`);
    expect(differ).toEqual([]);
    // The changes are there (equal either way): the new event's date, text kept as text, the log row's time.
    const wb = parseWorkbook(await readWorkbook(written));
    const ev = wb.registers.Events.rows.find((r) => r.key === 'EV-901');
    expect(ev?.v).toMatchObject({ date_start: DAY, title: '=не формула', note: '0042' });
    expect(wb.registers.Submissions.rows.map((r) => [r.v['lib_id'], r.v['changed_at']])).toContainEqual([
      lib,
      SUBMITTED,
    ]);
  }, 180_000);
});
