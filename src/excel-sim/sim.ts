/**
 * An Excel workbook in memory, driven through the Excel JavaScript API:
 * `sim.run` is shaped like `Excel.run`, `sim.office` like the `Office`
 * global (the sync engine, `engine.ts`). Tests and the playground also
 * edit it as a person or a co-author would and inject failures (`hooks.ts`),
 * and inspect the workbook directly, without syncs (this module).
 */
import { areaA1, parseRef, type Area } from './address';
import { describeChart, type ChartDescription } from './chart';
import { emptyFormat } from './conditional';
import { DEFAULT_STYLE, columnOfKey, rowOfKey, type Cell, type Scalar, type Sheet } from './model';
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
    // Every field of every sheet, so that one the model gains is compared too; maps as their entries in key order.
    const sheets = m.sheets.map((s) => ({ ...s, validations: s.validations.map((v) => ({ ...v, id: undefined })) }));
    return JSON.stringify(
      { sheets, tables: m.tables, names: m.names, settings: [...m.settings.entries()].sort(), structure: m.structure },
      (_, v: unknown) => (v instanceof Map ? sorted(v as Map<number, unknown>) : v),
    );
  }

  /**
   * Everything a person could see in the workbook, as readable text without
   * the sim's internal ids: sheets in order with their settings, every cell
   * with content or a look of its own, tables, validations, conditional
   * formats, charts and names. Equal dumps mean workbooks that look the same.
   */
  dump(): string {
    const book = this.seen((s) =>
      // Row by row, as a person reads a sheet.
      [...s.cells.entries()]
        .map(([key, cell]) => ({ r: rowOfKey(key), c: columnOfKey(key), cell }))
        .sort((a, b) => a.r - b.r || a.c - b.c)
        .map(({ r, c, cell }) => [areaA1({ top: r, left: c, bottom: r, right: c }), ...cellSeen(cell)]),
    );
    return JSON.stringify(book, null, 1);
  }

  /**
   * A hash of what `dump()` shows, cheap to take again and again (a test
   * that injects a failure at every command compares one after each run):
   * a cell is hashed once per cell object (cells and their styles are
   * replaced, never changed) and the cells of a sheet are summed in any
   * order. `text` normalises the text of each cell and of the rest first
   * (time stamps, temporary names). Equal digests mean equal dumps (after
   * `text`), up to a 64-bit hash's collisions.
   */
  digest(text: (s: string) => string = asIs): string {
    let memo = cellHashes.get(text);
    if (!memo) cellHashes.set(text, (memo = new WeakMap()));
    const hashes = memo;
    const book = this.seen((s) => {
      let low = 0;
      let high = 0;
      for (const [key, cell] of s.cells) {
        let h = hashes.get(cell);
        if (!h) hashes.set(cell, (h = hash64(text(JSON.stringify(cellSeen(cell))))));
        // The position mixed in, then summed: the same cells give the same sum in whatever order the map holds them.
        const k = mix(key % 2 ** 32) ^ mix(Math.floor(key / 2 ** 32) + 1);
        low = (low + mix(h[0] ^ k)) >>> 0;
        high = (high + mix(h[1] ^ mix(k))) >>> 0;
      }
      return [s.cells.size, low, high];
    });
    const [a, b] = hash64(text(JSON.stringify(book)));
    return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
  }

  /** What `dump()` and `digest()` describe, with each sheet's cells as `cells` gives them. */
  private seen(cells: (s: Sheet) => unknown): object {
    const m = this.model;
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
      cells: cells(s),
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
    return {
      sheets,
      tables: this.tables(),
      names: this.names(),
      active: this.activeSheet(),
      date1904: m.date1904,
      structureProtected: m.structure.protected,
    };
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

const sorted = <V>(map: Map<number, V>): [number, V][] => [...map.entries()].sort((a, b) => a[0] - b[0]);

const DEFAULTS: Readonly<Record<string, unknown>> = { ...DEFAULT_STYLE };

/** A look as what differs from the default look (none: undefined). */
function compact(st: object | undefined): Record<string, unknown> | undefined {
  if (!st) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(st)) if (v !== DEFAULTS[k]) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A cell as a person sees it: its formula (or value), its own look, its link. */
const cellSeen = (cell: Cell): unknown[] => [cell.formula ?? cell.value, compact(cell.style), cell.link];

const asIs = (s: string): string => s;

/** Each cell object's hash, per normalisation of its text (the same function each time, or nothing is remembered). */
const cellHashes = new WeakMap<(s: string) => string, WeakMap<Cell, readonly [number, number]>>();

// Held once: a global looked up in the hot loops below is slow in a vm context (Jest's), taken 100 times a second over.
const imul = Math.imul;

/** Murmur3's finaliser: 32 well-mixed bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64 bits of a text as two 32-bit halves (cyrb53's mixing, both halves kept). */
function hash64(s: string): readonly [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = imul(h1 ^ c, 2654435761);
    h2 = imul(h2 ^ c, 1597334677);
  }
  h1 = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}
