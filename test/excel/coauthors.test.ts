import { checkWorkbook, consolidateWorkbook, setupWorkbook } from '../../src/excel/actions';
import { changeReportStatus } from '../../src/excel/submissions';
import { SheetNameTakenError } from '../../src/excel/guard';
import type { SimExcel } from '../../src/excel-sim';
import { simFromPlan } from '../../src/excel-sim/plan';
import { addSheetRemotely, addTableRows, deleteSheetRemotely, renameSheet } from '../../src/excel-sim/remote';
import { templatePlan } from '../../src/core/layout/template';
import type { Person } from '../../src/core/workflow';
import { REPORT_COLUMNS } from '../../src/standard';
import { smallContent } from '../helpers/network';
import { peopleCells, sampleSim, simHost } from './host';

/**
 * A co-author between two syncs of an action: a value typed into a report,
 * a row added to Events, a report's sheet renamed or deleted — at every
 * sync of set up, check, consolidate and a submission change. The
 * co-author's change is always intact afterwards; check and consolidate
 * either worked from it (their result is what a run now gives), or say that
 * their result may be out of date (`stale`), or — an edit after their last
 * read, once they have turned events back on — Excel announces it with
 * `onChanged` from a `Remote` source; a generated sheet's name taken
 * before the swap makes consolidate refuse by name and change nothing.
 */
const options = { userLanguage: 'ru' as const, version: 'test', now: () => Date.UTC(2026, 0, 15) };
const settings = { level: 'oblast', region: 'Карагандинская область', year: 2025, language: 'ru' } as const;

const letters = (col: number): string =>
  (col < 26 ? '' : letters(Math.floor(col / 26) - 1)) + String.fromCharCode(65 + (col % 26));

interface Place {
  readonly sheet: string;
  readonly table: string;
  readonly top: number;
  readonly left: number;
  readonly width: number;
}
function places(sim: SimExcel): Place[] {
  return sim.tables().map((t) => {
    const m = /!?\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)/.exec(t.address) as RegExpExecArray;
    const col = (s: string) => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
    return {
      sheet: t.sheet,
      table: t.name,
      top: Number(m[2]) - 1,
      left: col(m[1] as string),
      width: col(m[3] as string) - col(m[1] as string) + 1,
    };
  });
}

interface RemoteChange {
  readonly kind: string;
  apply(sim: SimExcel): void;
  /** The co-author's change is there. */
  intact(sim: SimExcel): boolean;
}

/** The remote changes, against reports other than `spare` (the one a submission changes). */
function changes(sim: SimExcel, spare: string): RemoteChange[] {
  const reports = places(sim).filter((p) => p.table.toUpperCase().startsWith('R_') && p.sheet !== spare);
  const events = places(sim).find((p) => p.table.toUpperCase() === 'EVENTS') as Place;
  const [typed, renamed, deleted] = reports as [Place, Place, Place];
  const cell = `${letters(typed.left + REPORT_COLUMNS.indexOf('q1'))}${typed.top + 3}`;
  const row = ['EV-COAUTHOR', ...Array<string>(events.width - 1).fill('')];
  const lastEvent = () => {
    const t = places(sim).find((p) => p.table.toUpperCase() === 'EVENTS') as Place;
    const address = sim
      .tables()
      .find((x) => x.name === t.table)
      ?.address.split('!')
      .pop() as string;
    return sim.formulas(t.sheet, address).at(-1)?.[0];
  };
  return [
    {
      kind: 'a value typed into a report',
      apply: (s) => s.simulateRemoteEdit(typed.sheet, cell, [['co-author']]),
      intact: (s) => s.values(typed.sheet, cell)[0]?.[0] === 'co-author',
    },
    {
      kind: 'a row added to Events',
      apply: (s) => addTableRows(s, events.table, [row]),
      intact: () => lastEvent() === 'EV-COAUTHOR',
    },
    {
      kind: "a report's sheet renamed",
      apply: (s) => renameSheet(s, renamed.sheet, 'Co-author'),
      intact: (s) =>
        s.sheets().some((x) => x.name === 'Co-author') && !s.sheets().some((x) => x.name === renamed.sheet),
    },
    {
      kind: "a report's sheet deleted",
      apply: (s) => deleteSheetRemotely(s, deleted.sheet),
      intact: (s) => !s.sheets().some((x) => x.name === deleted.sheet),
    },
  ];
}

type Outcome = { readonly stale?: readonly string[] } | unknown;
interface ActionCase {
  readonly name: string;
  readonly workbook: () => Promise<SimExcel>;
  readonly run: (sim: SimExcel) => Promise<Outcome>;
  /** What a run now would give, to compare a result that says it is up to date with. */
  readonly view?: (result: Outcome) => string;
  readonly spare: string;
}

