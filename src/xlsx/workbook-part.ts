/**
 * `xl/workbook.xml` and its relationships, edited as text so that whatever
 * the schema's later versions or other producers put there stays: the list
 * of sheets, the defined names that belong to sheets (`localSheetId` is a
 * sheet's position, which moves when sheets are removed), the active tab and
 * the calculation settings.
 */
import { WorkbookWriteError } from './errors';
import { encodeXml, decodeXml, elements, prefixedAttribute, withPrefix, type Relationship } from './xml';
import type { RelationshipOut } from './zip-package';

export interface WorkbookSheet {
  readonly name: string;
  readonly state: string | undefined;
  readonly relId: string;
  /** The sheet's part, or null when its relationship is missing. */
  readonly part: string | null;
  /** The `<sheet>` element as written. */
  readonly tag: string;
}

export interface DefinedName {
  readonly name: string;
  readonly localSheetId: number | undefined;
  /** The `<definedName>` element as written. */
  readonly element: string;
  readonly formula: string;
}

const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEETS = /<((?:[\w.-]+:)?)sheets\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?sheets>)/;
const SHEET = /<(?:[\w.-]+:)?sheet\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?sheet>)/g;
const DEFINED_NAMES = /<(?:[\w.-]+:)?definedNames\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?definedNames>)/;
const DEFINED_NAME = /<(?:[\w.-]+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>)/g;
/** Elements of CT_Workbook that come after `definedNames`, in schema order. */
const AFTER_DEFINED_NAMES =
  /<(?:[\w.-]+:)?(?:calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b/;
const AFTER_CALC_PR =
  /<(?:[\w.-]+:)?(?:oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b/;
/** A sheet named in a formula: `'Свод'!A1` or `Summary!A1`. */
const SHEET_REFERENCE = /(?:'((?:[^']|'')+)'|([^\s!'"(),;:=+\-*/<>&^%{}[\]]+))!/g;

function attr(tag: string, name: string): string | undefined {
  const v = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return v === undefined ? undefined : decodeXml(v);
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  return re.test(tag) ? tag.replace(re, ` ${name}="${value}"`) : tag.replace(/^<([\w.:-]+)/, `<$1 ${name}="${value}"`);
}

