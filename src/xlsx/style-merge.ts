/**
 * Appends the styles a freshly written workbook uses to another workbook's
 * `styles.xml`, and says where each of its cell formats (`s="N"`) and
 * differential formats (`dxfId="N"`) ended up. An entry the target already
 * holds with the very same XML is reused rather than appended, so that
 * consolidating again does not grow the file and writes the same indices.
 */
import { WorkbookWriteError } from './errors';
import { withFaceOf } from './font-face';
import { decodeXml, encodeXml, withPrefix } from './xml';

export interface StyleMap {
  /** Fresh cellXfs index → the target's. */
  readonly xf: readonly number[];
  /** Fresh dxfs index → the target's. */
  readonly dxf: readonly number[];
}

/** Child sections of `<styleSheet>` in schema order (CT_Stylesheet). */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;
type Section = (typeof ORDER)[number];
const ITEM: Partial<Record<Section, string>> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
  dxfs: 'dxf',
};
/**
 * Entries that mean the same in every styles part: the default font, the two
 * fills the standard reserves (none, gray125), no border, the Normal format.
 * The generated sheets share them, and so take the workbook's own default font.
 */
const PINNED = { fonts: 1, fills: 2, borders: 1 } as const;
/** Custom number formats are numbered from here; lower ids are built in. */
const FIRST_CUSTOM_FORMAT = 164;

interface Found {
  readonly start: number;
  readonly end: number;
  readonly inner: string | null;
}

class StyleSheet {
  readonly prefix: string;
  constructor(public xml: string) {
    this.prefix = /<([\w.-]+:)?styleSheet[\s>]/.exec(xml)?.[1] ?? '';
  }

  find(section: Section): Found | null {
    const re = new RegExp(`<(?:[\\w.-]+:)?${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${section}>)`);
    const m = re.exec(this.xml);
    return m ? { start: m.index, end: m.index + m[0].length, inner: m[1] ?? null } : null;
  }

  items(section: Section): string[] {
    const item = ITEM[section] as string;
    const inner = this.find(section)?.inner ?? '';
    const re = new RegExp(`<(?:[\\w.-]+:)?${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?${item}>)`, 'g');
    return inner.match(re) ?? [];
  }

