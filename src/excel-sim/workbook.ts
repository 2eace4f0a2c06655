import { addressOf } from './address';
import { invalidArgument, notImplemented } from './errors';
import type { NamedItem, WorkbookModel } from './model';
import { SimObject, type PropDef, type SimContext, api, asApi } from './proxy';
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
  extends api<Pick<Excel.Workbook, 'worksheets' | 'tables' | 'name' | 'load' | 'toJSON' | 'functions'>>()(OfWorkbook, {
    typeName: 'Workbook',
    props: ['name'],
    children: ['worksheets', 'tables', 'functions'],
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
    };
  }

  get application(): Excel.Application {
    return asApi<Excel.Application>(this.ctx.application);
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

  protected override properties(): Record<string, PropDef> {
    return {};
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
