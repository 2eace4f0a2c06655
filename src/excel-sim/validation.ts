/**
 * Data validation as office-js models it: a range's `rule` is set and read
 * as a `DataValidationRule` (formulas read back as strings such as `=10`),
 * and a range covered by several validations reads as `Inconsistent`.
 */
import { addressOf, areaA1, covers, intersect, subtractAll, type Area } from './address';
import { accessDenied, invalidArgument } from './errors';
import {
  DEFAULT_ALERT,
  DEFAULT_PROMPT,
  type ErrorAlert,
  type Sheet,
  type Validation,
  type ValidationRule,
  type WorkbookModel,
} from './model';
import { SimObject, type PropDef, type RangeTarget, api, SimPart } from './proxy';
import { msToSerial } from './values';

/** The comparisons of validations and of cell-value formats (which name the last two differently). */
export const COMPARISONS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan'];
const OPERATORS = [...COMPARISONS, 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];

const KINDS: Readonly<Record<string, ValidationRule['type']>> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  textLength: 'TextLength',
  date: 'Date',
  time: 'Time',
  list: 'List',
  custom: 'Custom',
};

function refFormula(arg: unknown, home: Sheet): string | null {
  if (!(arg instanceof SimObject)) return null;
  const t = arg.rangeTarget();
  if (!t) throw invalidArgument('The range is a null object.');
  return t.sheet === home ? `=${areaA1(t.area, true)}` : `=${addressOf(t.sheet.name, t.area, true)}`;
}

function formulaOf(model: WorkbookModel, v: unknown, home: Sheet, dates: boolean, what: string): string {
  const ref = refFormula(v, home);
  if (ref) return ref;
  if (typeof v === 'number' && Number.isFinite(v)) return `=${v}`;
  if (v instanceof Date) return `=${msToSerial(v.getTime(), model.date1904)}`;
  if (typeof v === 'string' && v.trim() !== '') {
    const s = v.trim();
    if (s.startsWith('=')) return s;
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return `=${Number(s)}`;
    if (dates) {
      const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
      if (Number.isFinite(ms)) return `=${msToSerial(ms, model.date1904)}`;
    }
  }
  throw invalidArgument(`${what} is not a number, a date, a range or a formula.`);
}

export function parseRule(model: WorkbookModel, input: unknown, home: Sheet): ValidationRule {
  if (typeof input !== 'object' || input === null) throw invalidArgument('rule must be an object.');
  const entries = Object.entries(input as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
  if (entries.length !== 1) throw invalidArgument('A DataValidationRule has exactly one kind of criteria.');
  const [key, raw] = entries[0] as [string, unknown];
  const type = KINDS[key];
  if (!type || typeof raw !== 'object' || raw === null)
    throw invalidArgument(`"${key}" is not a data validation kind.`);
  const spec = raw as Record<string, unknown>;
  if (type === 'List') {
    const source = spec['source'];
    const ref = refFormula(source, home);
    if (!ref && (typeof source !== 'string' || source.trim() === '')) throw invalidArgument('A list needs a source.');
    if (!ref && typeof source === 'string' && !source.startsWith('=') && source.length > 255) {
      throw invalidArgument('A list typed in is at most 255 characters long.');
    }
    return { type, source: ref ?? (source as string), inCellDropDown: spec['inCellDropDown'] !== false };
  }
  if (type === 'Custom') {
    const f = spec['formula'];
    if (typeof f !== 'string' || f.trim() === '') throw invalidArgument('A custom rule needs a formula.');
    return { type, formula: f.startsWith('=') ? f : `=${f}` };
  }
  const operator = spec['operator'];
  if (typeof operator !== 'string' || !OPERATORS.includes(operator))
    throw invalidArgument(`"${String(operator)}" is not an operator.`);
  const dates = type === 'Date' || type === 'Time';
  const formula1 = formulaOf(model, spec['formula1'], home, dates, 'formula1');
  const two = operator === 'Between' || operator === 'NotBetween';
  if (two && (spec['formula2'] === undefined || spec['formula2'] === null))
    throw invalidArgument(`${operator} needs formula2.`);
  return two
    ? { type, operator, formula1, formula2: formulaOf(model, spec['formula2'], home, dates, 'formula2') }
    : { type, operator, formula1 };
}

/** The rule as office-js returns it. */
export function ruleObject(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case 'None':
      return {};
    case 'List':
      return { list: { source: rule.source, inCellDropDown: rule.inCellDropDown } };
    case 'Custom':
      return { custom: { formula: rule.formula } };
    default: {
      const key = Object.entries(KINDS).find(([, t]) => t === rule.type)?.[0] ?? 'wholeNumber';
      const basic = {
        operator: rule.operator,
        formula1: rule.formula1,
        ...(rule.formula2 !== undefined ? { formula2: rule.formula2 } : {}),
      };
      return { [key]: basic } as Excel.DataValidationRule;
    }
  }
}

function assertEditable(sheet: Sheet): void {
  if (sheet.protection.protected) throw accessDenied('(data validation on a protected sheet)');
}

/** Takes the area out of every validation, dropping those left with no cells. */
export function removeValidations(model: WorkbookModel, sheet: Sheet, a: Area): void {
  const kept: Validation[] = [];
  for (const v of sheet.validations) {
    if (!v.areas.some((x) => intersect(x, a))) {
      kept.push(v);
      continue;
    }
    const rest = subtractAll(v.areas, a);
    if (rest.length > 0) {
      model.set(v, 'areas', rest);
      kept.push(v);
    }
  }
  model.set(sheet, 'validations', kept);
}

