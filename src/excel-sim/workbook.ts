import { addressOf } from './address';
import { invalidArgument, invalidOperation, notImplemented } from './errors';
import type { NamedItem, WorkbookModel } from './model';
import { SimBound, SimObject, SimWorkbookCollection, type PropDef, type SimContext, api, asApi } from './proxy';
import { SimTableCollection } from './table';
import { msToSerial } from './values';
import { SimWorksheetCollection } from './worksheet';

/** The workbook's own objects: they are there as long as the workbook is. */
abstract class OfWorkbook extends SimObject {
  resolve(): WorkbookModel {
    return this.model;
  }
}

export class SimWorkbook
  extends api<
    Pick<Excel.Workbook, 'worksheets' | 'tables' | 'name' | 'load' | 'toJSON' | 'functions' | 'settings' | 'protection'>
  >()(OfWorkbook, {
    typeName: 'Workbook',
    props: ['name'],
    children: ['worksheets', 'tables', 'functions', 'settings', 'protection'],
  })
  implements Pick<Excel.Workbook, 'application'>
{
  constructor(ctx: SimContext) {
    super(ctx, 'workbook');
  }

  protected override properties(): Record<string, PropDef> {
    return { name: { get: () => 'Book1.xlsx' } };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return {
      worksheets: () => new SimWorksheetCollection(this.ctx, 'workbook.worksheets'),
      tables: () => new SimTableCollection(this.ctx, 'workbook.tables'),
      functions: () => new SimFunctions(this.ctx, 'workbook.functions'),
      settings: () => new SimSettingCollection(this.ctx, 'workbook.settings'),
      protection: () => new SimWorkbookProtection(this.ctx, 'workbook.protection'),
    };
  }

  get application(): Excel.Application {
    return asApi<Excel.Application>(this.ctx.application);
  }
}

/**
 * The add-in's settings in the workbook (ExcelApi 1.4): values kept as JSON
 * text, so that a value reads back as a copy, as it does from Excel.
 */
export class SimSettingCollection
  extends api<Pick<Excel.SettingCollection, 'load' | 'toJSON'>>()(SimWorkbookCollection<SimSetting, Excel.Setting>, {
    typeName: 'SettingCollection',
  })
  implements Pick<Excel.SettingCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'items'>
{
  protected readonly Item = SimSetting;

  protected keys(): string[] {
    return [...this.model.settings.keys()];
  }

  protected keyOf(key: string): string | undefined {
    return this.model.settings.has(key) ? key : undefined;
  }

  add(key: string, value: unknown): Excel.Setting {
    this.enqueue('add', [key, value], () => {
      if (typeof key !== 'string' || key === '') throw invalidArgument('A setting needs a key.');
      const text = JSON.stringify(value);
      if (text === undefined) throw invalidArgument(`The setting ${key} has no value.`);
      this.model.mapSet(this.model.settings, key, text);
    });
    return asApi<Excel.Setting>(new SimSetting(this.ctx, `${this.path}.add(${JSON.stringify(key)})`, () => key));
  }
}

export class SimSetting
  extends api<Pick<Excel.Setting, 'key' | 'value' | 'load' | 'toJSON'>>()(SimBound<string, string>, {
    typeName: 'Setting',
    props: ['key', 'value'],
  })
  implements Pick<Excel.Setting, 'delete' | 'isNullObject'>
{
  protected find(key: string): string | undefined {
    return this.model.settings.has(key) ? key : undefined;
  }

  protected override properties(): Record<string, PropDef> {
    const settings = this.model.settings;
    return {
      key: { get: () => this.target() },
      value: {
        get: () => JSON.parse(settings.get(this.target()) as string) as unknown,
        set: (v) => this.model.mapSet(settings, this.target(), JSON.stringify(v) ?? 'null'),
      },
    };
  }

  delete(): void {
    this.enqueue('delete', [], () => this.model.mapSet(this.model.settings, this.target(), undefined));
  }
}

