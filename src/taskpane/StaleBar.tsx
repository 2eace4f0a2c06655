import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { usePane } from './context';

/**
 * Someone changed tables while the action ran (a co-author in a shared
 * workbook): the result stays shown, with a warning that it may be out of
 * date and a button that runs the action again.
 */
export function StaleBar({
  tables,
  action,
  onRunAgain,
}: {
  tables: readonly string[];
  /** `consolidate_since`: changed after the consolidation was written, not while it ran. */
  action: 'check' | 'consolidate' | 'consolidate_since';
  onRunAgain: () => void;
}) {
  const { t } = usePane();
  if (tables.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" politeness="polite">
      <MessageBarBody>
        <MessageBarTitle>{t.t('taskpane.stale.title')}</MessageBarTitle>{' '}
        {t.t(`taskpane.stale.${action}`, { tables: tables.join(', ') })}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRunAgain}>{t.t('taskpane.stale.run_again')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
