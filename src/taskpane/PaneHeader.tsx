/** The pane's header: its name, what it is for, and the switch of its language. */
import { useId } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Language } from '../standard';
import { LanguageSelect } from './LanguageSelect';
import { usePane } from './context';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  language: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
  },
});

export function PaneHeader({ language, onLanguage }: { language: Language; onLanguage: (l: Language) => void }) {
  const { t } = usePane();
  const c = useStyles();
  const id = useId();
  return (
    <div className={c.header}>
      <div>
        <h1 className={c.title}>{t.t('taskpane.app_name')}</h1>
        <p className={c.subtitle}>{t.t('taskpane.app_subtitle')}</p>
      </div>
      <div className={c.language}>
        <label htmlFor={`${id}-lang`}>{t.t('taskpane.language')}</label>
        <LanguageSelect id={`${id}-lang`} size="small" value={language} onChange={onLanguage} />
      </div>
    </div>
  );
}
