/**
 * A view's main action: its button (not pressable while it runs, but still
 * focusable), what goes with it, the progress of its stages while it runs,
 * and what went wrong when it failed.
 */
import type { ReactNode, Ref } from 'react';
import { Button } from '@fluentui/react-components';
import type { Stage } from '../excel/actions';
import { Progress } from './Progress';
import { ProblemBar } from './ProblemBar';
import { useViewStyles } from './styles';
import type { ActionState } from './useAction';

export function ActionRun({
  label,
  onRun,
  state,
  onDismiss,
  stages,
  problemRef,
  children,
}: {
  label: string;
  onRun: () => void;
  state: ActionState<unknown>;
  onDismiss: () => void;
  stages: readonly Stage[];
  /** Where the focus goes when the action fails (`useFocusOnOutcome`). */
  problemRef?: Ref<HTMLDivElement>;
  /** Options shown under the button, above the progress. */
  children?: ReactNode;
}) {
  const s = useViewStyles();
  return (
    <>
      <div className={s.actions}>
        <Button appearance="primary" onClick={onRun} disabledFocusable={state.status === 'running'}>
          {label}
        </Button>
      </div>
      {children}
      {state.status === 'running' ? <Progress stages={stages} stage={state.stage} /> : null}
      {state.status === 'error' ? <ProblemBar ref={problemRef} problem={state.problem} onDismiss={onDismiss} /> : null}
    </>
  );
}
