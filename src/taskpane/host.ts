import type { ExcelHost } from '../excel/host';
import { LEVELS, isLanguage, type Language, type Level } from '../standard';

/**
 * What the task pane needs from Excel beyond the adapter's `ExcelHost`:
 * a table change handler for re-checking, activating a generated sheet, and
 * the workbook's own settings to prefill the set-up form. Each is one
 * `run`, so it works the same in Excel and on the in-memory Excel.
 */
export interface WorkbookSettings {
  readonly region: string | null;
  readonly year: number | null;
  readonly level: Level | null;
  readonly language: Language | null;
}

export interface TaskpaneHost extends ExcelHost {
  /** Calls `onChange` whenever a table's cells change; resolves to a function that unregisters the handler. */
  onTablesChanged(onChange: () => void): Promise<() => Promise<void>>;
  /** Activates a sheet; false when there is no such sheet. */
  activateSheet(name: string): Promise<boolean>;
  /** The Meta settings, or null for a workbook that has not been set up. */
  readSettings(): Promise<WorkbookSettings | null>;
}

export function taskpaneHost(host: ExcelHost): TaskpaneHost {
  return {
    run: (batch) => host.run(batch),
    isSetSupported: (name, version) => host.isSetSupported(name, version),

    async onTablesChanged(onChange) {
      let handle: OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs> | null = null;
      await host.run(async (context) => {
        // TableCollection.onChanged (ExcelApi 1.7) fires for every table, including tables added later.
        handle = context.workbook.tables.onChanged.add(async () => onChange());
        await context.sync();
      });
      return async () => {
        const h = handle as OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs> | null;
        handle = null;
        if (!h) return;
        h.remove();
        await h.context.sync().catch(() => undefined);
      };
    },

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

    readSettings() {
      return host.run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject('Meta');
        await context.sync();
        if (table.isNullObject) return null;
        const body = table.getDataBodyRange().load('values');
        await context.sync();
        return settingsOf(body.values);
      });
    },
  };
}

/** Meta is a key/value table; keys are the standard's (`region`, `year`, `level`, `language`), whatever the header says. */
export function settingsOf(rows: readonly (readonly unknown[])[]): WorkbookSettings {
  const values = new Map<string, string>();
  for (const [k, v] of rows) {
    if (typeof k === 'string' && k.trim())
      values.set(k.trim().toLowerCase(), v === null || v === undefined ? '' : String(v).trim());
  }
  const year = Number(values.get('year'));
  const level = values.get('level') ?? '';
  const language = values.get('language') ?? '';
  return {
    region: values.get('region') || null,
    year: Number.isInteger(year) && year > 0 ? year : null,
    level: (LEVELS as readonly string[]).includes(level) ? (level as Level) : null,
    language: isLanguage(language) ? language : null,
  };
}
