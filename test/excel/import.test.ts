import { checkWorkbook } from '../../src/excel/actions';
import { applyChanges, readTarget } from '../../src/excel/import';
import { readSnapshot } from '../../src/excel/read';
import {
  planImport,
  type ConflictChoice,
  type ImportChoices,
  type ImportPlan,
  type ImportSource,
} from '../../src/core/import';
import { templatePlan } from '../../src/core/layout/template';
import type { Snapshot, TableSnapshot } from '../../src/core/snapshot';
import type { WorkbookContent } from '../../src/core/layout/content';
import { writeWorkbook } from '../../src/xlsx/write';
import { msToSerial } from '../../src/core/values';
import { readWorkbook } from '../../src/xlsx/read';
import { applySetupPlan } from '../../src/xlsx/setup-patch';
import { loadSimFromXlsx } from '../../src/excel-sim/xlsx';
import type { SimExcel } from '../../src/excel-sim';
import { LIBS, smallContent } from '../helpers/network';
import { partOf, snapshotOf } from '../helpers/import';
import { simHost } from './host';

/**
 * An import applied in Excel (the in-memory Excel) and to the file: the same
 * workbook either way. Single report cells are filled without touching their
 * neighbours, formula-like text stays text, dates are dates, a new library
 * gets its report sheet, and nothing is written while a conflict is open.
 */
const AT = Date.UTC(2026, 1, 3, 9, 30);
const RISKY = ['=HYPERLINK("http://x","y")', '+7 701 000 00 00', '-минус', '@user'];
const content = smallContent('ru');
const newLib = LIBS[4]!.id;
const targetContent: WorkbookContent = {
  ...partOf(content, new Set(LIBS.slice(0, 4).map((l) => l.id))),
  // A blank cell in a filled row: the import fills it alone.
  reports: content.reports
    .filter((r) => r.libId !== newLib)
    .map((r, i) => (i === 0 ? { ...r, values: { ...r.values, U01: { ...r.values?.['U01'], q2: null } } } : r)),
};
const sourceContent: WorkbookContent = {
  ...content,
  events: [
    ...content.events,
    ...RISKY.map((title, i) => ({ ...content.events[0]!, event_id: `EV-90${i}`, title, note: title })),
  ],
  libraries: content.libraries.map((l) => (l['lib_id'] === LIBS[1]!.id ? { ...l, name_ru: 'Иное имя' } : l)),
};
const source: ImportSource = { name: 'branch.xlsx', sha256: 'abc', snapshot: snapshotOf(sourceContent) };

/** The task pane's path: the open workbook read, the plan made from it, written only when it can be. */
async function importInExcel(
  sim: SimExcel,
  options: { choices?: ImportChoices; prefer?: ConflictChoice } = {},
): Promise<ImportPlan> {
  const host = simHost(sim);
  const basis = await readTarget(host);
  const plan = planImport(basis, [source], { importedAt: AT, ...options });
  if (plan.canApply && !plan.empty) await applyChanges(host, plan.changes, basis);
  return plan;
}

async function targetFile(): Promise<Buffer> {
  return writeWorkbook(templatePlan(targetContent));
}

async function excelSnapshot(sim: SimExcel): Promise<Snapshot> {
  return sim.run((context) => readSnapshot(context));
}

const table = (s: Snapshot, name: string): TableSnapshot => s.tables.find((t) => t.name === name)!;
/**
 * A table's filled rows as both readers agree on them: Excel's reader gives a date as its serial number and
 * (reading formulas) a text that begins with "=" as that text, the file's reader a date and a string.
 */
const filledRows = (t: TableSnapshot) =>
  t.rows
    .filter((r) => r.some((v) => v !== null && v !== ''))
    .map((r) =>
      r.map((v) =>
        v !== null && typeof v === 'object'
          ? v.kind === 'date'
            ? msToSerial(v.ms)
            : v.kind === 'formula'
              ? v.formula
              : v
          : v,
      ),
    );

describe('import in Excel', () => {
  it('writes nothing while a conflict is unresolved', async () => {
    const sim = await loadSimFromXlsx(await targetFile());
    const before = sim.fingerprint();
    const plan = await importInExcel(sim);
    expect(plan.unresolved).toBe(1);
    expect(sim.fingerprint()).toEqual(before);
  });

  it('gives the same workbook as the file writer, text kept as text and dates as dates', async () => {
    const file = await targetFile();
    const sim = await loadSimFromXlsx(file);
    const choices = { 'registry:Libraries:KRG_CGB@branch.xlsx': 'target' as const };
    const plan = await importInExcel(sim, { choices });
    expect(plan.canApply).toBe(true);
    expect(plan.newReports).toEqual([newLib]);
    const inExcel = await excelSnapshot(sim);

    const filePlan = planImport(await readWorkbook(file), [source], { importedAt: AT, choices });
    const inFile = await readWorkbook(await applySetupPlan(file, filePlan.changes));
    for (const name of ['Libraries', 'Events', 'Imports', `R_${newLib}`, `R_${LIBS[0]!.id}`]) {
      expect(filledRows(table(inExcel, name))).toEqual(filledRows(table(inFile, name)));
    }
    // Stored as text, not formulas: the value Excel shows is the text itself; the new rows' dates are formatted as dates.
    const rows = filledRows(table(inExcel, 'Events')).length;
    const titles = sim.values('Мероприятия', `E2:E${rows + 1}`).flat();
    const notes = sim.values('Мероприятия', `T2:T${rows + 1}`).flat();
    for (const text of RISKY) expect([titles.includes(text), notes.includes(text)]).toEqual([true, true]);
    expect(new Set(sim.numberFormats('Мероприятия', `C${rows - 2}:C${rows + 1}`).flat())).toEqual(
      new Set(['dd.mm.yyyy']),
    );
    // The add-in's reader loads `formulas`, where a text that begins with "=" reads as a formula (D1.formula):
    // a limit of the reader, not of what the import wrote (the values above are the texts).
    const { validation } = await checkWorkbook(simHost(sim));
    const errors = validation.findings.filter((f) => f.severity === 'error');
    expect(errors.filter((f) => f.message.key !== 'D1.formula')).toEqual([]);
    expect(new Set(errors.map((f) => f.row))).toEqual(new Set(['EV-900']));
  });

  it('fills a blank report cell alone: its neighbours keep what they hold', async () => {
    const sim = await loadSimFromXlsx(await targetFile());
    const lib = LIBS[0]!.id;
    const before = sim.formulas(lib, 'A5:M5');
    await importInExcel(sim, { prefer: 'target' });
    const after = sim.formulas(lib, 'A5:M5');
    const q2 = 5;
    expect(before[0]![q2]).toBe('');
    expect(after[0]![q2]).toBe(content.reports[0]!.values?.['U01']?.q2);
    after[0]!.forEach((v, j) => {
      if (j !== q2) expect(v).toEqual(before[0]![j]);
    });
  });
});
