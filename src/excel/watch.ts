/**
 * Re-check after edits: one `tables.onChanged` handler for every table
 * (ExcelApi 1.7), debounced so that a burst of typing or a co-author's save
 * gives one re-check. Drop-down picks do not raise `onChanged` in some Excel
 * builds, so the task pane keeps its Check button too.
 */
import type { ExcelHost } from './host';

export interface TableChange {
  readonly table: string;
  readonly address: string;
  /** `Local` for this user's edits, `Remote` for a co-author's. */
  readonly source: string;
}

export interface Watch {
  stop(): Promise<void>;
}

/** Collects changes and hands them over together once none has come for `delayMs`. */
export interface Debounce {
  push(change: TableChange): void;
  cancel(): void;
}

export function debounceChanges(onChange: (changes: readonly TableChange[]) => void, delayMs: number): Debounce {
  let pending: TableChange[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const changes = pending;
    pending = [];
    if (changes.length > 0) onChange(changes);
  };
  return {
    push(change) {
      pending.push(change);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
}

export async function watchTables(
  host: ExcelHost,
  onChange: (changes: readonly TableChange[]) => void,
  delayMs = 1500,
): Promise<Watch> {
  const changes = debounceChanges(onChange, delayMs);
  const registration = await host.run(async (context) => {
    const result = context.workbook.tables.onChanged.add(async (e) => {
      changes.push({ table: e.tableId, address: e.address, source: String(e.source) });
    });
    await context.sync();
    return result;
  });
  return {
    async stop() {
      changes.cancel();
      registration.remove();
      await registration.context.sync();
    },
  };
}
