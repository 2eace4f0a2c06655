/**
 * What Import and Fill last year's figures share: a button that opens the
 * browser's file picker (Office's own picker inside a task pane), the names
 * chosen shown and announced, the files read in the pane (never uploaded),
 * the open workbook read to plan against, and the messages for files that
 * cannot be used.
 */
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Snapshot } from '../../core/snapshot';
import { usePane } from '../context';
import { problemOf, type Problem } from '../errors';
import { ProblemBar } from '../ProblemBar';
import { loadImporter, type Importer } from '../importer';
import { failureText, type PickedFailure, type PickedWorkbook } from '../picked';
import { useViewStyles } from '../styles';

export interface Picked {
  readonly importer: Importer;
  /** The open workbook when the files were read: what the plan is made from. */
  readonly basis: Snapshot;
  readonly workbooks: readonly PickedWorkbook[];
  readonly failures: readonly PickedFailure[];
}

export type FlowStatus = 'idle' | 'reading' | 'applying';

export interface Flow {
  readonly picked: Picked | null;
  readonly status: FlowStatus;
  readonly problem: Problem | null;
  /** Reads the files and the workbook; the previous pick is dropped. */
  readonly pick: (files: readonly File[]) => Promise<void>;
  /**
   * Runs a write, then reads the workbook again (a plan is always made from
   * the workbook as it is); resolves to what the write returned, or null
   * when it failed (a workbook changed meanwhile is said in `notice`).
   */
  readonly write: <T>(body: (p: Picked) => Promise<T>) => Promise<T | null>;
  /** The last outcome to show (done, or changed meanwhile). */
  readonly notice: { readonly text: string; readonly ok: boolean } | null;
  /** Shows and announces an outcome; null clears it. */
  readonly say: (text: string | null, ok?: boolean) => void;
  readonly clear: () => void;
  readonly dismiss: () => void;
}

const usePickerStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  line: { margin: 0 },
});

export function usePickFlow(): Flow {
  const { host, t, announce } = usePane();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [notice, setNotice] = useState<Flow['notice']>(null);
  const say = useCallback(
    (text: string | null, ok = true) => {
      setNotice(text === null ? null : { text, ok });
      if (text !== null) announce(text);
    },
    [announce],
  );
  const [status, setStatus] = useState<FlowStatus>('idle');
  const [problem, setProblem] = useState<Problem | null>(null);
  const busy = useRef(false);

  const pick = useCallback(
    async (files: readonly File[]) => {
      if (busy.current || files.length === 0) return;
      busy.current = true;
      setStatus('reading');
      setProblem(null);
      setNotice(null);
      setPicked(null);
      let importer: Importer | null = null;
      try {
        importer = await loadImporter();
        const results = await importer.readPicked(files);
        const basis = await importer.readTarget(host);
        setPicked({
          importer,
          basis,
          workbooks: results.flatMap((r) => (r.ok ? [r.workbook] : [])),
          failures: results.flatMap((r) => (r.ok ? [] : [r.failure])),
        });
      } catch (e) {
        setProblem(problemOf(e, importer));
      } finally {
        busy.current = false;
        setStatus('idle');
      }
    },
    [host],
  );

  const write = useCallback(
    async <T,>(body: (p: Picked) => Promise<T>): Promise<T | null> => {
      if (busy.current || !picked) return null;
      busy.current = true;
      setStatus('applying');
      setProblem(null);
      let result: T | null = null;
      try {
        result = await body(picked);
      } catch (e) {
        if (e instanceof picked.importer.WorkbookChangedError) say(t.t('pane.import.changed'), false);
        else setProblem(problemOf(e, picked.importer));
      }
      try {
        // Either way the plan is made again from the workbook as it is now.
        const basis = await picked.importer.readTarget(host);
        setPicked({ ...picked, basis });
      } catch (e) {
        setProblem(problemOf(e, picked.importer));
      } finally {
        busy.current = false;
        setStatus('idle');
      }
      return result;
    },
    [host, picked, say, t],
  );

  return {
    picked,
    status,
    problem,
    pick,
    write,
    notice,
    say,
    clear: useCallback(() => setPicked(null), []),
    dismiss: useCallback(() => setProblem(null), []),
  };
}