export function addValidation(
  model: WorkbookModel,
  sheet: Sheet,
  a: Area,
  rule: ValidationRule,
  patch: Partial<Validation> = {},
): Validation {
  removeValidations(model, sheet, a);
  const v: Validation = {
    id: Number(model.nextId('')),
    areas: [a],
    rule,
    errorAlert: DEFAULT_ALERT,
    prompt: DEFAULT_PROMPT,
    ignoreBlanks: true,
    ...patch,
  };
  model.set(sheet, 'validations', [...sheet.validations, v]);
  return v;
}

/** The validations touching an area, and whether one of them covers it all alone. */
function coverage(sheet: Sheet, a: Area): { touching: Validation[]; sole: Validation | null; partial: boolean } {
  const touching = sheet.validations.filter((v) => v.areas.some((x) => intersect(x, a)));
  const sole = touching.length === 1 && touching[0] && covers(touching[0].areas, a) ? touching[0] : null;
  const partial =
    touching.length > 0 &&
    !covers(
      touching.flatMap((v) => v.areas),
      a,
    );
  return { touching, sole, partial };
}

/** Applies a change (alert, prompt, blanks) to the validations within the area, splitting those that reach outside it. */
function patchWithin(model: WorkbookModel, sheet: Sheet, a: Area, patch: Partial<Validation>): void {
  const touching = sheet.validations.filter((v) => v.areas.some((x) => intersect(x, a)));
  let uncovered: Area[] = [a];
  for (const v of touching) for (const y of v.areas) uncovered = subtractAll(uncovered, y);
  for (const v of touching) {
    const inside = v.areas.flatMap((x) => {
      const i = intersect(x, a);
      return i ? [i] : [];
    });
    const outside = v.areas.flatMap((x) => subtractAll([x], a));
    if (outside.length === 0) {
      if (patch.errorAlert) model.set(v, 'errorAlert', patch.errorAlert);
      if (patch.prompt) model.set(v, 'prompt', patch.prompt);
      if (patch.ignoreBlanks !== undefined) model.set(v, 'ignoreBlanks', patch.ignoreBlanks);
    } else {
      model.set(v, 'areas', outside);
      const copy: Validation = { ...v, id: Number(model.nextId('')), areas: inside, ...patch };
      model.set(sheet, 'validations', [...sheet.validations, copy]);
    }
  }
  // A prompt or alert on cells without a rule makes an "any value" validation, as in Excel.
  for (const x of uncovered) {
    model.set(sheet, 'validations', [
      ...sheet.validations,
      {
        id: Number(model.nextId('')),
        areas: [x],
        rule: { type: 'None' },
        errorAlert: DEFAULT_ALERT,
        prompt: DEFAULT_PROMPT,
        ignoreBlanks: true,
        ...patch,
      },
    ]);
  }
}

export class SimDataValidation
  extends api<Pick<Excel.DataValidation, 'rule' | 'type' | 'errorAlert' | 'load' | 'set' | 'toJSON'>>()(
    SimPart<RangeTarget>,
    {
      typeName: 'DataValidation',
      props: ['rule', 'type', 'errorAlert'],
    },
  )
  implements Pick<Excel.DataValidation, 'clear'>
{
  protected override properties(): Record<string, PropDef> {
    const m = this.model;
    return {
      type: {
        get: () => {
          const { sheet, area } = this.target();
          const c = coverage(sheet, area);
          if (c.touching.length === 0) return 'None';
          if (c.sole) return c.sole.rule.type;
          const types = new Set(c.touching.map((v) => v.rule.type));
          return !c.partial && types.size === 1 ? 'MixedCriteria' : 'Inconsistent';
        },
      },
      rule: {
        get: () => {
          const { sheet, area } = this.target();
          const c = coverage(sheet, area);
          return c.sole ? ruleObject(c.sole.rule) : {};
        },
        set: (v) => {
          const { sheet, area } = this.target();
          assertEditable(sheet);
          addValidation(m, sheet, area, parseRule(m, v, sheet));
        },
      },
      errorAlert: {
        get: () => {
          const { sheet, area } = this.target();
          return { ...(coverage(sheet, area).sole?.errorAlert ?? DEFAULT_ALERT) };
        },
        set: (v) => {
          const { sheet, area } = this.target();
          assertEditable(sheet);
          patchWithin(m, sheet, area, { errorAlert: parseAlert(v) });
        },
      },
    };
  }

  clear(): void {
    this.enqueue('clear', [], () => {
      const { sheet, area } = this.target();
      assertEditable(sheet);
      removeValidations(this.model, sheet, area);
    });
  }
}

function parseAlert(v: unknown): ErrorAlert {
  if (typeof v !== 'object' || v === null) throw invalidArgument('errorAlert must be an object.');
  const o = v as Record<string, unknown>;
  const style = o['style'] ?? DEFAULT_ALERT.style;
  if (!['Stop', 'Warning', 'Information'].includes(String(style)))
    throw invalidArgument(`"${String(style)}" is not an alert style.`);
  const title = String(o['title'] ?? '');
  const message = String(o['message'] ?? '');
  // Excel's own limits on the texts of a validation.
  if (title.length > 32 || message.length > 255)
    throw invalidArgument('An alert title is at most 32 characters, its message 255.');
  return { title, message, style: String(style), showAlert: o['showAlert'] !== false };
}
