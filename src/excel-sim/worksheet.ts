import { MAX_COLUMNS, MAX_ROWS, isWholeColumns, isWholeRows, parseRef, sheetPrefix, type Area } from './address';
import { SimChartCollection } from './chart';
import { invalidArgument, invalidOperation, itemNotFound, SimError } from './errors';
import { SimEventHandlers } from './events';
import { DEFAULT_PROTECTION, newSheet, type ProtectionOptions, type Sheet, type WorkbookModel } from './model';
import { SimCollection, SimObject, type LoadArg, type PropDef, type SimContext } from './proxy';
import { SimRange, at, rangeArgument } from './range';
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

type WorksheetMembers =
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
  | 'onChanged'
  | 'activate'
  | 'delete'
  | 'calculate'
  | 'getRange'
  | 'getRangeByIndexes'
  | 'getCell'
  | 'getUsedRange'
  | 'getUsedRangeOrNullObject'
  | 'getNext'
  | 'getNextOrNullObject'
  | 'getPrevious'
  | 'getPreviousOrNullObject'
  | 'load'
  | 'set'
  | 'toJSON'
  | 'isNullObject';

export class SimWorksheet extends SimObject implements Pick<Excel.Worksheet, WorksheetMembers> {
  private changed: SimEventHandlers<Excel.WorksheetChangedEventArgs> | undefined;

  get typeName(): string {
    return 'Worksheet';
  }

  constructor(
    ctx: SimContext,
    path: string,
    private readonly locate: () => string | null,
    orNull = false,
  ) {
    super(ctx, path, orNull);
  }

  resolve(): Sheet | null {
    const id = this.bind(this.locate);
    if (id === null) return null;
    const sheet = this.model.sheetById(id);
    if (!sheet) throw itemNotFound('(the worksheet was deleted)');
    return sheet;
  }

  sheet(): Sheet {
    const s = this.resolve();
    if (!s) throw invalidOperation('The worksheet is a null object.');
    return s;
  }

