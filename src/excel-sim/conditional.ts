/**
 * Conditional formats: what the add-in's finding markers are made of. The
 * sim keeps their rule and format as data; it never evaluates them.
 */
import { intersect } from './address';
import { accessDenied, invalidArgument, invalidOperation, itemNotFound } from './errors';
import type { CfFormat, ConditionalFormat, Sheet } from './model';
import {
  SimObject,
  SimPartCollection,
  type PropDef,
  type RangeTarget,
  api,
  asApi,
  SimBound,
  SimPart,
  type Owner,
} from './proxy';
import { SimRange } from './range';
import { COMPARISONS } from './validation';
import { checkFormula, normalizeColor } from './values';

const TYPES = [
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
];
const CELL_VALUE_OPERATORS = [...COMPARISONS, 'GreaterThanOrEqual', 'LessThanOrEqual'];

export function emptyFormat(): CfFormat {
  return {
    fill: null,
    fontColor: null,
    bold: null,
    italic: null,
    strikethrough: null,
    underline: null,
    numberFormat: null,
  };
}

function assertEditable(sheet: Sheet): void {
  if (sheet.protection.protected) throw accessDenied('(conditional formats on a protected sheet)');
}

function formula(v: unknown): string {
  if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('A conditional format needs a formula.');
  const f = v.startsWith('=') ? v : `=${v}`;
  checkFormula(f);
  return f;
}

interface CfTarget {
  readonly sheet: Sheet;
  readonly cf: ConditionalFormat;
}

export class SimConditionalFormatCollection
  extends api<Pick<Excel.ConditionalFormatCollection, 'load'>>()(
    SimPartCollection<SimConditionalFormat, Excel.ConditionalFormat, RangeTarget>,
    { typeName: 'ConditionalFormatCollection' },
  )
  implements Pick<Excel.ConditionalFormatCollection, 'add' | 'getItem' | 'getItemAt' | 'getItemOrNullObject' | 'items'>
{
  private target(): RangeTarget {
    const t = this.owner.resolve();
    if (!t) throw invalidOperation('The range is a null object.');
    return t;
  }

  /** The formats touching the range, in priority order. */
  private touching(): ConditionalFormat[] {
    const { sheet, area } = this.target();
    return sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => intersect(a, area)));
  }

  private proxy(path: string, locate: () => string | null, orNull = false): SimConditionalFormat {
    return new SimConditionalFormat(
      this.ctx,
      path,
      () => {
        const id = locate();
        return id === null ? null : { sheetId: this.target().sheet.id, id };
      },
      orNull,
    );
  }

  protected itemProxies(): SimConditionalFormat[] {
    return this.touching().map((cf) => this.proxy(`${this.path}.getItem("${cf.id}")`, () => cf.id));
  }

  add(
    type: Excel.ConditionalFormatType | Parameters<Excel.ConditionalFormatCollection['add']>[0],
  ): Excel.ConditionalFormat {
    const cf = this.enqueueAdd(
      'conditional format',
      [type],
      () => {
        const { sheet, area } = this.target();
        if (!TYPES.includes(type)) throw invalidArgument(`"${type}" is not a ConditionalFormatType.`);
        assertEditable(sheet);
        const m = this.model;
        const model: ConditionalFormat = {
          id: `{${m.nextId('CF-')}}`,
          type,
          areas: [area],
          stopIfTrue: false,
          rule: { formula: '', operator: 'Invalid', formula1: '', formula2: '' },
          format: emptyFormat(),
        };
        // A new format comes first (priority 0), as in Excel.
        m.set(sheet, 'conditionalFormats', [model, ...sheet.conditionalFormats]);
        return model.id;
      },
      (created) => this.proxy(`${this.path}.add(${JSON.stringify(type)})`, created),
    );
    return asApi<Excel.ConditionalFormat>(cf);
  }

  getItem(id: string): Excel.ConditionalFormat {
    return asApi<Excel.ConditionalFormat>(
      this.proxy(`${this.path}.getItem(${JSON.stringify(id)})`, () => {
        if (!this.touching().some((cf) => cf.id === id)) throw itemNotFound(`(no conditional format ${id})`);
        return id;
      }),
    );
  }

  getItemOrNullObject(id: string): Excel.ConditionalFormat {
    return asApi<Excel.ConditionalFormat>(
      this.proxy(
        `${this.path}.getItemOrNullObject(${JSON.stringify(id)})`,
        () => {
          this.gate('getItemOrNullObject');
          return this.touching().some((cf) => cf.id === id) ? id : null;
        },
        true,
      ),
    );
  }

  getItemAt(index: number): Excel.ConditionalFormat {
    return asApi<Excel.ConditionalFormat>(
      this.proxy(`${this.path}.getItemAt(${index})`, () => {
        const cf = this.touching()[index];
        if (!cf) throw itemNotFound(`(no conditional format at ${index})`);
        return cf.id;
      }),
    );
  }
}

