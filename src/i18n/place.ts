/** The labels of the standard's tables and columns: the core lays them out, the edges show them (`core/table-labels.ts`). */
export { columnLabel, tableLabel } from '../core/table-labels';
