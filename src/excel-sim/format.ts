import { MAX_COLUMNS, MAX_ROWS, rowsOf, sameArea } from './address';
import { accessDenied, invalidArgument, invalidOperation, itemNotFound } from './errors';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type Sheet, type Style, type WorkbookModel } from './model';
import { assertFormatWritable, patchFormat } from './ops';
import { SimCollection, SimObject, type LoadArg, type PropDef, type RangeTarget, type SimContext } from './proxy';
import { normalizeColor } from './values';

/** What a format facet hangs from: a range (resolved at sync). */
export interface RangeOwner {
  resolve(): RangeTarget | null;
}

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'];
const BORDER_SIDES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];
const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];

function oneOf(allowed: readonly string[], what: string): (v: unknown) => string {
  return (v) => {
    if (typeof v !== 'string' || !allowed.includes(v)) throw invalidArgument(`"${String(v)}" is not a valid ${what}.`);
    return v;
  };
}

function bool(what: string): (v: unknown) => boolean {
  return (v) => {
    if (typeof v !== 'boolean') throw invalidArgument(`${what} must be true or false.`);
    return v;
  };
}

/** A size in points within Excel's limits (0 hides a column or a row). */
function size(what: string, min: number, max: number): (v: unknown) => number {
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      throw invalidArgument(`${what} must be a size in points from ${min} to ${max}.`);
    }
    return v;
  };
}

/** Excel's limits: 255 characters of width, 409 points of height, fonts of 1 to 409 points. */
const MAX_COLUMN_POINTS = (255 * 7 + 5) * 0.75;
const MAX_ROW_POINTS = 409;

/** Base of the facets of a range's look: they resolve to the range they belong to. */
abstract class Facet extends SimObject {
  constructor(
    ctx: SimContext,
    path: string,
    protected readonly owner: RangeOwner,
  ) {
    super(ctx, path);
  }

  resolve(): RangeTarget | null {
    return this.owner.resolve();
  }

  protected target(): RangeTarget {
    const t = this.owner.resolve();
    if (!t) throw invalidOperation('The range is a null object.');
    return t;
  }

  /** A style property: read as one value, or null when the cells differ (as office-js does). */
  protected styleProp<K extends keyof Style>(
    key: K,
    parse: (v: unknown) => Style[K],
    show: (v: Style[K]) => unknown = (v) => v,
  ): PropDef {
    const m = (): WorkbookModel => this.model;
    return {
      get: () => {
        const t = this.target();
        const values = m().styleValuesIn(t.sheet, t.area, key);
        return values.size === 1 ? show([...values][0] as Style[K]) : null;
      },
      set: (v) => {
        const t = this.target();
        patchFormat(m(), t.sheet, t.area, { [key]: parse(v) } as Partial<Style>);
      },
    };
  }
}

function sizes(map: Map<number, number>, from: number, to: number, fallback: number): Set<number> {
  const out = new Set<number>();
  let n = 0;
  for (const [i, v] of map) {
    if (i >= from && i <= to) {
      out.add(v);
      n++;
    }
  }
  if (n < to - from + 1) out.add(fallback);
  return out;
}

function assertSizeWritable(sheet: Sheet, rows: boolean): void {
  const p = sheet.protection;
  if (p.protected && !(rows ? p.options.allowFormatRows : p.options.allowFormatColumns)) {
    throw accessDenied(`(${rows ? 'row heights' : 'column widths'} of a protected sheet)`);
  }
}

type FormatMembers =
  | 'columnWidth'
  | 'rowHeight'
  | 'wrapText'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'font'
  | 'fill'
  | 'borders'
  | 'protection'
  | 'autofitColumns'
  | 'autofitRows'
  | 'load'
  | 'set'
  | 'toJSON';

export class SimRangeFormat extends Facet implements Pick<Excel.RangeFormat, FormatMembers> {
  get typeName(): string {
    return 'RangeFormat';
  }

