/**
 * Reports: the board first, every active library on one line with its
 * status, errors and warnings, who changed it last and when, filtered by
 * status, territory and name. Library staff submit their library's report
 * (refused with what to fix while errors remain; each warning explained by a
 * note or confirmed here); methodologists accept it, or return it with a
 * comment, whose box opens for that library only. Who the person is, is
 * asked when they first act, and remembered.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Field, Input, Select } from '@fluentui/react-components';
import type { Board, BoardRow } from '../../core/board';
import { REPORT_STATUSES, type ReportStatus } from '../../core/submissions';
import { findingKey, type Action, type Person, type TransitionResult } from '../../core/workflow';
import { usePane } from '../context';
import { ProblemBar } from '../ProblemBar';
import { problemOf, type Problem } from '../errors';
import { useViewStyles } from '../styles';
import { usePerson } from '../person';
import { PersonForm } from './reports/PersonForm';
import { Refusal } from './reports/Refusal';
import { ReportRow } from './reports/ReportRow';

interface Pending {
  readonly libId: string;
  readonly action: Action;
}

export function ReportsView() {
  const { host, engine, t, announce } = usePane();
  const s = useViewStyles();
  const ids = useId();
  const { person, remember, forget } = usePerson(host);
  const [board, setBoard] = useState<Board | null>(null);
  const [filter, setFilter] = useState<{ status: 'all' | ReportStatus; territory: string; text: string }>({
    status: 'all',
    territory: 'all',
    text: '',
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [outcome, setOutcome] = useState<{ libId: string; result: TransitionResult } | null>(null);
  /** An action waiting for the person to say who they are. */
  const [asking, setAsking] = useState<Pending | null>(null);
  /** The one library whose return comment is being written. */
  const [returning, setReturning] = useState<string | null>(null);
  const [comment, setComment] = useState('');
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
  // The board is what a person comes for: it is read when the view opens, before anything is asked.
  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    void refresh();
  });

  const change = (libId: string, action: Action, who: Person) =>
    guarded(async () => {
      const e = await engine();
      const text = action === 'return' ? comment : null;
      const result = await e.changeReportStatus(
        host,
        { action, libId, person: who, comment: text, confirmed },
        { userLanguage: t.lang },
      );
      setOutcome({ libId, result });
      announce(
        result.ok
          ? t.t('taskpane.reports.changed', { lib: libId, status: t.t(`enum.report_status.${result.to}`) })
          : t.render(result.reason),
      );
      if (result.ok) {
        setReturning(null);
        setComment('');
        setBoard(await e.readBoard(host));
      }
    });
  /** An action with the person known: a return first opens its comment box, unless it is open. */
  const proceed = (libId: string, action: Action, who: Person) => {
    if (action === 'return' && returning !== libId) {
      setReturning(libId);
      setComment('');
      setOutcome(null);
      return;
    }
    void change(libId, action, who);
  };
  const onAct = (row: BoardRow, action: Action) => {
    if (person) proceed(row.libId, action, person);
    else setAsking({ libId: row.libId, action });
  };

  const rows = board?.rows ?? [];
  const territories = [...new Set(rows.map((r) => r.terrCode).filter((x): x is string => !!x))];
  const text = filter.text.trim().toLowerCase();
  const shown = rows.filter(
    (r) =>
      (filter.status === 'all' || r.status === filter.status) &&
      (filter.territory === 'all' || r.terrCode === filter.territory) &&
      (!text || [r.libId, r.nameKk, r.nameRu].some((x) => x?.toLowerCase().includes(text))),
  );

  return (
    <div className={s.view}>
      <h2 className={s.heading}>{t.t('taskpane.reports.heading')}</h2>
      <p className={s.muted}>
        {person ? (
          <>
            {t.t(person.role === 'staff' ? 'taskpane.reports.you_staff' : 'taskpane.reports.you_methodologist', {
              name: person.name,
              lib: person.role === 'staff' ? person.libId : '',
            })}{' '}
            <Button size="small" appearance="subtle" onClick={forget}>
              {t.t('taskpane.reports.change_person')}
            </Button>
          </>
        ) : (
          t.t('taskpane.reports.asked_when_acting')
        )}
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
          <BoardFilters filter={filter} territories={territories} onChange={setFilter} />
          <ul className={s.list} aria-label={t.t('taskpane.reports.list')}>
            {shown.map((r) => (
              <ReportRow
                key={r.libId}
                row={r}
                person={person}
                busy={busy}
                returning={returning === r.libId}
                comment={comment}
                commentId={`${ids}-comment`}
                onComment={setComment}
                onAct={(a) => onAct(r, a)}
                onCancelReturn={() => setReturning(null)}
              >
                {asking?.libId === r.libId ? (
                  <PersonForm
                    libraries={rows}
                    role={asking.action === 'submit' ? 'staff' : 'methodologist'}
                    libId={r.libId}
                    onCancel={() => setAsking(null)}
                    onSave={(p) => {
                      remember(p);
                      setAsking(null);
                      proceed(r.libId, asking.action, p);
                    }}
                  />
                ) : null}
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
              </ReportRow>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

type Filter = { status: 'all' | ReportStatus; territory: string; text: string };

/** The board's filters: by status, by territory, and by a library's name or code. */
function BoardFilters(props: { filter: Filter; territories: readonly string[]; onChange: (f: Filter) => void }) {
  const { t } = usePane();
  const { filter, onChange } = props;
  return (
    <>
      <Field label={t.t('taskpane.reports.filter_library')}>
        <Input type="search" value={filter.text} onChange={(_, d) => onChange({ ...filter, text: d.value })} />
      </Field>
      <Field label={t.t('taskpane.reports.filter_status')}>
        <Select
          value={filter.status}
          onChange={(_, d) => onChange({ ...filter, status: d.value as 'all' | ReportStatus })}
        >
          <option value="all">{t.t('taskpane.reports.all')}</option>
          {REPORT_STATUSES.map((st) => (
            <option key={st} value={st}>
              {t.t(`enum.report_status.${st}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.t('taskpane.reports.filter_territory')}>
        <Select value={filter.territory} onChange={(_, d) => onChange({ ...filter, territory: d.value })}>
          <option value="all">{t.t('taskpane.reports.all')}</option>
          {props.territories.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
