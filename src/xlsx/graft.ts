/**
 * Writes a plan into an existing workbook by grafting: the plan's sheets are
 * rendered into a workbook of their own (ExcelJS writes sheets, tables and
 * styles well; charts and links are added to that package by finish.ts) and
 * their parts are moved into the input's package. Everything else in the
 * input is copied byte for byte: notes, threaded comments, macros, pivot
 * tables, slicers, pictures, charts, themes, whatever a later Excel adds.
 * Only the package's lists change (`[Content_Types].xml`, `xl/workbook.xml`
 * and its relationships, `docProps/app.xml`), `xl/styles.xml` gains the
 * styles the new sheets use, and the sheets the plan removes go with every
 * part that only they reached. Loading the whole workbook into an object
 * model and saving it again lost what the model does not know (issue 9).
 */
import type { WorkbookPlan } from '../core/plan';
import { updateAppProperties } from './app-props';
import { WorkbookFileError } from './errors';
import { patchMeta } from './meta-patch';
import { tableParts } from './table-parts';
import { WORKBOOK_PART } from './package';
import { CONTENT_TYPES_PART, ContentTypes, TYPE_RELATIONSHIPS, relativeTarget } from './parts';
import { checkPlanNames, sameName, type TakenNames } from './plan-check';
import { renderPackage } from './render';
import { mergeStyles, namedFonts, type StyleMap } from './style-merge';
import { asBuffer, checkBytes } from './sniff';
import { WorkbookParts, type WorkbookSheet } from './workbook-part';
import { ZipPackage, type RelationshipOut } from './zip-package';
import { elements, firstElement, relsPartOf, renderRelationships, xmlBoolean } from './xml';

const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const REL_CALC_CHAIN_SUFFIX = '/calcChain';
const TYPE_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const TYPE_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
/**
 * Sheets ExcelJS renders at once. Its model of a sheet is many times the
 * sheet's XML, and an import of the republic's oblasts adds 4,000 report
 * sheets: rendered and grafted a batch at a time, only one batch's model is
 * alive. Each batch's styles are merged as they come (an entry the workbook
 * already holds is reused), so the result is the same as in one go.
 */
const RENDER_BATCH = 100;

export async function graftWorkbook(plan: WorkbookPlan, base: Buffer | Uint8Array): Promise<Uint8Array> {
  const target = openBase(base);
  await graftPlan(target, plan);
  return finishBase(target, { calculate: true });
}

/** An existing workbook's package, opened for grafting and patching. */
export interface BasePackage {
  readonly pkg: ZipPackage;
  /** The workbook part, wherever the package's relationships put it. */
  readonly main: string;
  readonly workbook: WorkbookParts;
  readonly types: ContentTypes;
  readonly date1904: boolean;
  /** The package's lists as read, so that finishing rewrites only those that changed. */
  readonly original: { readonly workbook: string; readonly rels: string; readonly types: string };
}

export function openBase(base: Buffer | Uint8Array): BasePackage {
  checkBytes(base);
  const pkg = ZipPackage.open(asBuffer(base));
  const main = pkg.mainPart();
  const workbookXml = main === null ? null : pkg.text(main);
  if (main === null || workbookXml === null) {
    throw new WorkbookFileError('not_workbook', 'a zip package without a workbook part');
  }
  const workbook = new WorkbookParts(workbookXml, pkg.relationships(main));
  const typesXml = pkg.text(CONTENT_TYPES_PART) ?? '';
  return {
    pkg,
    main,
    workbook,
    types: ContentTypes.fromXml(typesXml),
    date1904: xmlBoolean(firstElement(workbookXml, 'workbookPr')?.get('date1904'), false),
    original: { workbook: workbookXml, rels: pkg.text(relsPartOf(main)) ?? '', types: typesXml },
  };
}

/**
 * The plan's sheets grafted into the package, the sheets it removes taken
 * out (with every part only they reached), its Meta values patched in place.
 */