  protected properties(): Record<string, PropDef> {
    return {
      wrapText: this.styleProp('wrapText', bool('wrapText')),
      horizontalAlignment: this.styleProp('horizontalAlignment', oneOf(H_ALIGN, 'horizontal alignment')),
      verticalAlignment: this.styleProp('verticalAlignment', oneOf(V_ALIGN, 'vertical alignment')),
      columnWidth: {
        get: () => {
          const { sheet, area } = this.target();
          const s = sizes(sheet.colWidths, area.left, area.right, DEFAULT_COLUMN_WIDTH);
          return s.size === 1 ? [...s][0] : null;
        },
        set: (v) => {
          const width = size('columnWidth', 0, MAX_COLUMN_POINTS)(v);
          const { sheet, area } = this.target();
          assertSizeWritable(sheet, false);
          for (let c = area.left; c <= area.right && c < MAX_COLUMNS; c++) this.model.mapSet(sheet.colWidths, c, width);
        },
      },
      rowHeight: {
        get: () => {
          const { sheet, area } = this.target();
          const s = sizes(sheet.rowHeights, area.top, area.bottom, DEFAULT_ROW_HEIGHT);
          return s.size === 1 ? [...s][0] : null;
        },
        set: (v) => {
          const height = size('rowHeight', 0, MAX_ROW_POINTS)(v);
          const { sheet, area } = this.target();
          assertSizeWritable(sheet, true);
          if (rowsOf(area) > 100_000) throw invalidArgument('rowHeight: too many rows at once.');
          for (let r = area.top; r <= area.bottom && r < MAX_ROWS; r++) this.model.mapSet(sheet.rowHeights, r, height);
        },
      },
    };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return {
      font: () => this.font as unknown as SimObject,
      fill: () => this.fill as unknown as SimObject,
      borders: () => this.borders as unknown as SimObject,
      protection: () => this.protection as unknown as SimObject,
    };
  }

  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set wrapText(v: boolean) {
    this.write('wrapText', v);
  }
  get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] {
    return this.read('horizontalAlignment');
  }
  set horizontalAlignment(v: Excel.RangeFormat['horizontalAlignment']) {
    this.write('horizontalAlignment', v);
  }
  get verticalAlignment(): Excel.RangeFormat['verticalAlignment'] {
    return this.read('verticalAlignment');
  }
  set verticalAlignment(v: Excel.RangeFormat['verticalAlignment']) {
    this.write('verticalAlignment', v);
  }
  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(v: number) {
    this.write('columnWidth', v);
  }
  get rowHeight(): number {
    return this.read('rowHeight');
  }
  set rowHeight(v: number) {
    this.write('rowHeight', v);
  }

  get font(): Excel.RangeFont {
    return this.child(
      'font',
      () => new SimRangeFont(this.ctx, `${this.path}.font`, this.owner),
    ) as unknown as Excel.RangeFont;
  }
  get fill(): Excel.RangeFill {
    return this.child(
      'fill',
      () => new SimRangeFill(this.ctx, `${this.path}.fill`, this.owner),
    ) as unknown as Excel.RangeFill;
  }
  get protection(): Excel.FormatProtection {
    return this.child(
      'protection',
      () => new SimFormatProtection(this.ctx, `${this.path}.protection`, this.owner),
    ) as unknown as Excel.FormatProtection;
  }
  get borders(): Excel.RangeBorderCollection {
    return this.child(
      'borders',
      () => new SimRangeBorderCollection(this.ctx, `${this.path}.borders`, this.owner),
    ) as unknown as Excel.RangeBorderCollection;
  }

  /** Column widths depend on fonts the sim does not measure: recorded, without effect. */
  autofitColumns(): void {
    this.enqueue('autofitColumns', [], () => assertSizeWritable(this.target().sheet, false));
  }

  autofitRows(): void {
    this.enqueue('autofitRows', [], () => assertSizeWritable(this.target().sheet, true));
  }

  load(option?: LoadArg): Excel.RangeFormat {
    this.queueLoad(option);
    return this as unknown as Excel.RangeFormat;
  }
  set(properties: object): void {
    this.setMany(properties);
  }
  toJSON(): Excel.Interfaces.RangeFormatData {
    return this.jsonOf() as Excel.Interfaces.RangeFormatData;
  }
}

