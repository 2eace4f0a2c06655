/**
 * A simple view of the in-memory workbook, as Excel would show it: one tab
 * per visible sheet, the cells of the active sheet (with the add-in's
 * finding markers and the selection), a name box and a formula bar to
 * select and edit a cell (an edit fires the table events that make the
 * task pane check again), and the sheet's charts drawn from their
 * descriptions.
 */
import { useEffect, useId, useRef } from 'react';
import { translator, type Translator } from '../i18n';
import { CellGrid } from './CellGrid';
import { Chart } from './chart';
import { useFormulaEvaluator } from './formula-evaluator';
import { FormulaBars } from './FormulaBars';
import { SheetTabs } from './SheetTabs';
import type { FormulaResult } from './formulas';
import { bareAddress, gridOf, markersOf } from './sheet-grid';
import type { Scalar, WorkbookActions, WorkbookSource } from './source';
import { workbookLanguage } from './workbook-language';

export function WorkbookView({
  source,
  actions,
  t,
  version,
}: {
  source: WorkbookSource;
  actions: WorkbookActions;
  t: Translator;
  /** Changes whenever the workbook may have changed: the view reads it again. */
  version: number;
}) {
  const ids = useId();
  const sheets = source.sheets().filter((s) => s.visibility === 'Visible');
  const active = source.activeSheet() ?? sheets[0]?.name ?? '';
  const selection = source.selection();
  const selected = selection && selection.sheet === active ? bareAddress(selection.address) : null;
  const grid = gridOf(source, active);
  const markers = markersOf(source, active);
  const charts = source.describeCharts(active);
  // The charts' numbers in the language their titles are written in: the workbook's, not the pane's.
  const language = charts.length ? workbookLanguage(source) : null;
  const chartT = language && language !== t.lang ? translator(language) : t;
  const evaluate = useFormulaEvaluator();
  const results = evaluate ? evaluate(active, grid.cells) : new Map<string, FormulaResult>();
  const selectedValue = selected ? grid.cells.get(selected.split(':')[0] ?? '') : undefined;
  const panel = useRef<HTMLDivElement | null>(null);

  // The selected cell is scrolled into view, as Excel does.
  useEffect(() => {
    panel.current?.querySelector('td.selected')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selected, active, version]);

  return (
    <div className="workbook">
      <FormulaBars
        // A new selection (or a change in the workbook) starts the name box and the formula bar afresh, as in Excel.
        key={`${active}|${selected ?? ''}|${version}`}
        selected={selected}
        value={selectedValue}
        t={t}
        onSelect={(address) => void actions.select(active, address)}
        onEdit={(address, value) => void actions.edit(active, address, value)}
      />
      <SheetTabs sheets={sheets} active={active} ids={ids} t={t} onActivate={(name) => actions.activate(name)} />
      <div
        ref={panel}
        role="tabpanel"
        id={`${ids}-panel`}
        aria-labelledby={`${ids}-tab-${Math.max(
          0,
          sheets.findIndex((s) => s.name === active),
        )}`}
        className="sheet"
      >
        {charts.length ? (
          <section className="charts" aria-label={t.t('playground.charts', { sheet: active })}>
            {charts.map((c) => (
              <Chart
                key={c.name}
                input={{
                  title: c.title.text || c.name,
                  type: c.type,
                  seriesBy: c.effectiveSeriesBy,
                  grid: chartGrid(source, c.source),
                  series: c.series,
                  dataLabels: c.dataLabels,
                }}
                format={(v) => chartT.number(v, Number.isInteger(v) ? 0 : 1)}
                noData={t.t('playground.chart_no_data')}
              />
            ))}
          </section>
        ) : null}
        {grid.rows === 0 ? (
          <p>{t.t('playground.empty_sheet')}</p>
        ) : (
          <>
            <CellGrid
              grid={grid}
              markers={markers}
              results={results}
              selected={selected}
              sheet={active}
              t={t}
              onSelect={(address) => void actions.select(active, address)}
            />
          </>
        )}
      </div>
    </div>
  );

  function chartGrid(src: WorkbookSource, range: string): Scalar[][] {
    const bang = range.lastIndexOf('!');
    if (bang < 0) return [];
    const sheet = range.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
    try {
      return src.values(sheet, range.slice(bang + 1));
    } catch {
      return [];
    }
  }
}
