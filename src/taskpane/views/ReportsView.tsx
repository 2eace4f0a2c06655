import { useEffect, useId, useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from '@fluentui/react-components';
import type { Board, BoardRow } from '../../core/board';
import type { Finding } from '../../core/finding';
import { REPORT_STATUSES, type ReportStatus } from '../../core/submissions';
import { findingKey, type Action, type Person, type TransitionResult } from '../../core/workflow';
import { usePane } from '../context';
import { ProblemBar } from '../ProblemBar';
import { problemOf, type Problem } from '../errors';
import { useViewStyles } from '../styles';
import { usePerson } from '../person';

/**
 * Reports: every active library with its status, errors and warnings, who
 * changed it last and when, filtered by status and territory. Library staff
 * submit their library's report (refused with what to fix while errors
 * remain; each warning explained by a note or confirmed here); methodologists
 * accept it, or return it with a comment. Who the person is, is asked once.
 */
export function ReportsView() {
  const { host, engine, t, announce } = usePane();
  const s = useViewStyles();
  const ids = useId();
  const { person, remember, forget } = usePerson(host);
  const [board, setBoard] = useState<Board | null>(null);
  const [status, setStatus] = useState<'all' | ReportStatus>('all');
  const [territory, setTerritory] = useState('all');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [outcome, setOutcome] = useState<{ libId: string; result: TransitionResult } | null>(null);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());

  const guarded = async (f: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await f();
    } catch (e) {
      setProblem(problemOf(e, await engine().catch(() => null)));
    } finally {
      setBusy(false);
    }
  };
  const refresh = () =>
    guarded(async () => {
      const b = await (await engine()).readBoard(host);
      setBoard(b);
      announce(t.t('taskpane.reports.loaded', { count: b.rows.length }));
    });
  const act = (row: BoardRow, action: Action) =>
    guarded(async () => {
      if (!person) return;
      const e = await engine();
      const result = await e.changeReportStatus(
        host,
        { action, libId: row.libId, person, comment: comments[row.libId] ?? null, confirmed },
        { userLanguage: t.lang },
      );
      setOutcome({ libId: row.libId, result });
      announce(
        result.ok
          ? t.t('taskpane.reports.changed', { lib: row.libId, status: t.t(`enum.report_status.${result.to}`) })
          : t.render(result.reason),
      );
      if (result.ok) {
        setComments((c) => ({ ...c, [row.libId]: '' }));
        setBoard(await e.readBoard(host));
      }
    });

  if (!person) return <PersonForm libraries={board?.rows ?? []} onLoad={refresh} onSave={remember} />;

  const territories = [...new Set((board?.rows ?? []).map((r) => r.terrCode).filter((x): x is string => !!x))];
  const shown = (board?.rows ?? []).filter(
    (r) => (status === 'all' || r.status === status) && (territory === 'all' || r.terrCode === territory),
  );
  const name = (r: BoardRow) => (t.lang === 'kk' ? r.nameKk : r.nameRu) ?? r.libId;

  return (
    <div className={s.view}>
      <h2 className={s.heading}>{t.t('taskpane.reports.heading')}</h2>
      <p className={s.muted}>
        {t.t(person.role === 'staff' ? 'taskpane.reports.you_staff' : 'taskpane.reports.you_methodologist', {
          name: person.name,
          lib: person.role === 'staff' ? person.libId : '',
        })}{' '}
        <Button
          size="small"
          appearance="subtle"
          onClick={() => {
            forget();
          }}
        >
          {t.t('taskpane.reports.change_person')}
        </Button>
      </p>
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => void refresh()} disabledFocusable={busy}>
          {t.t(board ? 'taskpane.reports.refresh' : 'taskpane.reports.load')}
        </Button>
      </div>
      {problem ? <ProblemBar problem={problem} onDismiss={() => setProblem(null)} /> : null}
      {board ? (
        <>
          <p className={s.text}>
            {REPORT_STATUSES.map((st) => `${t.t(`enum.report_status.${st}`)}: ${t.number(board.byStatus[st])}`).join(
              ', ',
            )}
          </p>
          <Field label={t.t('taskpane.reports.filter_status')}>
            <Select value={status} onChange={(_, d) => setStatus(d.value as 'all' | ReportStatus)}>
              <option value="all">{t.t('taskpane.reports.all')}</option>
              {REPORT_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {t.t(`enum.report_status.${st}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.t('taskpane.reports.filter_territory')}>
            <Select value={territory} onChange={(_, d) => setTerritory(d.value)}>
              <option value="all">{t.t('taskpane.reports.all')}</option>
              {territories.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
          </Field>
          <ul className={s.list} aria-label={t.t('taskpane.reports.list')}>
            {shown.map((r) => (
              <li key={r.libId}>
                <strong>
                  {name(r)} ({r.libId})
                </strong>
                : {t.t(`enum.report_status.${r.status}`)}
                {r.changedBy ? ` · ${r.changedBy}` : ''}
                {r.changedAt !== null ? ` · ${t.dateTime(r.changedAt)}` : ''} ·{' '}
                {r.errors > r.reportErrors
                  ? t.t('taskpane.reports.counts_rows', {
                      report: r.reportErrors,
                      rows: r.errors - r.reportErrors,
                      warnings: r.warnings,
                    })
                  : t.t('taskpane.reports.counts', { errors: r.errors, warnings: r.warnings })}
                {r.comment && r.status === 'returned' ? <div className={s.muted}>{r.comment}</div> : null}
                <RowActions
                  row={r}
                  person={person}
                  busy={busy}
                  comment={comments[r.libId] ?? ''}
                  onComment={(text) => setComments((c) => ({ ...c, [r.libId]: text }))}
                  onAct={(a) => void act(r, a)}
                  commentId={`${ids}-comment-${r.libId}`}
                />
                {outcome?.libId === r.libId && !outcome.result.ok ? (
                  <Refusal
                    result={outcome.result}
                    confirmed={confirmed}
                    onConfirm={(f, on) =>
                      setConfirmed((c) => {
                        const next = new Set(c);
                        if (on) next.add(findingKey(f));
                        else next.delete(findingKey(f));
                        return next;
                      })
                    }
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function RowActions(props: {
  row: BoardRow;
  person: Person;
  busy: boolean;
  comment: string;
  commentId: string;
  onComment: (text: string) => void;
  onAct: (action: Action) => void;
}) {
  const { t } = usePane();
  const s = useViewStyles();
  const { row, person } = props;
  const label = (key: string) => `${t.t(`taskpane.reports.${key}`)} — ${row.libId}`;
  if (person.role === 'staff') {
    if (person.libId !== row.libId || !['draft', 'returned'].includes(row.status)) return null;
    return (
      <div className={s.actions}>
        <Button
          size="small"
          aria-label={label('submit')}
          disabledFocusable={props.busy}
          onClick={() => props.onAct('submit')}
        >
          {t.t('taskpane.reports.submit')}
        </Button>
      </div>
    );
  }
  if (!['submitted', 'accepted'].includes(row.status)) return null;
  return (
    <div>
      <Field label={t.t('taskpane.reports.comment')} hint={t.t('taskpane.reports.comment_hint')}>
        <Textarea id={props.commentId} value={props.comment} onChange={(_, d) => props.onComment(d.value)} />
      </Field>
      <div className={s.actions}>
        {row.status === 'submitted' ? (
          <Button
            size="small"
            aria-label={label('accept')}
            disabledFocusable={props.busy}
            onClick={() => props.onAct('accept')}
          >
            {t.t('taskpane.reports.accept')}
          </Button>
        ) : null}
        <Button
          size="small"
          aria-label={label('return')}
          disabledFocusable={props.busy}
          onClick={() => props.onAct('return')}
        >
          {t.t('taskpane.reports.return')}
        </Button>
      </div>
    </div>
  );
}

/** Why a change was refused, and what stands in the way: errors to fix, warnings to confirm one by one. */
function Refusal(props: {
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

/** Who the person is: asked once, then remembered (see `person.ts`). */
function PersonForm(props: { libraries: readonly BoardRow[]; onLoad: () => void; onSave: (p: Person) => void }) {
  const { t } = usePane();
  const s = useViewStyles();
  const [name, setName] = useState('');
  const [role, setRole] = useState<'staff' | 'methodologist'>('methodologist');
  const [libId, setLibId] = useState('');
  const ready = name.trim() !== '' && (role === 'methodologist' || libId !== '');
  const { libraries, onLoad } = props;
  // Staff choose their library from the workbook's: the list is read when they say they are staff.
  const asked = useRef(false);
  useEffect(() => {
    if (role !== 'staff' || libraries.length > 0 || asked.current) return;
    asked.current = true;
    onLoad();
  }, [role, libraries.length, onLoad]);
  const save = () => {
    const p: Person = role === 'staff' ? { role, name: name.trim(), libId } : { role, name: name.trim() };
    props.onSave(p);
  };
  return (
    <div className={s.view}>
      <h2 className={s.heading}>{t.t('taskpane.reports.heading')}</h2>
      <p className={s.text}>{t.t('taskpane.reports.who_intro')}</p>
      <Field label={t.t('taskpane.reports.name')} required>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={t.t('taskpane.reports.role')}>
        <RadioGroup value={role} onChange={(_, d) => setRole(d.value as 'staff' | 'methodologist')}>
          <Radio value="methodologist" label={t.t('taskpane.reports.role_methodologist')} />
          <Radio value="staff" label={t.t('taskpane.reports.role_staff')} />
        </RadioGroup>
      </Field>
      {role === 'staff' ? (
        <Field label={t.t('taskpane.reports.library')}>
          <Select value={libId} onChange={(_, d) => setLibId(d.value)}>
            <option value="">—</option>
            {libraries.map((r) => (
              <option key={r.libId} value={r.libId}>
                {r.libId}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className={s.actions}>
        <Button appearance="primary" disabledFocusable={!ready} onClick={() => ready && save()}>
          {t.t('taskpane.reports.save_person')}
        </Button>
      </div>
      {role === 'staff' && libraries.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>{t.t('taskpane.reports.library_loading')}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
