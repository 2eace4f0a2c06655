/**
 * One library on the Reports board: one line (name, status, who changed it
 * and when, errors and warnings) and the buttons of what can be done to its
 * report; below it only while it is needed, the comment box of a return, the
 * question who the person is, or why a change was refused.
 */
import type { ReactNode } from 'react';
import { Button, Field, Textarea } from '@fluentui/react-components';
import type { BoardRow } from '../../../core/board';
import type { ReportStatus } from '../../../core/submissions';
import type { Action, Person } from '../../../core/workflow';
import { usePane } from '../../context';
import { useViewStyles } from '../../styles';

const BY_STATUS: Readonly<Record<ReportStatus, readonly Action[]>> = {
  draft: ['submit'],
  returned: ['submit'],
  submitted: ['accept', 'return'],
  accepted: ['return'],
};

/** What can be done to a row's report: by its status, and by who the person is once that is known. */
export function actionsFor(row: BoardRow, person: Person | null): readonly Action[] {
  const possible = BY_STATUS[row.status] ?? [];
  if (!person) return possible;
  if (person.role === 'staff') return person.libId === row.libId ? possible.filter((a) => a === 'submit') : [];
  return possible.filter((a) => a !== 'submit');
}

export function ReportRow(props: {
  row: BoardRow;
  person: Person | null;
  busy: boolean;
  /** The comment box of a return is open for this library. */
  returning: boolean;
  comment: string;
  commentId: string;
  onComment: (text: string) => void;
  onAct: (action: Action) => void;
  onCancelReturn: () => void;
  /** The question who the person is, or why a change was refused. */
  children?: ReactNode;
}) {
  const { t } = usePane();
  const s = useViewStyles();
  const { row } = props;
  const name = (t.lang === 'kk' ? row.nameKk : row.nameRu) ?? row.libId;
  const label = (action: Action) => `${t.t(`taskpane.reports.${action}`)} — ${row.libId}`;
  const button = (action: Action) => (
    <Button
      key={action}
      size="small"
      aria-label={label(action)}
      disabledFocusable={props.busy}
      onClick={() => props.onAct(action)}
    >
      {t.t(`taskpane.reports.${action}`)}
    </Button>
  );
  return (
    <li>
      <strong>
        {name} ({row.libId})
      </strong>
      : {t.t(`enum.report_status.${row.status}`)}
      {row.changedBy ? ` · ${row.changedBy}` : ''}
      {row.changedAt !== null ? ` · ${t.dateTime(row.changedAt)}` : ''} ·{' '}
      {row.errors > row.reportErrors
        ? t.t('taskpane.reports.counts_rows', {
            report: row.reportErrors,
            rows: row.errors - row.reportErrors,
            warnings: row.warnings,
          })
        : t.t('taskpane.reports.counts', { errors: row.errors, warnings: row.warnings })}
      {row.comment && row.status === 'returned' ? <div className={s.muted}>{row.comment}</div> : null}
      {props.returning ? (
        <div>
          <Field label={t.t('taskpane.reports.comment')} hint={t.t('taskpane.reports.comment_hint')}>
            <Textarea
              id={props.commentId}
              value={props.comment}
              onChange={(_, d) => props.onComment(d.value)}
              autoFocus
            />
          </Field>
          <div className={s.actions}>
            {button('return')}
            <Button size="small" onClick={props.onCancelReturn}>
              {t.t('taskpane.reports.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <span className={s.rowActions}> {actionsFor(row, props.person).map(button)}</span>
      )}
      {props.children}
    </li>
  );
}