export class SimConditionalFormat
  extends api<
    Pick<Excel.ConditionalFormat, 'id' | 'type' | 'custom' | 'customOrNullObject' | 'cellValue' | 'load' | 'toJSON'>
  >()(SimBound<{ sheetId: string; id: string }, CfTarget>, {
    typeName: 'ConditionalFormat',
    props: ['id', 'type'],
    children: ['custom', 'customOrNullObject', 'cellValue'],
  })
  implements Pick<Excel.ConditionalFormat, 'delete' | 'getRange'>
{
  protected find(key: { sheetId: string; id: string }): CfTarget | undefined {
    const sheet = this.model.sheetById(key.sheetId);
    const cf = sheet?.conditionalFormats.find((x) => x.id === key.id);
    return sheet && cf ? { sheet, cf } : undefined;
  }

  protected override properties(): Record<string, PropDef> {
    return {
      id: { get: () => this.target().cf.id },
      type: { get: () => this.target().cf.type },
    };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return {
      custom: () => new SimCustomConditionalFormat(this.ctx, `${this.path}.custom`, this.kind('Custom', false)),
      customOrNullObject: () =>
        new SimCustomConditionalFormat(this.ctx, `${this.path}.customOrNullObject`, this.kind('Custom', true), true),
      cellValue: () =>
        new SimCellValueConditionalFormat(this.ctx, `${this.path}.cellValue`, this.kind('CellValue', false)),
    };
  }

  /** The rule of one kind; the sim keeps Custom and CellValue rules and refuses the others at sync. */
  private kind(kind: 'Custom' | 'CellValue', orNull: boolean): Owner<CfTarget> {
    return {
      resolve: () => {
        const t = this.resolve();
        if (!t) return null;
        if (t.cf.type === kind) return t;
        if (orNull) return null;
        throw invalidOperation(`The conditional format is of type ${t.cf.type}, not ${kind}.`);
      },
    };
  }

  delete(): void {
    this.enqueue('delete', [], () => {
      const { sheet, cf } = this.target();
      assertEditable(sheet);
      this.model.remove(sheet, 'conditionalFormats', cf);
    });
  }

  private rangeOf(member: string, orNull: boolean): Excel.Range {
    return asApi<Excel.Range>(
      new SimRange(
        this.ctx,
        `${this.path}.${member}()`,
        () => {
          const t = this.resolve();
          if (!t) return null;
          const only = t.cf.areas.length === 1 ? t.cf.areas[0] : undefined;
          if (!only) {
            if (orNull) return null;
            throw invalidOperation('The conditional format applies to several ranges: use getRanges.');
          }
          return { sheetId: t.sheet.id, area: only };
        },
        orNull,
      ),
    );
  }

  getRange(): Excel.Range {
    return this.rangeOf('getRange', false);
  }
}

/** Base of the parts of a conditional format: they resolve to the format (or null). */
abstract class CfPart extends SimPart<CfTarget> {
  protected edit(f: (t: CfTarget) => void): void {
    const t = this.target();
    assertEditable(t.sheet);
    f(t);
  }
}

export class SimCustomConditionalFormat extends api<
  Pick<Excel.CustomConditionalFormat, 'rule' | 'format' | 'load' | 'toJSON'>
>()(CfPart, { typeName: 'CustomConditionalFormat', children: ['rule', 'format'] }) {
  protected override navigation(): Record<string, () => SimObject> {
    return {
      rule: () => new SimConditionalFormatRule(this.ctx, `${this.path}.rule`, this.owner),
      format: () => new SimConditionalRangeFormat(this.ctx, `${this.path}.format`, this.owner),
    };
  }
}

export class SimConditionalFormatRule extends api<Pick<Excel.ConditionalFormatRule, 'formula' | 'load' | 'toJSON'>>()(
  CfPart,
  { typeName: 'ConditionalFormatRule', props: ['formula'] },
) {
  protected override properties(): Record<string, PropDef> {
    const prop: PropDef = {
      get: () => this.target().cf.rule.formula,
      set: (v) => this.edit(({ cf }) => this.model.set(cf, 'rule', { ...cf.rule, formula: formula(v) })),
    };
    return { formula: prop, formulaLocal: prop };
  }
}

