/** The part of fast-formula-parser (MIT, ships no types) that the playground uses. */
declare module 'fast-formula-parser' {
  export interface CellRef {
    readonly sheet?: string;
    readonly row: number;
    readonly col: number;
  }
  export interface RangeRef {
    readonly sheet?: string;
    readonly from: { readonly row: number; readonly col: number };
    readonly to: { readonly row: number; readonly col: number };
  }
  /** What a formula reads from a cell: null for an empty one. */
  export type CellInput = number | string | boolean | null | FormulaError;
  export class FormulaError extends Error {
    readonly error: string;
  }
  export default class FormulaParser {
    constructor(config: {
      onCell: (ref: CellRef) => CellInput;
      onRange: (ref: RangeRef) => CellInput[][];
      onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null;
    });
    /** Row and col are 1-based; throws a FormulaError when the formula does not parse. */
    parse(formula: string, position: CellRef): unknown;
    static FormulaError: typeof FormulaError;
  }
}
