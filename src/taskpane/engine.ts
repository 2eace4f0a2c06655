/**
 * The add-in's actions and the core behind them are loaded on demand, the
 * first time a person starts one (or shortly after the pane is shown), so
 * that the pane's first load stays small and quick.
 */
export type Engine = typeof import('../excel/actions');

let loading: Promise<Engine> | null = null;

export function loadEngine(): Promise<Engine> {
  loading ??= import(/* webpackChunkName: "engine" */ '../excel/actions');
  return loading;
}
