/**
 * An Excel workbook in memory, driven through the Excel JavaScript API:
 * `sim.run` is shaped like `Excel.run`, `sim.office` like the `Office`
 * global (the sync engine, `engine.ts`). Tests and the playground also
 * edit it as a person or a co-author would and inject failures (`hooks.ts`),
 * and inspect the workbook directly, without syncs (this module).
 */
import { MAX_COLUMNS, areaA1, parseRef, type Area } from './address';
import { describeChart, type ChartDescription } from './chart';
import { emptyFormat } from './conditional';
import { DEFAULT_STYLE, type Scalar, type Sheet } from './model';
import { describePageLayout } from './pagelayout';
import { tableAddress } from './table';
import { ruleObject } from './validation';
import { cellFormula, cellValue, normalizeColor } from './values';
import { nameFormula } from './workbook';
import { SimHooks } from './hooks';

export class SimExcel extends SimHooks {
  private grid<T>(sheet: string, address: string, f: (s: Sheet, r: number, c: number) => T): T[][] {
    const { sheet: s, area: a } = this.place(sheet, address);
    return Array.from({ length: a.bottom - a.top + 1 }, (_, i) =>
      Array.from({ length: a.right - a.left + 1 }, (_, j) => f(s, a.top + i, a.left + j)),
    );
  }

  values(sheet: string, address: string): Scalar[][] {
    return this.grid(sheet, address, (s, r, c) => cellValue(this.model.cell(s, r, c)));
  }

  formulas(sheet: string, address: string): Scalar[][] {
    return this.grid(sheet, address, (s, r, c) => cellFormula(this.model.cell(s, r, c)));
  }

  numberFormats(sheet: string, address: string): string[][] {
    return this.grid(sheet, address, (s, r, c) => this.model.styleAt(s, r, c).numberFormat);
  }

  /** The look of one cell (bold, fill, locked, ...). */
  styleOf(sheet: string, address: string): Readonly<Record<string, unknown>> {
    const { sheet: s, area: a } = this.place(sheet, address);
    return { ...this.model.styleAt(s, a.top, a.left) };
  }

