/**
 * The drawings of a base workbook's sheets (the user's charts, pictures,
 * shapes), kept as raw parts while ExcelJS loads and saves the workbook, then
 * put back. ExcelJS 4.4 drops charts and shapes (it keeps only pictures), so
 * a chart the user made would vanish on the first consolidation. A drawing
 * is taken out with every part it reaches (charts, their styles and colours,
 * embedded data, pictures), and put back under free part names. Drawings of
 * the sheets the plan removes (the previous generated sheets) are not put
 * back: their charts go with them.
 */
import { CONTENT_TYPES_PART } from './parts';
import type { ZipPackage } from './zip-package';
import { elements, relsPartOf, type Relationship } from './xml';

export interface KeptPart {
  readonly data: Uint8Array;
  readonly contentType: string | null;
  readonly rels: readonly Relationship[];
}

export interface KeptDrawing {
  /** The drawing part itself, by its name in the base. */
  readonly root: string;
  readonly parts: ReadonlyMap<string, KeptPart>;
}

const REL_DRAWING_SUFFIX = '/drawing';
const DRAWING_ELEMENT = /<(?:[\w.-]+:)?drawing\s[^>]*\/>/g;
/** Pictures stay in the package for ExcelJS, which writes every picture it loaded under the same name. */
const MEDIA = /^xl\/media\//;

/** The content type of each part of the base, from its Overrides and, failing those, its Defaults. */
export function contentTypesOf(pkg: ZipPackage): (part: string) => string | null {
  const xml = pkg.text(CONTENT_TYPES_PART) ?? '';
  const overrides = new Map(
    elements(xml, 'Override').map((a) => [(a.get('PartName') ?? '').replace(/^\//, ''), a.get('ContentType') ?? '']),
  );
  const defaults = new Map(
    elements(xml, 'Default').map((a) => [(a.get('Extension') ?? '').toLowerCase(), a.get('ContentType') ?? '']),
  );
  return (part) => overrides.get(part) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase()) ?? null;
}

/** Takes the sheet's drawing (and what it reaches) out of the package; null when the sheet has none. */
export function takeDrawing(
  pkg: ZipPackage,
  sheetPart: string,
  typeOf: (part: string) => string | null,
): KeptDrawing | null {
  const rels = pkg.relationships(sheetPart);
  const drawingRels = rels.filter((r) => r.type.endsWith(REL_DRAWING_SUFFIX) && r.part !== null);
  const root = drawingRels[0]?.part;
  if (!root) return null;
  const parts = new Map<string, KeptPart>();
  const queue = [root];
  while (queue.length > 0) {
    const part = queue.shift() as string;
    if (parts.has(part)) continue;
    const data = pkg.bytes(part);
    if (!data) continue;
    const partRels = pkg.relationships(part);
    parts.set(part, { data, contentType: typeOf(part), rels: partRels });
    for (const r of partRels) if (r.part !== null) queue.push(r.part);
  }
  for (const part of parts.keys()) {
    if (MEDIA.test(part)) continue;
    pkg.remove(part);
    pkg.remove(relsPartOf(part));
  }
  const rest = rels.filter((r) => !drawingRels.includes(r));
  pkg.setRelationships(
    sheetPart,
    rest.map((r) => ({ id: r.id, type: r.type, target: r.target, external: r.part === null })),
  );
  const xml = pkg.text(sheetPart) ?? '';
  pkg.setText(sheetPart, xml.replace(DRAWING_ELEMENT, ''));
  return { root, parts };
}