/** Workbook structure protection (ExcelApi 1.7): see `WorkbookModel.structure`. */
export class SimWorkbookProtection
  extends api<Pick<Excel.WorkbookProtection, 'protected' | 'load' | 'toJSON'>>()(OfWorkbook, {
    typeName: 'WorkbookProtection',
    props: ['protected'],
  })
  implements Pick<Excel.WorkbookProtection, 'protect' | 'unprotect'>
{
  protected override properties(): Record<string, PropDef> {
    return { protected: { get: () => this.model.structure.protected } };
  }

  protect(password?: string): void {
    this.enqueue('protect', [password === undefined ? null : '***'], () => {
      if (this.model.structure.protected) throw invalidOperation('The workbook is already protected.');
      this.model.set(this.model, 'structure', { protected: true, password: password ?? null });
    });
  }

  unprotect(password?: string): void {
    this.enqueue('unprotect', [password === undefined ? null : '***'], () => {
      const p = this.model.structure;
      if (!p.protected) return;
      if (p.password !== null && p.password !== '' && password !== p.password)
        throw invalidArgument('The password is not correct.');
      this.model.set(this.model, 'structure', { protected: false, password: null });
    });
  }
}

/**
 * Worksheet functions, of which the sim evaluates DATE only (enough for an
 * add-in to learn the workbook's date system: DATE(1904,1,1) is 0 in the 1904
 * system and 1462 in the 1900 one).
 */
export class SimFunctions
  extends api<Pick<Excel.Functions, never>>()(OfWorkbook, { typeName: 'Functions' })
  implements Pick<Excel.Functions, 'date'>
{
  date(...args: Parameters<Excel.Functions['date']>): Excel.FunctionResult<number> {
    const [year, month, day] = args;
    return asApi<Excel.FunctionResult<number>>(
      new SimFunctionResult(this.ctx, `${this.path}.date(${args.map((a) => JSON.stringify(a)).join(',')})`, () => {
        this.gate('date');
        if (typeof year !== 'number' || typeof month !== 'number' || typeof day !== 'number') {
          throw notImplemented('DATE of ranges or function results');
        }
        // Excel reads years below 1900 as offsets from 1900.
        const y = year < 1900 ? 1900 + Math.trunc(year) : Math.trunc(year);
        return msToSerial(Date.UTC(y, Math.trunc(month) - 1, Math.trunc(day)), this.model.date1904);
      }),
    );
  }
}

/** A worksheet function's result: its `value` once loaded. */
export class SimFunctionResult extends api<Pick<Excel.FunctionResult<number>, 'value' | 'error' | 'load' | 'toJSON'>>()(
  OfWorkbook,
  { typeName: 'FunctionResult', props: ['value', 'error'] },
) {
  constructor(
    ctx: SimContext,
    path: string,
    private readonly compute: () => number,
  ) {
    super(ctx, path);
  }

  protected override properties(): Record<string, PropDef> {
    return { value: { get: () => this.compute() }, error: { get: () => null } };
  }
}

export class SimApplication
  extends api<Pick<Excel.Application, 'load' | 'toJSON'>>()(OfWorkbook, {
    typeName: 'Application',
  })
  implements Pick<Excel.Application, 'suspendApiCalculationUntilNextSync'>
{
  constructor(ctx: SimContext) {
    super(ctx, 'application');
  }

  /** The sim never calculates; the call is queued (and counted) as Excel's is. */
  suspendApiCalculationUntilNextSync(): void {
    this.enqueue('suspendApiCalculationUntilNextSync', [], () => undefined);
  }
}

export class SimRuntime extends api<Pick<Excel.Runtime, 'enableEvents' | 'load' | 'toJSON'>>()(OfWorkbook, {
  typeName: 'Runtime',
  props: ['enableEvents'],
}) {
  constructor(ctx: SimContext) {
    super(ctx, 'runtime');
  }

  protected override properties(): Record<string, PropDef> {
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
}

/** The `=Sheet!$A$1:$B$2` a reference reads back as (or the constant's formula). */
export function nameFormula(model: WorkbookModel, n: NamedItem): string {
  if (!n.ref) return n.formula;
  const sheet = model.sheetById(n.ref.sheetId);
  return sheet ? `=${addressOf(sheet.name, n.ref.area, true)}` : '=#REF!';
}