/** The button that opens the picker, the input it opens, and the names chosen. */
function FilePicker({
  label,
  hint,
  multiple,
  disabled,
  onFiles,
}: {
  label: string;
  hint: string;
  multiple: boolean;
  disabled: boolean;
  onFiles: (files: File[]) => void;
}) {
  const { t, announce } = usePane();
  const s = useViewStyles();
  const c = usePickerStyles();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const chosenId = useId();
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className={c.picker}>
      <div className={s.actions}>
        <Button
          onClick={() => input.current?.click()}
          disabledFocusable={disabled}
          aria-describedby={names.length ? `${hintId} ${chosenId}` : hintId}
        >
          {label}
        </Button>
      </div>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xlsm"
        multiple={multiple}
        hidden
        aria-label={label}
        tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Emptied so that choosing the same file again (after changing it) is seen as a choice.
          e.currentTarget.value = '';
          if (files.length === 0) return;
          const chosen = files.map((f) => f.name);
          setNames(chosen);
          announce(
            t.t(multiple ? 'pane.import.chosen' : 'pane.prior.chosen', { files: chosen.join(', '), file: chosen[0] }),
          );
          onFiles(files);
        }}
      />
      <p id={hintId} className={s.muted}>
        {hint}
      </p>
      {names.length ? (
        <p id={chosenId} className={s.text}>
          {t.t(multiple ? 'pane.import.chosen' : 'pane.prior.chosen', { files: names.join(', '), file: names[0] })}
        </p>
      ) : null}
    </div>
  );
}

/** Reading and writing in progress: a spinner with what is happening, read out politely. */
function Busy({ status, reading, applying }: { status: FlowStatus; reading: string; applying: string }) {
  if (status === 'idle') return null;
  return <Spinner size="tiny" labelPosition="after" label={status === 'reading' ? reading : applying} />;
}

/** What the last action came to, the problem that stopped it, and the files that cannot be used. */
export function Outcome({ flow }: { flow: Flow }) {
  return (
    <>
      {flow.problem ? <ProblemBar problem={flow.problem} onDismiss={flow.dismiss} /> : null}
      {flow.notice ? (
        <MessageBar intent={flow.notice.ok ? 'success' : 'warning'} layout="multiline">
          <MessageBarBody>{flow.notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {flow.picked ? <Failures failures={flow.picked.failures} /> : null}
    </>
  );
}

/** Files that cannot be used, each named with what to do. */
function Failures({ failures }: { failures: readonly PickedFailure[] }) {
  const { t } = usePane();
  const c = usePickerStyles();
  if (failures.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {failures.map((f) => (
          <p key={f.file} className={c.line}>
            {failureText(f, t)}
          </p>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The frame of a view that starts from picked workbooks (the import, last
 * year's figures): its heading, what it does, the picker (several files for
 * the import, one for last year's) and the progress; the view's own part
 * follows as children.
 */
export function PickView({
  view,
  flow,
  onFiles,
  children,
}: {
  view: 'import' | 'prior';
  flow: Flow;
  onFiles: (files: File[]) => void;
  children: ReactNode;
}) {
  const { t } = usePane();
  const s = useViewStyles();
  const headingId = useId();
  return (
    <section className={s.view} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        {t.t(`pane.${view}.heading`)}
      </h2>
      <p className={s.text}>{t.t(`pane.${view}.intro`)}</p>
      <FilePicker
        label={t.t(`pane.${view}.choose`)}
        hint={t.t(`pane.${view}.choose_hint`)}
        multiple={view === 'import'}
        disabled={flow.status !== 'idle'}
        onFiles={onFiles}
      />
      <Busy status={flow.status} reading={t.t(`pane.${view}.reading`)} applying={t.t(`pane.${view}.applying`)} />
      {children}
    </section>
  );
}
