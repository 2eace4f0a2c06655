/**
 * A simple view of the in-memory workbook, as Excel would show it: one tab
 * per visible sheet, the cells of the active sheet (with the add-in's
 * finding markers and the selection), a name box and a formula bar to
 * select and edit a cell (an edit fires the table events that make the
 * task pane check again), and the sheet's charts drawn from their
 * descriptions.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { MARKER_RULE } from '../excel/markers';
import { a1, columnLetters, parseCellAddress } from '../core/snapshot';
import type { Translator } from '../i18n';
import { cellText } from './cell-text';
import { Chart, type ChartSeriesLook } from './chart';
import type { FormulaResult } from './formulas';

type Scalar = number | string | boolean;

export interface ChartInfo {
  readonly name: string;
  readonly type: string;
  readonly source: string;
  readonly effectiveSeriesBy: 'Columns' | 'Rows';
  readonly title: { readonly text: string; readonly visible: boolean };
  readonly dataLabels: boolean;
  readonly series: readonly ChartSeriesLook[];
}

/** What the view reads from the in-memory Excel (SimExcel has all of it). */
export interface WorkbookSource {
  sheets(): readonly { readonly name: string; readonly visibility: string }[];
  activeSheet(): string | null;
  selection(): { sheet: string; address: string } | null;
  contents(sheet: string): Record<string, Scalar>;
  numberFormats(sheet: string, address: string): string[][];
  values(sheet: string, address: string): Scalar[][];
  conditionalFormats(sheet: string): readonly { readonly address: string; readonly formula: string }[];
  describeCharts(sheet?: string): readonly ChartInfo[];
}

/** What the view asks of Excel: through `Excel.run`, as the add-in does, or as a person typing. */
export interface WorkbookActions {
  activate(sheet: string): Promise<void>;
  select(sheet: string, address: string): Promise<void>;
  edit(sheet: string, address: string, value: Scalar | null): Promise<void>;
}

const MAX_ROWS = 200;
const MAX_COLUMNS = 40;

interface Grid {
  readonly rows: number;
  readonly columns: number;
  readonly totalRows: number;
  readonly cells: Map<string, Scalar>;
  readonly formats: string[][];
}

function gridOf(source: WorkbookSource, sheet: string): Grid {
  const cells = new Map<string, Scalar>();
  let rows = 0;
  let columns = 0;
  for (const [address, value] of Object.entries(source.contents(sheet))) {
    const at = parseCellAddress(`'x'!${address}`);
    if (!at) continue;
    rows = Math.max(rows, at.row + 1);
    columns = Math.max(columns, at.col + 1);
    cells.set(a1(at.row, at.col), value);
  }
  const shownRows = Math.min(rows, MAX_ROWS);
  const shownColumns = Math.min(columns, MAX_COLUMNS);
  const formats =
    shownRows && shownColumns ? source.numberFormats(sheet, `A1:${a1(shownRows - 1, shownColumns - 1)}`) : [];
  return { rows: shownRows, columns: shownColumns, totalRows: rows, cells, formats };
}

/** Marker severity by cell, from the conditional formats whose rule is the add-in's signature. */
function markersOf(source: WorkbookSource, sheet: string): Map<string, 'error' | 'warning'> {
  const out = new Map<string, 'error' | 'warning'>();
  for (const cf of source.conditionalFormats(sheet)) {
    const severity = cf.formula === MARKER_RULE.error ? 'error' : cf.formula === MARKER_RULE.warning ? 'warning' : null;
    if (!severity) continue;
    for (const part of cf.address.split(',')) {
      for (const cell of cellsOf(part)) if (out.get(cell) !== 'error') out.set(cell, severity);
    }
  }
  return out;
}

function cellsOf(range: string): string[] {
  const bare = range.includes('!') ? range.slice(range.lastIndexOf('!') + 1) : range;
  const [from, to] = bare.replace(/\$/g, '').split(':');
  const a = parseCellAddress(`'x'!${from}`);
  const b = parseCellAddress(`'x'!${to ?? from}`);
  if (!a || !b) return [];
  const out: string[] = [];
  for (let r = a.row; r <= Math.min(b.row, a.row + MAX_ROWS); r++)
    for (let c = a.col; c <= Math.min(b.col, a.col + MAX_COLUMNS); c++) out.push(a1(r, c));
  return out;
}

/**
 * The formula evaluator (a parser of some 300 KB) comes in its own chunk,
 * asked for as soon as the view is first drawn: formula cells stay blank the
 * moment before it arrives.
 */
type Evaluate = (sheet: string, cells: ReadonlyMap<string, Scalar>) => Map<string, FormulaResult>;
let evaluator: Promise<Evaluate> | null = null;

