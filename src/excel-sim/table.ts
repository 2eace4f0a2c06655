/**
 * Excel tables ("ListObjects"): the registers people fill. The rules Excel
 * enforces are kept: names unique in the workbook and valid, no overlap
 * between tables, a header row that stays put, at least one data row.
 */
import { addressOf, columnsOf, intersect, isWholeColumns, isWholeRows, rowsOf, type Area } from './address';
import { accessDenied, invalidArgument, invalidOperation, itemNotFound, at } from './errors';
import { changeEvents } from './events';
import type { Sheet, Table, WorkbookModel } from './model';
import { clearArea, makeCell, normalizeTableHeader, writeContents } from './ops';
import {
  SimCollection,
  SimObject,
  type PropDef,
  type SimContext,
  api,
  asApi,
  SimBound,
  SimPartCollection,
} from './proxy';
import { SimRange, rangeArgument, type RangeKey } from './range';
import { deleteCells, insertCells } from './shift';
import { cellValue } from './values';
import { SimWorksheet } from './worksheet';

const TABLE_NAME = /^[A-Za-z_\\\p{L}][\p{L}\p{N}_.\\]*$/u;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[RrCc]|[Rr]\d*[Cc]\d*)$/;
const MAX_NAME = 255;

/** Table and defined names share one namespace; `self` may keep its name. */
export function checkName(model: WorkbookModel, name: unknown, self?: object): string {
  if (typeof name !== 'string' || name === '') throw invalidArgument('A name cannot be blank.');
  if (name.length > MAX_NAME || !TABLE_NAME.test(name) || LOOKS_LIKE_CELL.test(name)) {
    throw invalidArgument(
      `"${name}" is not a valid name: it must start with a letter or _, have no spaces, and not look like a cell reference.`,
    );
  }
  const table = model.tableByName(name);
  const defined = model.nameByName(name);
  if ((table && table !== self) || (defined && defined !== self))
    throw invalidArgument(`The name "${name}" is already used in this workbook.`);
  return name;
}

function defaultTableName(model: WorkbookModel): string {
  let i = 1;
  while (model.tableByName(`Table${i}`) || model.nameByName(`Table${i}`)) i++;
  return `Table${i}`;
}

function assertEditable(sheet: Sheet, what: string): void {
  if (sheet.protection.protected) throw accessDenied(`(${what} on a protected sheet)`);
}

function assertFree(model: WorkbookModel, sheet: Sheet, a: Area, self?: Table): void {
  for (const t of model.tablesOn(sheet.id)) {
    if (t !== self && intersect(t.area, a)) throw invalidOperation(`A table can't overlap another table (${t.name}).`);
  }
  for (const m of sheet.merges) if (intersect(m, a)) throw invalidOperation('A table cannot contain merged cells.');
}

export function addTable(model: WorkbookModel, sheet: Sheet, source: Area, hasHeaders: boolean, name?: string): Table {
  if (isWholeColumns(source) || isWholeRows(source))
    throw invalidArgument('A table cannot span whole columns or rows.');
  assertEditable(sheet, 'adding a table');
  let area = source;
  assertFree(model, sheet, area);
  if (!hasHeaders) {
    // Excel inserts a header row above the data, pushing the data down.
    insertCells(model, sheet, { direction: 'down', from: area.left, to: area.right, at: area.top, count: 1 });
    area = { ...area, bottom: area.bottom + 1 };
  }
  if (rowsOf(area) === 1) {
    // A table has at least one data row: Excel adds a blank one below a lone header.
    area = { ...area, bottom: area.bottom + 1 };
    assertFree(model, sheet, area);
  }
  const table: Table = {
    id: model.nextId(''),
    name: name ?? defaultTableName(model),
    sheetId: sheet.id,
    area,
    showHeaders: true,
    showTotals: false,
    style: 'TableStyleMedium2',
    showBandedRows: true,
    showBandedColumns: false,
    showFilterButton: true,
    highlightFirstColumn: false,
    highlightLastColumn: false,
    columns: [],
    nextColumnId: 1,
  };
  table.columns = Array.from({ length: columnsOf(area) }, (_, i) => ({ id: i + 1, name: '' }));
  table.nextColumnId = columnsOf(area) + 1;
  if (!hasHeaders) {
    for (let j = 0; j < columnsOf(area); j++) model.setCell(sheet, area.top, area.left + j, { value: '' });
  }
  model.set(model, 'tables', [...model.tables, table]);
  normalizeTableHeader(model, sheet, table);
  return table;
}

