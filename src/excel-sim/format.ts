import { MAX_COLUMNS, MAX_ROWS, rowsOf, sameArea, type Area } from './address';
import { accessDenied, invalidArgument, itemNotFound } from './errors';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type Sheet, type Style, type WorkbookModel } from './model';
import { assertFormatWritable, patchFormat } from './ops';
import {
  SimObject,
  SimPartCollection,
  type PropDef,
  type RangeTarget,
  type SimContext,
  api,
  asApi,
  SimPart,
  type Owner,
} from './proxy';
import { normalizeColor } from './values';

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
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
abstract class Facet extends SimPart<RangeTarget> {
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

export class SimRangeFormat extends api<
  Pick<
    Excel.RangeFormat,
    | 'columnWidth'
    | 'rowHeight'
    | 'wrapText'
    | 'horizontalAlignment'
    | 'verticalAlignment'
    | 'font'
    | 'fill'
    | 'borders'
    | 'protection'
    | 'load'
    | 'set'
    | 'toJSON'
  >
>()(Facet, {
  typeName: 'RangeFormat',
  props: ['wrapText', 'horizontalAlignment', 'verticalAlignment', 'columnWidth', 'rowHeight'],
  children: ['font', 'fill', 'protection', 'borders'],
}) {
  protected override properties(): Record<string, PropDef> {
    return {
      wrapText: this.styleProp('wrapText', bool('wrapText')),
      horizontalAlignment: this.styleProp('horizontalAlignment', oneOf(H_ALIGN, 'horizontal alignment')),
      verticalAlignment: this.styleProp('verticalAlignment', oneOf(V_ALIGN, 'vertical alignment')),
      columnWidth: this.sizeProp('columnWidth'),
      rowHeight: this.sizeProp('rowHeight'),
    };
  }

  /** `columnWidth` / `rowHeight`: one size over the range's columns or rows, null where they differ. */
  private sizeProp(kind: 'columnWidth' | 'rowHeight'): PropDef {
    const rows = kind === 'rowHeight';
    const line = (sheet: Sheet, area: Area) =>
      rows
        ? { sizes: sheet.rowHeights, from: area.top, to: area.bottom, max: MAX_ROWS, fallback: DEFAULT_ROW_HEIGHT }
        : { sizes: sheet.colWidths, from: area.left, to: area.right, max: MAX_COLUMNS, fallback: DEFAULT_COLUMN_WIDTH };
    return {
      get: () => {
        const { sheet, area } = this.target();
        const l = line(sheet, area);
        const s = sizes(l.sizes, l.from, l.to, l.fallback);
        return s.size === 1 ? [...s][0] : null;
      },
      set: (v) => {
        const value = size(kind, 0, rows ? MAX_ROW_POINTS : MAX_COLUMN_POINTS)(v);
        const { sheet, area } = this.target();
        assertSizeWritable(sheet, rows);
        if (rows && rowsOf(area) > 100_000) throw invalidArgument('rowHeight: too many rows at once.');
        const l = line(sheet, area);
        for (let i = l.from; i <= l.to && i < l.max; i++) this.model.mapSet(l.sizes, i, value);
      },
    };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return {
      font: () => new SimRangeFont(this.ctx, `${this.path}.font`, this.owner),
      fill: () => new SimRangeFill(this.ctx, `${this.path}.fill`, this.owner),
      borders: () => new SimRangeBorderCollection(this.ctx, `${this.path}.borders`, this.owner),
      protection: () => new SimFormatProtection(this.ctx, `${this.path}.protection`, this.owner),
    };
  }
}

export class SimRangeFont extends api<
  Pick<Excel.RangeFont, 'bold' | 'italic' | 'color' | 'size' | 'name' | 'load' | 'set' | 'toJSON'>
>()(Facet, {
  typeName: 'RangeFont',
  props: ['bold', 'italic', 'color', 'size', 'name'],
}) {
  protected override properties(): Record<string, PropDef> {
    return {
      bold: this.styleProp('bold', bool('bold')),
      italic: this.styleProp('italic', bool('italic')),
      color: this.styleProp('fontColor', normalizeColor),
      size: this.styleProp('fontSize', size('size', 1, 409)),
      name: this.styleProp('fontName', (v) => {
        if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('A font name is required.');
        return v;
      }),
    };
  }
}

export class SimRangeFill
  extends api<Pick<Excel.RangeFill, 'color' | 'load' | 'set' | 'toJSON'>>()(Facet, {
    typeName: 'RangeFill',
    props: ['color'],
  })
  implements Pick<Excel.RangeFill, 'clear'>
{
  protected override properties(): Record<string, PropDef> {
    // No fill reads as white, as in Excel.
    return { color: this.styleProp('fill', normalizeColor, (v) => v ?? '#FFFFFF') };
  }

  clear(): void {
    this.enqueue('clear', [], () => {
      const t = this.target();
      patchFormat(this.model, t.sheet, t.area, { fill: null });
    });
  }
}

export class SimFormatProtection extends api<Pick<Excel.FormatProtection, 'locked' | 'load' | 'set' | 'toJSON'>>()(
  Facet,
  { typeName: 'FormatProtection', props: ['locked'] },
) {
  protected override properties(): Record<string, PropDef> {
    return {
      locked: this.styleProp('locked', bool('locked')),
    };
  }
}

/**
 * Borders are recorded per range and side, without drawing anything: a read
 * gives back what was last set for exactly that range and side.
 */
export class SimRangeBorder extends api<Pick<Excel.RangeBorder, 'style' | 'color' | 'load' | 'set' | 'toJSON'>>()(
  Facet,
  { typeName: 'RangeBorder', props: ['style', 'color'] },
) {
  constructor(
    ctx: SimContext,
    path: string,
    owner: Owner<RangeTarget>,
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

  protected override properties(): Record<string, PropDef> {
    return {
      style: {
        get: () => this.current().style,
        set: (v) => this.put({ style: oneOf(BORDER_STYLES, 'border style')(v) }),
      },
      color: { get: () => this.current().color, set: (v) => this.put({ color: normalizeColor(v) }) },
    };
  }
}

export class SimRangeBorderCollection
  extends api<Pick<Excel.RangeBorderCollection, 'count' | 'load'>>()(
    SimPartCollection<SimRangeBorder, Excel.RangeBorder, RangeTarget>,
    {
      typeName: 'RangeBorderCollection',
      props: ['count'],
    },
  )
  implements Pick<Excel.RangeBorderCollection, 'getItem' | 'getItemAt'>
{
  protected override properties(): Record<string, PropDef> {
    return { count: { get: () => BORDER_SIDES.length } };
  }

  protected itemProxies(): SimRangeBorder[] {
    return BORDER_SIDES.map((s) => new SimRangeBorder(this.ctx, `${this.path}.getItem("${s}")`, this.owner, s));
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
    return asApi<Excel.RangeBorder>(b);
  }

  getItemAt(index: number): Excel.RangeBorder {
    const side = BORDER_SIDES[index];
    if (side === undefined) {
      this.enqueue('getItemAt', [index], () => {
        throw itemNotFound(`(no border ${index})`);
      });
    }
    return asApi<Excel.RangeBorder>(
      new SimRangeBorder(this.ctx, `${this.path}.getItemAt(${index})`, this.owner, side ?? 'EdgeTop'),
    );
  }
}