/** A sheet's or table's name as Excel compares names: case aside. */
export function nameKey(name: string): string {
  return name.toUpperCase();
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

export class WorkbookParts {
  private text: string;
  private rels: Relationship[];
  private relIds: Set<string> | null = null;
  sheets: WorkbookSheet[];
  private names: DefinedName[];
  private readonly prefix: string;
  private readonly removedNames: string[] = [];
  readonly originalSheetNames: readonly string[];
  private readonly activeName: string | undefined;

  constructor(xml: string, rels: readonly Relationship[]) {
    this.text = xml;
    this.rels = [...rels];
    const block = SHEETS.exec(xml);
    this.prefix = block?.[1] ?? '';
    const byId = new Map(this.rels.map((r) => [r.id, r]));
    this.sheets = (block?.[2]?.match(SHEET) ?? []).map((tag) => {
      const a = elements(tag, 'sheet')[0] ?? new Map<string, string>();
      const relId = prefixedAttribute(a, 'id') ?? '';
      return { name: a.get('name') ?? '', state: a.get('state'), relId, part: byId.get(relId)?.part ?? null, tag };
    });
    this.names = [...(DEFINED_NAMES.exec(xml)?.[1] ?? '').matchAll(DEFINED_NAME)].map((m) => {
      const tag = m[1] ?? '';
      const local = attr(tag, 'localSheetId');
      return {
        name: attr(tag, 'name') ?? '',
        localSheetId: local === undefined ? undefined : Number(local),
        element: m[0],
        formula: decodeXml(m[2] ?? ''),
      };
    });
    this.originalSheetNames = this.sheets.map((s) => s.name);
    const tab = Number(attr(/<(?:[\w.-]+:)?workbookView\b[^>]*>/.exec(xml)?.[0] ?? '', 'activeTab') ?? 0);
    this.activeName = this.sheets[tab]?.name ?? this.sheets[0]?.name;
  }

  get xml(): string {
    return this.text;
  }

  get relationships(): readonly Relationship[] {
    return this.rels;
  }

  definedNames(): readonly DefinedName[] {
    return this.names;
  }

  relationshipsOut(): RelationshipOut[] {
    return this.rels.map((r) => ({ id: r.id, type: r.type, target: r.target, external: r.part === null }));
  }

  dropRelationship(id: string): void {
    this.rels = this.rels.filter((r) => r.id !== id);
    this.relIds = null;
  }

  addRelationship(type: string, target: string, part: string | null = null): string {
    // Kept between calls: a set of the ids made for each of thousands of new sheets was quadratic.
    const ids = (this.relIds ??= new Set(this.rels.map((r) => r.id)));
    let n = this.rels.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.rels.push({ id, type, target, part: part ?? target });
    ids.add(id);
    return id;
  }

  /** Takes sheets out of the list, with their relationships and the names that belong to them. */
  removeSheets(removed: readonly WorkbookSheet[]): void {
    const positions = removed.map((s) => this.sheets.indexOf(s)).filter((i) => i >= 0);
    const shift = (i: number): number => i - positions.filter((p) => p < i).length;
    this.names = this.names.flatMap((n) => {
      if (n.localSheetId === undefined) return [n];
      if (positions.includes(n.localSheetId)) return [];
      const moved = shift(n.localSheetId);
      return [{ ...n, localSheetId: moved, element: setAttr(n.element, 'localSheetId', String(moved)) }];
    });
    for (const s of removed) this.dropRelationship(s.relId);
    this.removedNames.push(...removed.map((s) => s.name));
    this.sheets = this.sheets.filter((s) => !removed.includes(s));
    this.writeSheets();
    this.writeNames();
  }

  /**
   * Appends new sheets (their parts already in the package) with the names
   * that belong to them, given by their position among `added`.
   */
  addSheets(
    added: readonly WorkbookSheet[],
    addedNames: readonly DefinedName[],
    relType: string,
    targetOf: (part: string) => string,
  ): void {
    const first = this.sheets.length;
    // Only a prefix declared on the root is in scope for a new element (openpyxl declares `r` on each sheet).
    const root = /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(this.text)?.[0] ?? '';
    const rPrefix =
      /\sxmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(root)?.[1];
    let sheetId = Math.max(0, ...this.sheets.map((s) => Number(attr(s.tag, 'sheetId')) || 0)) + 1;
    for (const s of added) {
      if (!s.part) continue;
      const relId = this.addRelationship(relType, targetOf(s.part), s.part);
      const idAttr = rPrefix ? `${rPrefix}:id="${relId}"` : `xmlns:r="${NS_R}" r:id="${relId}"`;
      const state = s.state && s.state !== 'visible' ? ` state="${encodeXml(s.state)}"` : '';
      const tag = `<${this.prefix}sheet name="${encodeXml(s.name)}" sheetId="${sheetId++}"${state} ${idAttr}/>`;
      this.sheets.push({ ...s, relId, tag });
    }
    for (const n of addedNames) {
      const local = n.localSheetId === undefined ? undefined : n.localSheetId + first;
      const element = local === undefined ? n.element : setAttr(n.element, 'localSheetId', String(local));
      this.names.push({ ...n, localSheetId: local, element: this.prefix ? withPrefix(element, this.prefix) : element });
    }
    // A workbook-wide name that pointed into a removed sheet now points nowhere, unless a new sheet took its name.
    const gone = this.removedNames.filter((r) => !this.sheets.some((s) => sameName(s.name, r)));
    this.names = this.names.filter(
      (n) => n.localSheetId !== undefined || !sheetsIn(n.formula).some((s) => gone.some((g) => sameName(g, s))),
    );
    this.writeSheets();
    this.writeNames();
  }

  /**
   * Keeps the sheet that was active if it is still there (or was rebuilt under
   * the same name) and visible, else the first visible one; Excel and
   * LibreOffice misbehave when the active sheet is hidden.
   */
  settleActiveSheet(): WorkbookSheet | undefined {
    const visible = this.sheets.filter((s) => s.state === undefined || s.state === 'visible');
    const target =
      visible.find((s) => this.activeName !== undefined && sameName(s.name, this.activeName)) ?? visible[0];
    if (!target) throw new WorkbookWriteError('bad_plan', 'the workbook would have no visible sheet');
    const index = this.sheets.indexOf(target);
    const view = /<(?:[\w.-]+:)?workbookView\b[^>]*?\/?>/.exec(this.text);
    if (view) {
      let tag = setAttr(view[0], 'activeTab', String(index));
      if (attr(tag, 'firstSheet') !== undefined) tag = setAttr(tag, 'firstSheet', '0');
      this.text = this.text.replace(view[0], tag);
    }
    return target;
  }

  /** Formulas are written without results: Excel computes them all when it opens the file. */
  calculateOnLoad(): void {
    const calc = /<(?:[\w.-]+:)?calcPr\b[^>]*?\/?>/.exec(this.text);
    if (calc) {
      this.text = this.text.replace(calc[0], setAttr(calc[0], 'fullCalcOnLoad', '1'));
      return;
    }
    const element = `<${this.prefix}calcPr fullCalcOnLoad="1"/>`;
    const m = AFTER_CALC_PR.exec(this.text);
    const at = m ? m.index : this.text.lastIndexOf('</');
    this.text = this.text.slice(0, at) + element + this.text.slice(at);
  }

  private writeSheets(): void {
    const p = this.prefix;
    const element = `<${p}sheets>${this.sheets.map((s) => s.tag).join('')}</${p}sheets>`;
    this.text = this.text.replace(SHEETS, () => element);
  }

  private writeNames(): void {
    const p = this.prefix;
    const element =
      this.names.length === 0
        ? ''
        : `<${p}definedNames>${this.names.map((n) => n.element).join('')}</${p}definedNames>`;
    if (DEFINED_NAMES.test(this.text)) {
      this.text = this.text.replace(DEFINED_NAMES, () => element);
      return;
    }
    if (!element) return;
    const m = AFTER_DEFINED_NAMES.exec(this.text);
    const at = m ? m.index : this.text.lastIndexOf('</');
    this.text = this.text.slice(0, at) + element + this.text.slice(at);
  }
}

/** The sheets a formula names, outside its string literals. */
export function sheetsIn(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(SHEET_REFERENCE)].map((m) => (m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '')));
}
