import type JSZip from 'jszip';
import { partText, relationshipsOf } from './package';
import { CONTENT_TYPES_PART, ContentTypes, attachDrawing, hasDrawing, relativeTarget } from './parts';
import { elements, relsPartOf, renderRelationships, type Relationship } from './xml';

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
export async function contentTypesOf(zip: JSZip): Promise<(part: string) => string | null> {
  const xml = (await partText(zip, CONTENT_TYPES_PART)) ?? '';
  const overrides = new Map(
    elements(xml, 'Override').map((a) => [(a.get('PartName') ?? '').replace(/^\//, ''), a.get('ContentType') ?? '']),
  );
  const defaults = new Map(
    elements(xml, 'Default').map((a) => [(a.get('Extension') ?? '').toLowerCase(), a.get('ContentType') ?? '']),
  );
  return (part) => overrides.get(part) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase()) ?? null;
}

/** Takes the sheet's drawing (and what it reaches) out of the package; null when the sheet has none. */
export async function takeDrawing(
  zip: JSZip,
  sheetPart: string,
  typeOf: (part: string) => string | null,
): Promise<KeptDrawing | null> {
  const rels = await relationshipsOf(zip, sheetPart);
  const drawingRels = rels.filter((r) => r.type.endsWith(REL_DRAWING_SUFFIX) && r.part !== null);
  const root = drawingRels[0]?.part;
  if (!root) return null;
  const parts = new Map<string, KeptPart>();
  const queue = [root];
  while (queue.length > 0) {
    const part = queue.shift() as string;
    if (parts.has(part)) continue;
    const file = zip.file(part);
    if (!file) continue;
    const partRels = await relationshipsOf(zip, part);
    parts.set(part, { data: await file.async('uint8array'), contentType: typeOf(part), rels: partRels });
    for (const r of partRels) if (r.part !== null) queue.push(r.part);
  }
  for (const part of parts.keys()) {
    if (MEDIA.test(part)) continue;
    zip.remove(part);
    zip.remove(relsPartOf(part));
  }
  const rest = rels.filter((r) => !drawingRels.includes(r));
  zip.file(
    relsPartOf(sheetPart),
    renderRelationships(rest.map((r) => ({ id: r.id, type: r.type, target: r.target, external: r.part === null }))),
  );
  const xml = (await partText(zip, sheetPart)) ?? '';
  zip.file(sheetPart, xml.replace(DRAWING_ELEMENT, ''));
  return { root, parts };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** `xl/charts/chart3.xml` → the first of `xl/charts/chart{n}.xml` that is free. */
function freeName(zip: JSZip, part: string, taken: Set<string>): string {
  const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(part);
  const stem = m?.[1] ?? part;
  const ext = m?.[3] ?? '';
  for (let n = 1; ; n++) {
    const name = `${stem}${n}${ext}`;
    if (!zip.file(name) && !taken.has(name)) return name;
  }
}

/**
 * Puts kept drawings back on the sheets of the written package, by sheet
 * name. A part keeps its name when that is free (or holds the very same
 * bytes, as a picture ExcelJS wrote back does), else it gets a free one and
 * the relationships that point to it follow.
 */
export async function putDrawings(
  zip: JSZip,
  sheets: readonly { readonly name: string; readonly part: string | null }[],
  kept: ReadonlyMap<string, KeptDrawing>,
): Promise<void> {
  if (kept.size === 0) return;
  const types = await ContentTypes.of(zip);
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const drawing = kept.get(sheet.name);
    if (!drawing || !sheet.part || hasDrawing((await partText(zip, sheet.part)) ?? '')) continue;
    const names = new Map<string, string>();
    const written = new Set<string>();
    for (const [part, p] of drawing.parts) {
      const existing = zip.file(part);
      if (existing && MEDIA.test(part) && sameBytes(await existing.async('uint8array'), p.data)) {
        names.set(part, part);
        continue;
      }
      const name = existing || taken.has(part) ? freeName(zip, part, taken) : part;
      taken.add(name);
      names.set(part, name);
      written.add(part);
    }
    for (const part of written) {
      const p = drawing.parts.get(part) as KeptPart;
      const name = names.get(part) as string;
      zip.file(name, p.data);
      if (p.rels.length > 0) {
        zip.file(
          relsPartOf(name),
          renderRelationships(
            p.rels.map((r) => ({
              id: r.id,
              type: r.type,
              target: r.part === null ? r.target : relativeTarget(name, names.get(r.part) ?? r.part),
              external: r.part === null,
            })),
          ),
        );
      }
      const ext = name.slice(name.lastIndexOf('.') + 1);
      if (p.contentType && !(MEDIA.test(name) && types.hasDefault(ext))) types.override(name, p.contentType);
    }
    await attachDrawing(zip, sheet.part, names.get(drawing.root) ?? drawing.root);
  }
  types.save(zip);
}
