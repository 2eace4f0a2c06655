/**
 * A view's main action: its button (not pressable while it runs, but still
 * focusable), what goes with it, the progress of its stages while it runs,
 * what went wrong when it failed, and what it came to once done.
 */
import { useId, type ReactNode, type Ref } from 'react';
import { Button } from '@fluentui/react-components';
import { Progress } from './Progress';
import { ProblemBar } from './ProblemBar';
import { useViewStyles } from './styles';
import type { Action } from './useAction';

export function ActionRun<T>({
  action: { state, dismiss, stages },
  label,
  onRun,
  outcomeRef,
  done,
  children,
}: {
  action: Pick<Action<never, T>, 'state' | 'dismiss' | 'stages'>;
  label: string;
  onRun: () => void;
  /** Where the focus goes when the action ends: its problem, or its result (`useFocusOnOutcome`). */
  outcomeRef?: Ref<HTMLDivElement>;
  /** The result once done, under a heading, in one group that takes the focus. */
  done?: { readonly heading: string; readonly show: (result: T) => ReactNode };
  /** Options shown under the button, above the progress. */
  children?: ReactNode;
}) {
  const s = useViewStyles();
  const headingId = useId();
  return (
    <>
      <div className={s.actions}>
        <Button appearance="primary" onClick={onRun} disabledFocusable={state.status === 'running'}>
          {label}
        </Button>
      </div>
      {children}
      {state.status === 'running' ? <Progress stages={stages} stage={state.stage} /> : null}
      {state.status === 'error' ? <ProblemBar ref={outcomeRef} problem={state.problem} onDismiss={dismiss} /> : null}
      {done && state.status === 'done' ? (
        <div ref={outcomeRef} tabIndex={-1} role="group" aria-labelledby={headingId} className={s.results}>
          <h3 id={headingId} className={s.subheading}>
            {done.heading}
          </h3>
          {done.show(state.result)}
        </div>
      ) : null}
    </>
  );
}