export function bodyArea(t: Table): Area | null {
  const top = t.area.top + (t.showHeaders ? 1 : 0);
  const bottom = t.area.bottom - (t.showTotals ? 1 : 0);
  return top <= bottom ? { ...t.area, top, bottom } : null;
}

function sheetOfTable(model: WorkbookModel, t: Table): Sheet {
  const s = model.sheetById(t.sheetId);
  if (!s) throw itemNotFound('(the table’s worksheet was deleted)');
  return s;
}

/** New rows at body index `index` (or at the end): cells below move down within the table's columns. */
export function addRows(model: WorkbookModel, t: Table, index: number | null, values: unknown): Area {
  const sheet = sheetOfTable(model, t);
  assertEditable(sheet, 'adding table rows');
  const body = bodyArea(t);
  const bodyTop = t.area.top + (t.showHeaders ? 1 : 0);
  const count = body ? rowsOf(body) : 0;
  if (index !== null && (!Number.isInteger(index) || index < 0 || index > count)) {
    throw invalidArgument(`Row index ${index} is outside 0..${count}.`);
  }
  const width = columnsOf(t.area);
  let n = 1;
  if (Array.isArray(values)) {
    n = values.length;
    if (n === 0 || !values.every((r) => Array.isArray(r) && r.length === width)) {
      throw invalidArgument(`Each new row needs ${width} values, one per column.`);
    }
  }
  const at0 = bodyTop + (index ?? count);
  insertCells(model, sheet, { direction: 'down', from: t.area.left, to: t.area.right, at: at0, count: n }, t);
  model.set(t, 'area', { ...t.area, bottom: t.area.bottom + n });
  const added: Area = { top: at0, bottom: at0 + n - 1, left: t.area.left, right: t.area.right };
  // New rows take the look of the row above, as a table's rows do in Excel.
  if (at0 - 1 > t.area.top || (!t.showHeaders && at0 - 1 >= t.area.top)) {
    for (let j = 0; j < width; j++) {
      const style = model.cell(sheet, at0 - 1, t.area.left + j)?.style;
      if (!style) continue;
      for (let i = 0; i < n; i++)
        model.setCell(
          sheet,
          at0 + i,
          t.area.left + j,
          makeCell(model.cell(sheet, at0 + i, t.area.left + j), { style }),
        );
    }
  }
  if (values !== undefined && values !== null) {
    const matrix = Array.isArray(values) ? values : [Array.from({ length: width }, () => values)];
    writeContents(model, sheet, added, matrix, 'values');
    model.changes.pop();
  }
  model.recordChange({ sheetId: sheet.id, area: added, changeType: 'RowInserted' });
  return added;
}

export function resizeTable(model: WorkbookModel, t: Table, next: Area): void {
  const sheet = sheetOfTable(model, t);
  assertEditable(sheet, 'resizing a table');
  if (next.top !== t.area.top) throw invalidArgument('The header row must remain in the same row.');
  if (!intersect(next, t.area)) throw invalidArgument('The new range must overlap the table.');
  if (rowsOf(next) < (t.showHeaders ? 2 : 1) + (t.showTotals ? 1 : 0))
    throw invalidArgument('A table keeps at least one data row.');
  if (isWholeColumns(next) || isWholeRows(next)) throw invalidArgument('A table cannot span whole columns or rows.');
  assertFree(model, sheet, next, t);
  const byColumn = new Map(t.columns.map((c, j) => [t.area.left + j, c]));
  let nextId = t.nextColumnId;
  const columns = Array.from(
    { length: columnsOf(next) },
    (_, j) => byColumn.get(next.left + j) ?? { id: nextId++, name: '' },
  );
  model.set(t, 'columns', columns);
  model.set(t, 'nextColumnId', nextId);
  model.set(t, 'area', next);
  normalizeTableHeader(model, sheet, t);
}

