/**
 * What a formula cell of the playground's workbook would show in Excel: the
 * in-memory Excel does not calculate (office-js semantics aside, a formula's
 * value there is the cached result of a file), so the workbook view works
 * the results out for display only, with fast-formula-parser (MIT). The
 * report template's formulas (SUM, COUNT, IF, AND, ISNUMBER, arithmetic and
 * comparisons over cells of the same sheet) are what it has to get right.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the parser ships no types, and tsconfig.json reaches this file only through the tests' imports
/// <reference path="./fast-formula-parser.d.ts" />
import FormulaParser, { type CellInput, type CellRef, type RangeRef } from 'fast-formula-parser';
import { a1, columnIndex } from '../core/snapshot';

export type Contents = number | string | boolean;

/** A formula's result: a value as Excel would hold it, or an error code (`#DIV/0!`, `#REF!`, ...). */
export type FormulaResult = number | string | boolean | { readonly error: string };

const isFormula = (v: Contents | undefined): v is string => typeof v === 'string' && v.length > 1 && v.startsWith('=');

/**
 * The results of every formula among a sheet's cells (address → contents, a
 * formula as `=...`), keyed by address. A reference to another sheet gives
 * `#REF!`, a formula the parser cannot read `#NAME?`; a circular reference
 * gives 0, as Excel shows it. Rows and columns here are 1-based, as the parser counts.
 */
export function formulaResults(sheet: string, cells: ReadonlyMap<string, Contents>): Map<string, FormulaResult> {
  let lastRow = 0;
  let lastCol = 0;
  const at = new Map<string, { row: number; col: number }>();
  for (const address of cells.keys()) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) continue;
    const col = columnIndex(m[1] ?? 'A') + 1;
    const row = Number(m[2]);
    at.set(address, { row, col });
    lastRow = Math.max(lastRow, row);
    lastCol = Math.max(lastCol, col);
  }
  const results = new Map<string, FormulaResult>();
  const pending = new Set<string>();
  const sameSheet = (ref: { sheet?: string }) =>
    ref.sheet === undefined || ref.sheet.toUpperCase() === sheet.toUpperCase();

  const read = (row: number, col: number): CellInput => {
    const address = a1(row - 1, col - 1);
    const v = cells.get(address);
    if (v === undefined) return null;
    if (!isFormula(v)) return v;
    const r = evaluate(address, v, row, col);
    return typeof r === 'object' ? new FormulaParser.FormulaError(r.error) : r;
  };
  const reader: Reader = {
    cell: (ref) => (sameSheet(ref) ? read(ref.row, ref.col) : new FormulaParser.FormulaError('#REF!')),
    range: (ref) => {
      if (!sameSheet(ref)) throw new FormulaParser.FormulaError('#REF!');
      // A whole column or row (A:A) reads only as far as the sheet has cells.
      const out: CellInput[][] = [];
      for (let r = ref.from.row; r <= Math.min(ref.to.row, lastRow); r++) {
        const line: CellInput[] = [];
        for (let c = ref.from.col; c <= Math.min(ref.to.col, lastCol); c++) line.push(read(r, c));
        out.push(line);
      }
      return out.length ? out : [[null]];
    },
  };

  function evaluate(address: string, formula: string, row: number, col: number): FormulaResult {
    const done = results.get(address);
    if (done !== undefined) return done;
    if (pending.has(address)) return 0;
    pending.add(address);
    let result: FormulaResult;
    try {
      result = resultOf(parserAt(pending.size - 1, reader).parse(formula.slice(1), { sheet, row, col }));
    } catch (e) {
      // What the parser cannot read is a name Excel would not know either.
      result = { error: e instanceof FormulaParser.FormulaError && EXCEL_ERRORS.has(e.error) ? e.error : '#NAME?' };
    }
    pending.delete(address);
    results.set(address, result);
    return result;
  }

  for (const [address, v] of cells) {
    const p = at.get(address);
    if (p && isFormula(v)) evaluate(address, v, p.row, p.col);
  }
  return results;
}

const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);

/** Where the parser at a depth reads cells from: the sheet being evaluated now. */
interface Reader {
  cell(ref: CellRef): CellInput;
  range(ref: RangeRef): CellInput[][];
}

/**
 * Parsers by depth, kept between calls (building one takes tens of
 * milliseconds). A parser keeps its input and position while it evaluates,
 * so a formula read from inside another gets the next depth's parser.
 */
const parsers: { parser: FormulaParser; reader: Reader }[] = [];

function parserAt(depth: number, reader: Reader): FormulaParser {
  let slot = parsers[depth];
  if (!slot) {
    const s: { parser?: FormulaParser; reader: Reader } = { reader };
    s.parser = new FormulaParser({ onCell: (ref) => s.reader.cell(ref), onRange: (ref) => s.reader.range(ref) });
    slot = s as { parser: FormulaParser; reader: Reader };
    parsers[depth] = slot;
  }
  slot.reader = reader;
  return slot.parser;
}

function resultOf(v: unknown): FormulaResult {
  if (v instanceof FormulaParser.FormulaError) return { error: v.error };
  if (Array.isArray(v)) return resultOf((v[0] as unknown[] | undefined)?.[0] ?? null);
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  // An empty cell read on its own (=A1) shows 0, as in Excel.
  return 0;
}
