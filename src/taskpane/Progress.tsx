import { useEffect } from 'react';
import { Field, ProgressBar } from '@fluentui/react-components';
import type { Stage } from '../excel/actions';
import { usePane } from './context';

/** Progress by stage: a bar with the stage's name as its label, each stage announced once. */
export function Progress({ stages, stage }: { stages: readonly Stage[]; stage: Stage | null }) {
  const { t, announce } = usePane();
  const i = stage ? stages.indexOf(stage) : -1;
  const text = stage ? t.t(`taskpane.stage.${stage}`) : t.t('taskpane.stage.read');
  useEffect(() => {
    if (stage) announce(t.t(`taskpane.stage.${stage}`));
  }, [stage, announce, t]);
  return (
    <Field label={text} hint={i >= 0 ? t.t('taskpane.step', { step: i + 1, steps: stages.length }) : undefined}>
      <ProgressBar value={i >= 0 ? (i + 1) / stages.length : undefined} thickness="large" />
    </Field>
  );
}