const staff: Person = { role: 'staff', name: 'Жакупова Г. С.', libId: 'KRG_CGB' };
const viewOf = (r: Outcome) => {
  const x = r as { validation: { findings: unknown[] }; consolidation?: unknown };
  return JSON.stringify([x.validation.findings, x.consolidation ?? null]);
};
const cases: ActionCase[] = [
  { name: 'set up', workbook: () => sampleSim('mistakes'), run: (s) => setupWorkbook(simHost(s), settings), spare: '' },
  {
    name: 'check',
    workbook: () => sampleSim('mistakes'),
    run: (s) => checkWorkbook(simHost(s)),
    view: viewOf,
    spare: '',
  },
  {
    name: 'consolidate',
    workbook: () => sampleSim('mistakes'),
    run: (s) => consolidateWorkbook(simHost(s), options),
    view: viewOf,
    spare: '',
  },
  {
    name: 'submit',
    workbook: async () => simFromPlan(templatePlan(smallContent('ru'))),
    run: (s) => changeReportStatus(simHost(s), { action: 'submit', libId: 'KRG_CGB', person: staff }, options),
    spare: 'KRG_CGB',
  },
];

describe.each(cases)('$name with a co-author', ({ name, workbook, run, view, spare }) => {
  it('keeps the change at every sync, and is up to date or says it may not be', async () => {
    const sim = await workbook();
    // Excel's own word of a co-author's edit, once the action has turned events back on (the pane re-checks on it).
    const heard = { remote: false };
    await simHost(sim).run(async (ctx) => {
      ctx.workbook.tables.onChanged.add(async (e) => {
        if (String(e.source) === 'Remote') heard.remote = true;
      });
      await ctx.sync();
    });
    sim.resetStats();
    sim.checkpoint();
    await run(sim);
    const syncs = sim.syncCount;
    // Until the first write the action is still reading: what it reads then is the workbook it works on.
    const firstWrite = sim.syncs.findIndex((x) => x.locations.some((l) => !/\.load$|\.isNullObject$/.test(l))) + 1;
    sim.restore();
    const problems: string[] = [];
    for (const change of changes(sim, spare)) {
      for (let k = 1; k <= syncs; k++) {
        sim.checkpoint();
        heard.remote = false;
        sim.beforeSync(k, change.apply);
        const result = await run(sim).then(
          (r) => ({ ok: true as const, r }),
          (e: unknown) => ({ ok: false as const, e }),
        );
        const where = `${change.kind} before sync ${k}`;
        // Set up adds the report sheet of a library that has none: a sheet deleted before it read the workbook is made anew.
        const remade = name === 'set up' && change.kind === "a report's sheet deleted" && k < firstWrite;
        if (!change.intact(sim) && !remade) problems.push(`${where}: the co-author's change was overwritten`);
        if (!result.ok) problems.push(`${where}: failed: ${String(result.e)}`);
        else if (view) {
          const stale = (result.r as { stale: readonly string[] }).stale;
          await sim.settle();
          if (stale.length === 0 && !heard.remote) {
            // Said to be up to date: a run now gives the same.
            const now = await run(sim);
            if (view(now) !== view(result.r)) problems.push(`${where}: out of date, not said`);
          }
        }
        sim.restore();
      }
    }
    expect(problems).toEqual([]);
  }, 900_000);
});

describe('consolidate with a co-author taking a generated sheet name', () => {
  it('refuses by name and changes nothing when the name is taken between the read and the swap', async () => {
    const sim = await sampleSim('mistakes');
    sim.checkpoint();
    const before = sim.sheets().map((s) => s.name);
    await consolidateWorkbook(simHost(sim), options);
    const added = sim
      .sheets()
      .map((s) => s.name)
      .filter((n) => !before.includes(n));
    const swap = sim.syncs.findIndex((s) => s.locations.includes('Worksheet.name')) + 1;
    // After the read: a sheet of that name there when the workbook is read counts as the previous generated sheet.
    const firstWrite = sim.syncs.findIndex((s) => s.locations.some((l) => !/\.load$|\.isNullObject$/.test(l))) + 1;
    sim.restore();
    expect(added.length).toBeGreaterThan(0);
    expect(swap).toBeGreaterThan(firstWrite);
    const taken = added[0] as string;
    const people = peopleCells(sim);
    for (let k = firstWrite + 1; k <= swap; k++) {
      sim.checkpoint();
      const untouched = sim.fingerprint();
      sim.beforeSync(k, (s) => addSheetRemotely(s, taken));
      await expect(consolidateWorkbook(simHost(sim), options)).rejects.toEqual(new SheetNameTakenError(taken));
      // Only the co-author's sheet is new; every other sheet and every cell people fill are as they were.
      expect({ k, sheets: sim.sheets().map((s) => s.name) }).toEqual({ k, sheets: [...before, taken] });
      expect(sim.values(taken, 'A1')).toEqual([['co-author']]);
      expect(peopleCells(sim)).toBe(people);
      sim.restore();
      expect(sim.fingerprint()).toBe(untouched);
    }
  }, 300_000);
});
