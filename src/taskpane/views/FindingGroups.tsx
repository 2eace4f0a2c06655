/**
 * The findings by severity (a heading each), rule (an accordion item each)
 * and library (a sub-heading each). Selecting a finding selects its cell in
 * Excel. Long lists show their first findings and a button for the rest.
 */
import { useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Link,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Finding } from '../../core/finding';
import { usePane } from '../context';
import { displayCell, groupFindings, type LibraryGroup } from '../findings';
import { useViewStyles } from '../styles';

const FIRST = 50;

const useStyles = makeStyles({
  severity: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  library: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase200 },
  items: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  item: { fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere' },
  cell: { fontWeight: tokens.fontWeightSemibold },
  panel: { marginLeft: tokens.spacingHorizontalS, marginRight: 0 },
  tag: {
    display: 'inline-block',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase200,
  },
});

export function FindingGroups({
  findings,
  names,
  expandAll,
}: {
  findings: readonly Finding[];
  names: ReadonlyMap<string, string>;
  expandAll: boolean;
}) {
  const { t } = usePane();
  const s = useViewStyles();
  const c = useStyles();
  const groups = groupFindings(findings);
  const first = groups[0]?.rules[0]?.rule;
  // The first rule group is open, so that the most important findings are one Tab away; a filter opens all.
  const [open, setOpen] = useState<string[] | null>(null);
  const openItems = expandAll
    ? groups.flatMap((g) => g.rules.map((r) => `${g.severity}:${r.rule}`))
    : (open ?? (first ? [`${groups[0]?.severity}:${first}`] : []));
  return (
    <>
      {groups.map((g) => (
        <div key={g.severity} className={c.severity}>
          <h3 className={s.subheading}>
            {t.t(`taskpane.check.${g.severity}s_heading`)} ({t.number(g.count)})
          </h3>
          <Accordion multiple collapsible openItems={openItems} onToggle={(_, d) => setOpen(d.openItems.map(String))}>
            {g.rules.map((r) => (
              <AccordionItem key={r.rule} value={`${g.severity}:${r.rule}`}>
                <AccordionHeader as="h4" size="small">
                  {r.rule} · {t.t(`rule.${r.rule}`)} ({t.number(r.count)})
                </AccordionHeader>
                <AccordionPanel className={c.panel}>
                  {r.libraries.map((l) => (
                    <LibraryFindings key={l.libId ?? ''} group={l} names={names} />
                  ))}
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </div>
      ))}
    </>
  );
}

function LibraryFindings({ group, names }: { group: LibraryGroup; names: ReadonlyMap<string, string> }) {
  const { t } = usePane();
  const c = useStyles();
  const [all, setAll] = useState(false);
  const title = group.libId
    ? names.has(group.libId)
      ? `${names.get(group.libId)} (${group.libId})`
      : group.libId
    : t.t('taskpane.check.workbook_group');
  const list = all ? group.findings : group.findings.slice(0, FIRST);
  return (
    <>
      <h5 className={c.library}>
        {title} ({t.number(group.count)})
      </h5>
      <ul className={c.items}>
        {list.map((f, i) => (
          <li key={`${f.cell ?? ''}:${i}`} className={c.item}>
            <FindingItem finding={f} />
          </li>
        ))}
      </ul>
      {list.length < group.findings.length ? (
        <Button appearance="subtle" size="small" onClick={() => setAll(true)}>
          {t.t('taskpane.check.show_all', { count: group.findings.length })}
        </Button>
      ) : null}
    </>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const { host, engine, t, announce } = usePane();
  const c = useStyles();
  const message = t.render(finding.message);
  const explained = finding.explained ? (
    <>
      {' '}
      <span className={c.tag}>{t.t('taskpane.check.explained_tag')}</span>
    </>
  ) : null;
  if (!finding.cell) {
    return (
      <span>
        <span className={c.cell}>{t.t('taskpane.check.no_cell')}:</span> {message}
        {explained}
      </span>
    );
  }
  const cell = finding.cell;
  const select = async () => {
    const e = await engine();
    await e.selectCell(host, cell).then(
      () => announce(t.t('taskpane.check.selected', { cell: displayCell(cell) })),
      () => undefined,
    );
  };
  return (
    <span>
      <Link as="button" onClick={() => void select()}>
        <span className={c.cell}>{displayCell(cell)}:</span> {message}
      </Link>
      {explained}
    </span>
  );
}
