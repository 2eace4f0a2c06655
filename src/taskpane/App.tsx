/**
 * The task pane: a header with the language switch, four views (Set up,
 * Check, Consolidate, Reports) behind tabs, and one polite live region. A
 * view is mounted when it is first shown and then stays mounted, so that
 * switching tabs keeps what each one shows, and a view that reads the
 * workbook when it opens (Reports) does so when a person opens it. The page
 * around it provides the landmarks (the task pane's <main>, or the
 * playground's task-pane region).
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { MINIMUM_API } from '../excel/host';
import { translator } from '../i18n';
import { LOCALE_TAG, type Language } from '../standard';
import { PaneContext, VIEWS, type Pane, type ViewId } from './context';
import { loadEngine, type Engine } from './engine';
import type { TaskpaneHost } from '../excel/pane';
import { useLiveRegion } from './LiveRegion';
import { ViewTabs } from './ViewTabs';
import { PaneHeader } from './PaneHeader';
import { SetupView } from './views/SetupView';
import { CheckView } from './views/CheckView';
import { ConsolidateView } from './views/ConsolidateView';
import { ReportsView } from './views/ReportsView';

export interface AppProps {
  readonly host: TaskpaneHost;
  readonly language: Language;
  readonly theme: Theme;
  readonly version: string;
  /** Loads the actions; tests pass fakes. */
  readonly engine?: () => Promise<Engine>;
  readonly recheckDelay?: number;
  readonly onLanguageChange?: (language: Language) => void;
}

const useStyles = makeStyles({
  root: {
    // The pane's whole height takes the theme's background, also below short content (dark themes).
    minHeight: '100vh',
    minWidth: '280px',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  banner: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export function App(props: AppProps) {
  const [language, setLanguage] = useState<Language>(props.language);
  const [view, setShownView] = useState<ViewId>('setup');
  const [shown, setShown] = useState<ReadonlySet<ViewId>>(new Set(['setup']));
  const setView = useCallback((v: ViewId) => {
    setShownView(v);
    setShown((s) => (s.has(v) ? s : new Set([...s, v])));
  }, []);
  const live = useLiveRegion();
  const c = useStyles();
  const ids = useId();
  const t = translator(language);
  const engine = props.engine ?? loadEngine;

  const pane = useMemo<Pane>(
    () => ({
      host: props.host,
      engine,
      t,
      announce: live.announce,
      showView: (v: ViewId) => {
        setView(v);
        // The tab that is now selected takes the focus, so that the keyboard continues from there.
        requestAnimationFrame(() => document.getElementById(`${ids}-tab-${v}`)?.focus());
      },
      version: props.version,
      recheckDelay: props.recheckDelay ?? 1500,
    }),
    [props.host, engine, t, live.announce, ids, props.version, props.recheckDelay, setView],
  );

  const tooOld = !props.host.isSetSupported('ExcelApi', MINIMUM_API);
  const changeLanguage = useCallback(
    (l: Language) => {
      setLanguage(l);
      props.onLanguageChange?.(l);
    },
    [props],
  );

  useEffect(() => {
    document.documentElement.lang = LOCALE_TAG[language];
  }, [language]);
  useEffect(() => {
    // Marks the moment the pane can be used (the bench reads it), then warms up the engine while the person reads.
    if (typeof performance.mark === 'function') performance.mark('kitaphana:interactive');
    if (props.engine) return;
    const id = setTimeout(() => void loadEngine().catch(() => undefined), 300);
    return () => clearTimeout(id);
  }, [props.engine]);

  return (
    <FluentProvider theme={props.theme} className={c.root} lang={LOCALE_TAG[language]}>
      <PaneContext.Provider value={pane}>
        <PaneHeader language={language} onLanguage={changeLanguage} />
        {tooOld ? (
          <div className={c.banner}>
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.t('taskpane.error.too_old_title')}</MessageBarTitle> {t.t('taskpane.error.too_old')}
              </MessageBarBody>
            </MessageBar>
          </div>
        ) : null}
        <ViewTabs
          views={VIEWS}
          selected={view}
          label={t.t('taskpane.views')}
          names={(v) => t.t(`taskpane.tab.${v}`)}
          idOf={(v) => `${ids}-tab-${v}`}
          panelOf={(v) => `${ids}-panel-${v}`}
          onSelect={setView}
        />
        <div>
          {VIEWS.map((v) => (
            <div
              key={v}
              role="tabpanel"
              id={`${ids}-panel-${v}`}
              aria-labelledby={`${ids}-tab-${v}`}
              hidden={view !== v}
            >
              {!shown.has(v) ? null : v === 'setup' ? (
                <SetupView />
              ) : v === 'check' ? (
                <CheckView />
              ) : v === 'reports' ? (
                <ReportsView />
              ) : (
                <ConsolidateView />
              )}
            </div>
          ))}
        </div>
        <div role="status" aria-live="polite" aria-atomic="true" className={c.hidden}>
          {live.text}
        </div>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
