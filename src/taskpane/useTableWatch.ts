/**
 * Listening to the workbook's tables while a view needs it (Check re-checks
 * after edits; Consolidate says its result is out of date), through the
 * adapter's debounced watch: registered when `on`, removed when it turns off
 * or the view goes, even if that happens before registration finished.
 */
import { useEffect } from 'react';
import type { TableChange, Watch } from '../excel/watch';
import { usePane } from './context';

export function useTableWatch(on: boolean, onChange: (changes: readonly TableChange[]) => void): void {
  const { host, recheckDelay } = usePane();
  useEffect(() => {
    if (!on) return;
    let watch: Watch | null = null;
    let gone = false;
    const stop = (w: Watch) => void w.stop().catch(() => undefined);
    host
      .watchTables(onChange, recheckDelay)
      .then((w) => {
        if (gone) stop(w);
        else watch = w;
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      if (watch) stop(watch);
    };
  }, [on, onChange, host, recheckDelay]);
}