export function addColumn(
  model: WorkbookModel,
  t: Table,
  index: number | null,
  values: unknown,
  name: string | null,
): number {
  const sheet = sheetOfTable(model, t);
  assertEditable(sheet, 'adding a table column');
  const width = columnsOf(t.area);
  const i = index === null || index === -1 ? width : index;
  if (!Number.isInteger(i) || i < 0 || i > width)
    throw invalidArgument(`Column index ${String(index)} is outside 0..${width}.`);
  const height = rowsOf(t.area);
  if (Array.isArray(values) && (values.length !== height || !values.every((r) => Array.isArray(r) && r.length === 1))) {
    throw invalidArgument(
      `A new column needs ${height} values (header${t.showTotals ? ', body and totals' : ' and body'}), one per row.`,
    );
  }
  const col = t.area.left + i;
  insertCells(model, sheet, { direction: 'right', from: t.area.top, to: t.area.bottom, at: col, count: 1 }, t);
  const id = t.nextColumnId;
  const columns = [...t.columns];
  columns.splice(i, 0, { id, name: '' });
  model.set(t, 'columns', columns);
  model.set(t, 'nextColumnId', id + 1);
  model.set(t, 'area', { ...t.area, right: t.area.right + 1 });
  const whole: Area = { top: t.area.top, bottom: t.area.bottom, left: col, right: col };
  if (values !== undefined && values !== null) {
    writeContents(
      model,
      sheet,
      whole,
      Array.isArray(values) ? values : Array.from({ length: height }, () => [values]),
      'values',
    );
    model.changes.pop();
  }
  if (name !== null && t.showHeaders)
    model.setCell(
      sheet,
      t.area.top,
      col,
      makeCell(model.cell(sheet, t.area.top, col), { value: name, formula: undefined }),
    );
  normalizeTableHeader(model, sheet, t);
  model.recordChange({ sheetId: sheet.id, area: whole, changeType: 'ColumnInserted' });
  return id;
}

export function deleteTable(model: WorkbookModel, t: Table, keepCells: boolean): void {
  const sheet = sheetOfTable(model, t);
  assertEditable(sheet, 'deleting a table');
  model.remove(model, 'tables', t);
  if (!keepCells) clearArea(model, sheet, t.area, 'All');
}

interface TableScope {
  /** The sheet whose tables these are, or null for the workbook's. */
  sheetId(): string | null | undefined;
}

function rangeKey(t: Table, part: 'all' | 'header' | 'body' | 'totals'): RangeKey {
  const a = t.area;
  let area: Area | null = a;
  if (part === 'header') {
    if (!t.showHeaders) throw invalidOperation(`Table ${t.name} shows no header row.`);
    area = { ...a, bottom: a.top };
  } else if (part === 'totals') {
    if (!t.showTotals) throw invalidOperation(`Table ${t.name} shows no totals row.`);
    area = { ...a, top: a.bottom };
  } else if (part === 'body') {
    area = bodyArea(t);
    if (!area) throw invalidOperation(`Table ${t.name} has no data rows.`);
  }
  return { sheetId: t.sheetId, area };
}

