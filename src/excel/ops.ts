/**
 * A command queued on a request context, with the bytes it adds to the sync's
 * payload (so that batches stay under Excel's limit): what both the plan's
 * new sheets (`apply.ts`) and the writes into existing ones (`writes.ts`)
 * are made of.
 */
import type { Area, ValidationPlan } from '../core/plan';
import type { ProtectionOptions } from '../core/writes';
import { errorAlertOf, ruleOf } from './vocabulary';

export interface Op {
  readonly bytes: number;
  queue(context: Excel.RequestContext): void;
}

export const range = (ctx: Excel.RequestContext, sheet: string, a: Area): Excel.Range =>
  ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1);

export function validationOp(sheet: string, v: ValidationPlan): Op {
  return {
    bytes: 512,
    queue: (ctx) => {
      const dv = range(ctx, sheet, v.area).dataValidation;
      dv.clear();
      dv.rule = ruleOf(v);
      dv.errorAlert = errorAlertOf(v);
    },
  };
}

/** A protection as office-js takes it (the core states it as plain JSON). */
export const protectionOf = (o: ProtectionOptions): Excel.WorksheetProtectionOptions => ({ ...o });

/** A protection read from office-js, as a write stores it. */
export const protectionFrom = (o: Excel.WorksheetProtectionOptions): ProtectionOptions =>
  JSON.parse(JSON.stringify(o ?? {})) as ProtectionOptions;
