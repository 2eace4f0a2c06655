/**
 * Applies a set-up plan to a workbook file the way the add-in applies it in
 * Excel, without loading the workbook into an object model: new sheets are
 * grafted as consolidation's are (graft.ts), the tables the plan rewrites are
 * patched cell by cell in their sheet's XML (growing down or to the right
 * when the plan says so, never over a cell that holds something), and the
 * registers' validation replaces the software's own in `<dataValidations>`.
 * Every part the plan does not touch keeps its bytes.
 *
 * Sheet protection needs no lifting here: it binds people editing in Excel,
 * not a program writing the file, so `<sheetProtection>` stays as it was.
 */
import type { ColumnAddition, SetupPlan, SheetValidations, TablePatch, TableRename } from '../core/setup';
import type { Area, PlanValue, SheetPlan } from '../core/plan';
import { a1 } from '../core/snapshot';
import { patchRowContents, type CellContent } from '../core/writes';
import { WorkbookWriteError } from './errors';
import { dropCalcChain, finishBase, graftPlan, openBase, stylesPart, type BasePackage } from './graft';
import { findTable, tableParts, withTableRef, type TablePart } from './table-parts';
import { parseRange, rangeA1 } from './ref';
import { renderPackage } from './render';
import { SheetEdit, inlineString, type NewCell } from './sheet-edit';
import { sharedStringTexts } from './shared-strings';
import { numberFormatOf, withFormatCode } from './style-merge';
import { decodeXml, encodeXml, firstElement, withPrefix } from './xml';

/** Elements of CT_Worksheet after `dataValidations`, in schema order. */
const AFTER_VALIDATIONS =
  /<(?:[\w.-]+:)?(?:hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/;
const VALIDATIONS = /<(?:[\w.-]+:)?dataValidations\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?dataValidations>)/;
const VALIDATION = /<(?:[\w.-]+:)?dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?dataValidation>)/g;

export async function applySetupPlan(input: Buffer | Uint8Array, plan: SetupPlan): Promise<Uint8Array> {
  const target = openBase(input);
  // First, so that the rest of the plan finds the tables under the names it gives them.
  const renamedFormulas = renameTables(target, plan.renames ?? []);
  const wb = plan.workbook;
  const grafting = wb.sheets.length > 0 || wb.removeSheets.length > 0 || Object.keys(wb.meta ?? {}).length > 0;
  if (grafting) await graftPlan(target, wb);
  const edits = new Edits(target);
  for (const p of plan.patches) edits.patch(p);
  for (const c of plan.columns) edits.patch(columnPatch(target, c));
  for (const v of plan.validations) await edits.validate(v);
  const formulas = edits.save();
  return finishBase(target, { calculate: grafting || formulas || renamedFormulas });
}

/**
 * Standard tables someone renamed, given their names back (`name` and
 * `displayName` of the table part), and the formulas of the workbook's
 * sheets that refer to them by the name they had (`MyEvents[title]`, which
 * Excel wrote when the table was renamed) and the pivot tables made from them
 * made to refer to the name they get.
 * Says whether a formula changed.
 */
