import { addressOf, parseRef } from './address';
import { invalidArgument, invalidOperation, itemNotFound, notImplemented, SimError } from './errors';
import type { NamedItem, WorkbookModel } from './model';
import { SimCollection, SimObject, type LoadArg, type PropDef, type SimContext } from './proxy';
import { SimRange, rangeArgument } from './range';
import { checkName, SimTableCollection } from './table';
import { msToSerial } from './values';
import { SimWorksheet, SimWorksheetCollection } from './worksheet';

type WorkbookMembers =
  'worksheets' | 'tables' | 'names' | 'application' | 'name' | 'getSelectedRange' | 'getActiveCell' | 'load' | 'toJSON';

export class SimWorkbook extends SimObject implements Pick<Excel.Workbook, WorkbookMembers> {
  get typeName(): string {
    return 'Workbook';
  }

  constructor(ctx: SimContext) {
    super(ctx, 'workbook');
  }

  resolve(): WorkbookModel {
    return this.model;
  }

  protected properties(): Record<string, PropDef> {
    return { name: { get: () => 'Book1.xlsx' } };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return {
      worksheets: () => this.worksheets as unknown as SimObject,
      tables: () => this.tables as unknown as SimObject,
      names: () => this.names as unknown as SimObject,
    };
  }

  get name(): string {
    return this.read('name');
  }

  get worksheets(): Excel.WorksheetCollection {
    return this.child(
      'worksheets',
      () => new SimWorksheetCollection(this.ctx, 'workbook.worksheets'),
    ) as unknown as Excel.WorksheetCollection;
  }

  get tables(): Excel.TableCollection {
    return this.child(
      'tables',
      () => new SimTableCollection(this.ctx, 'workbook.tables'),
    ) as unknown as Excel.TableCollection;
  }

  get names(): Excel.NamedItemCollection {
    return this.child(
      'names',
      () => new SimNamedItemCollection(this.ctx, 'workbook.names'),
    ) as unknown as Excel.NamedItemCollection;
  }

  get functions(): Excel.Functions {
    return this.child(
      'functions',
      () => new SimFunctions(this.ctx, 'workbook.functions'),
    ) as unknown as Excel.Functions;
  }

  get application(): Excel.Application {
    return this.ctx.application as unknown as Excel.Application;
  }

  getSelectedRange(): Excel.Range {
    return new SimRange(this.ctx, 'workbook.getSelectedRange()', () => {
      const sel = this.model.selection;
      if (sel && this.model.sheetById(sel.sheetId)) return sel;
      const sheet =
        (this.model.activeSheetId && this.model.sheetById(this.model.activeSheetId)) || this.model.sheets[0];
      if (!sheet) throw itemNotFound('(no sheet)');
      return { sheetId: sheet.id, area: { top: 0, left: 0, bottom: 0, right: 0 } };
    }) as unknown as Excel.Range;
  }

  getActiveCell(): Excel.Range {
    return new SimRange(this.ctx, 'workbook.getActiveCell()', () => {
      this.ctx.engine.requireApi('Workbook.getActiveCell');
      const sel = this.model.selection;
      if (sel) return { sheetId: sel.sheetId, area: { ...sel.area, bottom: sel.area.top, right: sel.area.left } };
      const sheet =
        (this.model.activeSheetId && this.model.sheetById(this.model.activeSheetId)) || this.model.sheets[0];
      if (!sheet) throw itemNotFound('(no sheet)');
      return { sheetId: sheet.id, area: { top: 0, left: 0, bottom: 0, right: 0 } };
    }) as unknown as Excel.Range;
  }

  load(option?: LoadArg): Excel.Workbook {
    this.queueLoad(option);
    return this as unknown as Excel.Workbook;
  }
  toJSON(): Excel.Interfaces.WorkbookData {
    return this.jsonOf() as Excel.Interfaces.WorkbookData;
  }
}

/**
 * Worksheet functions, of which the sim evaluates DATE only (enough for an
 * add-in to learn the workbook's date system: DATE(1904,1,1) is 0 in the 1904
 * system and 1462 in the 1900 one).
 */
export class SimFunctions extends SimObject implements Pick<Excel.Functions, 'date'> {
  get typeName(): string {
    return 'Functions';
  }

  constructor(ctx: SimContext, path: string) {
    super(ctx, path);
  }

  resolve(): WorkbookModel {
    return this.model;
  }

  protected properties(): Record<string, PropDef> {
    return {};
  }

