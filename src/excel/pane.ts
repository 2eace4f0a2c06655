/**
 * What the task pane asks of the workbook besides the actions: to watch its
 * tables for re-checking, to activate a generated sheet, its settings (to
 * prefill the set-up form) and an identity to remember the person by. Each
 * is one `run` of the adapter's host, so it works the same in Excel and on
 * the in-memory Excel, and the pane itself never calls Office.
 */
import { parseMeta } from '../core/meta';
import type { TableSnapshot } from '../core/snapshot';
import type { Language, Level } from '../standard';
import type { ExcelHost } from './host';
import { cellValue } from './read';
import { watchTables, type TableChange, type Watch } from './watch';

export interface WorkbookSettings {
  readonly region: string | null;
  readonly year: number | null;
  readonly level: Level | null;
  readonly language: Language | null;
}

export interface TaskpaneHost extends ExcelHost {
  /** Calls `onChange` with the changes of a burst of edits in any table, `delayMs` after the last one. */
  watchTables(onChange: (changes: readonly TableChange[]) => void, delayMs: number): Promise<Watch>;
  /** Activates a sheet; false when there is no such sheet. */
  activateSheet(name: string): Promise<boolean>;
  /** The Meta settings, or null for a workbook that has not been set up. */
  readSettings(): Promise<WorkbookSettings | null>;
  /**
   * Which workbook this is, to remember things for it on this computer: the
   * file's address where Excel gives one, otherwise its Meta region, year and
   * level; null for a workbook with neither.
   */
  workbookKey(): Promise<string | null>;
}

export function taskpaneHost(host: ExcelHost): TaskpaneHost {
  const readSettings = () =>
    host.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject('Meta');
      await context.sync();
      if (table.isNullObject) return null;
      const sheet = table.worksheet.load('name');
      const range = table.getRange().load('formulas,valueTypes,rowIndex,columnIndex');
      await context.sync();
      const [header = [], ...rows] = range.formulas.map((r, i) =>
        r.map((f, j) => cellValue(f, range.valueTypes[i]?.[j])),
      );
      const snapshot: TableSnapshot = {
        name: 'Meta',
        sheet: sheet.name,
        top: range.rowIndex,
        left: range.columnIndex,
        header,
        rows,
      };
      // What is wrong with Meta is the checks' to report; set-up only wants what can be read.
      const meta = parseMeta(snapshot, []);
      return { region: meta.region || null, year: meta.year, level: meta.level, language: meta.language };
    });

  return {
    run: (batch) => host.run(batch),
    isSetSupported: (name, version) => host.isSetSupported(name, version),
    documentUrl: () => host.documentUrl?.() ?? null,
    watchTables: (onChange, delayMs) => watchTables(host, onChange, delayMs),

    activateSheet(name) {
      return host.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        await context.sync();
        if (ws.isNullObject) return false;
        ws.activate();
        await context.sync();
        return true;
      });
    },

    readSettings,

    async workbookKey() {
      const url = host.documentUrl?.();
      if (url) return `url:${url}`;
      const s = await readSettings();
      if (!s || (!s.region && s.year === null)) return null;
      return `meta:${s.region ?? ''}|${s.year ?? ''}|${s.level ?? ''}`;
    },
  };
}