  sheets(): {
    name: string;
    visibility: string;
    protected: boolean;
    tabColor: string;
    freeze: { rows: number; columns: number };
  }[] {
    return this.model.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protection.protected,
      tabColor: s.tabColor,
      freeze: { ...s.freeze },
    }));
  }

  tables(): {
    name: string;
    sheet: string;
    address: string;
    columns: string[];
    showHeaders: boolean;
    showTotals: boolean;
    style: string;
  }[] {
    return this.model.tables.map((t) => ({
      name: t.name,
      sheet: this.model.sheetById(t.sheetId)?.name ?? '#REF!',
      address: tableAddress(this.model, t),
      columns: t.columns.map((c) => c.name),
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      style: t.style,
    }));
  }

  validations(sheet: string): {
    address: string;
    type: string;
    rule: Excel.DataValidationRule;
    errorAlert: object;
    prompt: object;
    ignoreBlanks: boolean;
  }[] {
    const s = this.sheetOrThrow(sheet);
    return s.validations.map((v) => ({
      address: v.areas.map((a) => areaA1(a)).join(','),
      type: v.rule.type,
      rule: ruleObject(v.rule),
      errorAlert: { ...v.errorAlert },
      prompt: { ...v.prompt },
      ignoreBlanks: v.ignoreBlanks,
    }));
  }

  /** Conditional formats of one sheet, or of every sheet. */
  conditionalFormats(sheet?: string): {
    sheet: string;
    id: string;
    type: string;
    address: string;
    formula: string;
    fill: string | null;
    fontColor: string | null;
  }[] {
    const sheets = sheet === undefined ? this.model.sheets : [this.sheetOrThrow(sheet)];
    return sheets.flatMap((s) =>
      s.conditionalFormats.map((cf) => ({
        sheet: s.name,
        id: cf.id,
        type: cf.type,
        address: cf.areas.map((a) => areaA1(a)).join(','),
        formula: cf.rule.formula,
        fill: cf.format.fill,
        fontColor: cf.format.fontColor,
      })),
    );
  }

  /** A person's own conditional format (custom rule, fill colour), added as in Excel's UI: last in priority. */
  addConditionalFormat(sheet: string, address: string, formula: string, fill: string): string {
    const { sheet: s, area: a } = this.place(sheet, address);
    const id = `{${this.model.nextId('CF-')}}`;
    s.conditionalFormats.push({
      id,
      type: 'Custom',
      areas: [a],
      stopIfTrue: false,
      rule: {
        formula: formula.startsWith('=') ? formula : `=${formula}`,
        operator: 'Invalid',
        formula1: '',
        formula2: '',
      },
      format: { ...emptyFormat(), fill: normalizeColor(fill) },
    });
    return id;
  }

  names(): { name: string; formula: string; comment: string }[] {
    return this.model.names.map((n) => ({ name: n.name, formula: nameFormula(this.model, n), comment: n.comment }));
  }

  merges(sheet: string): string[] {
    return this.sheetOrThrow(sheet).merges.map((a) => areaA1(a));
  }

  /** Every chart's description, on one sheet or all. */
  describeCharts(sheet?: string): ChartDescription[] {
    const sheets = sheet === undefined ? this.model.sheets : [this.sheetOrThrow(sheet)];
    return sheets.flatMap((s) => s.charts.map((c) => describeChart(this.model, s, c)));
  }

  /** The selected range: its sheet, and its address on that sheet (`F5`). */
  selection(): { sheet: string; address: string } | null {
    const sel = this.model.selection;
    const s = sel && this.model.sheetById(sel.sheetId);
    return sel && s ? { sheet: s.name, address: areaA1(sel.area) } : null;
  }

  activeSheet(): string | null {
    return (this.model.activeSheetId && this.model.sheetById(this.model.activeSheetId)?.name) || null;
  }

  /**
   * A deterministic text of everything the workbook holds (cells with their
   * values, formulas and looks, tables, validations, formats, charts, names,
   * sheet settings): equal fingerprints mean equal workbooks.
   */
  fingerprint(): string {
    const m = this.model;
    const sheets = m.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      tabColor: s.tabColor,
      protection: s.protection,
      freeze: s.freeze,
      cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]),
      rowStyles: [...s.rowStyles.entries()].sort((a, b) => a[0] - b[0]),
      colStyles: [...s.colStyles.entries()].sort((a, b) => a[0] - b[0]),
      colWidths: [...s.colWidths.entries()].sort((a, b) => a[0] - b[0]),
      rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      merges: s.merges,
      borders: s.borders,
      validations: s.validations.map((v) => ({ ...v, id: undefined })),
      conditionalFormats: s.conditionalFormats,
      charts: s.charts,
    }));
    return JSON.stringify({
      sheets,
      tables: m.tables,
      names: m.names,
      settings: [...m.settings.entries()].sort(),
      structure: m.structure,
    });
  }

  /**
   * Everything a person could see in the workbook, as readable text without
   * the sim's internal ids: sheets in order with their settings, every cell
   * with content or a look of its own, tables, validations, conditional
   * formats, charts and names. Equal dumps mean workbooks that look the same.
   */
  dump(): string {
    const m = this.model;
    const defaults: Readonly<Record<string, unknown>> = { ...DEFAULT_STYLE };
    const compact = (st: object | undefined) => {
      if (!st) return undefined;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(st)) if (v !== defaults[k]) out[k] = v;
      return Object.keys(out).length > 0 ? out : undefined;
    };
    const sorted = <V>(map: Map<number, V>) => [...map.entries()].sort((a, b) => a[0] - b[0]);
    const sheets = m.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      tabColor: s.tabColor,
      gridlines: s.showGridlines,
      protection: s.protection.protected ? s.protection.options : false,
      freeze: s.freeze,
      pageLayout: describePageLayout(s),
      columnWidths: sorted(s.colWidths),
      rowHeights: sorted(s.rowHeights),
      columnStyles: sorted(s.colStyles).map(([c, st]) => [c, compact(st)]),
      rowStyles: sorted(s.rowStyles).map(([r, st]) => [r, compact(st)]),
      cells: sorted(s.cells).map(([key, cell]) => {
        const r = Math.floor(key / MAX_COLUMNS);
        const c = key - r * MAX_COLUMNS;
        return [
          areaA1({ top: r, left: c, bottom: r, right: c }),
          cell.formula ?? cell.value,
          compact(cell.style),
          cell.link,
        ];
      }),
      merges: s.merges.map((a) => areaA1(a)),
      borders: s.borders.map((b) => [areaA1(b.area), b.side, b.style, b.color, b.weight]),
      validations: s.validations.map((v) => ({
        address: v.areas.map((a) => areaA1(a)).join(','),
        rule: ruleObject(v.rule),
        errorAlert: v.errorAlert,
        prompt: v.prompt,
        ignoreBlanks: v.ignoreBlanks,
      })),
      conditionalFormats: s.conditionalFormats.map((cf) => ({
        type: cf.type,
        address: cf.areas.map((a) => areaA1(a)).join(','),
        rule: cf.rule,
        format: cf.format,
        stopIfTrue: cf.stopIfTrue,
      })),
      charts: s.charts.map((c) => describeChart(m, s, c)),
    }));
    const book = {
      sheets,
      tables: this.tables(),
      names: this.names(),
      active: this.activeSheet(),
      date1904: m.date1904,
      structureProtected: m.structure.protected,
    };
    return JSON.stringify(book, null, 1);
  }

  /** The add-in's settings (`workbook.settings`), key → value. */
  settings(): Record<string, unknown> {
    return Object.fromEntries([...this.model.settings].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }

  /** Protects the workbook's structure as a person does (Review › Protect Workbook), or lifts it. */
  protectStructure(on: boolean, password: string | null = null): void {
    this.model.set(this.model, 'structure', { protected: on, password: on ? password : null });
  }

  /** The cells of one sheet with content, as `A1` → value or formula (for hashing what people filled). */
  contents(sheet: string, address?: string): Record<string, Scalar> {
    const s = this.sheetOrThrow(sheet);
    const area: Area | null = address ? (parseRef(address)?.area ?? null) : this.model.usedArea(s, true);
    const out: Record<string, Scalar> = {};
    if (!area) return out;
    for (const [r, c, cell] of this.model.cellsIn(s, area)) {
      if (cell.formula || cell.value !== null)
        out[areaA1({ top: r, left: c, bottom: r, right: c })] = cell.formula ?? cell.value ?? '';
    }
    return out;
  }
}
