/**
 * Consolidate: writes the generated sheets, shows progress by stage, then
 * which libraries were included, which were left out and why, and which sent
 * no report, with buttons that open the Summary and the Dashboard, and the
 * analytical note (its sheet, and a .docx to download). Below
 * it, what comes before a consolidation of workbooks sent in: Import and
 * Fill last year's figures.
 */
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Button, Checkbox, Field } from '@fluentui/react-components';
import type { ConsolidationRun } from '../../core/pipeline';
import type { TableChange } from '../../excel/watch';
import { exclusionReason } from '../../core/json';
import { translator } from '../../i18n';
import { CONSOLIDATION_SHEETS } from '../../standard';
import { usePane } from '../context';
import { ActionRun } from '../ActionRun';
import { StaleBar } from '../StaleBar';
import { useAction } from '../useAction';
import { useTableWatch } from '../useTableWatch';
import { useFocusOnOutcome } from '../useFocus';
import { useViewStyles } from '../styles';
import { countText } from '../counts';
import { libraryNames } from '../findings';
import { NoteSection } from './NoteSection';
import { LibraryList } from '../LibraryList';

// Import and last year's figures are drawn from a chunk of their own, so that the pane's first load stays as it was.
const ImportSections = lazy(() => import(/* webpackChunkName: "import-view" */ './ImportSections'));

export function ConsolidateView() {
  return (
    <>
      <ConsolidateSection />
      <Suspense fallback={null}>
        <ImportSections />
      </Suspense>
    </>
  );
}

