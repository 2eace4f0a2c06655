import { useMemo } from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { PriorYearPlan } from '../../core/prior-year';
import { usePane } from '../context';
import { useViewStyles } from '../styles';
import { Outcome, PickView, usePickFlow } from './ImportPicker';
import { LibraryList } from '../LibraryList';

/** The plan's lists of libraries, in the order shown, with their headings' catalogue keys. */
const PLAN_LISTS = [
  ['accepted', 'accepted'],
  ['incomplete', 'incomplete'],
  ['returned', 'returned'],
  ['newLibraries', 'new_libraries'],
] as const satisfies readonly (readonly [keyof PriorYearPlan, string])[];

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
          {PLAN_LISTS.map(([field, key]) => (
            <LibraryList
              key={field}
              level={3}
              heading={t.t(`pane.prior.${key}`, { count: plan[field].length })}
              items={plan[field]}
            />
          ))}
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

function cellCount(plan: PriorYearPlan): number {
  return plan.filled.reduce((n, f) => n + f.codes.length, 0);
}
