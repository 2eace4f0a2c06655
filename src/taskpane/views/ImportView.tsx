/**
 * Import (section 7 of the standard): the person picks the workbooks of
 * branches or library systems, sees what would be added, filled, renumbered,
 * skipped and where the files disagree with the workbook, chooses per
 * conflict, and applies. Nothing is written while a conflict is open. The
 * files are analysed once per pick; a choice only resolves that analysis
 * again, and applying plans once more, from the workbook as it is then.
 */
import { useId, useMemo, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { ConflictChoice, ImportAnalysis, ImportConflict, ImportPlan } from '../../core/import';
import { importMessage, importNotices, renumberedText, shownValue } from '../../core/import/text';
import type { CellValue } from '../../core/snapshot';
import type { Translator } from '../../i18n';
import { columnLabel, tableLabel } from '../../i18n/place';
import { usePane } from '../context';
import { useViewStyles } from '../styles';
import { Outcome, PickView, usePickFlow } from './ImportPicker';

const useStyles = makeStyles({
  fieldset: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  radio: { overflowWrap: 'anywhere' },
});

type Analysed = { readonly analysis: ImportAnalysis } | { readonly refusal: string } | null;

/** How many renumbered rows the plan names by their keys; the rest are counted. */
const RENUMBERED_SHOWN = 5;

export function ImportView() {
  const { host, t } = usePane();
  const s = useViewStyles();
  const reasonId = useId();
  const flow = usePickFlow();
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const p = flow.picked;

  // The sources are analysed once per pick (and per workbook read again after applying), not per choice.
  const analysed = useMemo((): Analysed => {
    if (!p || p.workbooks.length === 0) return null;
    try {
      const run = p.importer.startImport(p.basis);
      for (const w of p.workbooks) run.add(w);
      return { analysis: run.finish() };
    } catch (e) {
      if (e instanceof p.importer.ImportTargetError) return { refusal: importMessage(e.problem, t) };
      throw e;
    }
  }, [p, t]);
  const plan = useMemo(
    () =>
      // The time only goes into the log row, which the plan made when applying writes.
      analysed && 'analysis' in analysed && p
        ? p.importer.resolveImport(analysed.analysis, { importedAt: 0, choices })
        : null,
    [analysed, choices, p],
  );

  const pick = async (files: File[]) => {
    setChoices({});
    await flow.pick(files);
  };

  const apply = async () => {
    if (!plan?.canApply) return;
    const done = await flow.write(async ({ importer, basis, workbooks }) => {
      // Made again at the moment of writing, so that the log row says when the import was made.
      const fresh = importer.planImport(basis, workbooks, { importedAt: Date.now(), choices });
      await importer.applyChanges(host, fresh.changes, basis);
      return fresh;
    });
    if (done) {
      flow.say(doneText(done, t));
      setChoices({});
      flow.clear();
    }
  };

  const reason = plan
    ? plan.refused.length > 0
      ? t.t('pane.import.refused_block')
      : plan.unresolved > 0
        ? t.t('pane.import.unresolved', { count: plan.unresolved })
        : null
    : null;

  return (
    <PickView view="import" flow={flow} onFiles={(files) => void pick(files)}>
      <Outcome flow={flow} />
      {analysed && 'refusal' in analysed ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{analysed.refusal}</MessageBarBody>
        </MessageBar>
      ) : null}
      {plan ? (
        <PlanView plan={plan} choices={choices} onChoice={(id, c) => setChoices((prev) => ({ ...prev, [id]: c }))} />
      ) : null}
      {plan && !plan.empty ? (
        <div className={s.actions}>
          <Button
            appearance="primary"
            onClick={() => void apply()}
            disabledFocusable={!plan.canApply || flow.status !== 'idle'}
            aria-describedby={reason ? reasonId : undefined}
          >
            {t.t('pane.import.apply')}
          </Button>
          {reason ? (
            <p id={reasonId} className={s.muted}>
              {reason}
            </p>
          ) : null}
        </div>
      ) : null}
    </PickView>
  );
}

