import type { Ref } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Problem } from './errors';
import { usePane } from './context';

/** An error as a MessageBar that says what to do; "not set up yet" offers the way to Set up. */
export function ProblemBar({
  problem,
  onDismiss,
  ref,
}: {
  problem: Problem;
  onDismiss?: () => void;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t, showView } = usePane();
  const k = `taskpane.error.${problem.kind}`;
  const body =
    problem.kind === 'guard'
      ? t.t(k, { sheet: problem.sheet, table: problem.table })
      : problem.kind === 'name_taken'
        ? t.t(k, { sheet: problem.sheet })
        : problem.kind === 'unexpected'
          ? t.t(k, { detail: problem.detail })
          : problem.kind === 'journal'
            ? t.t(k, { reason: t.t(`${k}_${problem.damage}`, { where: problem.where, found: problem.found }) })
            : t.t(k);
  return (
    <MessageBar ref={ref} tabIndex={-1} intent="error" layout="multiline" politeness="assertive">
      <MessageBarBody>
        <MessageBarTitle>{t.t(`${k}_title`)}</MessageBarTitle> {body}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          onDismiss ? (
            <Button appearance="transparent" size="small" onClick={onDismiss}>
              {t.t('taskpane.error.dismiss')}
            </Button>
          ) : undefined
        }
      >
        {problem.kind === 'not_standard' ? (
          <Button onClick={() => showView('setup')}>{t.t('taskpane.error.go_setup')}</Button>
        ) : null}
      </MessageBarActions>
    </MessageBar>
  );
}
