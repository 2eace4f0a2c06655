/**
 * The cells of the active sheet as a table with row and column headers, the
 * add-in's markers (with a legend and their meaning for screen readers),
 * formula cells showing their results, and the selection.
 */
import { a1, columnLetters } from '../core/snapshot';
import type { Translator } from '../i18n';
import { cellText } from './cell-text';
import type { FormulaResult } from './formulas';
import { inRange, type Grid } from './sheet-grid';

export function CellGrid({
  grid,
  markers,
  results,
  selected,
  sheet,
  t,
  onSelect,
}: {
  grid: Grid;
  markers: ReadonlyMap<string, 'error' | 'warning'>;
  results: ReadonlyMap<string, FormulaResult>;
  selected: string | null;
  sheet: string;
  t: Translator;
  onSelect: (address: string) => void;
}) {
  return (
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
      <div className="grid-scroll" tabIndex={0} role="region" aria-label={t.t('playground.cells', { sheet })}>
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
                      onClick={() => onSelect(address)}
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
  );
}
