/** Why a change was refused, and what stands in the way: errors to fix, warnings to confirm one by one. */
import { Checkbox, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Finding } from '../../../core/finding';
import { findingKey, type TransitionResult } from '../../../core/workflow';
import { usePane } from '../../context';
import { useViewStyles } from '../../styles';

export function Refusal(props: {
  result: Extract<TransitionResult, { ok: false }>;
  confirmed: ReadonlySet<string>;
  onConfirm: (f: Finding, on: boolean) => void;
}) {
  const { t } = usePane();
  const s = useViewStyles();
  const { result } = props;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {t.render(result.reason)}
        <ul className={s.list}>
          {result.blocking.map((f) => (
            <li key={findingKey(f)}>
              {f.severity === 'warning' ? (
                <Checkbox
                  checked={props.confirmed.has(findingKey(f))}
                  onChange={(_, d) => props.onConfirm(f, d.checked === true)}
                  label={`${f.rule} ${f.cell ?? ''}: ${t.render(f.message)} — ${t.t('taskpane.reports.confirm')}`}
                />
              ) : (
                `${f.rule} ${f.cell ?? ''}: ${t.render(f.message)}`
              )}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