export async function graftPlan(target: BasePackage, plan: WorkbookPlan): Promise<void> {
  const { pkg, main, workbook, types, date1904 } = target;
  const removed = workbook.sheets.filter((s) => plan.removeSheets.some((n) => sameName(n, s.name)));
  const kept = workbook.sheets.filter((s) => !removed.includes(s));
  const keptTables = tablesOf(pkg, kept);
  checkPlanNames(plan, {
    sheets: kept.map((s) => s.name),
    tables: keptTables.map((t) => t.name),
    definedNames: workbook.definedNames().map((n) => n.name),
  } satisfies TakenNames);
  if (plan.meta) patchMeta(pkg, kept, plan.meta);
  removeSheets(target, removed);

  const grafted: WorkbookSheet[] = [];
  let nextTableId = Math.max(0, ...keptTables.map((t) => t.id)) + 1;
  // At least one batch: a plan that only removes sheets still lends its styles.
  for (let from = 0; from === 0 || from < plan.sheets.length; from += RENDER_BATCH) {
    const sheets = plan.sheets.slice(from, from + RENDER_BATCH);
    const fresh = await renderPackage({ ...plan, sheets, meta: undefined }, date1904);
    const styles = graftStyles(target, fresh);
    const strings = sharedStrings(fresh);
    const freshBook = new WorkbookParts(fresh.text(WORKBOOK_PART) ?? '', fresh.relationships(WORKBOOK_PART));
    const grafter = new Grafter(pkg, fresh, types, { styles, strings, nextTableId });
    const added: WorkbookSheet[] = [];
    for (const sheet of freshBook.sheets) {
      if (!sheet.part) continue;
      const part = grafter.copy(sheet.part);
      added.push({ ...sheet, part });
    }
    nextTableId = grafter.nextTableId;
    grafted.push(...added);
    workbook.addSheets(added, freshBook.definedNames(), REL_WORKSHEET, (part) => relativeTarget(main, part));
  }
  const active = workbook.settleActiveSheet();
  if (active && grafted.some((s) => s.part === active.part) && active.part) {
    pkg.setText(active.part, selectTab(pkg.text(active.part) ?? ''));
  }
}

/**
 * Writes the package's lists back, only those that changed, and zips it.
 * `calculate`: formulas were written without results, so Excel computes
 * them all when it opens the file.
 */
export function finishBase(target: BasePackage, options: { readonly calculate: boolean }): Uint8Array {
  const { pkg, main, workbook, types, original } = target;
  if (options.calculate) workbook.calculateOnLoad();
  if (workbook.xml !== original.workbook) pkg.setText(main, workbook.xml);
  const rels = workbook.relationshipsOut();
  if (renderRelationships(rels) !== original.rels || pkg.text(relsPartOf(main)) !== original.rels) {
    pkg.setRelationships(main, rels);
  }
  // Relationships parts are typed by their extension; an input that typed its own one by one has no Default.
  if (pkg.names().some((n) => n.endsWith('.rels'))) types.addDefault('rels', TYPE_RELATIONSHIPS);
  if (types.toXml() !== original.types) pkg.setText(CONTENT_TYPES_PART, types.toXml());
  const app = pkg.text('docProps/app.xml');
  const names = workbook.sheets.map((s) => s.name);
  const renamed =
    names.length !== workbook.originalSheetNames.length || names.some((n, i) => n !== workbook.originalSheetNames[i]);
  if (app !== null && renamed) {
    pkg.setText('docProps/app.xml', updateAppProperties(app, workbook.originalSheetNames, names));
  }
  return pkg.toBytes();
}

/** The tables of these sheets with their ids (unique in a workbook). */
function tablesOf(pkg: ZipPackage, sheets: readonly WorkbookSheet[]): { name: string; id: number }[] {
  return tableParts(pkg, sheets).map((t) => ({
    name: t.name,
    id: Number(firstElement(t.tableXml, 'table')?.get('id')) || 0,
  }));
}

/** Every part a sheet reaches through relationships, itself included. */
function closure(pkg: ZipPackage, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const part = queue.pop() as string;
    if (seen.has(part) || !pkg.has(part)) continue;
    seen.add(part);
    for (const r of pkg.relationships(part)) if (r.part) queue.push(r.part);
  }
  return seen;
}