export class SimTableCollection
  extends api<Pick<Excel.TableCollection, 'count' | 'load' | 'toJSON'>>()(SimCollection<SimTable, Excel.Table>, {
    typeName: 'TableCollection',
    props: ['count'],
  })
  implements
    Pick<Excel.TableCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'getItemAt' | 'items' | 'onChanged'>
{
  private readonly changes = changeEvents<Excel.TableChangedEventArgs>(this, 'tables', () => {
    const id = this.scope.sheetId();
    return id === undefined ? 'workbook' : id;
  });

  private readonly scope: TableScope;

  /** `sheetId` gives the worksheet's id for `worksheet.tables`, or is absent for `workbook.tables`. */
  constructor(ctx: SimContext, path: string, sheetId?: () => string | null) {
    super(ctx, path);
    this.scope = { sheetId: sheetId ?? (() => undefined) };
  }

  resolve(): Table[] | null {
    const id = this.scope.sheetId();
    if (id === null) return null;
    return id === undefined ? this.model.tables : this.model.tablesOn(id);
  }

  private list(): Table[] {
    return this.resolve() ?? [];
  }

  protected override properties(): Record<string, PropDef> {
    return { count: { get: () => this.list().length } };
  }

  /** Changes in any of the collection's tables (ExcelApi 1.7). */
  get onChanged(): OfficeExtension.EventHandlers<Excel.TableChangedEventArgs> {
    return this.changes();
  }

  protected itemProxies(): SimTable[] {
    return this.list().map((t) => new SimTable(this.ctx, `${this.path}.getItem("${t.name}")`, () => t.id));
  }

  private find(key: string): Table | undefined {
    return this.list().find((t) => t.id === key || t.name.toUpperCase() === key.toUpperCase());
  }

  add(address: Excel.Range | string, hasHeaders: boolean): Excel.Table {
    const table = this.enqueueAdd(
      'table',
      [address instanceof SimObject ? { path: address.path } : address, hasHeaders],
      () => {
        const id = this.scope.sheetId();
        const home = id ? this.model.sheetById(id) : undefined;
        const { sheet, area } = rangeArgument(this.model, address, home);
        return addTable(this.model, sheet, area, hasHeaders).id;
      },
      (created) => new SimTable(this.ctx, `${this.path}.add(...)`, created),
    );
    return asApi<Excel.Table>(table);
  }

  getItem(key: string): Excel.Table {
    return this.member(SimTable, 'getItem', key, () => this.find(key)?.id);
  }

  getItemOrNullObject(key: string): Excel.Table {
    return this.member(SimTable, 'getItemOrNullObject', key, () => this.find(key)?.id);
  }

  getItemAt(index: number): Excel.Table {
    return this.member(SimTable, 'getItemAt', index, () => this.list()[index]?.id);
  }
}

export class SimTable
  extends api<
    Pick<Excel.Table, 'id' | 'name' | 'style' | 'worksheet' | 'rows' | 'columns' | 'load' | 'set' | 'toJSON'>
  >()(SimBound<string, Table>, {
    typeName: 'Table',
    props: ['id', 'name', 'style'],
    children: ['worksheet', 'rows', 'columns'],
  })
  implements Pick<Excel.Table, 'onChanged' | 'getRange' | 'getDataBodyRange' | 'resize' | 'delete' | 'isNullObject'>
{
  private readonly changes = changeEvents<Excel.TableChangedEventArgs>(this, 'table', () => this.resolve()?.id ?? null);

  protected find(id: string): Table | undefined {
    return this.model.tableById(id);
  }

  protected override properties(): Record<string, PropDef> {
    const m = this.model;
    return {
      id: { get: () => this.target().id },
      name: {
        get: () => this.target().name,
        set: (v) => {
          const t = this.target();
          m.set(t, 'name', checkName(m, v, t));
        },
      },
      style: {
        get: () => this.target().style,
        set: (v) => {
          if (typeof v !== 'string') throw invalidArgument('A table style is a name such as TableStyleMedium2.');
          const t = this.target();
          assertEditable(sheetOfTable(m, t), 'table style');
          m.set(t, 'style', v);
        },
      },
    };
  }

  protected override navigation(): Record<string, () => SimObject> {
    return {
      worksheet: () => new SimWorksheet(this.ctx, `${this.path}.worksheet`, () => this.resolve()?.sheetId ?? null),
      rows: () => new SimTableRowCollection(this.ctx, `${this.path}.rows`, this),
      columns: () => new SimTableColumnCollection(this.ctx, `${this.path}.columns`, this),
    };
  }

  get onChanged(): OfficeExtension.EventHandlers<Excel.TableChangedEventArgs> {
    return this.changes();
  }

  private part(member: string, part: 'all' | 'header' | 'body' | 'totals'): Excel.Range {
    return asApi<Excel.Range>(
      new SimRange(this.ctx, `${this.path}.${member}()`, () =>
        at(`Table.${member}`, () => {
          const t = this.resolve();
          return t ? rangeKey(t, part) : null;
        }),
      ),
    );
  }

  getRange(): Excel.Range {
    return this.part('getRange', 'all');
  }
  getDataBodyRange(): Excel.Range {
    return this.part('getDataBodyRange', 'body');
  }

  resize(newRange: Excel.Range | string): void {
    this.enqueue('resize', [newRange instanceof SimObject ? { path: newRange.path } : newRange], () => {
      const t = this.target();
      const { sheet, area } = rangeArgument(this.model, newRange, sheetOfTable(this.model, t));
      if (sheet.id !== t.sheetId) throw invalidArgument('A table cannot move to another sheet.');
      resizeTable(this.model, t, area);
    });
  }

  delete(): void {
    this.enqueue('delete', [], () => deleteTable(this.model, this.target(), false));
  }
}

