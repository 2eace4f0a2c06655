/**
 * Renders the task pane into `element`: shared by the add-in (inside Office)
 * and the playground (beside the in-memory Excel).
 */
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { languageOf } from '../i18n';
import { isLanguage, type Language } from '../standard';
import { App } from './App';
import type { Engine } from './engine';
import type { TaskpaneHost } from '../excel/pane';
import { forcedColorsActive, themeFor, type OfficeThemeLike } from './theme';

export interface MountOptions {
  readonly host: TaskpaneHost;
  /** `Office.context.displayLanguage`, e.g. `kk-KZ`. */
  readonly displayLanguage?: string;
  /** A language chosen explicitly (the playground's `?lang=`), ahead of the remembered choice. */
  readonly language?: Language;
  readonly officeTheme?: OfficeThemeLike;
  readonly engine?: () => Promise<Engine>;
  readonly recheckDelay?: number;
  /** Told when the person picks another language in the pane (the playground follows it). */
  readonly onLanguageChange?: (language: Language) => void;
}

const STORED = 'kitaphana.language';

export const VERSION: string = typeof __KITAPHANA_VERSION__ === 'string' ? __KITAPHANA_VERSION__ : 'dev';

export function initialLanguage(options: Pick<MountOptions, 'displayLanguage' | 'language'>): Language {
  if (options.language) return options.language;
  const stored = safeStorage()?.getItem(STORED);
  if (isLanguage(stored)) return stored;
  return languageOf(options.displayLanguage);
}

export function mount(element: HTMLElement, options: MountOptions): () => void {
  const root = createRoot(element);
  const render = () =>
    root.render(
      <StrictMode>
        <App
          host={options.host}
          language={initialLanguage(options)}
          theme={themeFor(options.officeTheme, forcedColorsActive())}
          version={VERSION}
          engine={options.engine}
          recheckDelay={options.recheckDelay}
          onLanguageChange={(l) => {
            safeStorage()?.setItem(STORED, l);
            options.onLanguageChange?.(l);
          }}
        />
      </StrictMode>,
    );
  render();
  // Windows high contrast can be switched on while the pane is open.
  const query = typeof matchMedia === 'function' ? matchMedia('(forced-colors: active)') : null;
  query?.addEventListener('change', render);
  return () => {
    query?.removeEventListener('change', render);
    root.unmount();
  };
}

/** localStorage, where the host allows it (some Office webviews do not). */
function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