export class SimCellValueConditionalFormat extends api<
  Pick<Excel.CellValueConditionalFormat, 'rule' | 'format' | 'load' | 'toJSON'>
>()(CfPart, { typeName: 'CellValueConditionalFormat', props: ['rule'], children: ['format'] }) {
  protected override navigation(): Record<string, () => SimObject> {
    return {
      format: () => new SimConditionalRangeFormat(this.ctx, `${this.path}.format`, this.owner),
    };
  }

  protected override properties(): Record<string, PropDef> {
    return {
      rule: {
        get: () => {
          const r = this.target().cf.rule;
          return { operator: r.operator, formula1: r.formula1, ...(r.formula2 ? { formula2: r.formula2 } : {}) };
        },
        set: (v) =>
          this.edit(({ cf }) => {
            if (typeof v !== 'object' || v === null) throw invalidArgument('rule must be an object.');
            const o = v as Record<string, unknown>;
            const operator = String(o['operator']);
            if (!CELL_VALUE_OPERATORS.includes(operator))
              throw invalidArgument(`"${operator}" is not a ConditionalCellValueOperator.`);
            const two = operator === 'Between' || operator === 'NotBetween';
            const f = (x: unknown): string => (typeof x === 'number' ? `=${x}` : formula(x));
            this.model.set(cf, 'rule', {
              ...cf.rule,
              operator,
              formula1: f(o['formula1']),
              formula2: two ? f(o['formula2']) : '',
            });
          }),
      },
    };
  }
}

export class SimConditionalRangeFormat extends api<
  Pick<Excel.ConditionalRangeFormat, 'fill' | 'font' | 'numberFormat' | 'load' | 'toJSON'>
>()(CfPart, {
  typeName: 'ConditionalRangeFormat',
  props: ['numberFormat'],
  children: ['fill', 'font'],
}) {
  protected override navigation(): Record<string, () => SimObject> {
    return {
      fill: () => new SimConditionalRangeFill(this.ctx, `${this.path}.fill`, this.owner),
      font: () => new SimConditionalRangeFont(this.ctx, `${this.path}.font`, this.owner),
    };
  }

  protected override properties(): Record<string, PropDef> {
    return {
      numberFormat: {
        get: () => this.target().cf.format.numberFormat,
        set: (v) =>
          this.edit(({ cf }) => {
            if (typeof v !== 'string') throw invalidArgument('numberFormat must be a string.');
            this.model.set(cf.format, 'numberFormat', v);
          }),
      },
    };
  }
}

export class SimConditionalRangeFill
  extends api<Pick<Excel.ConditionalRangeFill, 'color' | 'load' | 'toJSON'>>()(CfPart, {
    typeName: 'ConditionalRangeFill',
    props: ['color'],
  })
  implements Pick<Excel.ConditionalRangeFill, 'clear'>
{
  protected override properties(): Record<string, PropDef> {
    return {
      color: {
        get: () => this.target().cf.format.fill,
        set: (v) => this.edit(({ cf }) => this.model.set(cf.format, 'fill', normalizeColor(v))),
      },
    };
  }

  clear(): void {
    this.enqueue('clear', [], () => this.edit(({ cf }) => this.model.set(cf.format, 'fill', null)));
  }
}

export class SimConditionalRangeFont
  extends api<Pick<Excel.ConditionalRangeFont, 'color' | 'bold' | 'italic' | 'load' | 'toJSON'>>()(CfPart, {
    typeName: 'ConditionalRangeFont',
    props: ['color', 'bold', 'italic'],
  })
  implements Pick<Excel.ConditionalRangeFont, 'clear'>
{
  protected override properties(): Record<string, PropDef> {
    const flag = (key: 'bold' | 'italic' | 'strikethrough'): PropDef => ({
      get: () => this.target().cf.format[key],
      set: (v) =>
        this.edit(({ cf }) => {
          if (typeof v !== 'boolean') throw invalidArgument(`${key} must be true or false.`);
          this.model.set(cf.format, key, v);
        }),
    });
    return {
      color: {
        get: () => this.target().cf.format.fontColor,
        set: (v) => this.edit(({ cf }) => this.model.set(cf.format, 'fontColor', normalizeColor(v))),
      },
      bold: flag('bold'),
      italic: flag('italic'),
    };
  }

  clear(): void {
    this.enqueue('clear', [], () =>
      this.edit(({ cf }) => {
        for (const k of ['fontColor', 'bold', 'italic', 'strikethrough', 'underline'] as const)
          this.model.set(cf.format, k, null);
      }),
    );
  }
}