export class SimTableRowCollection
  extends api<Pick<Excel.TableRowCollection, 'count' | 'load' | 'toJSON'>>()(
    SimPartCollection<SimTableRow, Excel.TableRow, Table, SimTable>,
    { typeName: 'TableRowCollection', props: ['count'] },
  )
  implements Pick<Excel.TableRowCollection, 'add' | 'getItemAt' | 'items'>
{
  private rowCount(): number {
    const t = this.owner.target();
    const b = bodyArea(t);
    return b ? rowsOf(b) : 0;
  }

  protected override properties(): Record<string, PropDef> {
    return { count: { get: () => this.rowCount() } };
  }

  protected itemProxies(): SimTableRow[] {
    const t = this.owner.target();
    return Array.from(
      { length: this.rowCount() },
      (_, i) => new SimTableRow(this.ctx, `${this.path}.getItemAt(${i})`, () => ({ id: t.id, index: i })),
    );
  }

  add(index?: number, values?: Parameters<Excel.TableRowCollection['add']>[1], alwaysInsert?: boolean): Excel.TableRow {
    const row = this.enqueueAdd(
      'row',
      [index ?? null, values ?? null, alwaysInsert ?? null],
      () => {
        const t = this.owner.target();
        const area = addRows(this.model, t, index ?? null, values);
        return area.top - (t.area.top + (t.showHeaders ? 1 : 0));
      },
      (added) =>
        new SimTableRow(this.ctx, `${this.path}.add(...)`, () => {
          const index = added();
          return { id: this.owner.target().id, index };
        }),
    );
    return asApi<Excel.TableRow>(row);
  }

  getItemAt(index: number): Excel.TableRow {
    return asApi<Excel.TableRow>(
      new SimTableRow(this.ctx, `${this.path}.getItemAt(${index})`, () => {
        if (!Number.isInteger(index) || index < 0 || index >= this.rowCount()) throw itemNotFound(`(no row ${index})`);
        return { id: this.owner.target().id, index };
      }),
    );
  }
}

function deleteRows(model: WorkbookModel, t: Table, index: number, count: number): void {
  const sheet = sheetOfTable(model, t);
  assertEditable(sheet, 'deleting table rows');
  const body = bodyArea(t);
  const n = body ? rowsOf(body) : 0;
  if (!body || !Number.isInteger(index) || index < 0 || count < 1 || index + count > n)
    throw invalidArgument(`Rows ${index}..${index + count - 1} are not all in the table.`);
  const top = body.top + index;
  const doomed: Area = { ...body, top, bottom: top + count - 1 };
  if (count === n) {
    // A table keeps one (blank) data row.
    clearArea(model, sheet, doomed, 'Contents');
    if (count > 1) deleteRows(model, t, 1, count - 1);
    return;
  }
  deleteCells(model, sheet, { direction: 'down', from: t.area.left, to: t.area.right, at: top, count }, t);
  model.set(t, 'area', { ...t.area, bottom: t.area.bottom - count });
  model.recordChange({ sheetId: sheet.id, area: doomed, changeType: 'RowDeleted' });
}

