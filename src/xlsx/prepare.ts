/**
 * Rewrites a package into the shape ExcelJS 4.4 can load. ExcelJS finds parts
 * by file name patterns (`xl/worksheets/sheetN.xml`, `xl/tables/tableN.xml`,
 * `xl/commentsN.xml`) and looks sheet relationships up by their literal
 * `../tables/tableN.xml` target, throwing on anything else (openpyxl writes
 * `/xl/tables/table1.xml`). It also reads booleans only as `1`, while
 * LibreOffice writes `true` (a 1904 workbook read as 1900 would shift every
 * date by four years; a protected sheet would come back unprotected).
 *
 * - `read`: keeps only what cell values need; sheet relationships are dropped
 *   because the reader takes tables from `describePackage` and ignores the
 *   rest (comments, drawings, hyperlink targets).
 * - `write`: keeps everything, with parts renamed and targets made relative,
 *   so that a base workbook survives being loaded and saved again; the
 *   sheets' data validations are taken out and returned, to be put back
 *   after ExcelJS has saved (preserve.ts), and so are their drawings,
 *   whose charts ExcelJS would drop (drawings.ts).
 */
import { contentTypesOf, takeDrawing, type KeptDrawing } from './drawings';
import { WORKBOOK_PART } from './package';
import { relativeTarget } from './parts';
import { takeValidations, type KeptValidations } from './preserve';
import { elements, prefixedAttribute, relsPartOf, type Relationship } from './xml';
import type { ZipPackage } from './zip-package';

export type PrepareMode = 'read' | 'write';

export interface Prepared {
  readonly data: Buffer;
  /** Validations taken out of each sheet, by sheet name (write mode). */
  readonly kept: ReadonlyMap<string, KeptValidations>;
  /** Drawings (charts, pictures, shapes) taken out of each sheet, by sheet name (write mode): see drawings.ts. */
  readonly drawings: ReadonlyMap<string, KeptDrawing>;
}

const SORT_STATE =
  /<(?:[\w.-]+:)?sortState\b[^>]*?\/>|<(?:[\w.-]+:)?sortState\b[^>]*>[\s\S]*?<\/(?:[\w.-]+:)?sortState>/g;

/** Parts ExcelJS finds by name, and the name pattern it needs for each relationship type. */
const CANONICAL: Readonly<Record<string, { readonly re: RegExp; readonly make: (n: number) => string }>> = {
  worksheet: { re: /^xl\/worksheets\/sheet\d+\.xml$/, make: (n) => `xl/worksheets/sheet${n}.xml` },
  table: { re: /^xl\/tables\/table\d+\.xml$/, make: (n) => `xl/tables/table${n}.xml` },
  comments: { re: /^xl\/comments\d+\.xml$/, make: (n) => `xl/comments${n}.xml` },
  vmlDrawing: { re: /^xl\/drawings\/vmlDrawing\d+\.vml$/, make: (n) => `xl/drawings/vmlDrawing${n}.vml` },
  drawing: { re: /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/, make: (n) => `xl/drawings/drawing${n}.xml` },
};
const FIXED: Readonly<Record<string, string>> = {
  sharedStrings: 'xl/sharedStrings.xml',
  styles: 'xl/styles.xml',
};

const READ_KEEP =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/theme\/[^/]+|xl\/worksheets\/sheet\d+\.xml)$/;

/** Start tags whose boolean attributes ExcelJS compares with `1`. */
const BOOLEAN_TAGS =
  /<(?:[\w.-]+:)?(?:workbookPr|sheetPr|pageSetUpPr|outlinePr|sheetView|sheetProtection|sheetFormatPr|row|col|printOptions|pageSetup)\s[^>]*>/g;

export function normalizeBooleans(xml: string): string {
  return xml.replace(BOOLEAN_TAGS, (tag) =>
    tag.replace(/(\s[\w:]+)\s*=\s*"(true|false)"/g, (_, a: string, v: string) => `${a}="${v === 'true' ? '1' : '0'}"`),
  );
}

function relKind(rel: Relationship): string {
  return rel.type.slice(rel.type.lastIndexOf('/') + 1);
}

class Renamer {
  private readonly used = new Set<string>();
  private readonly moved = new Map<string, string>();
  constructor(private readonly pkg: ZipPackage) {
    for (const path of pkg.names()) this.used.add(path);
  }