function renameTables(target: BasePackage, renames: readonly TableRename[]): boolean {
  if (renames.length === 0) return false;
  for (const r of renames) {
    const found = findTable(target.pkg, target.workbook.sheets, r.from);
    if (!found) throw new WorkbookWriteError('bad_plan', `the plan renames table ${r.from}, which the workbook lacks`);
    const xml = found.tableXml.replace(/<(?:[\w.-]+:)?table\b[^>]*>/, (open) =>
      open.replace(/(\s(?:name|displayName)=")[^"]*"/g, (_, head: string) => `${head}${encodeXml(r.to)}"`),
    );
    target.pkg.setText(found.tablePart, xml);
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const reference = new RegExp(`(^|[^\\w.\\\\])(${renames.map((r) => escape(r.from)).join('|')})\\[`, 'gi');
  const to = new Map(renames.map((r) => [r.from.toUpperCase(), r.to]));
  let changed = false;
  for (const sheet of target.workbook.sheets) {
    const xml = sheet.part ? target.pkg.text(sheet.part) : null;
    if (!sheet.part || xml === null) continue;
    const out = xml.replace(
      /(<(?:[\w.-]+:)?f\b[^>]*>)([^<]*)(<\/(?:[\w.-]+:)?f>)/g,
      (whole, open: string, formula: string, close: string) => {
        const next = formula.replace(
          reference,
          (_, before: string, name: string) => `${before}${to.get(name.toUpperCase()) ?? name}[`,
        );
        return next === formula ? whole : `${open}${next}${close}`;
      },
    );
    if (out !== xml) {
      target.pkg.setText(sheet.part, out);
      changed = true;
    }
  }
  // A pivot table made from the table names it as its source: it follows the table, as in Excel.
  for (const part of target.pkg.names().filter((n) => /^xl\/pivotCache\/pivotCacheDefinition[^/]*\.xml$/.test(n))) {
    const xml = target.pkg.text(part) ?? '';
    const out = xml.replace(
      /(<(?:[\w.-]+:)?worksheetSource\b[^>]*?\sname=")([^"]*)"/,
      (whole, head: string, name: string) => {
        const next = to.get(decodeXml(name).toUpperCase());
        return next ? `${head}${encodeXml(next)}"` : whole;
      },
    );
    if (out !== xml) target.pkg.setText(part, out);
  }
  return changed;
}

/**
 * Columns a later version of the standard added, as a patch one row deep that
 * reaches past the table's right edge: the header cells are written under the
 * new names and the data cells stay blank (people fill them).
 */
function columnPatch(target: BasePackage, c: ColumnAddition): TablePatch {
  const found = findTable(target.pkg, target.workbook.sheets, c.table);
  const area = found ? parseRange(firstElement(found.tableXml, 'table')?.get('ref') ?? '') : null;
  if (!found || !area)
    throw new WorkbookWriteError('bad_plan', `the plan adds columns to ${c.table}, which the workbook lacks`);
  return {
    table: c.table,
    sheet: found.sheet,
    top: area.top + 1,
    left: area.right + 1,
    rows: [c.headers.map(() => null)],
    currentRows: area.bottom - area.top,
    protectedSheet: false,
    header: c.headers,
  };
}

/** The sheets being edited, each parsed once, and the styles part. */
class Edits {
  private readonly sheets = new Map<string, { edit: SheetEdit | null; xml: string }>();
  private readonly stylesPart: string | null;
  private styles: string;
  private readonly stylesBefore: string;
  private wroteFormula = false;
  private wroteCells = false;

  constructor(private readonly target: BasePackage) {
    this.stylesPart = stylesPart(target.workbook);
    this.styles = this.stylesPart ? (target.pkg.text(this.stylesPart) ?? '') : '';
    this.stylesBefore = this.styles;
  }

  private sheet(part: string): SheetEdit {
    let s = this.sheets.get(part);
    if (!s) {
      s = { edit: null, xml: this.target.pkg.text(part) ?? '' };
      this.sheets.set(part, s);
    }
    if (!s.edit) {
      try {
        s.edit = new SheetEdit(s.xml);
      } catch {
        throw new WorkbookWriteError('bad_plan', `the sheet part ${part} has no cell data`);
      }
    }
    return s.edit;
  }

  /** The sheet's XML with its pending cell edits. */
  private sheetXml(part: string): string {
    const s = this.sheets.get(part);
    if (!s) return this.target.pkg.text(part) ?? '';
    if (s.edit) {
      s.xml = s.edit.changed ? s.edit.toXml() : s.xml;
      s.edit = null;
    }
    return s.xml;
  }

  patch(p: TablePatch): void {
    const found = findTable(this.target.pkg, this.target.workbook.sheets, p.table);
    if (!found) throw new WorkbookWriteError('bad_plan', `the plan patches table ${p.table}, which the workbook lacks`);
    const t = firstElement(found.tableXml, 'table');
    const area = parseRange(t?.get('ref') ?? '');
    const headers = Number(t?.get('headerRowCount') ?? 1);
    const totals = Number(t?.get('totalsRowCount') ?? 0);
    // Not Math.max(...rows): a national import appends 200,000 rows, more arguments than a call takes.
    const width = p.rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (!area || headers !== 1 || p.left < area.left || p.top <= area.top || width === 0) {
      throw new WorkbookWriteError('bad_plan', `the patch of ${p.table} does not fit its table on "${found.sheet}"`);
    }
    const grown: Area = {
      ...area,
      bottom: Math.max(area.bottom, p.top + p.rows.length - 1),
      right: Math.max(area.right, p.left + width - 1),
    };
    const sheet = this.sheet(found.sheetPart);
    if (grown.bottom !== area.bottom || grown.right !== area.right) {
      if (totals > 0) {
        throw new WorkbookWriteError('bad_plan', `table ${p.table} on "${found.sheet}" has a totals row`);
      }
      this.checkRoom(found, area, grown, sheet);
    }
    const lastRow = area.bottom;
    // A new row takes the look of the table's last row, column by column.
    const lastStyles = new Map<number, number>();
    const lastStyle = (c: number): number => {
      let style = lastStyles.get(c);
      if (style === undefined) lastStyles.set(c, (style = sheet.styleOf(lastRow, c)));
      return style;
    };
    p.rows.forEach((values, i) => {
      const r = p.top + i;
      const contents = patchRowContents(p, values, this.target.date1904);
      if (r > lastRow && !sheet.hasRow(r)) {
        // A row the sheet lacks is written whole: what the cells below say when the cell is empty.
        const cells: NewCell[] = [];
        contents.forEach((content, j) => {
          const v = values[j] ?? null;
          // A sparse patch's null leaves the cell as it is; an empty cell already holds null.
          if (content === null || v === null) return;
          this.wroteCells = true;
          cells.push(this.cellOf(r, p.left + j, content, lastStyle(p.left + j)));
        });
        sheet.addRow(r, cells);
        return;
      }
      contents.forEach((content, j) => {
        // A sparse patch's null leaves the cell as it is (an import filling single cells).
        if (content === null) return;
        const c = p.left + j;
        const existing = sheet.cell(r, c);
        const style = existing !== undefined ? sheet.styleOf(r, c) : r > lastRow ? lastStyle(c) : 0;
        this.writeValue(sheet, r, c, values[j] ?? null, content, style);
      });
    });
    let xml = found.tableXml;
    if (grown.right > area.right) xml = this.addColumns(p, found, area, grown, sheet);
    if (grown.bottom !== area.bottom || grown.right !== area.right) {
      this.target.pkg.setText(found.tablePart, withTableRef(xml, grown));
    }
    if (grown.bottom > area.bottom) this.extendRules(found.sheetPart, area, grown.bottom);
  }

  /**
   * Validation and conditional formatting that ran down a table's column to
   * its last row run down to its new last row, as in Excel when a table grows.
   */
  private extendRules(part: string, area: Area, bottom: number): void {
    const extend = (sqref: string): string =>
      sqref
        .split(/\s+/)
        .map((ref) => {
          const r = parseRange(ref);
          const down =
            r && r.bottom === area.bottom && r.top > area.top && r.left >= area.left && r.right <= area.right;
          return down ? rangeA1({ ...r, bottom }) : ref;
        })
        .join(' ');
    // Both are elements of the worksheet, never inside its cell data.
    this.sheet(part).replaceAround(
      /(<(?:[\w.-]+:)?(?:dataValidation|conditionalFormatting)\b[^>]*?\ssqref=")([^"]*)"/g,
      (_, head: string, sqref: string) => `${head}${extend(sqref)}"`,
    );
  }

  /** Refuses to grow a table over cells that hold something, or into another table. */
  private checkRoom(found: TablePart, area: Area, grown: Area, sheet: SheetEdit): void {
    const blocked = (row: number, col: number) =>
      new WorkbookWriteError('table_blocked', `table ${found.sheet}: ${a1(row, col)} is not empty`, {
        table: found.name,
        sheet: found.sheet,
        cell: a1(row, col),
        row: row + 1,
      });
    for (let r = grown.top; r <= grown.bottom; r++) {
      for (let c = grown.left; c <= grown.right; c++) {
        const inside = r <= area.bottom && c <= area.right;
        if (!inside && sheet.hasContent(r, c)) throw blocked(r, c);
      }
    }
    for (const other of tableParts(this.target.pkg, this.target.workbook.sheets)) {
      if (other.sheetPart !== found.sheetPart || other.tablePart === found.tablePart) continue;
      const o = parseRange(firstElement(other.tableXml, 'table')?.get('ref') ?? '');
      if (o && o.top <= grown.bottom && o.bottom >= grown.top && o.left <= grown.right && o.right >= grown.left) {
        throw blocked(Math.max(o.top, grown.top), Math.max(o.left, grown.left));
      }
    }
  }

  /** New columns at the table's right: header cells written, `tableColumns` extended with unique ids and names. */
  private addColumns(p: TablePatch, found: TablePart, area: Area, grown: Area, sheet: SheetEdit): string {
    const xml = found.tableXml;
    const columns = /<((?:[\w.-]+:)?)tableColumns\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?tableColumns>/.exec(xml);
    if (!columns) throw new WorkbookWriteError('bad_plan', `table ${p.table} has no columns`);
    const prefix = columns[1] ?? '';
    const existing = [...(columns[2] ?? '').matchAll(/<(?:[\w.-]+:)?tableColumn\b([^>]*)/g)].map((m) => m[1] ?? '');
    const names = new Set(existing.map((a) => decodeXml(/\sname="([^"]*)"/.exec(a)?.[1] ?? '').toUpperCase()));
    let id = Math.max(0, ...existing.map((a) => Number(/\sid="(\d+)"/.exec(a)?.[1] ?? 0))) + 1;
    const added: string[] = [];
    for (let c = area.right + 1; c <= grown.right; c++) {
      const wanted = p.header?.[c - p.left];
      if (wanted === undefined || wanted.trim() === '') {
        throw new WorkbookWriteError('bad_plan', `the patch of ${p.table} adds a column without a name`);
      }
      let name = wanted;
      for (let n = 2; names.has(name.toUpperCase()); n++) name = `${wanted}${n}`;
      names.add(name.toUpperCase());
      this.writeValue(sheet, area.top, c, name, { kind: 'text', text: name }, sheet.styleOf(area.top, area.right));
      added.push(`<${prefix}tableColumn id="${id++}" name="${encodeXml(name)}"/>`);
    }
    const count = existing.length + added.length;
    const open = /^<[^>]*>/.exec(columns[0])?.[0] ?? '';
    const newOpen = /\scount="\d+"/.test(open)
      ? open.replace(/\scount="\d+"/, ` count="${count}"`)
      : open.replace(/>$/, ` count="${count}">`);
    const end = columns[0].lastIndexOf('<');
    const block = newOpen + columns[0].slice(open.length, end) + added.join('') + columns[0].slice(end);
    return xml.replace(columns[0], () => block);
  }

  private strings: string[] | null = null;

  /** Writes what the core decided the cell receives (`core/writes`): the add-in writes the same; `v` is the plan's value. */
  private writeValue(sheet: SheetEdit, row: number, col: number, v: PlanValue, c: CellContent, style: number): void {
    this.strings ??= sharedStringTexts(this.target.pkg);
    // A cell that already says this keeps its bytes: its shared string, its rich text (a date is always written).
    if (sheet.holds(row, col, v, this.strings)) return;
    this.wroteCells = true;
    const cell = this.cellOf(row, col, c, style);
    sheet.set(row, col, cell.style, cell.type, cell.inner);
  }

  /** The cell's XML parts for what the core decided it receives. */
  private cellOf(row: number, col: number, c: CellContent, style: number): NewCell {
    switch (c.kind) {
      case 'blank':
        return { col, style, type: null, inner: null };
      case 'number':
        if (!Number.isFinite(c.value))
          throw new WorkbookWriteError('bad_plan', `${a1(row, col)}: ${c.value} is not a number`);
        return {
          col,
          style: c.format ? this.formatted(style, c.format) : style,
          type: null,
          inner: `<v>${c.value}</v>`,
        };
      case 'boolean':
        return { col, style, type: 'b', inner: `<v>${c.value ? 1 : 0}</v>` };
      case 'text':
        // A link is written as its text, as the add-in writes it.
        return { col, style, type: 'inlineStr', inner: inlineString(c.text) };
      case 'formula':
        this.wroteFormula = true;
        // Without a cached result: Excel computes it on opening (fullCalcOnLoad).
        return { col, style, type: null, inner: `<f>${encodeXml(c.formula)}</f>` };
    }
  }

  /** The cell's style if it shows this number format, else one like it that does. */
  private formatted(style: number, code: string): number {
    if (!this.stylesPart) throw new WorkbookWriteError('bad_plan', 'the workbook has no styles for a date');
    const f = numberFormatOf(this.styles, style);
    if (f.code !== undefined && decodeXml(f.code) === code) return style;
    const out = withFormatCode(this.styles, style, code);
    this.styles = out.xml;
    return out.index;
  }

  /**
   * The software's validations of a sheet replaced by the plan's: an existing
   * rule is the software's when it covers one column the plan validates,
   * from the same first row; people's own rules stay where they are.
   */
  async validate(v: SheetValidations): Promise<void> {
    const sheet = this.target.workbook.sheets.find((s) => s.name.toUpperCase() === v.sheet.toUpperCase());
    if (!sheet?.part)
      throw new WorkbookWriteError('bad_plan', `the plan validates sheet "${v.sheet}", which is missing`);
    const rendered = await this.rendered(v);
    const xml = this.sheetXml(sheet.part);
    const prefix = /<((?:[\w.-]+:)?)worksheet\b/.exec(xml)?.[1] ?? '';
    const block = VALIDATIONS.exec(xml);
    const present = block ? ((block[1] ?? '').match(VALIDATION) ?? []) : [];
    const tops = new Map(v.validations.map((x) => [x.area.left, x.area.top]));
    const owned = (item: string): boolean => {
      const sqref = decodeXml(/\ssqref="([^"]*)"/.exec(item)?.[1] ?? '');
      const ranges = sqref.split(/\s+/).filter(Boolean).map(parseRange);
      return ranges.length > 0 && ranges.every((r) => r !== null && r.left === r.right && tops.get(r.left) === r.top);
    };
    const mine = rendered.map((x) => withPrefix(x, prefix));
    const items: string[] = [];
    let placed = false;
    for (const item of present) {
      if (!owned(item)) items.push(item);
      else if (!placed) {
        items.push(...mine);
        placed = true;
      }
    }
    if (!placed) items.push(...mine);
    if (items.length === present.length && items.every((x, i) => x === present[i])) return;
    const element =
      items.length === 0
        ? ''
        : `<${prefix}dataValidations count="${items.length}">${items.join('')}</${prefix}dataValidations>`;
    let out: string;
    if (block) out = xml.slice(0, block.index) + element + xml.slice(block.index + block[0].length);
    else {
      // Where the schema wants it: after the cell data, before the first element that follows it.
      const from = Math.max(0, xml.search(/<\/(?:[\w.-]+:)?sheetData>|<(?:[\w.-]+:)?sheetData\b[^>]*\/>/));
      const m = AFTER_VALIDATIONS.exec(xml.slice(from));
      const at = m ? from + m.index : xml.lastIndexOf('</');
      out = xml.slice(0, at) + element + xml.slice(at);
    }
    this.sheets.set(sheet.part, { edit: null, xml: out });
  }

  /** The plan's validations as the consolidation's writer writes them, from a sheet of their own. */
  private async rendered(v: SheetValidations): Promise<string[]> {
    const carrier: SheetPlan = {
      name: 'validations',
      visibility: 'visible',
      columnWidths: [],
      blocks: [],
      tables: [],
      styles: [],
      validations: v.validations,
    };
    const fresh = await renderPackage({ sheets: [carrier], removeSheets: [] }, this.target.date1904);
    const part = fresh.names().find((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
    const xml = part ? (fresh.text(part) ?? '') : '';
    return (VALIDATIONS.exec(xml)?.[1] ?? '').match(VALIDATION) ?? [];
  }

  /** Writes the edited parts; says whether formulas were written. */
  save(): boolean {
    for (const [part, s] of this.sheets) {
      if (s.edit?.changed) {
        // As chunks of bytes: a sheet an import grew by 200,000 rows is never one string nor one array.
        this.target.pkg.setChunks(part, s.edit.chunks());
        s.edit = null;
        continue;
      }
      const before = this.target.pkg.text(part);
      const xml = this.sheetXml(part);
      if (xml !== before) this.target.pkg.setText(part, xml);
    }
    if (this.stylesPart && this.styles !== this.stylesBefore) this.target.pkg.setText(this.stylesPart, this.styles);
    if (this.wroteCells) dropCalcChain(this.target);
    // A value written changes the results of the formulas that read it (a report's year, its change against
    // last year), and Excel trusts the results a file caches: it must compute them again on opening.
    return this.wroteFormula || this.wroteCells;
  }
}