export class SimTableRow
  extends api<Pick<Excel.TableRow, 'index' | 'values' | 'load' | 'toJSON'>>()(SimObject, {
    typeName: 'TableRow',
    props: ['index', 'values'],
  })
  implements Pick<Excel.TableRow, 'getRange' | 'delete'>
{
  constructor(
    ctx: SimContext,
    path: string,
    private readonly locate: () => { id: string; index: number },
  ) {
    super(ctx, path);
  }

  resolve(): { table: Table; index: number; area: Area } | null {
    const key = this.bind(this.locate);
    if (key === null) return null;
    const table = this.model.tableById(key.id);
    if (!table) throw itemNotFound('(the table was deleted)');
    const body = bodyArea(table);
    if (!body || key.index >= rowsOf(body)) throw itemNotFound('(the row was deleted)');
    const top = body.top + key.index;
    return { table, index: key.index, area: { ...body, top, bottom: top } };
  }

  private row(): { table: Table; index: number; area: Area } {
    const r = this.resolve();
    if (!r) throw invalidOperation('The row is a null object.');
    return r;
  }

  protected override properties(): Record<string, PropDef> {
    return {
      index: { get: () => this.row().index },
      values: {
        get: () => {
          const { table, area } = this.row();
          const sheet = sheetOfTable(this.model, table);
          return [
            Array.from({ length: columnsOf(area) }, (_, j) =>
              cellValue(this.model.cell(sheet, area.top, area.left + j)),
            ),
          ];
        },
        set: (v) => {
          const { table, area } = this.row();
          writeContents(this.model, sheetOfTable(this.model, table), area, v, 'values');
        },
      },
    };
  }

  getRange(): Excel.Range {
    return asApi<Excel.Range>(
      new SimRange(this.ctx, `${this.path}.getRange()`, () => {
        const r = this.resolve();
        return r ? { sheetId: r.table.sheetId, area: r.area } : null;
      }),
    );
  }

  delete(): void {
    this.enqueue('delete', [], () => {
      const { table, index } = this.row();
      deleteRows(this.model, table, index, 1);
    });
  }
}

export class SimTableColumnCollection
  extends api<Pick<Excel.TableColumnCollection, 'count' | 'load' | 'toJSON'>>()(
    SimPartCollection<SimTableColumn, Excel.TableColumn, Table, SimTable>,
    { typeName: 'TableColumnCollection', props: ['count'] },
  )
  implements Pick<Excel.TableColumnCollection, 'add' | 'getItem' | 'getItemAt' | 'getItemOrNullObject' | 'items'>
{
  protected override properties(): Record<string, PropDef> {
    return { count: { get: () => this.owner.target().columns.length } };
  }

  protected itemProxies(): SimTableColumn[] {
    const t = this.owner.target();
    return t.columns.map(
      (c) => new SimTableColumn(this.ctx, `${this.path}.getItem(${c.id})`, () => ({ table: t.id, column: c.id })),
    );
  }

  private proxy(member: string, args: unknown[], find: (t: Table) => number | null, orNull = false): Excel.TableColumn {
    return asApi<Excel.TableColumn>(
      new SimTableColumn(
        this.ctx,
        `${this.path}.${member}(${args.map((a) => JSON.stringify(a)).join(',')})`,
        () =>
          at(`TableColumnCollection.${member}`, () => {
            const t = this.owner.resolve();
            if (!t) return null;
            const id = find(t);
            return id === null ? null : { table: t.id, column: id };
          }),
        orNull,
      ),
    );
  }

  private byKey(t: Table, key: number | string): number | null {
    const c =
      typeof key === 'number'
        ? t.columns.find((x) => x.id === key)
        : t.columns.find((x) => x.name.toUpperCase() === key.toUpperCase() || String(x.id) === key);
    return c ? c.id : null;
  }

  add(index?: number, values?: Parameters<Excel.TableColumnCollection['add']>[1], name?: string): Excel.TableColumn {
    const column = this.enqueueAdd(
      'column',
      [index ?? null, values ?? null, name ?? null],
      () => addColumn(this.model, this.owner.target(), index ?? null, values, name ?? null),
      (added) =>
        new SimTableColumn(this.ctx, `${this.path}.add(...)`, () => {
          const column = added();
          return { table: this.owner.target().id, column };
        }),
    );
    return asApi<Excel.TableColumn>(column);
  }

  getItem(key: number | string): Excel.TableColumn {
    return this.proxy('getItem', [key], (t) => {
      const id = this.byKey(t, key);
      if (id === null) throw itemNotFound(`(no column "${key}" in table ${t.name})`);
      return id;
    });
  }

  getItemOrNullObject(key: number | string): Excel.TableColumn {
    return this.proxy(
      'getItemOrNullObject',
      [key],
      (t) => {
        this.gate('getItemOrNullObject');
        return this.byKey(t, key);
      },
      true,
    );
  }

  getItemAt(index: number): Excel.TableColumn {
    return this.proxy('getItemAt', [index], (t) => {
      const c = t.columns[index];
      if (!c) throw itemNotFound(`(no column at ${index} in table ${t.name})`);
      return c.id;
    });
  }
}

