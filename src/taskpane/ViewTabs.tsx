/**
 * The tabs that switch between the three views: the WAI-ARIA tabs pattern
 * (one tab in the Tab order, arrows, Home and End move between them), drawn
 * like Fluent's tabs. Fluent's TabList is not used: its focus management
 * inserts hidden focusable sentinels that screen-reader checks flag, and
 * three tabs need none of it.
 */
import { useRef, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ViewId } from './context';
import { tabKeyTarget } from './tab-keys';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    appearance: 'none',
    background: 'none',
    border: 'none',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    borderRadius: 0,
    cursor: 'pointer',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1Hover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `-${tokens.strokeWidthThick}`,
      borderRadius: tokens.borderRadiusMedium,
    },
    '@media (forced-colors: active)': { borderBottomColor: 'Canvas', color: 'ButtonText' },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    ':hover': { borderBottomColor: tokens.colorCompoundBrandStrokeHover },
    '@media (forced-colors: active)': { borderBottomColor: 'Highlight', color: 'ButtonText' },
  },
});

export function ViewTabs({
  views,
  selected,
  label,
  names,
  idOf,
  panelOf,
  onSelect,
}: {
  views: readonly ViewId[];
  selected: ViewId;
  label: string;
  names: (v: ViewId) => string;
  idOf: (v: ViewId) => string;
  panelOf: (v: ViewId) => string;
  onSelect: (v: ViewId) => void;
}) {
  const c = useStyles();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const to = tabKeyTarget(e.key, i, views.length);
    const view = to === null ? undefined : views[to];
    if (to === null || !view) return;
    e.preventDefault();
    onSelect(view);
    refs.current[to]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={c.list}>
      {views.map((v, i) => (
        <button
          key={v}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={idOf(v)}
          aria-selected={v === selected}
          aria-controls={panelOf(v)}
          tabIndex={v === selected ? 0 : -1}
          className={mergeClasses(c.tab, v === selected && c.selected)}
          onClick={() => onSelect(v)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {names(v)}
        </button>
      ))}
    </div>
  );
}