  /** Writes the section with these items, in place or where the schema puts it. */
  setItems(section: Section, items: readonly string[]): void {
    const p = this.prefix;
    const found = this.find(section);
    const open = found
      ? (/^<[^>]*?(?=\/?>)/.exec(this.xml.slice(found.start))?.[0] ?? `<${p}${section}`)
      : `<${p}${section}`;
    const start = /\scount="\d+"/.test(open)
      ? open.replace(/\scount="\d+"/, ` count="${items.length}"`)
      : `${open} count="${items.length}"`;
    const element = `${start}>${items.join('')}</${p}${section}>`;
    if (found) {
      this.xml = this.xml.slice(0, found.start) + element + this.xml.slice(found.end);
      return;
    }
    const later = ORDER.slice(ORDER.indexOf(section) + 1)
      .map((s) => this.find(s)?.start)
      .filter((n): n is number => n !== undefined);
    const at = later.length > 0 ? Math.min(...later) : this.xml.lastIndexOf('</');
    this.xml = this.xml.slice(0, at) + element + this.xml.slice(at);
  }
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function setAttr(tag: string, name: string, value: string): string {
  return new RegExp(`\\s${name}="[^"]*"`).test(tag)
    ? tag.replace(new RegExp(`\\s${name}="[^"]*"`), ` ${name}="${value}"`)
    : tag.replace(/^<([\w.:-]+)/, `<$1 ${name}="${value}"`);
}

/** Index of `item` among `items`, appending it when it is not there. */
function placeIn(items: string[], item: string): number {
  const at = items.indexOf(item);
  if (at >= 0) return at;
  items.push(item);
  return items.length - 1;
}

export function mergeStyles(targetXml: string, freshXml: string): { xml: string; map: StyleMap } {
  const target = new StyleSheet(targetXml);
  const fresh = new StyleSheet(freshXml);
  const p = target.prefix;
  if (target.find('cellXfs') === null) throw new WorkbookWriteError('bad_plan', 'the workbook has no cell formats');

  // Number formats: by format code; ids for new codes above every id taken.
  const targetFormats = target.items('numFmts');
  const byCode = new Map(targetFormats.map((f) => [attr(f, 'formatCode') ?? '', Number(attr(f, 'numFmtId'))]));
  let nextFormat = Math.max(FIRST_CUSTOM_FORMAT - 1, ...byCode.values()) + 1;
  const formatMap = new Map<number, number>();
  for (const f of fresh.items('numFmts')) {
    const code = attr(f, 'formatCode') ?? '';
    let id = byCode.get(code);
    if (id === undefined) {
      id = nextFormat++;
      byCode.set(code, id);
      targetFormats.push(withPrefix(setAttr(f, 'numFmtId', String(id)), p));
    }
    formatMap.set(Number(attr(f, 'numFmtId')), id);
  }

  const mapped = (section: 'fonts' | 'fills' | 'borders'): { items: string[]; map: number[] } => {
    const items = target.items(section);
    // A new font that names no typeface takes the target's default one.
    const own = (x: string) => (section === 'fonts' ? withFaceOf(x, items[0] ?? '') : x);
    const map = fresh.items(section).map((x, i) => (i < PINNED[section] ? i : placeIn(items, own(withPrefix(x, p)))));
    return { items, map };
  };
  const fonts = mapped('fonts');
  const fills = mapped('fills');
  const borders = mapped('borders');
  const remapIds = (tag: string): string => {
    let out = tag;
    const fmt = Number(attr(out, 'numFmtId') ?? 0);
    out = setAttr(out, 'numFmtId', String(fmt >= FIRST_CUSTOM_FORMAT ? (formatMap.get(fmt) ?? 0) : fmt));
    for (const [name, map] of [
      ['fontId', fonts.map],
      ['fillId', fills.map],
      ['borderId', borders.map],
    ] as const) {
      const v = attr(out, name);
      if (v !== undefined) out = setAttr(out, name, String(map[Number(v)] ?? 0));
    }
    // The new formats derive from the target's Normal style.
    return attr(out, 'xfId') === undefined ? out : setAttr(out, 'xfId', '0');
  };
  const xfs = target.items('cellXfs');
  const xf = fresh.items('cellXfs').map((x, i) => {
    if (i === 0) return 0;
    const head = /^<[^>]*>/.exec(x)?.[0] ?? x;
    return placeIn(xfs, withPrefix(remapIds(head) + x.slice(head.length), p));
  });
  const dxfs = target.items('dxfs');
  const dxf = fresh.items('dxfs').map((x) => placeIn(dxfs, withPrefix(x, p)));

  if (targetFormats.length > 0) target.setItems('numFmts', targetFormats);
  target.setItems('fonts', fonts.items);
  target.setItems('fills', fills.items);
  target.setItems('borders', borders.items);
  target.setItems('cellXfs', xfs);
  if (dxfs.length > 0) target.setItems('dxfs', dxfs);
  return { xml: target.xml, map: { xf, dxf } };
}

/** The styles with every font that names no typeface given the default font's (see font-face.ts). */
export function namedFonts(xml: string): string {
  const sheet = new StyleSheet(xml);
  const fonts = sheet.items('fonts');
  const named = fonts.map((f, i) => (i === 0 ? f : withFaceOf(f, fonts[0] ?? '')));
  if (named.every((f, i) => f === fonts[i])) return xml;
  sheet.setItems('fonts', named);
  return sheet.xml;
}

/**
 * A cell format like `xf` (its font, fill, border, protection) showing the
 * built-in number format `numFmtId`, reused when the styles already hold
 * one: a date written into a cell that showed plain numbers keeps the
 * cell's look and reads as a date.
 */
export function withNumberFormat(xml: string, xf: number, numFmtId: number): { xml: string; index: number } {
  const sheet = new StyleSheet(xml);
  const xfs = sheet.items('cellXfs');
  const base = xfs[xf] ?? xfs[0];
  if (base === undefined) throw new WorkbookWriteError('bad_plan', 'the workbook has no cell formats');
  const head = /^<[^>]*>/.exec(base)?.[0] ?? base;
  const tag = setAttr(setAttr(head, 'numFmtId', String(numFmtId)), 'applyNumberFormat', '1');
  const before = xfs.length;
  const index = placeIn(xfs, tag + base.slice(head.length));
  if (xfs.length > before) sheet.setItems('cellXfs', xfs);
  return { xml: sheet.xml, index };
}

/**
 * A cell format like `xf` that shows numbers with the format `code`: the
 * custom number format of that code reused, or added under the next free id.
 */
export function withFormatCode(xml: string, xf: number, code: string): { xml: string; index: number } {
  const sheet = new StyleSheet(xml);
  const formats = sheet.items('numFmts');
  const same = formats.find((f) => decodeXml(attr(f, 'formatCode') ?? '') === code);
  let id = same === undefined ? undefined : Number(attr(same, 'numFmtId'));
  if (id === undefined) {
    id = Math.max(FIRST_CUSTOM_FORMAT - 1, ...formats.map((f) => Number(attr(f, 'numFmtId') ?? 0))) + 1;
    sheet.setItems('numFmts', [
      ...formats,
      `<${sheet.prefix}numFmt numFmtId="${id}" formatCode="${encodeXml(code)}"/>`,
    ]);
  }
  return withNumberFormat(sheet.xml, xf, id);
}

/** The number format id of a cell format, and the custom formats by id. */
export function numberFormatOf(xml: string, xf: number): { id: number; code: string | undefined } {
  const sheet = new StyleSheet(xml);
  const id = Number(attr(sheet.items('cellXfs')[xf] ?? '', 'numFmtId') ?? 0);
  const custom = sheet.items('numFmts').find((f) => Number(attr(f, 'numFmtId')) === id);
  return { id, code: custom === undefined ? undefined : attr(custom, 'formatCode') };
}
