/**
 * The sheet-tab strip, as Excel's: one tab per visible sheet, the arrow keys
 * moving between them. A workbook has more tabs than the strip is wide:
 * then arrows at its ends scroll it, and a fade on the cut side says there
 * is more, so that no sheet is hidden without a sign.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Translator } from '../i18n';
import { tabKeyTarget } from '../taskpane/tab-keys';

export function SheetTabs(props: {
  sheets: readonly { readonly name: string }[];
  active: string;
  ids: string;
  t: Translator;
  onActivate: (name: string) => Promise<void>;
}) {
  const { sheets, active, ids, t } = props;
  const strip = useRef<HTMLDivElement | null>(null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const [more, setMore] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const el = strip.current;
    if (!el) return;
    // A pixel of rounding is not more.
    const left = el.scrollLeft > 1;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setMore((m) => (m.left === left && m.right === right ? m : { left, right }));
  }, []);
  useEffect(() => {
    measure();
    const el = strip.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const seen = new ResizeObserver(measure);
    seen.observe(el);
    return () => seen.disconnect();
  }, [measure, sheets.length]);

  // The active sheet's tab is scrolled into view, as Excel does.
  const activeIndex = sheets.findIndex((s) => s.name === active);
  useEffect(() => {
    tabs.current[activeIndex]?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [activeIndex]);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const j = tabKeyTarget(e.key, i, sheets.length);
    const name = j === null ? undefined : sheets[j]?.name;
    if (j === null || !name) return;
    e.preventDefault();
    void props.onActivate(name).then(() => tabs.current[j]?.focus());
  };
  const scroll = (direction: -1 | 1) => {
    const el = strip.current;
    el?.scrollBy?.({ left: direction * el.clientWidth * 0.8, behavior: 'smooth' });
  };

  // Shown both or neither, so that the strip does not move when one end is reached.
  const arrow = (side: 'left' | 'right') => (
    <button
      type="button"
      className="sheet-tabs-scroll"
      aria-label={t.t(`playground.tabs_${side}`)}
      title={t.t(`playground.tabs_${side}`)}
      tabIndex={-1}
      hidden={!more.left && !more.right}
      disabled={!more[side]}
      onClick={() => scroll(side === 'left' ? -1 : 1)}
    >
      {side === 'left' ? '‹' : '›'}
    </button>
  );

  return (
    <div className={`sheet-tabs-frame${more.left ? ' more-left' : ''}${more.right ? ' more-right' : ''}`}>
      {/* The arrows are the mouse's way; the keyboard's is the arrow keys on the tabs. */}
      {arrow('left')}
      <div ref={strip} role="tablist" aria-label={t.t('playground.sheets')} className="sheet-tabs" onScroll={measure}>
        {sheets.map((s, i) => (
          <button
            key={s.name}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${ids}-tab-${i}`}
            aria-selected={s.name === active}
            aria-controls={`${ids}-panel`}
            tabIndex={s.name === active ? 0 : -1}
            onClick={() => void props.onActivate(s.name)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {s.name}
          </button>
        ))}
      </div>
      {arrow('right')}
    </div>
  );
}
