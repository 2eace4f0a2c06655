import { renderSheets } from '../../src/xlsx/render';
import { templatePlan } from '../../src/core/layout/template';
import { planImport, type ImportSource } from '../../src/core/import';
import { parseWorkbook } from '../../src/core/parse';
import { parseDate } from '../../src/core/values';
import { tableDef } from '../../src/standard';
import type { WorkbookContent } from '../../src/core/layout/content';
import type { RegisterRow } from '../../src/core/parsed';
import { applyChanges, readTarget } from '../../src/excel/import';
import { changeReportStatus, readBoard } from '../../src/excel/submissions';
import { loadSimFromXlsx } from '../../src/excel-sim/xlsx';
import { LIBS, smallContent } from '../helpers/network';
import { branchSource, partOf } from '../helpers/import';
import { simHost } from './host';

/**
 * A workbook in the 1904 date system (Excel for Mac's old default, and any
 * file saved with it) counts its serial days from 1904-01-01: a date the
 * add-in writes must be a serial of that system, or the workbook's own reader
 * reads 2025-03-15 back as 2029-03-16.
 */
const AT = Date.UTC(2026, 1, 3, 9, 30);
const DAY = Date.UTC(2025, 2, 15);
const content = smallContent('ru');
const target: WorkbookContent = partOf(content, new Set(LIBS.slice(0, 4).map((l) => l.id)));
const source: ImportSource = branchSource(content, { event_id: 'EV-901', date_start: { date: DAY }, date_end: null });

async function sim1904(c: WorkbookContent = target) {
  const sim = await loadSimFromXlsx(await renderSheets(templatePlan(c), true));
  expect(sim.model.date1904).toBe(true);
  return sim;
}

const byId = (rows: readonly RegisterRow[]) => new Map(rows.map((r) => [String(r.key), r.v]));

describe('the add-in in a 1904 workbook', () => {
  it('writes an import’s dates as serial days of the 1904 system', async () => {
    const sim = await sim1904();
    const host = simHost(sim);
    const basis = await readTarget(host);
    const plan = planImport(basis, [source], { importedAt: AT, prefer: 'target' });
    expect(plan.canApply).toBe(true);
    await applyChanges(host, plan.changes, basis);

    const read = await readTarget(host);
    const after = parseWorkbook(read);
    const events = byId(after.registers.Events.rows);
    expect(events.get('EV-901')?.['date_start']).toBe(DAY);
    // Every imported event keeps its dates, and the import's log row its time.
    const sent = byId(parseWorkbook(source.snapshot).registers.Events.rows);
    for (const [id, v] of sent) {
      expect([id, events.get(id)?.['date_start'], events.get(id)?.['date_end']]).toEqual([
        id,
        v['date_start'],
        v['date_end'],
      ]);
    }
    const log = read.tables.find((t) => t.name === 'Imports')!;
    const at = tableDef('Imports').columns.findIndex((c) => c.key === 'imported_at');
    expect(log.rows.map((r) => parseDate(r[at] ?? null, read.date1904))).toEqual([{ ok: true, value: AT }]);
  });

  it('logs a submission at its own time', async () => {
    const sim = await sim1904(content);
    const host = simHost(sim);
    const lib = 'KRG_CGB';
    const result = await changeReportStatus(
      host,
      { action: 'submit', libId: lib, person: { role: 'staff', name: 'Жакупова Г. С.', libId: lib } },
      { userLanguage: 'ru', now: () => AT },
    );
    expect(result.ok).toBe(true);
    const row = (await readBoard(host)).rows.find((r) => r.libId === lib);
    expect(row?.changedAt).toBe(AT);
  });
});
