/**
 * The playground: the task pane beside the in-memory Excel, with a sample
 * workbook, in a plain browser with no network. office.js is not loaded:
 * the in-memory Excel installs its own `Office` and `Excel` globals, so the
 * task pane starts exactly as it does inside Office (officeHost() →
 * Excel.run).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { officeHost } from '../excel/host';
import { translator } from '../i18n';
import { LOCALE_TAG, type Language } from '../standard';
import { taskpaneHost } from '../excel/pane';
import { initialLanguage, mount } from '../taskpane/mount';
import { SAMPLES, paramsOf, type Params, type Sample } from './params';
import { WorkbookView } from './WorkbookView';
import type { WorkbookActions } from './source';
import { loadSample, saveWorkbook, type PlaygroundWorkbook } from './workbook';

const params = paramsOf(location.search);
const rootElement = document.getElementById('playground');
if (rootElement) void start(rootElement, params);

/** Tells the workbook view to read the workbook again after anything ran against it. */
class Changes {
  private version = 0;
  private listeners = new Set<() => void>();
  bump = () => {
    this.version++;
    for (const l of this.listeners) l();
  };
  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  get = () => this.version;
}

async function start(element: HTMLElement, p: Params) {
  const root = createRoot(element);
  const language = initialLanguage({ language: p.language ?? undefined, displayLanguage: navigator.language });
  const t = translator(language);
  document.documentElement.lang = LOCALE_TAG[language];
  root.render(
    <main className="status">
      <p role="status">{t.t('playground.loading')}</p>
    </main>,
  );
  let workbook: PlaygroundWorkbook;
  try {
    const bytes = await fetch(`samples/${p.sample}.xlsx`).then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
      return r.arrayBuffer();
    });
    workbook = await loadSample(new Uint8Array(bytes), LOCALE_TAG[language]);
  } catch (e) {
    root.render(
      <main className="status">
        <p role="alert">{t.t('playground.load_failed', { detail: e instanceof Error ? e.message : String(e) })}</p>
      </main>,
    );
    return;
  }
  workbook.installGlobals(window as unknown as Record<string, unknown>);
  const changes = new Changes();
  const office = officeHost();
  const host = taskpaneHost({
    run: (batch) => office.run(batch).finally(changes.bump),
    isSetSupported: (name, version) => office.isSetSupported(name, version),
  });
  root.render(<Playground workbook={workbook} changes={changes} initial={language} sample={p.sample} />);
  // The task pane goes into its own root inside the aside, as it would in Office's pane.
  const pane = document.getElementById('task-pane');
  if (!pane) return;
  pane.setAttribute('aria-label', t.t('playground.task_pane'));
  mount(pane, {
    host,
    language,
    displayLanguage: Office.context.displayLanguage,
    onLanguageChange: (l) => {
      pane.setAttribute('aria-label', translator(l).t('playground.task_pane'));
      window.dispatchEvent(new CustomEvent<Language>('kitaphana:language', { detail: l }));
    },
  });
  (window as unknown as { kitaphana?: unknown }).kitaphana = { workbook, ready: true };
}

function Playground({
  workbook,
  changes,
  initial,
  sample,
}: {
  workbook: PlaygroundWorkbook;
  changes: Changes;
  initial: Language;
  sample: Sample;
}) {
  const version = useSyncExternalStore(changes.subscribe, changes.get);
  const [language, setLanguage] = useState(initial);
  const t = translator(language);
  useLanguageEvents(setLanguage);

  const actions: WorkbookActions = {
    activate: (sheet) =>
      workbook.sim
        .run(async (ctx) => {
          ctx.workbook.worksheets.getItem(sheet).activate();
          await ctx.sync();
        })
        .finally(changes.bump),
    select: (sheet, address) =>
      workbook.sim
        .run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(address).select();
          await ctx.sync();
        })
        .catch(() => undefined)
        .finally(changes.bump),
    edit: async (sheet, address, value) => {
      try {
        workbook.sim.simulateUserEdit(sheet, address, [[value ?? '']]);
      } finally {
        changes.bump();
      }
    },
  };

  const download = async () => {
    const bytes = await saveWorkbook(workbook);
    const url = URL.createObjectURL(
      new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = `karaganda-2025-${sample}.xlsx`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <>
      <header className="pg-header">
        <h1>{t.t('playground.title')}</h1>
        <p>{t.t('playground.intro')}</p>
        <label>
          {t.t('playground.sample')}{' '}
          <select
            value={sample}
            onChange={(e) => {
              const q = new URLSearchParams(location.search);
              q.set('sample', e.target.value);
              q.set('lang', language);
              location.search = q.toString();
            }}
          >
            {SAMPLES.map((k) => (
              <option key={k} value={k}>
                {t.t(`playground.sample_${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void download()}>
          {t.t('playground.download')}
        </button>
      </header>
      <main className="pg-main" aria-label={t.t('playground.workbook')}>
        <WorkbookView source={workbook.sim} actions={actions} t={t} version={version} />
      </main>
    </>
  );
}

/** The pane's language switch also switches the playground's own words. */
function useLanguageEvents(set: (l: Language) => void) {
  useEffect(() => {
    const listener = (e: Event) => set((e as CustomEvent<Language>).detail);
    window.addEventListener('kitaphana:language', listener);
    return () => window.removeEventListener('kitaphana:language', listener);
  }, [set]);
}
