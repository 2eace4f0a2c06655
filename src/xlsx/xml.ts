/**
 * Just enough XML for the few small package parts the adapter reads itself
 * (workbook, relationships, table definitions); sheets and shared strings are
 * streamed through scan.ts.
 * Producers differ in namespace prefixes (`x:sheet` from the Open XML SDK),
 * quoting and boolean spelling (`1` or `true`), so all of those are accepted.
 */
export type Attributes = ReadonlyMap<string, string>;

const ATTR_RE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/**
 * Text as Excel means it (ISO/IEC 29500 ST_Xstring): `_xHHHH_` is the
 * character of that UTF-16 code (Excel stores a pasted Windows line break as
 * `_x000D_`), and `_x005F_` the underscore that starts a literal `_xHHHH_`.
 */
export function decodeXstring(s: string): string {
  return s.includes('_x') ? s.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/** Text to be written as an ST_Xstring: a literal `_xHHHH_` keeps its meaning (its underscore as `_x005F_`). */
export function escapeXstring(s: string): string {
  return s.includes('_x') ? s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_') : s;
}

const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function encodeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

function parseAttributes(text: string): Attributes {
  const map = new Map<string, string>();
  for (const m of text.matchAll(ATTR_RE)) map.set(m[1] ?? '', decodeXml(m[2] ?? m[3] ?? ''));
  return map;
}

/** The start tags of every element with this local name, whatever its prefix. */
export function elements(xml: string, localName: string): Attributes[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])([^>]*)>`, 'g');
  return [...xml.matchAll(re)].map((m) => parseAttributes(m[1] ?? ''));
}

export function firstElement(xml: string, localName: string): Attributes | undefined {
  return elements(xml, localName)[0];
}

/** An attribute by local name, e.g. `id` finds `r:id` (never the unprefixed `sheetId`). */
export function prefixedAttribute(attrs: Attributes, localName: string): string | undefined {
  for (const [k, v] of attrs) if (k.endsWith(`:${localName}`)) return v;
  return undefined;
}

export function xmlBoolean(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return value === '1' || value.toLowerCase() === 'true';
}

/** A relationship target as a part name: relative to the source part's folder, or absolute. */
export function resolvePart(sourcePart: string, target: string): string {
  const t = target.trim();
  if (t.startsWith('/')) return normalizePath(t.slice(1));
  const dir = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/')) : '';
  return normalizePath(dir ? `${dir}/${t}` : t);
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as written. */
  readonly target: string;
  /** The target part name, or null for an external target (a URL). */
  readonly part: string | null;
}

export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  return elements(xml, 'Relationship').map((a) => {
    const target = a.get('Target') ?? '';
    const external = (a.get('TargetMode') ?? '').toLowerCase() === 'external';
    return {
      id: a.get('Id') ?? '',
      type: a.get('Type') ?? '',
      target,
      part: external ? null : resolvePart(sourcePart, target),
    };
  });
}

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function renderRelationships(
  rels: readonly { readonly id: string; readonly type: string; readonly target: string; readonly external: boolean }[],
): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${encodeXml(r.id)}" Type="${encodeXml(r.type)}" Target="${encodeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${items}</Relationships>`;
}

/** Gives unprefixed elements a prefix (parts written by the Open XML SDK use `x:`). */
export function withPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)(?=[A-Za-z])(?![\w.-]+:)/g, `<$1${prefix}`) : xml;
}
