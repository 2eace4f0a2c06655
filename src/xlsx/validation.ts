import type ExcelJS from 'exceljs';
import type { ValidationPlan, ValidationRule } from '../core/plan';
import { rangeA1 } from './ref';
import { MS_PER_DAY } from '../core/values';

/** Excel refuses (repairs away) a validation whose title or message is longer. */
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;
const DAYS_1900_TO_1904 = 1_462;

/** ExcelJS 4.4 keeps validations keyed by address; a range key is written as one `sqref`. */
interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * ExcelJS turns date bounds into serial numbers of the 1900 system whatever
 * the workbook's, so a 1904 workbook gets bounds moved back by the difference.
 */
function dateBound(ms: number, date1904: boolean): Date {
  return new Date(date1904 ? ms - DAYS_1900_TO_1904 * MS_PER_DAY : ms);
}

function bounds(min: number, max: number | undefined): Pick<ExcelJS.DataValidation, 'operator' | 'formulae'> {
  return max === undefined
    ? { operator: 'greaterThanOrEqual', formulae: [min] }
    : { operator: 'between', formulae: [min, max] };
}

function ruleModel(
  rule: ValidationRule,
  date1904: boolean,
): Pick<ExcelJS.DataValidation, 'type' | 'operator' | 'formulae'> {
  switch (rule.kind) {
    case 'list':
      return { type: 'list', formulae: [rule.source.replace(/^=/, '')] };
    case 'whole':
      return { type: 'whole', ...bounds(rule.min, rule.max) };
    case 'decimal':
      return { type: 'decimal', ...bounds(rule.min, rule.max) };
    case 'date':
      return {
        type: 'date',
        operator: 'between',
        formulae: [dateBound(rule.min, date1904), dateBound(rule.max, date1904)],
      };
    case 'textLength':
      return { type: 'textLength', operator: 'lessThanOrEqual', formulae: [rule.max] };
  }
}

/** One `<dataValidation>` over the whole area, however many rows it has. */
export function addValidation(ws: ExcelJS.Worksheet, v: ValidationPlan, date1904: boolean): void {
  const validations = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  validations.add(rangeA1(v.area), {
    ...ruleModel(v.rule, date1904),
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: clip(v.errorTitle, MAX_TITLE),
    error: clip(v.error, MAX_MESSAGE),
  });
}