/**
 * Takes the removed sheets out with the parts only they reached (their
 * tables, drawings, charts, comments), their relationships and content
 * types. The calculation chain lists cells by sheet and would point into
 * the removed sheets: it is a cache that Excel rebuilds, so it goes too.
 */
function removeSheets({ pkg, main, workbook, types }: BasePackage, removed: readonly WorkbookSheet[]): void {
  if (removed.length === 0) return;
  const doomed = closure(
    pkg,
    removed.flatMap((s) => (s.part ? [s.part] : [])),
  );
  for (const part of dropCalcChainRelationship(workbook)) doomed.add(part);
  workbook.removeSheets(removed);
  pkg.setRelationships(main, workbook.relationshipsOut());
  const alive = pkg.reachable();
  for (const part of doomed) {
    if (alive.has(part)) continue;
    pkg.remove(part);
    pkg.remove(relsPartOf(part));
    types.remove(part);
  }
}

/** Takes the calculation chain's relationship out of the workbook's; returns its part, for the caller to remove. */
function dropCalcChainRelationship(workbook: WorkbookParts): string[] {
  const parts: string[] = [];
  for (const r of workbook.relationships) {
    if (r.type.endsWith(REL_CALC_CHAIN_SUFFIX) && r.part) {
      parts.push(r.part);
      workbook.dropRelationship(r.id);
    }
  }
  return parts;
}

/**
 * The calculation chain lists formula cells by sheet; once cells are
 * rewritten it may name a cell that no longer holds a formula, which Excel
 * repairs with a warning. It is a cache that Excel rebuilds, so it goes.
 */
export function dropCalcChain(target: BasePackage): void {
  for (const part of dropCalcChainRelationship(target.workbook)) {
    target.pkg.remove(part);
    target.pkg.remove(relsPartOf(part));
    target.types.remove(part);
  }
}

/** The styles part of the workbook, or null when it has none. */
export function stylesPart(workbook: WorkbookParts): string | null {
  return workbook.relationships.find((r) => r.type === REL_STYLES && r.part)?.part ?? null;
}

function graftStyles({ pkg, main, workbook, types }: BasePackage, fresh: ZipPackage): StyleMap {
  const freshStyles = fresh.text('xl/styles.xml') ?? '';
  const rel = workbook.relationships.find((r) => r.type === REL_STYLES && r.part);
  const target = rel?.part ? pkg.text(rel.part) : null;
  if (!rel?.part || target === null) {
    // A package without styles (rare, but valid): the fresh one's are taken as they are.
    const part = rel?.part ?? 'xl/styles.xml';
    pkg.setText(part, namedFonts(freshStyles));
    if (!rel) workbook.addRelationship(REL_STYLES, relativeTarget(main, part));
    types.override(part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
    const count = elements(freshStyles, 'xf').length;
    return { xf: Array.from({ length: count }, (_, i) => i), dxf: Array.from({ length: 64 }, (_, i) => i) };
  }
  const merged = mergeStyles(target, freshStyles);
  pkg.setText(rel.part, merged.xml);
  return merged.map;
}

function sharedStrings(fresh: ZipPackage): string[] {
  const xml = fresh.text('xl/sharedStrings.xml') ?? '';
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? '');
}

function selectTab(xml: string): string {
  return xml.replace(/<sheetView\b/, '<sheetView tabSelected="1"');
}

interface GraftContext {
  readonly styles: StyleMap;
  readonly strings: readonly string[];
  nextTableId: number;
}

/** Copies a part of the fresh package, and every part it reaches, under names free in the target. */
class Grafter {
  private readonly names = new Map<string, string>();
  private readonly taken: Set<string>;
  /** Per stem and extension, the number below which every name is taken: a search from 1 each time was quadratic. */
  private readonly nextNumber = new Map<string, number>();