interface ColumnTarget {
  readonly table: Table;
  readonly sheet: Sheet;
  readonly index: number;
  readonly area: Area;
}

export class SimTableColumn
  extends api<Pick<Excel.TableColumn, 'id' | 'index' | 'name' | 'values' | 'load' | 'toJSON'>>()(SimObject, {
    typeName: 'TableColumn',
    props: ['id', 'index', 'name', 'values'],
  })
  implements
    Pick<
      Excel.TableColumn,
      'getRange' | 'getDataBodyRange' | 'getHeaderRowRange' | 'getTotalRowRange' | 'delete' | 'isNullObject'
    >
{
  constructor(
    ctx: SimContext,
    path: string,
    private readonly locate: () => { table: string; column: number } | null,
    orNull = false,
  ) {
    super(ctx, path, orNull);
  }

  resolve(): ColumnTarget | null {
    const key = this.bind(this.locate);
    if (key === null) return null;
    const table = this.model.tableById(key.table);
    const index = table ? table.columns.findIndex((c) => c.id === key.column) : -1;
    if (!table || index < 0) throw itemNotFound('(the column was deleted)');
    const col = table.area.left + index;
    return { table, sheet: sheetOfTable(this.model, table), index, area: { ...table.area, left: col, right: col } };
  }

  private column(): ColumnTarget {
    const c = this.resolve();
    if (!c) throw invalidOperation('The column is a null object.');
    return c;
  }

  protected override properties(): Record<string, PropDef> {
    const m = this.model;
    return {
      id: { get: () => this.column().table.columns[this.column().index]?.id },
      index: { get: () => this.column().index },
      name: {
        get: () => this.column().table.columns[this.column().index]?.name,
        set: (v) => {
          if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('A column name cannot be blank.');
          const { table, sheet, area } = this.column();
          if (!table.showHeaders) throw invalidOperation('The table shows no header row.');
          writeContents(m, sheet, { ...area, bottom: area.top }, [[v]], 'name');
        },
      },
      values: {
        get: () => {
          const { sheet, area } = this.column();
          return Array.from({ length: rowsOf(area) }, (_, i) => [cellValue(m.cell(sheet, area.top + i, area.left))]);
        },
        set: (v) => {
          const { sheet, area } = this.column();
          writeContents(m, sheet, area, v, 'values');
        },
      },
    };
  }

  private part(member: string, part: 'all' | 'header' | 'body' | 'totals'): Excel.Range {
    return asApi<Excel.Range>(
      new SimRange(this.ctx, `${this.path}.${member}()`, () =>
        at(`TableColumn.${member}`, () => {
          const c = this.resolve();
          if (!c) return null;
          const k = rangeKey(c.table, part);
          return { sheetId: k.sheetId, area: { ...k.area, left: c.area.left, right: c.area.left } };
        }),
      ),
    );
  }

  getRange(): Excel.Range {
    return this.part('getRange', 'all');
  }
  getDataBodyRange(): Excel.Range {
    return this.part('getDataBodyRange', 'body');
  }
  getHeaderRowRange(): Excel.Range {
    return this.part('getHeaderRowRange', 'header');
  }
  getTotalRowRange(): Excel.Range {
    return this.part('getTotalRowRange', 'totals');
  }

  delete(): void {
    this.enqueue('delete', [], () => {
      const { table, sheet, index, area } = this.column();
      assertEditable(sheet, 'deleting a table column');
      if (table.columns.length === 1) throw invalidOperation('A table keeps at least one column.');
      deleteCells(
        this.model,
        sheet,
        { direction: 'right', from: table.area.top, to: table.area.bottom, at: area.left, count: 1 },
        table,
      );
      this.model.set(
        table,
        'columns',
        table.columns.filter((_, j) => j !== index),
      );
      this.model.set(table, 'area', { ...table.area, right: table.area.right - 1 });
      this.model.recordChange({ sheetId: sheet.id, area, changeType: 'ColumnDeleted' });
    });
  }
}

/** For descriptions: a table's address as office-js would give it. */
export function tableAddress(model: WorkbookModel, t: Table): string {
  const sheet = model.sheetById(t.sheetId);
  return sheet ? addressOf(sheet.name, t.area) : '#REF!';
}