  date(...args: Parameters<Excel.Functions['date']>): Excel.FunctionResult<number> {
    const [year, month, day] = args;
    return new SimFunctionResult(this.ctx, `${this.path}.date(${args.map((a) => JSON.stringify(a)).join(',')})`, () => {
      this.gate('date');
      if (typeof year !== 'number' || typeof month !== 'number' || typeof day !== 'number') {
        throw notImplemented('DATE of ranges or function results');
      }
      // Excel reads years below 1900 as offsets from 1900.
      const y = year < 1900 ? 1900 + Math.trunc(year) : Math.trunc(year);
      return msToSerial(Date.UTC(y, Math.trunc(month) - 1, Math.trunc(day)), this.model.date1904);
    }) as unknown as Excel.FunctionResult<number>;
  }
}

export class SimFunctionResult<T>
  extends SimObject
  implements Pick<Excel.FunctionResult<T>, 'value' | 'error' | 'load' | 'toJSON'>
{
  get typeName(): string {
    return 'FunctionResult';
  }

  constructor(
    ctx: SimContext,
    path: string,
    private readonly compute: () => T,
  ) {
    super(ctx, path);
  }

  resolve(): WorkbookModel {
    return this.model;
  }

  protected properties(): Record<string, PropDef> {
    return { value: { get: () => this.compute() }, error: { get: () => null } };
  }

  get value(): T {
    return this.read('value');
  }
  get error(): string {
    return this.read('error');
  }

  load(option?: LoadArg): Excel.FunctionResult<T> {
    this.queueLoad(option);
    return this as unknown as Excel.FunctionResult<T>;
  }
  toJSON(): Excel.Interfaces.FunctionResultData<T> {
    return this.jsonOf() as unknown as Excel.Interfaces.FunctionResultData<T>;
  }
}

