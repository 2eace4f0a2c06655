import { intersect, subtractAll, type Area } from './address';
import { accessDenied, invalidArgument, invalidOperation, itemNotFound } from './errors';
import type { RangeOwner } from './format';
import type { CfFormat, ConditionalFormat, Sheet, WorkbookModel } from './model';
import { SimCollection, SimObject, type LoadArg, type PropDef, type RangeTarget, type SimContext } from './proxy';
import { SimRange, SimRangeAreas } from './range';
import { checkFormula, normalizeColor } from './values';

/**
 * Conditional formats: what the add-in's finding markers are made of. The
 * sim keeps their rule and format as data; it never evaluates them.
 */
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
const CELL_VALUE_OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqual',
  'LessThanOrEqual',
];

function emptyFormat(): CfFormat {
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
  extends SimCollection<SimConditionalFormat, Excel.ConditionalFormat>
  implements
    Pick<
      Excel.ConditionalFormatCollection,
      'add' | 'getItem' | 'getItemAt' | 'getItemOrNullObject' | 'getCount' | 'clearAll' | 'load' | 'items'
    >
{
  get typeName(): string {
    return 'ConditionalFormatCollection';
  }

  constructor(
    ctx: SimContext,
    path: string,
    private readonly owner: RangeOwner,
  ) {
    super(ctx, path);
  }

  resolve(): RangeTarget | null {
    return this.owner.resolve();
  }

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
    let created: string | null = null;
    const cf = this.proxy(`${this.path}.add(${JSON.stringify(type)})`, () => {
      if (created === null) throw itemNotFound('(the conditional format was not added)');
      return created;
    });
    this.enqueue('add', [type], () => {
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
      created = model.id;
    });
    return cf as unknown as Excel.ConditionalFormat;
  }

  getItem(id: string): Excel.ConditionalFormat {
    return this.proxy(`${this.path}.getItem(${JSON.stringify(id)})`, () => {
      if (!this.touching().some((cf) => cf.id === id)) throw itemNotFound(`(no conditional format ${id})`);
      return id;
    }) as unknown as Excel.ConditionalFormat;
  }

  getItemOrNullObject(id: string): Excel.ConditionalFormat {
    return this.proxy(
      `${this.path}.getItemOrNullObject(${JSON.stringify(id)})`,
      () => {
        this.gate('getItemOrNullObject');
        return this.touching().some((cf) => cf.id === id) ? id : null;
      },
      true,
    ) as unknown as Excel.ConditionalFormat;
  }

  getItemAt(index: number): Excel.ConditionalFormat {
    return this.proxy(`${this.path}.getItemAt(${index})`, () => {
      const cf = this.touching()[index];
      if (!cf) throw itemNotFound(`(no conditional format at ${index})`);
      return cf.id;
    }) as unknown as Excel.ConditionalFormat;
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return this.result('getCount', [], () => this.touching().length);
  }

  /** Takes every conditional format off the range's cells (formats reaching outside it keep the rest). */
  clearAll(): void {
    this.enqueue('clearAll', [], () => {
      const { sheet, area } = this.target();
      assertEditable(sheet);
      clearConditionalFormats(this.model, sheet, area);
    });
  }

  load(option?: LoadArg): Excel.ConditionalFormatCollection {
    this.queueLoad(option);
    return this as unknown as Excel.ConditionalFormatCollection;
  }
}

export function clearConditionalFormats(model: WorkbookModel, sheet: Sheet, area: Area): void {
  const kept: ConditionalFormat[] = [];
  for (const cf of sheet.conditionalFormats) {
    const rest = subtractAll(cf.areas, area);
    if (rest.length === 0) continue;
    if (rest.length !== cf.areas.length || cf.areas.some((a) => intersect(a, area))) model.set(cf, 'areas', rest);
    kept.push(cf);
  }
  model.set(sheet, 'conditionalFormats', kept);
}

type CfMembers =
  | 'id'
  | 'type'
  | 'priority'
  | 'stopIfTrue'
  | 'custom'
  | 'customOrNullObject'
  | 'cellValue'
  | 'cellValueOrNullObject'
  | 'delete'
  | 'getRange'
  | 'getRangeOrNullObject'
  | 'getRanges'
  | 'load'
  | 'toJSON';

export class SimConditionalFormat extends SimObject implements Pick<Excel.ConditionalFormat, CfMembers> {
  get typeName(): string {
    return 'ConditionalFormat';
  }

  constructor(
    ctx: SimContext,
    path: string,
    private readonly locate: () => { sheetId: string; id: string } | null,
    orNull = false,
  ) {
    super(ctx, path, orNull);
  }

