/**
 * One action's life in a view: idle → running (with its stage) → done or
 * error. The previous result stays available while the action runs again,
 * so that re-checking does not blank the list a person is reading.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Stage } from '../excel/actions';
import type { Engine } from './engine';
import { problemOf, type Problem } from './errors';
import { usePane } from './context';

export type ActionState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly stage: Stage | null }
  | { readonly status: 'done'; readonly result: T }
  | { readonly status: 'error'; readonly problem: Problem };

export interface Action<A extends unknown[], T> {
  /** The stages the action reports, in order, for its progress bar. */
  readonly stages: readonly Stage[];
  readonly state: ActionState<T>;
  /** The last successful result, kept while running again or after an error. */
  readonly last: T | null;
  /** Runs the action unless it is already running; resolves to its result, or null on failure. */
  readonly start: (...args: A) => Promise<T | null>;
  readonly dismiss: () => void;
}

export function useAction<A extends unknown[], T>(
  stages: readonly Stage[],
  body: (engine: Engine, onStage: (stage: Stage) => void, ...args: A) => Promise<T>,
): Action<A, T> {
  const { engine } = usePane();
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const [last, setLast] = useState<T | null>(null);
  const running = useRef(false);
  const bodyRef = useRef(body);
  useEffect(() => {
    bodyRef.current = body;
  });

  const start = useCallback(
    async (...args: A): Promise<T | null> => {
      if (running.current) return null;
      running.current = true;
      setState({ status: 'running', stage: null });
      let loaded: Engine | null = null;
      try {
        loaded = await engine();
        const result = await bodyRef.current(loaded, (stage) => setState({ status: 'running', stage }), ...args);
        setLast(result);
        setState({ status: 'done', result });
        return result;
      } catch (e) {
        setState({ status: 'error', problem: problemOf(e, loaded) });
        return null;
      } finally {
        running.current = false;
      }
    },
    [engine],
  );
  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { stages, state, last, start, dismiss };
}
