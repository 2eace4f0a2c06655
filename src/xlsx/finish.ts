import JSZip from 'jszip';
import type { WorkbookPlan } from '../core/plan';
import { addCharts, planHasCharts } from './charts';
import { describePackage, relationshipsOf } from './package';
import { INTERNAL_LINK } from './values';
import { elements, encodeXml, prefixedAttribute, relsPartOf, renderRelationships } from './xml';

const HYPERLINK_TAG = /<(?:[\w.-]+:)?hyperlink\s[^>]*\/>/g;
const LEGACY_DRAWING = /<legacyDrawing\s[^>]*\/>/g;
/** Elements a worksheet's `legacyDrawing` (the anchor of its comments) must come before, in schema order. */
const AFTER_LEGACY_DRAWING = /<(?:legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s/>]/;

export interface Finishing {
  /** The plan wrote links inside the workbook (see INTERNAL_LINK). */
  readonly internalLinks: boolean;
  /** The plan written, for its charts. */
  readonly plan: WorkbookPlan;
  readonly date1904: boolean;
}

/** Edits the package ExcelJS has just written where ExcelJS cannot write what is needed. */
export async function finishPackage(data: Buffer, todo: Finishing): Promise<Buffer> {
  if (!todo.internalLinks && !planHasCharts(todo.plan)) return data;
  const zip = await JSZip.loadAsync(data);
  const sheets = (await describePackage(zip)).sheets;
  for (const sheet of sheets) {
    if (!sheet.part) continue;
    const file = zip.file(sheet.part);
    if (!file) continue;
    let xml = orderLegacyDrawing(await file.async('string'));
    if (todo.internalLinks) xml = await finishInternalLinks(zip, sheet.part, xml);
    zip.file(sheet.part, xml);
  }
  await addCharts(zip, sheets, todo.plan, todo.date1904);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Turns tagged links into what Excel itself writes for a link inside the
 * workbook: `<hyperlink ref="A1" location="'Sheet'!F6"/>`, with no
 * relationship (as an external target, Excel and LibreOffice look for a file).
 */
async function finishInternalLinks(zip: JSZip, part: string, xml: string): Promise<string> {
  const rels = await relationshipsOf(zip, part);
  const internal = new Map(
    rels
      .filter((r) => r.part === null && r.target.startsWith(INTERNAL_LINK))
      .map((r) => [r.id, r.target.slice(INTERNAL_LINK.length)]),
  );
  if (internal.size === 0) return xml;
  const kept = rels.filter((r) => !internal.has(r.id)).map((r) => ({ ...r, external: r.part === null }));
  zip.file(relsPartOf(part), renderRelationships(kept));
  return xml.replace(HYPERLINK_TAG, (tag) => {
    const attrs = elements(tag, 'hyperlink')[0];
    const location = attrs && internal.get(prefixedAttribute(attrs, 'id') ?? '');
    if (!attrs || location === undefined) return tag;
    return `<hyperlink ref="${encodeXml(attrs.get('ref') ?? '')}" location="${encodeXml(location)}"/>`;
  });
}

/**
 * ExcelJS 4.4 writes a sheet's `<legacyDrawing>` last, after `<tableParts>`;
 * Excel then finds the file corrupt and drops the sheet's tables or comments
 * (exceljs issues #1369, #1616). It belongs right after `<drawing>`.
 */
export function orderLegacyDrawing(xml: string): string {
  const drawings = xml.match(LEGACY_DRAWING);
  if (!drawings) return xml;
  const rest = xml.replace(LEGACY_DRAWING, '');
  const at = AFTER_LEGACY_DRAWING.exec(rest)?.index ?? rest.lastIndexOf('</');
  return rest.slice(0, at) + drawings.join('') + rest.slice(at);
}
