import { createContext, useContext } from 'react';
import type { Translator } from '../i18n';
import type { Engine } from './engine';
import type { TaskpaneHost } from '../excel/pane';

/** What every view needs: the host, the engine loader, the reader's language and the live region. */
export interface Pane {
  readonly host: TaskpaneHost;
  readonly engine: () => Promise<Engine>;
  readonly t: Translator;
  /** Says `text` through the polite live region (screen readers read it without moving focus). */
  readonly announce: (text: string) => void;
  /** Switches to another view (e.g. "Go to Set up" from an error). */
  readonly showView: (view: ViewId) => void;
  readonly version: string;
  /** Delay before an automatic re-check after a table changed, ms. */
  readonly recheckDelay: number;
}

export type ViewId = 'setup' | 'check' | 'reports' | 'consolidate';
export const VIEWS: readonly ViewId[] = ['setup', 'check', 'reports', 'consolidate'];

export const PaneContext = createContext<Pane | null>(null);

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('usePane outside PaneContext');
  return pane;
}