export class SimRangeFont
  extends Facet
  implements
    Pick<
      Excel.RangeFont,
      'bold' | 'italic' | 'color' | 'size' | 'name' | 'underline' | 'strikethrough' | 'load' | 'set' | 'toJSON'
    >
{
  get typeName(): string {
    return 'RangeFont';
  }

  protected properties(): Record<string, PropDef> {
    return {
      bold: this.styleProp('bold', bool('bold')),
      italic: this.styleProp('italic', bool('italic')),
      strikethrough: this.styleProp('strikethrough', bool('strikethrough')),
      color: this.styleProp('fontColor', normalizeColor),
      size: this.styleProp('fontSize', size('size', 1, 409)),
      name: this.styleProp('fontName', (v) => {
        if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('A font name is required.');
        return v;
      }),
      underline: this.styleProp('underline', oneOf(UNDERLINE, 'underline style')),
    };
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
  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.write('color', v);
  }
  get size(): number {
    return this.read('size');
  }
  set size(v: number) {
    this.write('size', v);
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.write('name', v);
  }
  get underline(): Excel.RangeFont['underline'] {
    return this.read('underline');
  }
  set underline(v: Excel.RangeFont['underline']) {
    this.write('underline', v);
  }

  load(option?: LoadArg): Excel.RangeFont {
    this.queueLoad(option);
    return this as unknown as Excel.RangeFont;
  }
  set(properties: object): void {
    this.setMany(properties);
  }
  toJSON(): Excel.Interfaces.RangeFontData {
    return this.jsonOf() as Excel.Interfaces.RangeFontData;
  }
}

export class SimRangeFill
  extends Facet
  implements Pick<Excel.RangeFill, 'color' | 'clear' | 'load' | 'set' | 'toJSON'>
{
  get typeName(): string {
    return 'RangeFill';
  }

  protected properties(): Record<string, PropDef> {
    // No fill reads as white, as in Excel.
    return { color: this.styleProp('fill', normalizeColor, (v) => v ?? '#FFFFFF') };
  }

  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.write('color', v);
  }

  clear(): void {
    this.enqueue('clear', [], () => {
      const t = this.target();
      patchFormat(this.model, t.sheet, t.area, { fill: null });
    });
  }

  load(option?: LoadArg): Excel.RangeFill {
    this.queueLoad(option);
    return this as unknown as Excel.RangeFill;
  }
  set(properties: object): void {
    this.setMany(properties);
  }
  toJSON(): Excel.Interfaces.RangeFillData {
    return this.jsonOf() as Excel.Interfaces.RangeFillData;
  }
}

export class SimFormatProtection
  extends Facet
  implements Pick<Excel.FormatProtection, 'locked' | 'formulaHidden' | 'load' | 'set' | 'toJSON'>
{
  get typeName(): string {
    return 'FormatProtection';
  }

  protected properties(): Record<string, PropDef> {
    return {
      locked: this.styleProp('locked', bool('locked')),
      formulaHidden: this.styleProp('formulaHidden', bool('formulaHidden')),
    };
  }

  get locked(): boolean {
    return this.read('locked');
  }
  set locked(v: boolean) {
    this.write('locked', v);
  }
  get formulaHidden(): boolean {
    return this.read('formulaHidden');
  }
  set formulaHidden(v: boolean) {
    this.write('formulaHidden', v);
  }

  load(option?: LoadArg): Excel.FormatProtection {
    this.queueLoad(option);
    return this as unknown as Excel.FormatProtection;
  }
  set(properties: object): void {
    this.setMany(properties);
  }
  toJSON(): Excel.Interfaces.FormatProtectionData {
    return this.jsonOf() as Excel.Interfaces.FormatProtectionData;
  }
}

/**
 * Borders are recorded per range and side, without drawing anything: a read
 * gives back what was last set for exactly that range and side.
 */