  constructor(
    private readonly pkg: ZipPackage,
    private readonly fresh: ZipPackage,
    private readonly types: ContentTypes,
    private readonly ctx: GraftContext,
  ) {
    this.taken = new Set(pkg.names().map((n) => n.toLowerCase()));
  }

  get nextTableId(): number {
    return this.ctx.nextTableId;
  }

  copy(part: string): string {
    const done = this.names.get(part);
    if (done !== undefined) return done;
    const name = this.freeName(part);
    this.names.set(part, name);
    const rels: RelationshipOut[] = this.fresh.relationships(part).map((r) => ({
      id: r.id,
      type: r.type,
      target: r.part === null ? r.target : relativeTarget(name, this.copy(r.part)),
      external: r.part === null,
    }));
    const type = this.fresh.contentTypeOf(part);
    const data = this.fresh.bytes(part) ?? new Uint8Array();
    if (type === TYPE_WORKSHEET) this.pkg.setText(name, graftSheetXml(this.fresh.text(part) ?? '', this.ctx));
    else if (type === TYPE_TABLE) this.pkg.setText(name, this.graftTable(this.fresh.text(part) ?? ''));
    else this.pkg.setBytes(name, data);
    if (rels.length > 0) this.pkg.setRelationships(name, rels);
    if (type) this.types.override(name, type);
    return name;
  }

  /** `xl/tables/table3.xml` → the first `xl/tables/tableN.xml` the target does not hold. */
  private freeName(part: string): string {
    const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(part);
    const stem = m?.[1] ?? part;
    const ext = m?.[3] ?? '';
    const series = `${stem}\u0000${ext}`.toLowerCase();
    for (let n = this.nextNumber.get(series) ?? 1; ; n++) {
      const name = `${stem}${n}${ext}`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        this.nextNumber.set(series, n + 1);
        return name;
      }
    }
  }

  /** Table ids are unique in a workbook (Excel repairs a clash away). */
  private graftTable(xml: string): string {
    const id = this.ctx.nextTableId++;
    return remapDxf(xml.replace(/(<(?:[\w.-]+:)?table\b[^>]*?\sid=")\d+"/, `$1${id}"`), this.ctx.styles);
  }
}

function remapDxf(xml: string, styles: StyleMap): string {
  return xml.replace(
    /(\s\w*[dD]xfId=")(\d+)"/g,
    (_, head: string, n: string) => `${head}${styles.dxf[Number(n)] ?? 0}"`,
  );
}

/**
 * A fresh sheet's XML in the target's terms: its style indices point into the
 * merged `styles.xml`, its shared strings become inline strings (the target's
 * shared string table stays as it was), and no tab is selected (the target
 * keeps the sheet people had open).
 */
export function graftSheetXml(xml: string, ctx: Pick<GraftContext, 'styles' | 'strings'>): string {
  const xf = (n: string): string => String(ctx.styles.xf[Number(n)] ?? 0);
  let out = xml.replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, _end: string, inner?: string) => {
    let a = attrs.replace(/(\ss=")(\d+)"/, (_, h: string, n: string) => `${h}${xf(n)}"`);
    if (inner === undefined || !/\st="s"/.test(a)) return whole.replace(attrs, a);
    const index = /<v>(\d+)<\/v>/.exec(inner)?.[1];
    const text = index === undefined ? undefined : ctx.strings[Number(index)];
    if (text === undefined) return whole.replace(attrs, a);
    a = a.replace(/\st="s"/, ' t="inlineStr"');
    return `<c${a}><is>${text}</is></c>`;
  });
  out = out.replace(/<row\b[^>]*>/g, (tag) =>
    tag.replace(/(\ss=")(\d+)"/, (_, h: string, n: string) => `${h}${xf(n)}"`),
  );
  out = out.replace(/<col\b[^>]*>/g, (tag) =>
    tag.replace(/(\sstyle=")(\d+)"/, (_, h: string, n: string) => `${h}${xf(n)}"`),
  );
  out = out.replace(/\stabSelected="(?:1|true)"/g, '');
  return remapDxf(out, ctx.styles);
}
