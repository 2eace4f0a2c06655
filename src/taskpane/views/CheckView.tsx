import { lazy, Suspense, useCallback, useId, useMemo, useState } from 'react';
import { Checkbox, Field, Input, Spinner } from '@fluentui/react-components';
import type { CheckResult } from '../../excel/actions';
import { usePane } from '../context';
import { ActionRun } from '../ActionRun';
import { useAction } from '../useAction';
import { useTableWatch } from '../useTableWatch';
import { StaleBar } from '../StaleBar';
import { useFocusOnOutcome } from '../useFocus';
import { useViewStyles } from '../styles';
import { countText } from '../counts';
import { findingMatcher, libraryNames } from '../findings';

/** The list of findings comes with the engine, on demand: the pane's first load stays small. */
const FindingGroups = lazy(() =>
  import(/* webpackChunkName: "findings" */ './FindingGroups').then((m) => ({ default: m.FindingGroups })),
);

/**
 * Check: runs the checks, lists the findings grouped by severity, rule and
 * library, and checks again by itself after a table changes (debounced).
 * The button stays, because `onChanged` does not fire for drop-down picks in
 * some Excel builds.
 */
export function CheckView() {
  const { host, t, announce } = usePane();
  const s = useViewStyles();
  const headingId = useId();
  const [auto, setAuto] = useState(true);
  const [query, setQuery] = useState('');
  const action = useAction(['read', 'check', 'mark'], (engine, onStage) => engine.checkWorkbook(host, { onStage }));
  const { state, last, start } = action;
  const [outcomeRef, arm] = useFocusOnOutcome<HTMLDivElement>(state.status);

  const check = useCallback(
    async (manual: boolean) => {
      if (manual) arm();
      const result = await start();
      if (result) announce(summary(result, t));
    },
    [start, announce, t, arm],
  );

  // Re-check after edits: one handler for all tables, registered once the workbook has been checked.
  const recheck = useCallback(() => {
    announce(t.t('taskpane.check.rechecking'));
    void check(false);
  }, [announce, t, check]);
  useTableWatch(auto && last !== null, recheck);

  const result = state.status === 'done' ? state.result : last;
  const names = useMemo(
    () => (result ? libraryNames(result.validation.workbook, t) : new Map<string, string>()),
    [result, t],
  );
  const matcher = useMemo(() => findingMatcher(query, t, names), [query, t, names]);
  const findings = result?.validation.findings ?? [];
  const shown = matcher ? findings.filter(matcher) : findings;
  const explained = findings.filter((f) => f.explained).length;

  return (
    <div className={s.view}>
      <h2 className={s.heading}>{t.t('taskpane.check.heading')}</h2>
      <p className={s.text}>{t.t('taskpane.check.intro')}</p>
      <ActionRun
        action={action}
        label={t.t('taskpane.check.button')}
        onRun={() => void check(true)}
        outcomeRef={outcomeRef}
      >
        <Checkbox checked={auto} onChange={(_, d) => setAuto(d.checked === true)} label={t.t('taskpane.check.auto')} />
      </ActionRun>
      {result ? (
        <div
          ref={state.status === 'error' ? undefined : outcomeRef}
          tabIndex={-1}
          role="group"
          aria-labelledby={headingId}
          className={s.results}
        >
          <h3 id={headingId} className={s.subheading}>
            {summary(result, t)}
          </h3>
          <StaleBar tables={result.stale ?? []} action="check" onRunAgain={() => void check(true)} />
          {explained ? <p className={s.muted}>{t.t('taskpane.check.explained', { count: explained })}</p> : null}
          {findings.length ? (
            <>
              <Field label={t.t('taskpane.check.filter')}>
                <Input
                  type="search"
                  value={query}
                  placeholder={t.t('taskpane.check.filter_placeholder')}
                  onChange={(_, d) => setQuery(d.value)}
                />
              </Field>
              {matcher ? (
                <p className={s.muted} role="status">
                  {shown.length
                    ? t.t('taskpane.check.shown', { shown: t.number(shown.length), total: t.number(findings.length) })
                    : t.t('taskpane.check.no_match')}
                </p>
              ) : null}
              <Suspense fallback={<Spinner size="tiny" label={t.t('taskpane.check.running')} />}>
                <FindingGroups findings={shown} names={names} expandAll={matcher !== null} />
              </Suspense>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function summary(result: CheckResult, t: ReturnType<typeof usePane>['t']): string {
  const { errors, warnings } = result.validation;
  if (errors + warnings === 0) return t.t('taskpane.check.clean');
  return countText(t, errors, warnings);
}
