import { useId, useMemo } from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { PriorYearPlan } from '../../core/prior-year';
import { usePane } from '../context';
import { useViewStyles } from '../styles';
import { Outcome, PickView, usePickFlow } from './ImportPicker';

/**
 * Fill last year's figures (section 7): the person picks last year's
 * workbook, sees how many blank «Prior year» cells would be filled and which
 * libraries are new this year, and fills them. Cells already filled stay.
 */
export function PriorYearView() {
  const { host, t } = usePane();
  const s = useViewStyles();
  const flow = usePickFlow();
  const p = flow.picked;
  const last = p?.workbooks[0] ?? null;
  const plan = useMemo(() => (p && last ? p.importer.planPriorYear(p.basis, last.snapshot) : null), [p, last]);
  const cells = plan ? cellCount(plan) : 0;

  const apply = async () => {
    if (!plan || !last || cells === 0) return;
    const done = await flow.write(async ({ importer, basis }) => {
      const fresh = importer.planPriorYear(basis, last.snapshot);
      await importer.applyChanges(host, fresh.changes, basis);
      return fresh;
    });
    if (done) {
      flow.say(t.t('pane.prior.done', { cells: cellCount(done), libraries: done.filled.length }));
      flow.clear();
    }
  };

  return (
    <PickView view="prior" flow={flow} onFiles={(files) => void flow.pick(files.slice(0, 1))}>
      <Outcome flow={flow} />
      {plan?.refusal ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t.render(plan.refusal)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {plan && !plan.refusal ? (
        <div className={s.results}>
          <p className={s.text}>
            {cells > 0
              ? t.t('pane.prior.plan', { cells, libraries: plan.filled.length, kept: plan.kept })
              : t.t('pane.prior.nothing')}
          </p>
          <LibraryList heading={t.t('pane.prior.accepted', { count: plan.accepted.length })} ids={plan.accepted} />
          <LibraryList
            heading={t.t('pane.prior.incomplete', { count: plan.incomplete.length })}
            ids={plan.incomplete}
          />
          <LibraryList heading={t.t('pane.prior.returned', { count: plan.returned.length })} ids={plan.returned} />
          <LibraryList
            heading={t.t('pane.prior.new_libraries', { count: plan.newLibraries.length })}
            ids={plan.newLibraries}
          />
          {plan.skipped.length ? (
            <>
              <p className={s.text}>{t.t('pane.prior.skipped', { count: plan.skipped.length })}</p>
              <ul className={s.list}>
                {plan.skipped.map((k) => (
                  <li key={`${k.libId}:${k.code}`}>{t.render(k.message)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {cells > 0 ? (
            <div className={s.actions}>
              <Button appearance="primary" onClick={() => void apply()} disabledFocusable={flow.status !== 'idle'}>
                {t.t('pane.prior.apply')}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </PickView>
  );
}

/** Libraries the plan names under a heading (left blank, or to accept again); nothing when there are none. */
function LibraryList({ heading, ids }: { heading: string; ids: readonly string[] }) {
  const s = useViewStyles();
  const id = useId();
  if (ids.length === 0) return null;
  return (
    <div role="group" aria-labelledby={id}>
      <h3 id={id} className={s.subheading}>
        {heading}
      </h3>
      <ul className={s.list}>
        {ids.map((lib) => (
          <li key={lib}>{lib}</li>
        ))}
      </ul>
    </div>
  );
}

function cellCount(plan: PriorYearPlan): number {
  return plan.filled.reduce((n, f) => n + f.codes.length, 0);
}