  resolve(): CfTarget | null {
    const key = this.bind(this.locate);
    if (key === null) return null;
    const sheet = this.model.sheetById(key.sheetId);
    const cf = sheet?.conditionalFormats.find((x) => x.id === key.id);
    if (!sheet || !cf) throw itemNotFound('(the conditional format was deleted)');
    return { sheet, cf };
  }

  private target(): CfTarget {
    const t = this.resolve();
    if (!t) throw invalidOperation('The conditional format is a null object.');
    return t;
  }

  protected properties(): Record<string, PropDef> {
    return {
      id: { get: () => this.target().cf.id },
      type: { get: () => this.target().cf.type },
      stopIfTrue: {
        get: () => this.target().cf.stopIfTrue,
        set: (v) => {
          if (typeof v !== 'boolean') throw invalidArgument('stopIfTrue must be true or false.');
          const { sheet, cf } = this.target();
          assertEditable(sheet);
          this.model.set(cf, 'stopIfTrue', v);
        },
      },
      priority: {
        get: () => {
          const { sheet, cf } = this.target();
          return sheet.conditionalFormats.indexOf(cf);
        },
        set: (v) => {
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
            throw invalidArgument('priority must be a whole number.');
          const { sheet, cf } = this.target();
          assertEditable(sheet);
          const rest = sheet.conditionalFormats.filter((x) => x !== cf);
          rest.splice(Math.min(v, rest.length), 0, cf);
          this.model.set(sheet, 'conditionalFormats', rest);
        },
      },
    };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return {
      custom: () => this.custom as unknown as SimObject,
      customOrNullObject: () => this.customOrNullObject as unknown as SimObject,
      cellValue: () => this.cellValue as unknown as SimObject,
      cellValueOrNullObject: () => this.cellValueOrNullObject as unknown as SimObject,
    };
  }

  get id(): string {
    return this.read('id');
  }
  get type(): Excel.ConditionalFormat['type'] {
    return this.read('type');
  }
  get priority(): number {
    return this.read('priority');
  }
  set priority(v: number) {
    this.write('priority', v);
  }
  get stopIfTrue(): boolean {
    return this.read('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this.write('stopIfTrue', v);
  }

  /** The rule of one kind; the sim keeps Custom and CellValue rules and refuses the others at sync. */
  private kind(kind: 'Custom' | 'CellValue', orNull: boolean): () => CfTarget | null {
    return () => {
      const t = this.resolve();
      if (!t) return null;
      if (t.cf.type === kind) return t;
      if (orNull) return null;
      throw invalidOperation(`The conditional format is of type ${t.cf.type}, not ${kind}.`);
    };
  }

  get custom(): Excel.CustomConditionalFormat {
    return this.child(
      'custom',
      () => new SimCustomConditionalFormat(this.ctx, `${this.path}.custom`, this.kind('Custom', false)),
    ) as unknown as Excel.CustomConditionalFormat;
  }

  get customOrNullObject(): Excel.CustomConditionalFormat {
    return this.child(
      'customOrNullObject',
      () =>
        new SimCustomConditionalFormat(this.ctx, `${this.path}.customOrNullObject`, this.kind('Custom', true), true),
    ) as unknown as Excel.CustomConditionalFormat;
  }

  get cellValue(): Excel.CellValueConditionalFormat {
    return this.child(
      'cellValue',
      () => new SimCellValueConditionalFormat(this.ctx, `${this.path}.cellValue`, this.kind('CellValue', false)),
    ) as unknown as Excel.CellValueConditionalFormat;
  }

  get cellValueOrNullObject(): Excel.CellValueConditionalFormat {
    return this.child(
      'cellValueOrNullObject',
      () =>
        new SimCellValueConditionalFormat(
          this.ctx,
          `${this.path}.cellValueOrNullObject`,
          this.kind('CellValue', true),
          true,
        ),
    ) as unknown as Excel.CellValueConditionalFormat;
  }

  delete(): void {
    this.enqueue('delete', [], () => {
      const { sheet, cf } = this.target();
      assertEditable(sheet);
      this.model.set(
        sheet,
        'conditionalFormats',
        sheet.conditionalFormats.filter((x) => x !== cf),
      );
    });
  }

  private rangeOf(member: string, orNull: boolean): Excel.Range {
    return new SimRange(
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
    ) as unknown as Excel.Range;
  }

  getRange(): Excel.Range {
    return this.rangeOf('getRange', false);
  }

  getRangeOrNullObject(): Excel.Range {
    return this.rangeOf('getRangeOrNullObject', true);
  }

  getRanges(): Excel.RangeAreas {
    return new SimRangeAreas(this.ctx, `${this.path}.getRanges()`, () => {
      this.ctx.engine.requireApi('ConditionalFormat.getRanges');
      const t = this.resolve();
      return t ? { sheetId: t.sheet.id, areas: t.cf.areas } : null;
    }) as unknown as Excel.RangeAreas;
  }

  load(option?: LoadArg): Excel.ConditionalFormat {
    this.queueLoad(option);
    return this as unknown as Excel.ConditionalFormat;
  }
  toJSON(): Excel.Interfaces.ConditionalFormatData {
    return this.jsonOf() as Excel.Interfaces.ConditionalFormatData;
  }
}

/** Base of the parts of a conditional format: they resolve to the format (or null). */
abstract class CfPart extends SimObject {
  constructor(
    ctx: SimContext,
    path: string,
    protected readonly owner: () => CfTarget | null,
    orNull = false,
  ) {
    super(ctx, path, orNull);
  }