  protected properties(): Record<string, PropDef> {
    const m = this.model;
    return {
      id: { get: () => this.sheet().id },
      name: {
        get: () => this.sheet().name,
        set: (v) => {
          const sheet = this.sheet();
          const name = checkSheetName(m, v, sheet);
          if (name === sheet.name) return;
          const old = sheet.name;
          m.set(sheet, 'name', name);
          rewriteSheetRefs(m, old, sheetPrefix(name));
        },
      },
      position: {
        get: () => m.sheets.indexOf(this.sheet()),
        set: (v) => {
          const sheet = this.sheet();
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= m.sheets.length) {
            throw invalidArgument(`Position ${String(v)} is outside 0..${m.sheets.length - 1}.`);
          }
          const rest = m.sheets.filter((s) => s !== sheet);
          rest.splice(v, 0, sheet);
          m.set(m, 'sheets', rest);
        },
      },
      visibility: {
        get: () => this.sheet().visibility,
        set: (v) => {
          const sheet = this.sheet();
          if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden')
            throw invalidArgument(`"${String(v)}" is not a SheetVisibility.`);
          if (v !== 'Visible' && visibleSheets(m).every((s) => s === sheet)) {
            throw invalidOperation('A workbook must keep at least one visible sheet.');
          }
          m.set(sheet, 'visibility', v);
          if (v !== 'Visible') leave(m, sheet);
        },
      },
      tabColor: {
        get: () => this.sheet().tabColor,
        set: (v) => m.set(this.sheet(), 'tabColor', v === '' ? '' : normalizeColor(v)),
      },
      showGridlines: {
        get: () => this.sheet().showGridlines,
        set: (v) => {
          if (typeof v !== 'boolean') throw invalidArgument('showGridlines must be true or false.');
          m.set(this.sheet(), 'showGridlines', v);
        },
      },
    };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return {
      protection: () => this.protection as unknown as SimObject,
      freezePanes: () => this.freezePanes as unknown as SimObject,
      pageLayout: () => this.pageLayout as unknown as SimObject,
      tables: () => this.tables as unknown as SimObject,
      charts: () => this.charts as unknown as SimObject,
    };
  }

  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.write('name', v);
  }
  get position(): number {
    return this.read('position');
  }
  set position(v: number) {
    this.write('position', v);
  }
  get visibility(): Excel.Worksheet['visibility'] {
    return this.read('visibility');
  }
  set visibility(v: Excel.Worksheet['visibility']) {
    this.write('visibility', v);
  }
  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(v: string) {
    this.write('tabColor', v);
  }
  get showGridlines(): boolean {
    return this.read('showGridlines');
  }
  set showGridlines(v: boolean) {
    this.write('showGridlines', v);
  }

  get protection(): Excel.WorksheetProtection {
    return this.child(
      'protection',
      () => new SimWorksheetProtection(this.ctx, `${this.path}.protection`, this),
    ) as unknown as Excel.WorksheetProtection;
  }

  get freezePanes(): Excel.WorksheetFreezePanes {
    return this.child(
      'freezePanes',
      () => new SimWorksheetFreezePanes(this.ctx, `${this.path}.freezePanes`, this),
    ) as unknown as Excel.WorksheetFreezePanes;
  }

  get horizontalPageBreaks(): Excel.PageBreakCollection {
    return this.child(
      'horizontalPageBreaks',
      () => new SimPageBreakCollection(this.ctx, `${this.path}.horizontalPageBreaks`, this),
    ) as unknown as Excel.PageBreakCollection;
  }

  get pageLayout(): Excel.PageLayout {
    return this.child(
      'pageLayout',
      () => new SimPageLayout(this.ctx, `${this.path}.pageLayout`, this),
    ) as unknown as Excel.PageLayout;
  }

  get tables(): Excel.TableCollection {
    return this.child(
      'tables',
      () => new SimTableCollection(this.ctx, `${this.path}.tables`, () => this.resolve()?.id ?? null),
    ) as unknown as Excel.TableCollection;
  }

  get charts(): Excel.ChartCollection {
    return this.child(
      'charts',
      () => new SimChartCollection(this.ctx, `${this.path}.charts`, this),
    ) as unknown as Excel.ChartCollection;
  }

  get onChanged(): OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs> {
    this.changed ??= new SimEventHandlers<Excel.WorksheetChangedEventArgs>(
      this.ctx,
      this.path,
      'worksheet',
      'Worksheet.onChanged',
      () => this.resolve()?.id ?? null,
    );
    return this.changed as unknown as OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>;
  }

  activate(): void {
    this.enqueue('activate', [], () => {
      const sheet = this.sheet();
      if (sheet.visibility !== 'Visible') throw invalidOperation('A hidden sheet cannot be activated.');
      this.model.set(this.model, 'activeSheetId', sheet.id);
    });
  }

  delete(): void {
    this.enqueue('delete', [], () => deleteSheet(this.model, this.sheet()));
  }

  /** The sim does not calculate; recorded for the sync count only. */
  calculate(markAllDirty: boolean): void {
    this.enqueue('calculate', [markAllDirty], () => undefined);
  }

  private range(member: string, args: unknown[], area: (sheet: Sheet) => Area | null, orNull = false): Excel.Range {
    const location = `Worksheet.${member}`;
    return new SimRange(
      this.ctx,
      `${this.path}.${member}(${args.map((a) => JSON.stringify(a)).join(',')})`,
      () =>
        at(location, () => {
          this.ctx.engine.requireApi(location);
          const sheet = this.resolve();
          if (!sheet) return null;
          const a = area(sheet);
          return a ? { sheetId: sheet.id, area: a } : null;
        }),
      orNull,
    ) as unknown as Excel.Range;
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

  private neighbour(member: string, step: 1 | -1, visibleOnly: boolean | undefined, orNull: boolean): Excel.Worksheet {
    return new SimWorksheet(
      this.ctx,
      `${this.path}.${member}(${visibleOnly ?? false})`,
      () => {
        const sheet = this.resolve();
        if (!sheet) return null;
        const list = visibleOnly ? visibleSheets(this.model) : this.model.sheets;
        const next = list[list.indexOf(sheet) + step];
        if (!next) {
          if (orNull) return null;
          throw itemNotFound(`(no ${step > 0 ? 'next' : 'previous'} sheet)`);
        }
        return next.id;
      },
      orNull,
    ) as unknown as Excel.Worksheet;
  }

  getNext(visibleOnly?: boolean): Excel.Worksheet {
    return this.neighbour('getNext', 1, visibleOnly, false);
  }
  getNextOrNullObject(visibleOnly?: boolean): Excel.Worksheet {
    return this.neighbour('getNextOrNullObject', 1, visibleOnly, true);
  }
  getPrevious(visibleOnly?: boolean): Excel.Worksheet {
    return this.neighbour('getPrevious', -1, visibleOnly, false);
  }
  getPreviousOrNullObject(visibleOnly?: boolean): Excel.Worksheet {
    return this.neighbour('getPreviousOrNullObject', -1, visibleOnly, true);
  }

  load(option?: LoadArg): Excel.Worksheet {
    this.queueLoad(option);
    return this as unknown as Excel.Worksheet;
  }
  set(properties: object): void {
    this.setMany(properties);
  }
  toJSON(): Excel.Interfaces.WorksheetData {
    return this.jsonOf() as Excel.Interfaces.WorksheetData;
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
  model.set(
    model,
    'sheets',
    model.sheets.filter((s) => s !== sheet),
  );
  rewriteSheetRefs(model, sheet.name, '#REF!');
}

export class SimWorksheetCollection
  extends SimCollection<SimWorksheet, Excel.Worksheet>
  implements
    Pick<
      Excel.WorksheetCollection,
      | 'add'
      | 'getItem'
      | 'getItemOrNullObject'
      | 'getActiveWorksheet'
      | 'getFirst'
      | 'getLast'
      | 'getCount'
      | 'items'
      | 'load'
      | 'toJSON'
    >
{
  get typeName(): string {
    return 'WorksheetCollection';
  }

  constructor(ctx: SimContext, path: string) {
    super(ctx, path);
  }

  resolve(): WorkbookModel {
    return this.model;
  }

  protected itemProxies(): SimWorksheet[] {
    return this.model.sheets.map((s) => new SimWorksheet(this.ctx, `${this.path}.getItem("${s.id}")`, () => s.id));
  }

  private find(key: string): Sheet | undefined {
    return this.model.sheetById(key) ?? this.model.sheetByName(key);
  }

  add(name?: string): Excel.Worksheet {
    let created: string | null = null;
    const ws = new SimWorksheet(this.ctx, `${this.path}.add(${JSON.stringify(name ?? null)})`, () => {
      if (created === null) throw itemNotFound('(the worksheet was not added)');
      return created;
    });
    this.enqueue('add', [name ?? null], () => {
      created = addSheet(this.model, name).id;
    });
    return ws as unknown as Excel.Worksheet;
  }

  getItem(key: string): Excel.Worksheet {
    return new SimWorksheet(this.ctx, `${this.path}.getItem(${JSON.stringify(key)})`, () =>
      at('WorksheetCollection.getItem', () => {
        const s = this.find(key);
        if (!s) throw itemNotFound(`(no worksheet "${key}")`);
        return s.id;
      }),
    ) as unknown as Excel.Worksheet;
  }

  getItemOrNullObject(key: string): Excel.Worksheet {
    return new SimWorksheet(
      this.ctx,
      `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () =>
        at('WorksheetCollection.getItemOrNullObject', () => {
          this.gate('getItemOrNullObject');
          return this.find(key)?.id ?? null;
        }),
      true,
    ) as unknown as Excel.Worksheet;
  }

  getActiveWorksheet(): Excel.Worksheet {
    return new SimWorksheet(this.ctx, `${this.path}.getActiveWorksheet()`, () => {
      const id = this.model.activeSheetId ?? visibleSheets(this.model)[0]?.id;
      if (!id) throw itemNotFound('(no active worksheet)');
      return id;
    }) as unknown as Excel.Worksheet;
  }

  private end(member: string, last: boolean, visibleOnly?: boolean): Excel.Worksheet {
    return new SimWorksheet(this.ctx, `${this.path}.${member}(${visibleOnly ?? false})`, () => {
      const list = visibleOnly ? visibleSheets(this.model) : this.model.sheets;
      const s = last ? list[list.length - 1] : list[0];
      if (!s) throw itemNotFound('(no worksheet)');
      return s.id;
    }) as unknown as Excel.Worksheet;
  }

  getFirst(visibleOnly?: boolean): Excel.Worksheet {
    return this.end('getFirst', false, visibleOnly);
  }

  getLast(visibleOnly?: boolean): Excel.Worksheet {
    return this.end('getLast', true, visibleOnly);
  }

  getCount(visibleOnly?: boolean): OfficeExtension.ClientResult<number> {
    return this.result('getCount', [visibleOnly ?? false], () =>
      visibleOnly ? visibleSheets(this.model).length : this.model.sheets.length,
    ) as unknown as OfficeExtension.ClientResult<number>;
  }

  load(option?: LoadArg): Excel.WorksheetCollection {
    this.queueLoad(option);
    return this as unknown as Excel.WorksheetCollection;
  }
  toJSON(): Excel.Interfaces.WorksheetCollectionData {
    return this.jsonOf() as Excel.Interfaces.WorksheetCollectionData;
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
      (out as unknown as Record<string, boolean>)[k] = x;
    }
  }
  return out;
}

export class SimWorksheetProtection
  extends SimObject
  implements
    Pick<
      Excel.WorksheetProtection,
      'protected' | 'options' | 'isPasswordProtected' | 'protect' | 'unprotect' | 'load' | 'toJSON'
    >
{
  get typeName(): string {
    return 'WorksheetProtection';
  }

  constructor(
    ctx: SimContext,
    path: string,
    private readonly ws: SimWorksheet,
  ) {
    super(ctx, path);
  }

  resolve(): Sheet | null {
    return this.ws.resolve();
  }

  protected properties(): Record<string, PropDef> {
    return {
      protected: { get: () => this.ws.sheet().protection.protected },
      options: { get: () => ({ ...this.ws.sheet().protection.options }) },
      isPasswordProtected: { get: () => this.ws.sheet().protection.password !== null, explicit: true },
    };
  }

  get protected(): boolean {
    return this.read('protected');
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.read('options');
  }
  get isPasswordProtected(): boolean {
    return this.read('isPasswordProtected');
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.enqueue('protect', [options ?? null, password === undefined ? null : '***'], () => {
      const sheet = this.ws.sheet();
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
      const sheet = this.ws.sheet();
      const p = sheet.protection;
      if (password !== undefined) this.ctx.engine.requireApi('WorksheetProtection.unprotect(password)');
      if (!p.protected) return;
      if (p.password !== null && p.password !== '' && password !== p.password)
        throw invalidArgument('The password is not correct.');
      this.model.set(sheet, 'protection', { ...p, protected: false, password: null });
    });
  }

  load(option?: LoadArg): Excel.WorksheetProtection {
    this.queueLoad(option);
    return this as unknown as Excel.WorksheetProtection;
  }
  toJSON(): Excel.Interfaces.WorksheetProtectionData {
    return this.jsonOf() as Excel.Interfaces.WorksheetProtectionData;
  }
}

export class SimWorksheetFreezePanes
  extends SimObject
  implements
    Pick<
      Excel.WorksheetFreezePanes,
      'freezeRows' | 'freezeColumns' | 'freezeAt' | 'unfreeze' | 'getLocation' | 'getLocationOrNullObject'
    >
{
  get typeName(): string {
    return 'WorksheetFreezePanes';
  }

  constructor(
    ctx: SimContext,
    path: string,
    private readonly ws: SimWorksheet,
  ) {
    super(ctx, path);
  }

  resolve(): Sheet | null {
    return this.ws.resolve();
  }

  protected properties(): Record<string, PropDef> {
    return {};
  }

  private freeze(member: string, args: unknown[], f: (sheet: Sheet) => { rows: number; columns: number }): void {
    this.enqueue(member, args, () => {
      const sheet = this.ws.sheet();
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

  unfreeze(): void {
    this.freeze('unfreeze', [], () => ({ rows: 0, columns: 0 }));
  }

  private location(member: string, orNull: boolean): Excel.Range {
    return new SimRange(
      this.ctx,
      `${this.path}.${member}()`,
      () => {
        this.ctx.engine.requireApi(`WorksheetFreezePanes.${member}`);
        const sheet = this.ws.resolve();
        if (!sheet) return null;
        const { rows, columns } = sheet.freeze;
        if (rows === 0 && columns === 0) {
          if (orNull) return null;
          throw itemNotFound('(no frozen panes)');
        }
        const area =
          rows > 0 && columns > 0
            ? { top: 0, left: 0, bottom: rows - 1, right: columns - 1 }
            : rows > 0
              ? { top: 0, left: 0, bottom: rows - 1, right: MAX_COLUMNS - 1 }
              : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: columns - 1 };
        return { sheetId: sheet.id, area };
      },
      orNull,
    ) as unknown as Excel.Range;
  }

  getLocation(): Excel.Range {
    return this.location('getLocation', false);
  }

  getLocationOrNullObject(): Excel.Range {
    return this.location('getLocationOrNullObject', true);
  }
}

/** Manual horizontal page breaks: recorded as the rows that start a page. */
export class SimPageBreakCollection extends SimObject implements Pick<Excel.PageBreakCollection, 'add'> {
  get typeName(): string {
    return 'PageBreakCollection';
  }

  constructor(
    ctx: SimContext,
    path: string,
    private readonly ws: SimWorksheet,
  ) {
    super(ctx, path);
  }

  resolve(): Sheet | null {
    return this.ws.resolve();
  }

  protected properties(): Record<string, PropDef> {
    return {};
  }

  add(pageBreakRange: Excel.Range | string): Excel.PageBreak {
    this.enqueue('add', [typeof pageBreakRange === 'string' ? pageBreakRange : 'range'], () => {
      const sheet = this.ws.sheet();
      const row = rangeArgument(this.model, pageBreakRange, sheet).area.top;
      const breaks = [...new Set([...(sheet.pageLayout.rowBreaks ?? []), row])].sort((a, b) => a - b);
      this.model.set(sheet.pageLayout, 'rowBreaks', breaks);
    });
    return undefined as unknown as Excel.PageBreak;
  }
}