/** An option of the consolidation (as the command line's `--include-errors`, `--accepted-only`): its box and what it does. */
function OptionBox(props: {
  option: 'include_errors' | 'accepted_only';
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = usePane();
  return (
    <Field hint={t.t(`taskpane.consolidate.${props.option}_hint`)}>
      <Checkbox
        checked={props.checked}
        onChange={(_, d) => props.onChange(d.checked === true)}
        label={t.t(`taskpane.consolidate.${props.option}`)}
      />
    </Field>
  );
}

function ConsolidateSection() {
  const { host, t, announce, version } = usePane();
  const s = useViewStyles();
  const [includeErrors, setIncludeErrors] = useState(false);
  const [acceptedOnly, setAcceptedOnly] = useState(false);
  const action = useAction(
    ['read', 'check', 'consolidate', 'layout', 'write'],
    (engine, onStage, include: boolean, accepted: boolean) =>
      engine.consolidateWorkbook(host, {
        includeErrors: include,
        acceptedOnly: accepted,
        userLanguage: t.lang,
        version,
        onStage,
      }),
  );
  const { state } = action;
  const [outcomeRef, arm] = useFocusOnOutcome<HTMLDivElement>(state.status);
  const result = state.status === 'done' ? state.result : null;
  const since = useChangedSince(result);

  const run = async () => {
    arm();
    const result = await action.start(includeErrors, acceptedOnly);
    if (result) announce(`${t.t('taskpane.consolidate.done')} ${includedText(result, t)}`);
  };

  return (
    <div className={s.view}>
      <h2 className={s.heading}>{t.t('taskpane.consolidate.heading')}</h2>
      <p className={s.text}>
        {t.t('taskpane.consolidate.intro', {
          // Named as the tabs will be: every sheet the run writes, none left out of the list.
          sheets: CONSOLIDATION_SHEETS.map((k) => t.t('taskpane.consolidate.sheet', { name: t.t(`sheet.${k}`) })).join(
            ', ',
          ),
        })}
      </p>
      <OptionBox option="include_errors" checked={includeErrors} onChange={setIncludeErrors} />
      <OptionBox option="accepted_only" checked={acceptedOnly} onChange={setAcceptedOnly} />
      <ActionRun
        action={action}
        label={t.t('taskpane.consolidate.button')}
        onRun={() => void run()}
        outcomeRef={outcomeRef}
        done={{
          heading: t.t('taskpane.consolidate.done'),
          show: (result) => (
            <>
              <StaleBar tables={result.stale ?? []} action="consolidate" onRunAgain={() => void run()} />
              {(result.stale ?? []).length === 0 ? (
                <StaleBar tables={since} action="consolidate_since" onRunAgain={() => void run()} />
              ) : null}
              <ConsolidationResult run={result} />
            </>
          ),
        }}
      />
    </div>
  );
}

/**
 * The tables changed since a consolidation was written (by a co-author, or
 * here): the generated sheets no longer say what they hold, so the view says
 * so until the next run. Listening starts once the result is there, so the
 * consolidation's own writes are not counted.
 */
function useChangedSince(result: ConsolidationRun | null): readonly string[] {
  // Kept with the result it follows, so that a new run starts from nothing without a reset in the effect.
  const [since, setSince] = useState<{ of: ConsolidationRun | null; tables: readonly string[] }>({
    of: null,
    tables: [],
  });
  const add = useCallback(
    (changes: readonly TableChange[]) =>
      setSince((was) => ({
        of: result,
        tables: [...new Set([...(was.of === result ? was.tables : []), ...changes.map((c) => c.table)])],
      })),
    [result],
  );
  useTableWatch(result !== null, add);
  return result && since.of === result ? since.tables : [];
}

function includedText(run: ConsolidationRun, t: ReturnType<typeof usePane>['t']): string {
  const libs = run.consolidation.libraries;
  return t.t('taskpane.consolidate.included', { count: libs.active, included: libs.included.length });
}

function ConsolidationResult({ run }: { run: ConsolidationRun }) {
  const { host, t, announce } = usePane();
  const s = useViewStyles();
  const names = useMemo(() => libraryNames(run.validation.workbook, t), [run, t]);
  const libs = run.consolidation.libraries;
  const label = (id: string) => (names.has(id.toUpperCase()) ? `${names.get(id.toUpperCase())} (${id})` : id);
  // The generated sheets are named in the workbook's language, which may differ from the reader's.
  const sheetNames = translator(run.language);
  const planned = new Set(run.plan.sheets.map((p) => p.name));
  const open = async (key: 'Summary' | 'Dashboard') => {
    const name = sheetNames.t(`sheet.${key}`);
    const ok = await host.activateSheet(name).catch(() => false);
    announce(t.t(ok ? 'taskpane.consolidate.opened' : 'taskpane.consolidate.sheet_missing', { sheet: name }));
  };
  return (
    <>
      <p className={s.text}>{includedText(run, t)}</p>
      <p className={s.text}>{countText(t, run.validation.errors, run.validation.warnings)}</p>
      <div className={s.actions}>
        {(['Summary', 'Dashboard'] as const)
          .filter((k) => planned.has(sheetNames.t(`sheet.${k}`)))
          .map((k) => (
            <Button key={k} onClick={() => void open(k)}>
              {t.t(k === 'Summary' ? 'taskpane.consolidate.open_summary' : 'taskpane.consolidate.open_dashboard')}
            </Button>
          ))}
      </div>
      <NoteSection run={run} />
      <LibraryList
        level={4}
        heading={t.t('taskpane.consolidate.excluded', { count: libs.excluded.length })}
        items={libs.excluded}
        keyOf={(e) => e.libId}
        show={(e) => (
          <>
            <strong>{label(e.libId)}</strong>: {exclusionReason(e.first, e.errors, t)}
          </>
        )}
      />
      <LibraryList
        level={4}
        heading={t.t('taskpane.consolidate.not_accepted', { count: libs.notAccepted.length })}
        items={libs.notAccepted}
        keyOf={(n) => n.libId}
        show={(n) => `${label(n.libId)}: ${t.t(`enum.report_status.${n.status}`)}`}
      />
      <LibraryList
        level={4}
        heading={t.t('taskpane.consolidate.missing', { count: libs.missing.length })}
        items={libs.missing}
        show={label}
      />
    </>
  );
}
