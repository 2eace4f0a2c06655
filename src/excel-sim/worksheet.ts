import { MAX_COLUMNS, MAX_ROWS, isWholeColumns, isWholeRows, parseRef, sheetPrefix, type Area } from './address';
import { SimChartCollection } from './chart';
import { accessDenied, invalidArgument, invalidOperation, SimError } from './errors';
import { changeEvents } from './events';
import { DEFAULT_PROTECTION, newSheet, type ProtectionOptions, type Sheet, type WorkbookModel } from './model';
import { SimObject, SimWorkbookCollection, type PropDef, api, asApi, SimBound, SimPart } from './proxy';
import { derivedRange, rangeArgument } from './range';
import { SimPageLayout } from './pagelayout';
import { SimTableCollection } from './table';
import { normalizeColor } from './values';

export const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

/** Excel's rules for a sheet name; `self` is the sheet being renamed (it may keep its own name). */
export function checkSheetName(model: WorkbookModel, name: unknown, self?: Sheet): string {
  if (typeof name !== 'string' || name.trim() === '') throw invalidArgument('A sheet name cannot be blank.');
  if (name.length > MAX_SHEET_NAME)
    throw invalidArgument(`A sheet name is at most ${MAX_SHEET_NAME} characters: "${name}".`);
  if (BAD_SHEET_CHARS.test(name))
    throw invalidArgument(`A sheet name cannot contain any of [ ] : * ? / \\: "${name}".`);
  if (name.startsWith("'") || name.endsWith("'"))
    throw invalidArgument(`A sheet name cannot begin or end with an apostrophe: "${name}".`);
  if (name.toUpperCase() === 'HISTORY') throw invalidArgument('"History" is a name Excel reserves.');
  const other = model.sheetByName(name);
  if (other && other !== self) throw invalidArgument(`There is already a sheet named "${other.name}".`);
  return name;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Rewrites references to a sheet in every formula the sim keeps, as Excel does on rename (or to #REF! on delete). */
export function rewriteSheetRefs(model: WorkbookModel, oldName: string, replacement: string): void {
  const quoted = `'${oldName.replace(/'/g, "''")}'!`;
  const pattern = new RegExp(`(?<![\\w.'])(${escapeRegExp(quoted)}|${escapeRegExp(oldName)}!)`, 'gi');
  const fix = (f: string): string => f.replace(pattern, replacement);
  for (const sheet of model.sheets) {
    for (const [key, cell] of sheet.cells) {
      if (cell.formula && pattern.test(cell.formula)) {
        pattern.lastIndex = 0;
        model.mapSet(sheet.cells, key, { ...cell, formula: fix(cell.formula) });
      }
      pattern.lastIndex = 0;
    }
    for (const v of sheet.validations) {
      if (v.rule.type === 'List') model.set(v, 'rule', { ...v.rule, source: fix(v.rule.source) });
      else if (v.rule.type === 'Custom') model.set(v, 'rule', { ...v.rule, formula: fix(v.rule.formula) });
    }
    for (const cf of sheet.conditionalFormats) model.set(cf, 'rule', { ...cf.rule, formula: fix(cf.rule.formula) });
  }
  for (const n of model.names) if (!n.ref) model.set(n, 'formula', fix(n.formula));
}

/** What structure protection forbids: adding, deleting, renaming, moving, hiding or showing a sheet. */
function guardStructure(model: WorkbookModel, what: string): void {
  if (model.structure.protected) throw accessDenied(`(the workbook's structure is protected: ${what})`);
}

function visibleSheets(model: WorkbookModel): Sheet[] {
  return model.sheets.filter((s) => s.visibility === 'Visible');
}

/** Moves the active sheet off a sheet that is going away or being hidden. */
function leave(model: WorkbookModel, sheet: Sheet): void {
  if (model.activeSheetId === sheet.id) {
    const next = visibleSheets(model).find((s) => s !== sheet);
    model.set(model, 'activeSheetId', next?.id ?? null);
  }
  if (model.selection?.sheetId === sheet.id) model.set(model, 'selection', null);
}

export function addSheet(model: WorkbookModel, name: string | undefined): Sheet {
  let n = name;
  if (n === undefined || n === null) {
    let i = 1;
    while (model.sheetByName(`Sheet${i}`)) i++;
    n = `Sheet${i}`;
  }
  const existing = typeof n === 'string' ? model.sheetByName(n) : undefined;
  if (existing) throw new SimError('ItemAlreadyExists', `(a sheet named "${existing.name}")`);
  checkSheetName(model, n);
  const sheet = newSheet(model.nextId('{SHEET-') + '}', n);
  model.set(model, 'sheets', [...model.sheets, sheet]);
  if (model.activeSheetId === null) model.set(model, 'activeSheetId', sheet.id);
  return sheet;
}

export class SimWorksheet
  extends api<
    Pick<
      Excel.Worksheet,
      | 'id'
      | 'name'
      | 'position'
      | 'visibility'
      | 'tabColor'
      | 'showGridlines'
      | 'protection'
      | 'freezePanes'
      | 'pageLayout'
      | 'tables'
      | 'charts'
      | 'load'
      | 'set'
      | 'toJSON'
      | 'horizontalPageBreaks'
    >
  >()(SimBound<string, Sheet>, {
    typeName: 'Worksheet',
    props: ['id', 'name', 'position', 'visibility', 'tabColor', 'showGridlines'],
    children: ['protection', 'freezePanes', 'horizontalPageBreaks', 'pageLayout', 'tables', 'charts'],
  })
  implements
    Pick<
      Excel.Worksheet,
      | 'onChanged'
      | 'activate'
      | 'delete'
      | 'getRange'
      | 'getRangeByIndexes'
      | 'getCell'
      | 'getUsedRange'
      | 'getUsedRangeOrNullObject'
      | 'isNullObject'
    >
{
  private readonly changes = changeEvents<Excel.WorksheetChangedEventArgs>(
    this,
    'worksheet',
    () => this.resolve()?.id ?? null,
  );

  protected find(id: string): Sheet | undefined {
    return this.model.sheetById(id);
  }

  protected override properties(): Record<string, PropDef> {
    const m = this.model;
    return {
      id: { get: () => this.target().id },
      name: {
        get: () => this.target().name,
        set: (v) => {
          const sheet = this.target();
          const name = checkSheetName(m, v, sheet);
          if (name === sheet.name) return;
          guardStructure(m, 'a sheet renamed');
          const old = sheet.name;
          m.set(sheet, 'name', name);
          rewriteSheetRefs(m, old, sheetPrefix(name));
        },
      },
      position: {
        get: () => m.sheets.indexOf(this.target()),
        set: (v) => {
          const sheet = this.target();
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= m.sheets.length) {
            throw invalidArgument(`Position ${String(v)} is outside 0..${m.sheets.length - 1}.`);
          }
          if (m.sheets.indexOf(sheet) !== v) guardStructure(m, 'a sheet moved');
          const rest = m.sheets.filter((s) => s !== sheet);
          rest.splice(v, 0, sheet);
          m.set(m, 'sheets', rest);
        },
      },
      visibility: {
        get: () => this.target().visibility,
        set: (v) => {
          const sheet = this.target();
          if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden')
            throw invalidArgument(`"${String(v)}" is not a SheetVisibility.`);
          if (v !== sheet.visibility) guardStructure(m, 'a sheet hidden or shown');
          if (v !== 'Visible' && visibleSheets(m).every((s) => s === sheet)) {
            throw invalidOperation('A workbook must keep at least one visible sheet.');
          }
          m.set(sheet, 'visibility', v);
          if (v !== 'Visible') leave(m, sheet);
        },
      },
      tabColor: {
        get: () => this.target().tabColor,
        set: (v) => m.set(this.target(), 'tabColor', v === '' ? '' : normalizeColor(v)),
      },
      showGridlines: {
        get: () => this.target().showGridlines,
        set: (v) => {
          if (typeof v !== 'boolean') throw invalidArgument('showGridlines must be true or false.');
          m.set(this.target(), 'showGridlines', v);
        },
      },
    };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return {
      protection: () => new SimWorksheetProtection(this.ctx, `${this.path}.protection`, this),
      freezePanes: () => new SimWorksheetFreezePanes(this.ctx, `${this.path}.freezePanes`, this),
      pageLayout: () => new SimPageLayout(this.ctx, `${this.path}.pageLayout`, this),
      tables: () => new SimTableCollection(this.ctx, `${this.path}.tables`, () => this.resolve()?.id ?? null),
      charts: () => new SimChartCollection(this.ctx, `${this.path}.charts`, this),
      horizontalPageBreaks: () => new SimPageBreakCollection(this.ctx, `${this.path}.horizontalPageBreaks`, this),
    };
  }

  get onChanged(): OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs> {
    return this.changes();
  }

  activate(): void {
    this.enqueue('activate', [], () => {
      const sheet = this.target();
      if (sheet.visibility !== 'Visible') throw invalidOperation('A hidden sheet cannot be activated.');
      this.model.set(this.model, 'activeSheetId', sheet.id);
    });
  }

  delete(): void {
    this.enqueue('delete', [], () => {
      const sheet = this.target();
      guardStructure(this.model, 'a sheet deleted');
      deleteSheet(this.model, sheet);
    });
  }

  private range(member: string, args: unknown[], area: (sheet: Sheet) => Area | null, orNull = false): Excel.Range {
    return derivedRange(this, 'Worksheet', member, args, (sheet) => sheet.id, area, orNull);
  }

  getRange(address?: string): Excel.Range {
    return this.range('getRange', address === undefined ? [] : [address], (sheet) => {
      if (address === undefined || address === '')
        return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
      const ref = parseRef(address);
      if (ref) {
        if (ref.sheet !== undefined && ref.sheet.toUpperCase() !== sheet.name.toUpperCase()) {
          throw invalidArgument(`"${address}" is not on sheet ${sheet.name}.`);
        }
        return ref.area;
      }
      const named = this.model.nameByName(address);
      if (named?.ref && named.ref.sheetId === sheet.id) return named.ref.area;
      throw invalidArgument(`"${address}" is not an address or a name on this sheet.`);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Excel.Range {
    return this.range('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => {
      if (rowCount < 1 || columnCount < 1) throw invalidArgument('A range has at least one row and one column.');
      return {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
    });
  }

  getCell(row: number, column: number): Excel.Range {
    return this.range('getCell', [row, column], () => ({ top: row, left: column, bottom: row, right: column }));
  }

  /** An empty sheet's used range is A1, as in Excel. */
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this.range(
      'getUsedRange',
      [valuesOnly ?? false],
      (sheet) => this.model.usedArea(sheet, valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this.range(
      'getUsedRangeOrNullObject',
      [valuesOnly ?? false],
      (sheet) => this.model.usedArea(sheet, valuesOnly === true),
      true,
    );
  }
}

export function deleteSheet(model: WorkbookModel, sheet: Sheet): void {
  if (sheet.visibility === 'Visible' && visibleSheets(model).length === 1) {
    throw invalidOperation('A workbook must keep at least one visible sheet.');
  }
  leave(model, sheet);
  model.set(
    model,
    'tables',
    model.tables.filter((t) => t.sheetId !== sheet.id),
  );
  for (const n of model.names) {
    if (n.ref?.sheetId === sheet.id) {
      model.set(n, 'ref', null);
      model.set(n, 'formula', '=#REF!');
    }
  }
  model.remove(model, 'sheets', sheet);
  rewriteSheetRefs(model, sheet.name, '#REF!');
}

export class SimWorksheetCollection
  extends api<Pick<Excel.WorksheetCollection, 'load' | 'toJSON'>>()(
    SimWorkbookCollection<SimWorksheet, Excel.Worksheet>,
    {
      typeName: 'WorksheetCollection',
    },
  )
  implements Pick<Excel.WorksheetCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'items'>
{
  protected readonly Item = SimWorksheet;

  protected keys(): string[] {
    return this.model.sheets.map((s) => s.id);
  }

  protected keyOf(name: string): string | undefined {
    return (this.model.sheetById(name) ?? this.model.sheetByName(name))?.id;
  }

  add(name?: string): Excel.Worksheet {
    const ws = this.enqueueAdd(
      'worksheet',
      [name ?? null],
      () => {
        guardStructure(this.model, 'a sheet added');
        return addSheet(this.model, name).id;
      },
      (created) => new SimWorksheet(this.ctx, `${this.path}.add(${JSON.stringify(name ?? null)})`, created),
    );
    return asApi<Excel.Worksheet>(ws);
  }
}

function protectionOptions(v: unknown): ProtectionOptions {
  if (v === undefined || v === null) return { ...DEFAULT_PROTECTION };
  if (typeof v !== 'object') throw invalidArgument('Protection options must be an object.');
  const out: ProtectionOptions = { ...DEFAULT_PROTECTION };
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x === undefined) continue;
    if (!(k in out)) throw invalidArgument(`"${k}" is not a protection option.`);
    if (k === 'selectionMode') {
      if (x !== 'Normal' && x !== 'Unlocked' && x !== 'None')
        throw invalidArgument(`"${String(x)}" is not a selection mode.`);
      out.selectionMode = x;
    } else {
      if (typeof x !== 'boolean') throw invalidArgument(`${k} must be true or false.`);
      asApi<Record<string, boolean>>(out)[k] = x;
    }
  }
  return out;
}

export class SimWorksheetProtection
  extends api<Pick<Excel.WorksheetProtection, 'protected' | 'options' | 'load' | 'toJSON'>>()(
    SimPart<Sheet, SimWorksheet>,
    {
      typeName: 'WorksheetProtection',
      props: ['protected', 'options'],
    },
  )
  implements Pick<Excel.WorksheetProtection, 'protect' | 'unprotect'>
{
  protected override properties(): Record<string, PropDef> {
    return {
      protected: { get: () => this.owner.target().protection.protected },
      options: { get: () => ({ ...this.owner.target().protection.options }) },
    };
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.enqueue('protect', [options ?? null, password === undefined ? null : '***'], () => {
      const sheet = this.owner.target();
      if (sheet.protection.protected) throw invalidOperation('The worksheet is already protected.');
      if (password !== undefined) this.ctx.engine.requireApi('WorksheetProtection.protect(password)');
      this.model.set(sheet, 'protection', {
        protected: true,
        options: protectionOptions(options),
        password: password ?? null,
      });
    });
  }

  unprotect(password?: string): void {
    this.enqueue('unprotect', [password === undefined ? null : '***'], () => {
      const sheet = this.owner.target();
      const p = sheet.protection;
      if (password !== undefined) this.ctx.engine.requireApi('WorksheetProtection.unprotect(password)');
      if (!p.protected) return;
      if (p.password !== null && p.password !== '' && password !== p.password)
        throw invalidArgument('The password is not correct.');
      this.model.set(sheet, 'protection', { ...p, protected: false, password: null });
    });
  }
}

export class SimWorksheetFreezePanes
  extends api<Pick<Excel.WorksheetFreezePanes, never>>()(SimPart<Sheet, SimWorksheet>, {
    typeName: 'WorksheetFreezePanes',
  })
  implements Pick<Excel.WorksheetFreezePanes, 'freezeRows' | 'freezeColumns' | 'freezeAt'>
{
  private freeze(member: string, args: unknown[], f: (sheet: Sheet) => { rows: number; columns: number }): void {
    this.enqueue(member, args, () => {
      const sheet = this.owner.target();
      const next = f(sheet);
      if (next.rows < 0 || next.columns < 0 || next.rows >= MAX_ROWS || next.columns >= MAX_COLUMNS) {
        throw invalidArgument('The frozen panes would leave the worksheet.');
      }
      this.model.set(sheet, 'freeze', next);
    });
  }

  freezeRows(count = 1): void {
    this.freeze('freezeRows', [count], (s) => ({ rows: count, columns: s.freeze.columns }));
  }

  freezeColumns(count = 1): void {
    this.freeze('freezeColumns', [count], (s) => ({ rows: s.freeze.rows, columns: count }));
  }

  freezeAt(frozenRange: Excel.Range | string): void {
    this.freeze('freezeAt', [frozenRange instanceof SimObject ? { path: frozenRange.path } : frozenRange], (s) => {
      const { area } = rangeArgument(this.model, frozenRange, s);
      return { rows: isWholeColumns(area) ? 0 : area.bottom + 1, columns: isWholeRows(area) ? 0 : area.right + 1 };
    });
  }
}

/** Manual horizontal page breaks: recorded as the rows that start a page. */
export class SimPageBreakCollection
  extends api<Pick<Excel.PageBreakCollection, never>>()(SimPart<Sheet, SimWorksheet>, {
    typeName: 'PageBreakCollection',
  })
  implements Pick<Excel.PageBreakCollection, 'add'>
{
  add(pageBreakRange: Excel.Range | string): Excel.PageBreak {
    this.enqueue('add', [typeof pageBreakRange === 'string' ? pageBreakRange : 'range'], () => {
      const sheet = this.owner.target();
      const row = rangeArgument(this.model, pageBreakRange, sheet).area.top;
      const breaks = [...new Set([...(sheet.pageLayout.rowBreaks ?? []), row])].sort((a, b) => a - b);
      this.model.set(sheet.pageLayout, 'rowBreaks', breaks);
    });
    return asApi<Excel.PageBreak>(undefined);
  }
}