export class SimRangeBorder
  extends Facet
  implements Pick<Excel.RangeBorder, 'sideIndex' | 'style' | 'color' | 'weight' | 'load' | 'set' | 'toJSON'>
{
  get typeName(): string {
    return 'RangeBorder';
  }

  constructor(
    ctx: SimContext,
    path: string,
    owner: RangeOwner,
    private readonly side: string,
  ) {
    super(ctx, path, owner);
  }

  private current(): { style: string; color: string; weight: string } {
    const { sheet, area } = this.target();
    const found = [...sheet.borders].reverse().find((b) => b.side === this.side && sameArea(b.area, area));
    return found ?? { style: 'None', color: '#000000', weight: 'Thin' };
  }

  private put(patch: Partial<{ style: string; color: string; weight: string }>): void {
    const { sheet, area } = this.target();
    assertFormatWritable(this.model, sheet, area);
    const record = { ...this.current(), ...patch, area, side: this.side };
    this.model.set(sheet, 'borders', [...sheet.borders, record]);
  }

  protected properties(): Record<string, PropDef> {
    return {
      sideIndex: { get: () => this.side },
      style: {
        get: () => this.current().style,
        set: (v) => this.put({ style: oneOf(BORDER_STYLES, 'border style')(v) }),
      },
      color: { get: () => this.current().color, set: (v) => this.put({ color: normalizeColor(v) }) },
      weight: {
        get: () => this.current().weight,
        set: (v) => this.put({ weight: oneOf(BORDER_WEIGHTS, 'border weight')(v) }),
      },
    };
  }

  get sideIndex(): Excel.RangeBorder['sideIndex'] {
    return this.read('sideIndex');
  }
  get style(): Excel.RangeBorder['style'] {
    return this.read('style');
  }
  set style(v: Excel.RangeBorder['style']) {
    this.write('style', v);
  }
  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.write('color', v);
  }
  get weight(): Excel.RangeBorder['weight'] {
    return this.read('weight');
  }
  set weight(v: Excel.RangeBorder['weight']) {
    this.write('weight', v);
  }

  load(option?: LoadArg): Excel.RangeBorder {
    this.queueLoad(option);
    return this as unknown as Excel.RangeBorder;
  }
  set(properties: object): void {
    this.setMany(properties);
  }
  toJSON(): Excel.Interfaces.RangeBorderData {
    return this.jsonOf() as Excel.Interfaces.RangeBorderData;
  }
}

export class SimRangeBorderCollection
  extends SimCollection<SimRangeBorder, Excel.RangeBorder>
  implements Pick<Excel.RangeBorderCollection, 'getItem' | 'getItemAt' | 'count' | 'load'>
{
  get typeName(): string {
    return 'RangeBorderCollection';
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

  protected override properties(): Record<string, PropDef> {
    return { count: { get: () => BORDER_SIDES.length } };
  }

  protected itemProxies(): SimRangeBorder[] {
    return BORDER_SIDES.map((s) => new SimRangeBorder(this.ctx, `${this.path}.getItem("${s}")`, this.owner, s));
  }

  get count(): number {
    return this.read('count');
  }

  getItem(index: Excel.BorderIndex | Parameters<Excel.RangeBorderCollection['getItem']>[0]): Excel.RangeBorder {
    const side = String(index);
    const b = new SimRangeBorder(this.ctx, `${this.path}.getItem(${JSON.stringify(side)})`, this.owner, side);
    if (!BORDER_SIDES.includes(side)) {
      // The bad index surfaces when the border is used, as Excel reports it then.
      this.enqueue('getItem', [side], () => {
        throw invalidArgument(`"${side}" is not a BorderIndex.`);
      });
    }
    return b as unknown as Excel.RangeBorder;
  }

  getItemAt(index: number): Excel.RangeBorder {
    const side = BORDER_SIDES[index];
    if (side === undefined) {
      this.enqueue('getItemAt', [index], () => {
        throw itemNotFound(`(no border ${index})`);
      });
    }
    return new SimRangeBorder(
      this.ctx,
      `${this.path}.getItemAt(${index})`,
      this.owner,
      side ?? 'EdgeTop',
    ) as unknown as Excel.RangeBorder;
  }

  load(option?: LoadArg): Excel.RangeBorderCollection {
    this.queueLoad(option);
    return this as unknown as Excel.RangeBorderCollection;
  }
}
