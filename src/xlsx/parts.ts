/**
 * Small edits of a package that the drawing steps share: new part names,
 * content types, and a sheet's relationship to its drawing.
 */
import type { ZipPackage } from './zip-package';
import { CONTENT_TYPES_PART } from './package';

/** With the other part names the drawing steps use; it is the package's own (`package.ts`). */
export { CONTENT_TYPES_PART };

export const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
export const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
export const TYPE_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const TYPE_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const TYPE_RELATIONSHIPS = 'application/vnd.openxmlformats-package.relationships+xml';

const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DRAWING_ELEMENT = /<(?:[\w.-]+:)?drawing\s[^>]*\/>/;
/** Elements a worksheet's `<drawing>` must come before, in schema order. */
const AFTER_DRAWING =
  /<(?:[\w.-]+:)?(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s/>]/;

/** `xl/charts/chart7.xml` for the first number not taken (by the package or by `taken`). */
export function freshPart(pkg: ZipPackage, folder: string, stem: string, ext: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `${folder}/${stem}${n}.${ext}`;
    if (!pkg.has(name) && !taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** A relative target from one part to another, as Excel writes them (`../drawings/drawing1.xml`). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/**
 * Content types, edited as text: an Override per part (and a Default per
 * extension where one is missing). New Overrides are collected and put into
 * the text when it is asked for: a graft of thousands of sheets adds one per
 * part, and rewriting the whole list for each was quadratic.
 */
export class ContentTypes {
  /** The part names the text's Overrides name, as written (the test is the exact `PartName="…"`). */
  private readonly named: Set<string>;
  private pending: string[] = [];

  private constructor(private xml: string) {
    this.named = new Set([...xml.matchAll(/PartName="([^"]*)"/g)].map((m) => m[1] as string));
  }

  static fromXml(xml: string): ContentTypes {
    return new ContentTypes(xml);
  }

  toXml(): string {
    if (this.pending.length > 0) {
      const added = this.pending.join('');
      this.xml = this.xml.replace(/<\/Types>\s*$/, () => `${added}</Types>`);
      this.pending = [];
    }
    return this.xml;
  }

  /** Drops a removed part's Override. */
  remove(part: string): void {
    const name = `/${part}`.toLowerCase();
    this.xml = this.toXml().replace(/<(?:[\w.-]+:)?Override\s[^>]*\/>/g, (tag) => {
      const named = /PartName="([^"]*)"/.exec(tag)?.[1] ?? '';
      if (named.toLowerCase() !== name) return tag;
      this.named.delete(named);
      return '';
    });
  }

  override(part: string, type: string): void {
    const name = `/${part}`;
    if (this.named.has(name)) return;
    this.named.add(name);
    this.pending.push(`<Override PartName="${name}" ContentType="${type}"/>`);
  }

  hasDefault(ext: string): boolean {
    return new RegExp(`<(?:[\\w.-]+:)?Default\\s[^>]*Extension="${ext}"`, 'i').test(this.toXml());
  }

  /** A Default for the extension, unless the package has one, in the prefix its `<Types>` uses. */
  addDefault(ext: string, type: string): void {
    if (this.hasDefault(ext)) return;
    this.xml = this.toXml().replace(
      /<((?:[\w.-]+:)?)Types\b[^>]*>/,
      (tag, prefix: string) => `${tag}<${prefix}Default Extension="${ext}" ContentType="${type}"/>`,
    );
  }

  save(pkg: ZipPackage): void {
    pkg.setText(CONTENT_TYPES_PART, this.toXml());
  }
}

/** Whether the sheet already has a drawing (a worksheet holds at most one). */
export function hasDrawing(sheetXml: string): boolean {
  return DRAWING_ELEMENT.test(sheetXml);
}

/** Relates a sheet to a drawing part and puts the `<drawing>` element where the schema wants it. */
export function attachDrawing(pkg: ZipPackage, sheetPart: string, drawingPart: string): void {
  const rels = pkg.relationships(sheetPart);
  const ids = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  pkg.setRelationships(sheetPart, [
    ...rels.map((r) => ({ id: r.id, type: r.type, target: r.target, external: r.part === null })),
    { id, type: REL_DRAWING, target: relativeTarget(sheetPart, drawingPart), external: false },
  ]);
  const xml = pkg.text(sheetPart) ?? '';
  // The relationships namespace is declared on the element itself: it need not be on the sheet's root.
  const element = `<drawing xmlns:r="${NS_R}" r:id="${id}"/>`;
  const m = AFTER_DRAWING.exec(xml);
  const at = m ? m.index : xml.lastIndexOf('</');
  pkg.setText(sheetPart, xml.slice(0, at) + element + xml.slice(at));
}
