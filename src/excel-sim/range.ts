import {
  MAX_COLUMNS,
  MAX_ROWS,
  addressOf,
  cellCount,
  columnsOf,
  intersect,
  parseRef,
  rowsOf,
  type Area,
} from './address';
import { SimConditionalFormatCollection } from './conditional';
import { SimError, invalidArgument, invalidOperation, itemNotFound, at } from './errors';
import { SimRangeFormat } from './format';
import type { Hyperlink, Sheet, WorkbookModel } from './model';
import { assertContentsWritable, clearArea, makeCell, writeContents, writeNumberFormat, type ClearWhat } from './ops';
import { SimObject, type PropDef, type RangeTarget, type SimContext, api, asApi, SimBound } from './proxy';
import { SimDataValidation } from './validation';
import { cellFormula, cellValue, displayText, valueType } from './values';
import { SimWorksheet } from './worksheet';

export interface RangeKey {
  readonly sheetId: string;
  readonly area: Area;
}

function sheetOf(model: WorkbookModel, id: string): Sheet {
  const s = model.sheetById(id);
  if (!s) throw itemNotFound('(the worksheet was deleted)');
  return s;
}

/**
 * A `Range | string` argument, resolved at sync: a range proxy, or an address
 * on `defaultSheet` (or the sheet it names, or the active sheet).
 */
export function rangeArgument(model: WorkbookModel, arg: unknown, defaultSheet?: Sheet): RangeTarget {
  if (arg instanceof SimObject) {
    const t = arg.rangeTarget();
    if (t) return t;
    throw invalidArgument('The range argument is not a range.');
  }
  if (typeof arg !== 'string') throw invalidArgument('A range or an address was expected.');
  const ref = parseRef(arg);
  if (!ref) throw invalidArgument(`"${arg}" is not an address.`);
  let sheet = defaultSheet;
  if (ref.sheet !== undefined) sheet = model.sheetByName(ref.sheet);
  else sheet ??= model.activeSheetId ? model.sheetById(model.activeSheetId) : model.sheets[0];
  if (!sheet) throw itemNotFound(`(no sheet for "${arg}")`);
  if (defaultSheet && sheet !== defaultSheet) throw invalidArgument(`"${arg}" is not on sheet ${defaultSheet.name}.`);
  return { sheet, area: ref.area };
}

function checkInGrid(a: Area): Area {
  if (
    a.top < 0 ||
    a.left < 0 ||
    a.bottom >= MAX_ROWS ||
    a.right >= MAX_COLUMNS ||
    a.top > a.bottom ||
    a.left > a.right
  ) {
    throw invalidArgument('The range would leave the worksheet.');
  }
  return a;
}

const HYPERLINK_KEYS = ['address', 'documentReference', 'textToDisplay', 'screenTip'] as const;