function doneText(plan: ImportPlan, t: Translator): string {
  const sum = (k: 'rowsAdded' | 'valuesFilled' | 'duplicates') => plan.log.reduce((n, l) => n + l[k], 0);
  return t.t('pane.import.done', {
    rows: sum('rowsAdded'),
    filled: sum('valuesFilled'),
    duplicates: sum('duplicates'),
  });
}

function PlanView({
  plan,
  choices,
  onChoice,
}: {
  plan: ImportPlan;
  choices: Readonly<Record<string, ConflictChoice>>;
  onChoice: (id: string, choice: ConflictChoice) => void;
}) {
  const { t } = usePane();
  const s = useViewStyles();
  const headingId = useId();
  const conflictsId = useId();
  return (
    <div role="group" aria-labelledby={headingId} className={s.results}>
      <h3 id={headingId} className={s.subheading}>
        {t.t('pane.import.plan_heading')}
      </h3>
      {plan.refused.length ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{plan.refused.map((r) => importMessage(r.message, t)).join(' ')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {importNotices(plan, t).map((notice) => (
        <MessageBar key={notice} intent="warning" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ))}
      {plan.empty && plan.refused.length === 0 ? <p className={s.text}>{t.t('pane.import.nothing')}</p> : null}
      <ul className={s.list}>
        {plan.added
          .filter((a) => a.count > 0)
          .map((a) => (
            <li key={a.table}>{t.t('pane.import.added', { table: tableLabel(a.table, t), count: a.count })}</li>
          ))}
        {plan.newReports.length ? (
          <li>{t.t('pane.import.new_reports', { libraries: plan.newReports.join(', ') })}</li>
        ) : null}
        <li>{t.t('pane.import.filled', { count: plan.filled.length })}</li>
        <li>{t.t('pane.import.duplicates', { count: plan.duplicates.length })}</li>
        {plan.renumbered.length ? (
          <li>
            {t.t('import.renumbered', { count: plan.renumbered.length })}{' '}
            {plan.renumbered
              .slice(0, RENUMBERED_SHOWN)
              .map((r) => renumberedText(r, t))
              .join('; ')}
            {plan.renumbered.length > RENUMBERED_SHOWN ? ' …' : ''}
          </li>
        ) : null}
      </ul>
      {plan.conflicts.length ? (
        <div role="group" aria-labelledby={conflictsId} className={s.results}>
          <h4 id={conflictsId} className={s.subheading}>
            {t.t('pane.import.conflicts_heading', { count: plan.conflicts.length })}
          </h4>
          <p className={s.muted}>{t.t('pane.import.conflicts_intro')}</p>
          {plan.conflicts.map((c) => (
            <ConflictField key={c.id} conflict={c} choice={choices[c.id] ?? null} onChoice={onChoice} />
          ))}
        </div>
      ) : null}
    </div>
  );
}

function ConflictField({
  conflict,
  choice,
  onChoice,
}: {
  conflict: ImportConflict;
  choice: ConflictChoice | null;
  onChoice: (id: string, choice: ConflictChoice) => void;
}) {
  const { t } = usePane();
  const c = useStyles();
  const legendId = useId();
  const value = (v: CellValue) => shownValue(v, t);
  return (
    <fieldset className={c.fieldset}>
      <legend id={legendId} className={c.legend}>
        {t.t('pane.import.conflict_legend', {
          table: tableLabel(conflict.table, t),
          key: conflict.key,
          column: columnLabel(conflict.table, conflict.column, t),
        })}
      </legend>
      <RadioGroup
        aria-labelledby={legendId}
        value={choice ?? ''}
        onChange={(_, d) => onChoice(conflict.id, d.value as ConflictChoice)}
      >
        <Radio
          className={c.radio}
          value="target"
          label={t.t('pane.import.keep_target', { value: value(conflict.target.value), cell: conflict.target.cell })}
        />
        <Radio
          className={c.radio}
          value="source"
          label={t.t('pane.import.take_source', {
            value: value(conflict.source.value),
            file: conflict.source.file,
            cell: conflict.source.cell,
          })}
        />
      </RadioGroup>
    </fieldset>
  );
}
