import { templatePlan } from '../../src/core/layout/template';
import type { PlanValue } from '../../src/core/plan';
import { readWorkbook } from '../../src/xlsx/read';
import { writeWorkbook } from '../../src/xlsx/write';
import { applySetupPlan } from '../../src/xlsx/setup-patch';
import { smallContent } from '../helpers/network';

/**
 * A patch as long as a national import's: the republic's 20 oblasts bring
 * 200,000 events into one `Events` table, more rows than a function call
 * takes arguments.
 */
it('appends 200,000 rows to a table in one patch', async () => {
  const bytes = await writeWorkbook(templatePlan({ ...smallContent('ru'), events: [] }));
  const events = (await readWorkbook(bytes)).tables.find((t) => t.name === 'Events')!;
  const n = 200_000;
  const rows: PlanValue[][] = Array.from({ length: n }, (_, i) => [`EV-${i + 1}`]);
  const out = await applySetupPlan(bytes, {
    workbook: { sheets: [], removeSheets: [] },
    patches: [
      {
        table: 'Events',
        sheet: events.sheet,
        top: events.top + 1,
        left: events.left,
        rows,
        currentRows: events.rows.length,
        protectedSheet: false,
      },
    ],
    columns: [],
    validations: [],
    summary: { added: [], repaired: [], rebuilt: [] },
  });
  const after = (await readWorkbook(out)).tables.find((t) => t.name === 'Events')!;
  expect(after.rows).toHaveLength(n);
  expect(after.rows[n - 1]?.[0]).toBe(`EV-${n}`);
}, 300_000);
