import type { ExcelHost } from './host';

/**
 * Re-check after edits: one `tables.onChanged` handler for every table
 * (ExcelApi 1.7), debounced so that a burst of typing or a co-author's save
 * gives one re-check. Drop-down picks do not raise `onChanged` in some Excel
 * builds, so the task pane keeps its Check button too.
 */
export interface TableChange {
  readonly table: string;
  readonly address: string;
  /** `Local` for this user's edits, `Remote` for a co-author's. */
  readonly source: string;
}

export interface Watch {
  stop(): Promise<void>;
}

export async function watchTables(
  host: ExcelHost,
  onChange: (changes: readonly TableChange[]) => void,
  delayMs = 1500,
): Promise<Watch> {
  let pending: TableChange[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const changes = pending;
    pending = [];
    if (changes.length > 0) onChange(changes);
  };
  const registration = await host.run(async (context) => {
    const result = context.workbook.tables.onChanged.add(async (e) => {
      pending.push({ table: e.tableId, address: e.address, source: String(e.source) });
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    });
    await context.sync();
    return result;
  });
  return {
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = [];
      registration.remove();
      await registration.context.sync();
    },
  };
}