export class SimRange
  extends api<
    Pick<
      Excel.Range,
      | 'address'
      | 'rowCount'
      | 'columnCount'
      | 'rowIndex'
      | 'columnIndex'
      | 'values'
      | 'formulas'
      | 'numberFormat'
      | 'text'
      | 'valueTypes'
      | 'hyperlink'
      | 'format'
      | 'dataValidation'
      | 'conditionalFormats'
      | 'worksheet'
      | 'load'
      | 'set'
      | 'toJSON'
    >
  >()(SimBound<RangeKey, RangeTarget>, {
    typeName: 'Range',
    props: [
      'address',
      'rowCount',
      'columnCount',
      'rowIndex',
      'columnIndex',
      'values',
      'formulas',
      'numberFormat',
      'text',
      'valueTypes',
      'hyperlink',
    ],
    children: ['format', 'dataValidation', 'conditionalFormats', 'worksheet'],
  })
  implements
    Pick<
      Excel.Range,
      | 'getCell'
      | 'getEntireRow'
      | 'getEntireColumn'
      | 'getUsedRangeOrNullObject'
      | 'clear'
      | 'merge'
      | 'select'
      | 'isNullObject'
    >
{
  protected find(key: RangeKey): RangeTarget {
    return { sheet: sheetOf(this.model, key.sheetId), area: key.area };
  }

  override rangeTarget(): RangeTarget | null {
    const t = this.resolve();
    if (!t) throw invalidArgument('The range is a null object.');
    return t;
  }

  private matrix<T>(f: (sheet: Sheet, r: number, c: number) => T): T[][] {
    const { sheet, area: a } = this.target();
    if (cellCount(a) > this.ctx.engine.maxCellsPerRead) {
      throw new SimError(
        'RangeExceedsLimit',
        `(${cellCount(a)} cells; at most ${this.ctx.engine.maxCellsPerRead} per read)`,
      );
    }
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(f(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  protected override properties(): Record<string, PropDef> {
    const m = this.model;
    const t = () => this.target();
    const contents = (what: string) => ({
      get: () =>
        this.matrix((s, r, c) => (what === 'values' ? cellValue(m.cell(s, r, c)) : cellFormula(m.cell(s, r, c)))),
      set: (v: unknown) => writeContents(m, t().sheet, t().area, v, what),
    });
    const numberFormat = {
      get: () => this.matrix((s, r, c) => m.styleAt(s, r, c).numberFormat),
      set: (v: unknown) => writeNumberFormat(m, t().sheet, t().area, v),
    };
    return {
      address: { get: () => addressOf(t().sheet.name, t().area) },
      rowCount: { get: () => rowsOf(t().area) },
      columnCount: { get: () => columnsOf(t().area) },
      rowIndex: { get: () => t().area.top },
      columnIndex: { get: () => t().area.left },
      values: contents('values'),
      formulas: contents('formulas'),
      numberFormat,
      text: {
        get: () => this.matrix((s, r, c) => displayText(m.cell(s, r, c), m.styleAt(s, r, c).numberFormat, m.date1904)),
      },
      valueTypes: { get: () => this.matrix((s, r, c) => valueType(m.cell(s, r, c))) },
      hyperlink: {
        get: () => {
          const { sheet, area } = t();
          const links = new Set<string>();
          for (let r = area.top; r <= area.bottom; r++) {
            for (let c = area.left; c <= area.right; c++) links.add(JSON.stringify(m.cell(sheet, r, c)?.link ?? {}));
          }
          return links.size === 1 ? (JSON.parse([...links][0] ?? '{}') as Hyperlink) : null;
        },
        set: (v: unknown) => this.setHyperlink(v),
        explicit: true,
      },
    };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return {
      format: () => new SimRangeFormat(this.ctx, `${this.path}.format`, this),
      dataValidation: () => new SimDataValidation(this.ctx, `${this.path}.dataValidation`, this),
      conditionalFormats: () => new SimConditionalFormatCollection(this.ctx, `${this.path}.conditionalFormats`, this),
      worksheet: () =>
        new SimWorksheet(this.ctx, `${this.path}.worksheet`, () => {
          const t = this.resolve();
          return t ? t.sheet.id : null;
        }),
    };
  }

  private setHyperlink(v: unknown): void {
    if (typeof v !== 'object' || v === null) throw invalidArgument('hyperlink must be an object.');
    const raw = v as Record<string, unknown>;
    const link: Record<string, string> = {};
    for (const k of HYPERLINK_KEYS) {
      const x = raw[k];
      if (x === undefined || x === null) continue;
      if (typeof x !== 'string') throw invalidArgument(`hyperlink.${k} must be a string.`);
      link[k] = x;
    }
    const { sheet, area } = this.target();
    const m = this.model;
    assertContentsWritable(m, sheet, area);
    const target = link['address'] ?? link['documentReference'];
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = m.cell(sheet, r, c);
        if (!target) {
          m.setCell(sheet, r, c, makeCell(cell, { link: undefined }));
          continue;
        }
        const shown = link['textToDisplay'] ?? (cell?.value === null || cell === undefined ? target : undefined);
        m.setCell(
          sheet,
          r,
          c,
          makeCell(cell, { link, ...(shown !== undefined ? { value: shown, formula: undefined, error: false } : {}) }),
        );
      }
    }
    m.recordChange({ sheetId: sheet.id, area, changeType: 'RangeEdited' });
  }

  /** A range computed from this one at sync. */
  private derive(member: string, args: unknown[], f: (t: RangeTarget) => Area | null, orNull = false): Excel.Range {
    const area = (t: RangeTarget) => {
      const a = f(t);
      return a && checkInGrid(a);
    };
    return derivedRange(this, 'Range', member, args, (t) => t.sheet.id, area, orNull);
  }

  getCell(row: number, column: number): Excel.Range {
    return this.derive('getCell', [row, column], ({ area: a }) => ({
      top: a.top + row,
      left: a.left + column,
      bottom: a.top + row,
      right: a.left + column,
    }));
  }

  getEntireRow(): Excel.Range {
    return this.derive('getEntireRow', [], ({ area: a }) => ({ ...a, left: 0, right: MAX_COLUMNS - 1 }));
  }

  getEntireColumn(): Excel.Range {
    return this.derive('getEntireColumn', [], ({ area: a }) => ({ ...a, top: 0, bottom: MAX_ROWS - 1 }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this.derive(
      'getUsedRangeOrNullObject',
      [valuesOnly ?? false],
      (t) => {
        const used = this.model.usedArea(t.sheet, valuesOnly === true);
        return used && intersect(used, t.area);
      },
      true,
    );
  }

  clear(applyTo?: Excel.ClearApplyTo | ClearWhat): void {
    const what = (applyTo ?? 'All') as ClearWhat;
    this.enqueue('clear', [what], () => {
      const { sheet, area } = this.target();
      if (!['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'].includes(what)) {
        throw invalidArgument(`"${what}" is not a ClearApplyTo value.`);
      }
      clearArea(this.model, sheet, area, what);
    });
  }

  merge(across?: boolean): void {
    this.enqueue('merge', [across ?? false], () => {
      const { sheet, area } = this.target();
      const m = this.model;
      if (m.tablesOn(sheet.id).some((t) => intersect(t.area, area))) {
        throw invalidOperation('Cells in a table cannot be merged.');
      }
      if (sheet.protection.protected) assertContentsWritable(m, sheet, area);
      const parts: Area[] = across
        ? Array.from({ length: rowsOf(area) }, (_, i) => ({ ...area, top: area.top + i, bottom: area.top + i }))
        : [area];
      let merges = sheet.merges.filter((x) => !intersect(x, area));
      for (const p of parts) {
        if (cellCount(p) < 2) continue;
        merges = [...merges, p];
        // Only the top-left value survives a merge.
        for (const [r, c, cell] of [...m.cellsIn(sheet, p)]) {
          if (r !== p.top || c !== p.left)
            m.setCell(sheet, r, c, makeCell(cell, { value: null, formula: undefined, error: false }));
        }
      }
      m.set(sheet, 'merges', merges);
    });
  }

  select(): void {
    this.enqueue('select', [], () => {
      const { sheet, area } = this.target();
      if (sheet.visibility !== 'Visible') throw invalidOperation('A range on a hidden sheet cannot be selected.');
      this.model.set(this.model, 'selection', { sheetId: sheet.id, area });
      this.model.set(this.model, 'activeSheetId', sheet.id);
    });
  }
}

/**
 * A range a worksheet or a range computes at sync (`getRange`, `getCell`, ...):
 * `member` names where errors arise (`Range.getCell`) and gates the API set.
 */
export function derivedRange<T>(
  maker: { readonly ctx: SimContext; readonly path: string; resolve(): T | null },
  type: 'Range' | 'Worksheet',
  member: string,
  args: unknown[],
  sheetOf: (t: T) => string,
  areaOf: (t: T) => Area | null,
  orNull = false,
): Excel.Range {
  const location = `${type}.${member}`;
  const path = `${maker.path}.${member}(${args.map((a) => JSON.stringify(a)).join(',')})`;
  const resolve = () =>
    at(location, () => {
      maker.ctx.engine.requireApi(location);
      const t = maker.resolve();
      const area = t && areaOf(t);
      return t && area ? { sheetId: sheetOf(t), area } : null;
    });
  return asApi<Excel.Range>(new SimRange(maker.ctx, path, resolve, orNull));
}
