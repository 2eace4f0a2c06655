/**
 * The formula evaluator (a parser of some 300 KB) comes in its own chunk,
 * asked for as soon as the view is first drawn: formula cells stay blank the
 * moment before it arrives.
 */
import { useEffect, useState } from 'react';
import type { FormulaResult } from './formulas';
import type { Scalar } from './source';

type Evaluate = (sheet: string, cells: ReadonlyMap<string, Scalar>) => Map<string, FormulaResult>;
let evaluator: Promise<Evaluate> | null = null;

export function useFormulaEvaluator(): Evaluate | null {
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