  resolve(): CfTarget | null {
    return this.owner();
  }

  protected target(): CfTarget {
    const t = this.owner();
    if (!t) throw invalidOperation('The conditional format is a null object.');
    return t;
  }

  protected edit(f: (t: CfTarget) => void): void {
    const t = this.target();
    assertEditable(t.sheet);
    f(t);
  }
}

export class SimCustomConditionalFormat
  extends CfPart
  implements Pick<Excel.CustomConditionalFormat, 'rule' | 'format' | 'load' | 'toJSON'>
{
  get typeName(): string {
    return 'CustomConditionalFormat';
  }

  protected properties(): Record<string, PropDef> {
    return {};
  }

  protected override navigation(): Record<string, () => SimObject> {
    return { rule: () => this.rule as unknown as SimObject, format: () => this.format as unknown as SimObject };
  }

  get rule(): Excel.ConditionalFormatRule {
    return this.child(
      'rule',
      () => new SimConditionalFormatRule(this.ctx, `${this.path}.rule`, this.owner),
    ) as unknown as Excel.ConditionalFormatRule;
  }

  get format(): Excel.ConditionalRangeFormat {
    return this.child(
      'format',
      () => new SimConditionalRangeFormat(this.ctx, `${this.path}.format`, this.owner),
    ) as unknown as Excel.ConditionalRangeFormat;
  }

  load(option?: LoadArg): Excel.CustomConditionalFormat {
    this.queueLoad(option);
    return this as unknown as Excel.CustomConditionalFormat;
  }
  toJSON(): Excel.Interfaces.CustomConditionalFormatData {
    return this.jsonOf() as Excel.Interfaces.CustomConditionalFormatData;
  }
}

export class SimConditionalFormatRule
  extends CfPart
  implements Pick<Excel.ConditionalFormatRule, 'formula' | 'formulaLocal' | 'load' | 'toJSON'>
{
  get typeName(): string {
    return 'ConditionalFormatRule';
  }

  protected properties(): Record<string, PropDef> {
    const prop: PropDef = {
      get: () => this.target().cf.rule.formula,
      set: (v) => this.edit(({ cf }) => this.model.set(cf, 'rule', { ...cf.rule, formula: formula(v) })),
    };
    return { formula: prop, formulaLocal: prop };
  }

  get formula(): string {
    return this.read('formula');
  }
  set formula(v: string) {
    this.write('formula', v);
  }
  get formulaLocal(): string {
    return this.read('formulaLocal');
  }
  set formulaLocal(v: string) {
    this.write('formulaLocal', v);
  }

  load(option?: LoadArg): Excel.ConditionalFormatRule {
    this.queueLoad(option);
    return this as unknown as Excel.ConditionalFormatRule;
  }
  toJSON(): Excel.Interfaces.ConditionalFormatRuleData {
    return this.jsonOf() as Excel.Interfaces.ConditionalFormatRuleData;
  }
}

export class SimCellValueConditionalFormat
  extends CfPart
  implements Pick<Excel.CellValueConditionalFormat, 'rule' | 'format' | 'load' | 'toJSON'>
{
  get typeName(): string {
    return 'CellValueConditionalFormat';
  }

  protected properties(): Record<string, PropDef> {
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

  protected override navigation(): Record<string, () => SimObject> {
    return { format: () => this.format as unknown as SimObject };
  }

  get rule(): Excel.ConditionalCellValueRule {
    return this.read('rule');
  }
  set rule(v: Excel.ConditionalCellValueRule) {
    this.write('rule', v);
  }

  get format(): Excel.ConditionalRangeFormat {
    return this.child(
      'format',
      () => new SimConditionalRangeFormat(this.ctx, `${this.path}.format`, this.owner),
    ) as unknown as Excel.ConditionalRangeFormat;
  }

  load(option?: LoadArg): Excel.CellValueConditionalFormat {
    this.queueLoad(option);
    return this as unknown as Excel.CellValueConditionalFormat;
  }
  toJSON(): Excel.Interfaces.CellValueConditionalFormatData {
    return this.jsonOf() as Excel.Interfaces.CellValueConditionalFormatData;
  }
}

export class SimConditionalRangeFormat
  extends CfPart
  implements Pick<Excel.ConditionalRangeFormat, 'fill' | 'font' | 'numberFormat' | 'clearFormat' | 'load' | 'toJSON'>
{
  get typeName(): string {
    return 'ConditionalRangeFormat';
  }

  protected properties(): Record<string, PropDef> {
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

  protected override navigation(): Record<string, () => SimObject> {
    return { fill: () => this.fill as unknown as SimObject, font: () => this.font as unknown as SimObject };
  }

  get numberFormat(): Excel.ConditionalRangeFormat['numberFormat'] {
    return this.read('numberFormat');
  }
  set numberFormat(v: Excel.ConditionalRangeFormat['numberFormat']) {
    this.write('numberFormat', v);
  }

  get fill(): Excel.ConditionalRangeFill {
    return this.child(
      'fill',
      () => new SimConditionalRangeFill(this.ctx, `${this.path}.fill`, this.owner),
    ) as unknown as Excel.ConditionalRangeFill;
  }

  get font(): Excel.ConditionalRangeFont {
    return this.child(
      'font',
      () => new SimConditionalRangeFont(this.ctx, `${this.path}.font`, this.owner),
    ) as unknown as Excel.ConditionalRangeFont;
  }

  clearFormat(): void {
    this.enqueue('clearFormat', [], () => this.edit(({ cf }) => this.model.set(cf, 'format', emptyFormat())));
  }

  load(option?: LoadArg): Excel.ConditionalRangeFormat {
    this.queueLoad(option);
    return this as unknown as Excel.ConditionalRangeFormat;
  }
  toJSON(): Excel.Interfaces.ConditionalRangeFormatData {
    return this.jsonOf() as Excel.Interfaces.ConditionalRangeFormatData;
  }
}

export class SimConditionalRangeFill
  extends CfPart
  implements Pick<Excel.ConditionalRangeFill, 'color' | 'clear' | 'load' | 'toJSON'>
{
  get typeName(): string {
    return 'ConditionalRangeFill';
  }

  protected properties(): Record<string, PropDef> {
    return {
      color: {
        get: () => this.target().cf.format.fill,
        set: (v) => this.edit(({ cf }) => this.model.set(cf.format, 'fill', normalizeColor(v))),
      },
    };
  }

  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.write('color', v);
  }

  clear(): void {
    this.enqueue('clear', [], () => this.edit(({ cf }) => this.model.set(cf.format, 'fill', null)));
  }

  load(option?: LoadArg): Excel.ConditionalRangeFill {
    this.queueLoad(option);
    return this as unknown as Excel.ConditionalRangeFill;
  }
  toJSON(): Excel.Interfaces.ConditionalRangeFillData {
    return this.jsonOf() as Excel.Interfaces.ConditionalRangeFillData;
  }
}

export class SimConditionalRangeFont
  extends CfPart
  implements
    Pick<
      Excel.ConditionalRangeFont,
      'color' | 'bold' | 'italic' | 'strikethrough' | 'underline' | 'clear' | 'load' | 'toJSON'
    >
{
  get typeName(): string {
    return 'ConditionalRangeFont';
  }

  protected properties(): Record<string, PropDef> {
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
      strikethrough: flag('strikethrough'),
      underline: {
        get: () => this.target().cf.format.underline,
        set: (v) =>
          this.edit(({ cf }) => {
            if (!['None', 'Single', 'Double'].includes(String(v)))
              throw invalidArgument(`"${String(v)}" is not an underline style.`);
            this.model.set(cf.format, 'underline', String(v));
          }),
      },
    };
  }

  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.write('color', v);
  }
  get bold(): boolean {
    return this.read('bold');
  }
  set bold(v: boolean) {
    this.write('bold', v);
  }
  get italic(): boolean {
    return this.read('italic');
  }
  set italic(v: boolean) {
    this.write('italic', v);
  }
  get strikethrough(): boolean {
    return this.read('strikethrough');
  }
  set strikethrough(v: boolean) {
    this.write('strikethrough', v);
  }
  get underline(): Excel.ConditionalRangeFont['underline'] {
    return this.read('underline');
  }
  set underline(v: Excel.ConditionalRangeFont['underline']) {
    this.write('underline', v);
  }

  clear(): void {
    this.enqueue('clear', [], () =>
      this.edit(({ cf }) => {
        for (const k of ['fontColor', 'bold', 'italic', 'strikethrough', 'underline'] as const)
          this.model.set(cf.format, k, null);
      }),
    );
  }

  load(option?: LoadArg): Excel.ConditionalRangeFont {
    this.queueLoad(option);
    return this as unknown as Excel.ConditionalRangeFont;
  }
  toJSON(): Excel.Interfaces.ConditionalRangeFontData {
    return this.jsonOf() as Excel.Interfaces.ConditionalRangeFontData;
  }
}