export class SimApplication
  extends SimObject
  implements
    Pick<
      Excel.Application,
      | 'suspendApiCalculationUntilNextSync'
      | 'suspendScreenUpdatingUntilNextSync'
      | 'calculationMode'
      | 'calculate'
      | 'load'
      | 'toJSON'
    >
{
  get typeName(): string {
    return 'Application';
  }

  constructor(ctx: SimContext) {
    super(ctx, 'application');
  }

  resolve(): WorkbookModel {
    return this.model;
  }

  protected properties(): Record<string, PropDef> {
    return {
      calculationMode: {
        get: () => 'Automatic',
        set: (v) => {
          if (!['Automatic', 'AutomaticExceptTables', 'Manual'].includes(String(v)))
            throw invalidArgument(`"${String(v)}" is not a calculation mode.`);
        },
      },
    };
  }

  get calculationMode(): Excel.Application['calculationMode'] {
    return this.read('calculationMode');
  }
  set calculationMode(v: Excel.Application['calculationMode']) {
    this.write('calculationMode', v);
  }

  /** The sim never calculates; the call is queued (and counted) as Excel's is. */
  suspendApiCalculationUntilNextSync(): void {
    this.enqueue('suspendApiCalculationUntilNextSync', [], () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.enqueue('suspendScreenUpdatingUntilNextSync', [], () => undefined);
  }

  calculate(calculationType: Excel.CalculationType | 'Recalculate' | 'Full' | 'FullRebuild'): void {
    this.enqueue('calculate', [calculationType], () => undefined);
  }

  load(option?: LoadArg): Excel.Application {
    this.queueLoad(option);
    return this as unknown as Excel.Application;
  }
  toJSON(): Excel.Interfaces.ApplicationData {
    return this.jsonOf() as Excel.Interfaces.ApplicationData;
  }
}

export class SimRuntime extends SimObject implements Pick<Excel.Runtime, 'enableEvents' | 'load' | 'toJSON'> {
  get typeName(): string {
    return 'Runtime';
  }

  constructor(ctx: SimContext) {
    super(ctx, 'runtime');
  }

  resolve(): WorkbookModel {
    return this.model;
  }

  protected properties(): Record<string, PropDef> {
    const engine = this.ctx.engine;
    return {
      enableEvents: {
        get: () => engine.enableEvents,
        set: (v) => {
          if (typeof v !== 'boolean') throw invalidArgument('enableEvents must be true or false.');
          engine.enableEvents = v;
        },
      },
    };
  }

  get enableEvents(): boolean {
    return this.read('enableEvents');
  }
  set enableEvents(v: boolean) {
    this.write('enableEvents', v);
  }

  load(option?: LoadArg): Excel.Runtime {
    this.queueLoad(option);
    return this as unknown as Excel.Runtime;
  }
  toJSON(): Excel.Interfaces.RuntimeData {
    return this.jsonOf() as Excel.Interfaces.RuntimeData;
  }
}

/** The `=Sheet!$A$1:$B$2` a reference reads back as (or the constant's formula). */
export function nameFormula(model: WorkbookModel, n: NamedItem): string {
  if (!n.ref) return n.formula;
  const sheet = model.sheetById(n.ref.sheetId);
  return sheet ? `=${addressOf(sheet.name, n.ref.area, true)}` : '=#REF!';
}

function nameType(formula: string, ref: boolean): string {
  if (ref) return 'Range';
  const body = formula.replace(/^=/, '');
  if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
  if (/^[+-]?\d+$/.test(body)) return 'Integer';
  if (Number.isFinite(Number(body)) && body !== '') return 'Double';
  if (/^#/.test(body)) return 'Error';
  return 'String';
}

export function addName(model: WorkbookModel, name: string, reference: unknown, comment: string): NamedItem {
  if (model.nameByName(name)) throw new SimError('ItemAlreadyExists', `(a name "${name}")`);
  checkName(model, name);
  let item: NamedItem;
  if (reference instanceof SimObject || (typeof reference === 'string' && parseRef(reference)?.sheet !== undefined)) {
    const t = rangeArgument(model, reference);
    item = { name, ref: { sheetId: t.sheet.id, area: t.area }, formula: '', comment, visible: true };
  } else if (typeof reference === 'string' && reference.trim() !== '') {
    item = {
      name,
      ref: null,
      formula: reference.startsWith('=') ? reference : `=${reference}`,
      comment,
      visible: true,
    };
  } else {
    throw invalidArgument('A name needs a reference: a range or a formula.');
  }
  model.set(model, 'names', [...model.names, item]);
  return item;
}

export class SimNamedItemCollection
  extends SimCollection<SimNamedItem, Excel.NamedItem>
  implements
    Pick<
      Excel.NamedItemCollection,
      'add' | 'getItem' | 'getItemOrNullObject' | 'getCount' | 'items' | 'load' | 'toJSON'
    >
{
  get typeName(): string {
    return 'NamedItemCollection';
  }

  resolve(): WorkbookModel {
    return this.model;
  }

  constructor(ctx: SimContext, path: string) {
    super(ctx, path);
  }

  protected itemProxies(): SimNamedItem[] {
    return this.model.names.map(
      (n) => new SimNamedItem(this.ctx, `${this.path}.getItem(${JSON.stringify(n.name)})`, () => n),
    );
  }

  add(name: string, reference: Excel.Range | string, comment?: string): Excel.NamedItem {
    let created: NamedItem | null = null;
    const item = new SimNamedItem(this.ctx, `${this.path}.add(${JSON.stringify(name)})`, () => {
      if (!created) throw itemNotFound('(the name was not added)');
      return created;
    });
    this.enqueue(
      'add',
      [name, reference instanceof SimObject ? { path: reference.path } : reference, comment ?? null],
      () => {
        created = addName(this.model, name, reference, comment ?? '');
      },
    );
    return item as unknown as Excel.NamedItem;
  }

  getItem(name: string): Excel.NamedItem {
    return new SimNamedItem(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, () => {
      const n = this.model.nameByName(name);
      if (!n) throw itemNotFound(`(no name "${name}")`);
      return n;
    }) as unknown as Excel.NamedItem;
  }

  getItemOrNullObject(name: string): Excel.NamedItem {
    return new SimNamedItem(
      this.ctx,
      `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`,
      () => {
        this.gate('getItemOrNullObject');
        return this.model.nameByName(name) ?? null;
      },
      true,
    ) as unknown as Excel.NamedItem;
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return this.result(
      'getCount',
      [],
      () => this.model.names.length,
    ) as unknown as OfficeExtension.ClientResult<number>;
  }

  load(option?: LoadArg): Excel.NamedItemCollection {
    this.queueLoad(option);
    return this as unknown as Excel.NamedItemCollection;
  }
  toJSON(): Excel.Interfaces.NamedItemCollectionData {
    return this.jsonOf() as Excel.Interfaces.NamedItemCollectionData;
  }
}

export class SimNamedItem
  extends SimObject
  implements
    Pick<
      Excel.NamedItem,
      | 'name'
      | 'type'
      | 'formula'
      | 'value'
      | 'comment'
      | 'visible'
      | 'worksheetOrNullObject'
      | 'getRange'
      | 'getRangeOrNullObject'
      | 'delete'
      | 'load'
      | 'toJSON'
      | 'isNullObject'
    >
{
  get typeName(): string {
    return 'NamedItem';
  }

  constructor(
    ctx: SimContext,
    path: string,
    private readonly locate: () => NamedItem | null,
    orNull = false,
  ) {
    super(ctx, path, orNull);
  }

  resolve(): NamedItem | null {
    const n = this.bind(this.locate);
    if (n === null) return null;
    if (!this.model.names.includes(n)) throw itemNotFound('(the name was deleted)');
    return n;
  }

  private item(): NamedItem {
    const n = this.resolve();
    if (!n) throw invalidOperation('The name is a null object.');
    return n;
  }

  protected properties(): Record<string, PropDef> {
    const m = this.model;
    return {
      name: { get: () => this.item().name },
      type: { get: () => nameType(nameFormula(m, this.item()), this.item().ref !== null) },
      formula: {
        get: () => nameFormula(m, this.item()),
        set: (v) => {
          const n = this.item();
          if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('A name needs a formula.');
          const ref = parseRef(v);
          const sheet = ref?.sheet !== undefined ? m.sheetByName(ref.sheet) : undefined;
          if (ref && sheet) {
            m.set(n, 'ref', { sheetId: sheet.id, area: ref.area });
          } else {
            m.set(n, 'ref', null);
            m.set(n, 'formula', v.startsWith('=') ? v : `=${v}`);
          }
        },
      },
      value: {
        get: () => {
          const n = this.item();
          if (!n.ref) return nameFormula(m, n).replace(/^=/, '');
          const sheet = m.sheetById(n.ref.sheetId);
          return sheet ? addressOf(sheet.name, n.ref.area) : '#REF!';
        },
      },
      comment: {
        get: () => this.item().comment,
        set: (v) => m.set(this.item(), 'comment', String(v ?? '')),
      },
      visible: {
        get: () => this.item().visible,
        set: (v) => {
          if (typeof v !== 'boolean') throw invalidArgument('visible must be true or false.');
          m.set(this.item(), 'visible', v);
        },
      },
    };
  }

  get name(): string {
    return this.read('name');
  }
  get type(): Excel.NamedItem['type'] {
    return this.read('type');
  }
  get formula(): Excel.NamedItem['formula'] {
    return this.read('formula');
  }
  set formula(v: Excel.NamedItem['formula']) {
    this.write('formula', v);
  }
  get value(): Excel.NamedItem['value'] {
    return this.read('value');
  }
  get comment(): string {
    return this.read('comment');
  }
  set comment(v: string) {
    this.write('comment', v);
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(v: boolean) {
    this.write('visible', v);
  }

  get worksheetOrNullObject(): Excel.Worksheet {
    return this.child(
      'worksheetOrNullObject',
      () =>
        new SimWorksheet(
          this.ctx,
          `${this.path}.worksheetOrNullObject`,
          () => this.resolve()?.ref?.sheetId ?? null,
          true,
        ),
    ) as unknown as Excel.Worksheet;
  }

  private rangeOf(member: string, orNull: boolean): Excel.Range {
    return new SimRange(
      this.ctx,
      `${this.path}.${member}()`,
      () => {
        const n = this.resolve();
        if (!n) return null;
        if (!n.ref) {
          if (orNull) return null;
          throw invalidOperation(`The name ${n.name} does not refer to cells.`);
        }
        return n.ref;
      },
      orNull,
    ) as unknown as Excel.Range;
  }

  getRange(): Excel.Range {
    return this.rangeOf('getRange', false);
  }

  getRangeOrNullObject(): Excel.Range {
    return this.rangeOf('getRangeOrNullObject', true);
  }

  delete(): void {
    this.enqueue('delete', [], () => {
      const n = this.item();
      this.model.set(
        this.model,
        'names',
        this.model.names.filter((x) => x !== n),
      );
    });
  }

  load(option?: LoadArg): Excel.NamedItem {
    this.queueLoad(option);
    return this as unknown as Excel.NamedItem;
  }
  toJSON(): Excel.Interfaces.NamedItemData {
    return this.jsonOf() as Excel.Interfaces.NamedItemData;
  }
}
