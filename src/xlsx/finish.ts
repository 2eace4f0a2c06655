import type { WorkbookPlan } from '../core/plan';
import { addCharts, planHasCharts } from './charts';
import { WORKBOOK_PART } from './package';
import { INTERNAL_LINK } from './values';
import { WorkbookParts } from './workbook-part';
import { elements, encodeXml, prefixedAttribute } from './xml';
import type { ZipPackage } from './zip-package';

const HYPERLINK_TAG = /<(?:[\w.-]+:)?hyperlink\s[^>]*\/>/g;

export interface Finishing {
  /** The plan wrote links inside the workbook (see INTERNAL_LINK). */
  readonly internalLinks: boolean;
  /** The plan written, for its charts. */
  readonly plan: WorkbookPlan;
  readonly date1904: boolean;
}

/** Edits the package ExcelJS has just written where ExcelJS cannot write what is needed. */
export function finishPackage(pkg: ZipPackage, finishing: Finishing): void {
  if (!finishing.internalLinks && !planHasCharts(finishing.plan)) return;
  const sheets = new WorkbookParts(pkg.text(WORKBOOK_PART) ?? '', pkg.relationships(WORKBOOK_PART)).sheets;
  if (finishing.internalLinks) {
    for (const sheet of sheets) {
      const xml = sheet.part ? pkg.text(sheet.part) : null;
      if (sheet.part && xml !== null) pkg.setText(sheet.part, finishInternalLinks(pkg, sheet.part, xml));
    }
  }
  addCharts(pkg, sheets, finishing.plan, finishing.date1904);
}

/**
 * Turns tagged links into what Excel itself writes for a link inside the
 * workbook: `<hyperlink ref="A1" location="'Sheet'!F6"/>`, with no
 * relationship (as an external target, Excel and LibreOffice look for a file).
 */
function finishInternalLinks(pkg: ZipPackage, part: string, xml: string): string {
  const rels = pkg.relationships(part);
  const internal = new Map(
    rels
      .filter((r) => r.part === null && r.target.startsWith(INTERNAL_LINK))
      .map((r) => [r.id, r.target.slice(INTERNAL_LINK.length)]),
  );
  if (internal.size === 0) return xml;
  const kept = rels.filter((r) => !internal.has(r.id)).map((r) => ({ ...r, external: r.part === null }));
  pkg.setRelationships(part, kept);
  return xml.replace(HYPERLINK_TAG, (tag) => {
    const attrs = elements(tag, 'hyperlink')[0];
    const location = attrs && internal.get(prefixedAttribute(attrs, 'id') ?? '');
    if (!attrs || location === undefined) return tag;
    return `<hyperlink ref="${encodeXml(attrs.get('ref') ?? '')}" location="${encodeXml(location)}"/>`;
  });
}