  /** The part's name as ExcelJS needs it, moving the part (and its relationships) when it differs. */
  canonical(part: string, kind: string): string {
    const done = this.moved.get(part);
    if (done !== undefined) return done;
    const rule = CANONICAL[kind];
    const fixed = FIXED[kind];
    let target = part;
    if (fixed !== undefined) target = fixed;
    else if (rule && !rule.re.test(part)) {
      let n = 1;
      while (this.used.has(rule.make(n))) n++;
      target = rule.make(n);
    }
    if (target !== part) {
      this.move(part, target);
      this.move(relsPartOf(part), relsPartOf(target));
    }
    this.moved.set(part, target);
    return target;
  }

  private move(from: string, to: string): void {
    const data = this.pkg.bytes(from);
    if (!data) return;
    this.pkg.setBytes(to, data);
    this.pkg.remove(from);
    this.used.delete(from);
    this.used.add(to);
  }
}

/** Rewrites one part's relationships with targets relative to it, moving parts to the names ExcelJS expects. */
function rewriteRels(pkg: ZipPackage, part: string, renamer: Renamer): void {
  const rels = pkg.relationships(part);
  if (rels.length === 0) return;
  const out = [];
  for (const r of rels) {
    if (r.part === null) {
      out.push({ id: r.id, type: r.type, target: r.target, external: true });
      continue;
    }
    const target = renamer.canonical(r.part, relKind(r));
    out.push({ id: r.id, type: r.type, target: relativeTarget(part, target), external: false });
  }
  pkg.setRelationships(part, out);
}

function rewriteText(pkg: ZipPackage, part: string, edit: (xml: string) => string): void {
  const xml = pkg.text(part);
  if (xml === null) return;
  const next = edit(xml);
  if (next !== xml) pkg.setText(part, next);
}

/**
 * ExcelJS reads the workbook part only as `xl/workbook.xml`; a package whose
 * relationships put it elsewhere has it moved there, its own relationships
 * re-expressed from there.
 */
function moveMainPart(pkg: ZipPackage): void {
  const main = pkg.mainPart();
  if (main === null || main === WORKBOOK_PART) return;
  const rels = pkg.relationships(main);
  pkg.setBytes(WORKBOOK_PART, pkg.bytes(main)!);
  pkg.remove(main);
  pkg.remove(relsPartOf(main));
  const out = (list: readonly Relationship[], target: (part: string) => string) =>
    list.map((r) => ({
      id: r.id,
      type: r.type,
      target: r.part === null ? r.target : target(r.part),
      external: !r.part,
    }));
  pkg.setRelationships(
    WORKBOOK_PART,
    out(rels, (part) => relativeTarget(WORKBOOK_PART, part)),
  );
  pkg.setRelationships(
    '',
    out(pkg.relationships(''), (part) => (part === main ? WORKBOOK_PART : part)),
  );
}

export function prepareForExcelJS(pkg: ZipPackage, mode: PrepareMode): Prepared {
  moveMainPart(pkg);
  const renamer = new Renamer(pkg);
  rewriteText(pkg, WORKBOOK_PART, normalizeBooleans);
  rewriteRels(pkg, WORKBOOK_PART, renamer);
  // Sheet parts may have moved: take their names afresh from the rewritten relationships.
  const rels = new Map(pkg.relationships(WORKBOOK_PART).map((r) => [r.id, r]));
  const sheets = elements(pkg.text(WORKBOOK_PART) ?? '', 'sheet').flatMap((a) => {
    const rel = rels.get(prefixedAttribute(a, 'id') ?? '');
    return rel?.part && relKind(rel) === 'worksheet' ? [{ name: a.get('name') ?? '', part: rel.part }] : [];
  });
  const kept = new Map<string, KeptValidations>();
  const drawings = new Map<string, KeptDrawing>();
  if (mode === 'read') {
    for (const path of pkg.names()) if (!READ_KEEP.test(path)) pkg.remove(path);
  } else {
    const typeOf = contentTypesOf(pkg);
    for (const { name, part } of sheets) {
      rewriteRels(pkg, part, renamer);
      const drawing = takeDrawing(pkg, part, typeOf);
      if (drawing) drawings.set(name, drawing);
      rewriteText(pkg, part, (xml) => {
        const taken = takeValidations(normalizeBooleans(xml));
        if (taken.kept) kept.set(name, taken.kept);
        return taken.xml;
      });
    }
    // ExcelJS throws on a `sortState` inside a table's autoFilter; the sorted rows themselves stay as they are.
    for (const path of pkg.names().filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
      rewriteText(pkg, path, (xml) => xml.replace(SORT_STATE, ''));
    }
  }
  const data = pkg.toBytes();
  return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), kept, drawings };
}