function useFormulaEvaluator(): Evaluate | null {
  const [evaluate, setEvaluate] = useState<{ run: Evaluate } | null>(null);
  useEffect(() => {
    let live = true;
    evaluator ??= import('./formulas').then((m) => m.formulaResults);
    void evaluator.then((run) => live && setEvaluate({ run }));
    return () => {
      live = false;
    };
  }, []);
  return evaluate?.run ?? null;
}

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
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const sheets = source.sheets().filter((s) => s.visibility === 'Visible');
  const active = source.activeSheet() ?? sheets[0]?.name ?? '';
  const selection = source.selection();
  const selected = selection && selection.sheet === active ? bareAddress(selection.address) : null;
  const grid = gridOf(source, active);
  const markers = markersOf(source, active);
  const charts = source.describeCharts(active);
  const evaluate = useFormulaEvaluator();
  const results = evaluate ? evaluate(active, grid.cells) : new Map<string, FormulaResult>();
  const selectedValue = selected ? grid.cells.get(selected.split(':')[0] ?? '') : undefined;
  const panel = useRef<HTMLDivElement | null>(null);

  // The active sheet's tab and the selected cell are scrolled into view, as Excel does.
  const activeIndex = sheets.findIndex((s) => s.name === active);
  useEffect(() => {
    tabs.current[activeIndex]?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [activeIndex]);
  useEffect(() => {
    panel.current?.querySelector('td.selected')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selected, active, version]);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const next =
      e.key === 'ArrowRight'
        ? i + 1
        : e.key === 'ArrowLeft'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? sheets.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    const j = (next + sheets.length) % sheets.length;
    const name = sheets[j]?.name;
    if (name) void actions.activate(name).then(() => tabs.current[j]?.focus());
  };

  return (
    <div className="workbook">
      <Bars
        // A new selection (or a change in the workbook) starts the name box and the formula bar afresh, as in Excel.
        key={`${active}|${selected ?? ''}|${version}`}
        selected={selected}
        value={selectedValue}
        t={t}
        onSelect={(address) => void actions.select(active, address)}
        onEdit={(address, value) => void actions.edit(active, address, value)}
      />
      <div role="tablist" aria-label={t.t('playground.sheets')} className="sheet-tabs">
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
            onClick={() => void actions.activate(s.name)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {s.name}
          </button>
        ))}
      </div>
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
                format={(v) => t.number(v, Number.isInteger(v) ? 0 : 1)}
                noData={t.t('playground.chart_no_data')}
              />
            ))}
          </section>
        ) : null}
        {grid.rows === 0 ? (
          <p>{t.t('playground.empty_sheet')}</p>
        ) : (
          <>
            <ul className="legend">
              <li>
                <span className="mark error" aria-hidden="true">
                  !
                </span>{' '}
                {t.t('playground.legend_error')}
              </li>
              <li>
                <span className="mark warning" aria-hidden="true">
                  ?
                </span>{' '}
                {t.t('playground.legend_warning')}
              </li>
            </ul>
            {grid.totalRows > grid.rows ? (
              <p>{t.t('playground.rows_cut', { shown: t.number(grid.rows), total: t.number(grid.totalRows) })}</p>
            ) : null}
            <div
              className="grid-scroll"
              tabIndex={0}
              role="region"
              aria-label={t.t('playground.cells', { sheet: active })}
            >
              <table className="grid">
                <thead>
                  <tr>
                    <td />
                    {Array.from({ length: grid.columns }, (_, c) => (
                      <th key={c} scope="col">
                        {columnLetters(c)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {Array.from({ length: grid.rows }, (_, r) => (
                    <tr key={r}>
                      <th scope="row">{r + 1}</th>
                      {Array.from({ length: grid.columns }, (_, c) => {
                        const address = a1(r, c);
                        const value = grid.cells.get(address);
                        const marker = markers.get(address);
                        const isFormula = typeof value === 'string' && value.startsWith('=');
                        const shown = isFormula ? results.get(address) : value;
                        const classes = [
                          marker ? `marked ${marker}` : '',
                          isFormula ? 'formula' : '',
                          typeof shown === 'number' ? 'number' : '',
                          selected && inRange(address, selected) ? 'selected' : '',
                        ]
                          .filter(Boolean)
                          .join(' ');
                        return (
                          <td
                            key={c}
                            className={classes || undefined}
                            data-address={address}
                            onClick={() => void actions.select(active, address)}
                          >
                            {marker ? (
                              <span className={`mark ${marker}`} title={t.t(`playground.legend_${marker}`)}>
                                {marker === 'error' ? '!' : '?'}
                                <span className="visually-hidden"> {t.t(`playground.legend_${marker}`)}: </span>
                              </span>
                            ) : null}
                            {cellText(shown, grid.formats[r]?.[c], t)}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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

/** Excel's name box (type an address and Enter to select it) and formula bar (type and Enter to edit the cell). */
function Bars({
  selected,
  value,
  t,
  onSelect,
  onEdit,
}: {
  selected: string | null;
  value: Scalar | undefined;
  t: Translator;
  onSelect: (address: string) => void;
  onEdit: (address: string, value: Scalar | null) => void;
}) {
  const ids = useId();
  const [nameBox, setNameBox] = useState(selected ?? '');
  const [formula, setFormula] = useState(value === undefined ? '' : String(value));
  const commit = () => {
    if (!selected) return;
    const v = formula.trim();
    const typed: Scalar | null = v === '' ? null : /^-?\d+([.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : formula;
    onEdit(selected.split(':')[0] ?? selected, typed);
  };
  return (
    <div className="bars">
      <label htmlFor={`${ids}-name`}>{t.t('playground.name_box')}</label>
      <input
        id={`${ids}-name`}
        className="name-box"
        value={nameBox}
        spellCheck={false}
        onChange={(e) => setNameBox(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && nameBox.trim()) onSelect(nameBox.trim().toUpperCase());
        }}
      />
      <label htmlFor={`${ids}-fx`} className="fx">
        fx
      </label>
      <input
        id={`${ids}-fx`}
        className="formula-bar"
        value={formula}
        disabled={!selected}
        onChange={(e) => setFormula(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </div>
  );
}

function bareAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '');
}

function inRange(cell: string, range: string): boolean {
  const [from, to] = range.split(':');
  const a = parseCellAddress(`'x'!${from}`);
  const b = parseCellAddress(`'x'!${to ?? from}`);
  const x = parseCellAddress(`'x'!${cell}`);
  if (!a || !b || !x) return false;
  return x.row >= a.row && x.row <= b.row && x.col >= a.col && x.col <= b.col;
}
