/**
 * Applies a `WorkbookPlan` through office-js. Every sheet is built hidden
 * under a temporary name, values first and formats after, in batches that
 * stay under the payload limit; then the new sheets are swapped in (see
 * `swap.ts`), so that a failure at any command leaves the previous version.
 */
import type { Area, CellStyle, ChartPlan, PlanValue, SheetPlan, WorkbookPlan } from '../core/plan';
import { a1 } from '../core/snapshot';
import { cellContent, cellInput, dateFormats, type Write } from '../core/writes';
import { FEATURES, type ExcelHost } from './host';
import { SheetNameTakenError } from './guard';
import { jsonBytes, packBatches } from './payload';
import { syncStep, type SyncStats } from './stats';
import {
  BORDER_COLOR,
  BORDER_EDGES,
  CHART_TYPES,
  H_ALIGN,
  PROTECTION,
  TABLE_STYLE,
  V_ALIGN,
  hyperlinkOf,
  seriesByOf,
  widthPoints,
} from './vocabulary';
import {
  BACKUP_PREFIX,
  backupTableName,
  TEMP_PREFIX,
  journalBytes,
  queueJournal,
  queueJournalEnd,
  queuePhase,
  recoverSwap,
  type JournalRow,
} from './swap';
import { range, validationOp, type Op } from './ops';
import { prepareWrites, runOps, writeOps } from './writes';

/**
 * Rows of a block cut into pieces of at most `budget` bytes each, the dates'
 * formats and the links after them; values as the core decides them
 * (`core/writes`), dates in the workbook's own date system.
 */
function blockOps(
  sheet: string,
  top: number,
  left: number,
  values: readonly (readonly PlanValue[])[],
  date1904: boolean,
): Op[] {
  const width = Math.max(0, ...values.map((r) => r.length));
  if (width === 0 || values.length === 0) return [];
  const contents = values.map((r) => Array.from({ length: width }, (_, i) => cellContent(r[i] ?? null, date1904)));
  const rows = contents.map((r) => r.map((c) => cellInput(c, false)));
  const rowBytes = rows.map((r) => jsonBytes(r));
  const ops: Op[] = [];
  const chunks = packBatches(
    rows.map((r, i) => ({ r, i })),
    (x) => rowBytes[x.i] ?? 0,
  );
  for (const chunk of chunks) {
    const first = chunk[0]?.i ?? 0;
    const grid = chunk.map((x) => x.r);
    ops.push({
      bytes: chunk.reduce((s, x) => s + (rowBytes[x.i] ?? 0), 0),
      queue: (ctx) => {
        range(ctx, sheet, {
          top: top + first,
          left,
          bottom: top + first + grid.length - 1,
          right: left + width - 1,
        }).formulas = grid;
      },
    });
  }
  // Dates need a date format and links their hyperlink: both after the values.
  ops.push(...writeOps(dateFormats(sheet, top, left, contents)));
  values.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== null && typeof v === 'object' && 'link' in v) {
        ops.push({
          bytes: jsonBytes(v) + 64,
          queue: (ctx) => {
            const cell = range(ctx, sheet, { top: top + i, left: left + j, bottom: top + i, right: left + j });
            cell.hyperlink = hyperlinkOf(v.link, v.text);
          },
        });
      }
    }),
  );
  return ops;
}

function styleOps(sheet: string, a: Area, s: CellStyle): Op[] {
  const rows = a.bottom - a.top + 1;
  const cols = a.right - a.left + 1;
  const ops: Op[] = [];
  if (s.numFmt) {
    const fmt = s.numFmt;
    // A number format is set cell by cell; big areas are cut by rows to stay under the payload limit.
    const perRow = jsonBytes(Array<string>(cols).fill(fmt));
    const rowsPerOp = Math.max(1, Math.floor((512 * 1024) / perRow));
    for (let r = 0; r < rows; r += rowsPerOp) {
      const n = Math.min(rowsPerOp, rows - r);
      ops.push({
        bytes: perRow * n,
        queue: (ctx) => {
          range(ctx, sheet, { ...a, top: a.top + r, bottom: a.top + r + n - 1 }).numberFormat = Array.from(
            { length: n },
            () => Array<string>(cols).fill(fmt),
          );
        },
      });
    }
  }
  ops.push({
    bytes: 256,
    queue: (ctx) => {
      const f = range(ctx, sheet, a).format;
      if (s.bold !== undefined) f.font.bold = s.bold;
      if (s.italic !== undefined) f.font.italic = s.italic;
      if (s.size !== undefined) f.font.size = s.size;
      if (s.color) f.font.color = `#${s.color}`;
      if (s.fill) f.fill.color = `#${s.fill}`;
      if (s.wrap !== undefined) f.wrapText = s.wrap;
      if (s.hAlign) f.horizontalAlignment = H_ALIGN[s.hAlign];
      if (s.vAlign) f.verticalAlignment = V_ALIGN[s.vAlign];
      if (s.locked !== undefined) f.protection.locked = s.locked;
      if (s.border) {
        for (const edge of BORDER_EDGES) {
          f.borders.getItem(edge).style = 'Continuous';
          f.borders.getItem(edge).color = BORDER_COLOR;
        }
      }
    },
  });
  return ops;
}

function chartOp(sheet: string, c: ChartPlan, names: Map<string, string>): Op {
  const labels = (c.series ?? []).reduce((n, s) => n + (s.labels?.length ?? 0), 0);
  return {
    bytes: 1024 + labels * 128,
    queue: (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const data = range(ctx, names.get(c.dataSheet) ?? c.dataSheet, c.data);
      const chart = ws.charts.add(CHART_TYPES[c.kind], data, seriesByOf(c));
      chart.name = c.name;
      chart.title.text = c.title;
      chart.setPosition(a1(c.position.top, c.position.left), a1(c.position.bottom, c.position.right));
      if (c.kind !== 'pie') {
        if (c.categoryTitle) chart.axes.categoryAxis.title.text = c.categoryTitle;
        if (c.valueTitle) chart.axes.valueAxis.title.text = c.valueTitle;
      }
      if (c.dataLabels) chart.dataLabels.showValue = true;
      if (c.reverseCategories) {
        chart.axes.categoryAxis.reversePlotOrder = true;
        // Keep the value axis at the bottom once the categories run top down.
        chart.axes.categoryAxis.position = 'Maximum';
      }
      if (c.valueAxis?.min !== undefined) chart.axes.valueAxis.minimum = c.valueAxis.min;
      if (c.valueAxis?.hidden) chart.axes.valueAxis.visible = false;
      if (c.valueAxis?.format) chart.axes.valueAxis.numberFormat = c.valueAxis.format;
      c.series?.forEach((s, i) => {
        const series = chart.series.getItemAt(i);
        if (s.color) series.format.fill.setSolidColor(`#${s.color}`);
        if (s.asLine) series.chartType = 'Line';
        // Text of their own, in the workbook's language: a value label would take the reader's separators.
        s.labels?.forEach((text, j) => {
          if (text !== null) series.points.getItemAt(j).dataLabel.text = text;
        });
      });
    },
  };
}

function sheetOps(
  s: SheetPlan,
  temp: string,
  host: ExcelHost,
  names: Map<string, string>,
  date1904: boolean,
): { build: Op[]; finish: Op[] } {
  const build: Op[] = [
    {
      bytes: 128,
      queue: (ctx) => {
        const ws = ctx.workbook.worksheets.add(temp);
        ws.visibility = 'Hidden';
      },
    },
  ];
  for (const b of s.blocks) build.push(...blockOps(temp, b.top, b.left, b.values, date1904));
  for (const t of s.tables) build.push(...blockOps(temp, t.top, t.left, [t.header, ...t.rows], date1904));
  // A table rebuilt in place of an old one (set-up's Meta and Lists) cannot take its name while the old
  // sheet is there: it is built under a temporary name and renamed in the swap, after the old sheet is gone.
  const tempTable = (name: string) => `${name}${temp.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 250);
  for (const t of s.tables) {
    const width = t.header.length;
    build.push({
      bytes: 256,
      queue: (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(temp);
        const table = ws.tables.add(ws.getRangeByIndexes(t.top, t.left, t.rows.length + 1, width), true);
        table.name = tempTable(t.name);
        table.style = TABLE_STYLE;
      },
    });
  }
  // Formats only once the values are in (Microsoft's guidance: values before formats).
  for (const st of s.styles) build.push(...styleOps(temp, st.area, st.style));
  (s.rowHeights ?? []).forEach((h, i) => {
    if (h > 0)
      build.push({
        bytes: 96,
        queue: (ctx) => {
          ctx.workbook.worksheets.getItem(temp).getRangeByIndexes(i, 0, 1, 1).getEntireRow().format.rowHeight = h;
        },
      });
  });
  s.columnWidths.forEach((w, i) =>
    build.push({
      bytes: 96,
      queue: (ctx) => {
        ctx.workbook.worksheets.getItem(temp).getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth =
          widthPoints(w);
      },
    }),
  );
  for (const v of s.validations) build.push(validationOp(temp, v));
  for (const m of s.merges ?? []) build.push({ bytes: 96, queue: (ctx) => range(ctx, temp, m).merge(false) });
  for (const c of s.charts ?? []) build.push(chartOp(temp, c, names));
  // Everything but the name and the visibility is set while the sheet is still hidden under its temporary name.
  build.push({
    bytes: 256,
    queue: (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(temp);
      if (s.tabColor) ws.tabColor = `#${s.tabColor}`;
      if (s.gridlines === false) ws.showGridlines = false;
      if (s.freeze) {
        if (s.freeze.rows > 0 && s.freeze.columns > 0)
          ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, s.freeze.rows, s.freeze.columns));
        else if (s.freeze.rows > 0) ws.freezePanes.freezeRows(s.freeze.rows);
        else if (s.freeze.columns > 0) ws.freezePanes.freezeColumns(s.freeze.columns);
      }
      if (s.print && host.isSetSupported('ExcelApi', FEATURES.pageLayout)) {
        ws.pageLayout.orientation = s.print.landscape ? 'Landscape' : 'Portrait';
        if (s.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (s.print.area) ws.pageLayout.setPrintArea(range(ctx, temp, s.print.area));
        for (const r of s.print.rowBreaks ?? []) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(r, 0, 1, 1));
        if (s.print.titleRows)
          ws.pageLayout.setPrintTitleRows(`$${s.print.titleRows[0] + 1}:$${s.print.titleRows[1] + 1}`);
      }
      if (s.protect) ws.protection.protect(PROTECTION);
    },
  });
  const finish: Op[] = [
    {
      bytes: 128,
      queue: (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(temp);
        // The old tables of these names were renamed to backup names earlier in the same sync.
        for (const t of s.tables) ws.tables.getItem(tempTable(t.name)).name = t.name;
        if (s.visibility === 'visible') ws.visibility = 'Visible';
        ws.name = s.name;
      },
    },
  ];
  return { build, finish };
}

/**
 * Builds every sheet of the plan under a temporary hidden name, then swaps
 * them in as `swap.ts` describes: the old generated sheets renamed to
 * backups, the new ones shown and named, the journal marked committed — all
 * in one sync — then the writes into existing sheets that belong to the same
 * change (`alsoAtTheEnd`, in the journal since its first sync), the backups
 * and the journal deleted with the last of them. On any failure the recovery
 * puts back what was there before the commit, and after it makes the writes
 * again; if even that fails, the next action does it. Expects `recoverSwap`
 * to have run at the action's start.
 */
export async function applyPlan(
  context: Excel.RequestContext,
  host: ExcelHost,
  plan: WorkbookPlan,
  /** The workbook's date system (the snapshot's `date1904`): dates are its serial days. */
  date1904: boolean,
  /** Writes into existing sheets that belong to the same change: made once the swap is committed. */
  alsoAtTheEnd: readonly Write[] = [],
  stats?: SyncStats,
): Promise<void> {
  const stamp = Date.now().toString(36);
  const names = new Map<string, string>();
  plan.sheets.forEach((s, i) => names.set(s.name, `${TEMP_PREFIX}${i}_${stamp}`.slice(0, 31)));
  const backups = plan.removeSheets.map((name, i) => ({ name, backup: `${BACKUP_PREFIX}${i}_${stamp}`.slice(0, 31) }));
  const rows: JournalRow[] = [
    ...plan.sheets.map((s) => ({ kind: 'new' as const, name: s.name, other: names.get(s.name) as string })),
    ...backups.map((b) => ({ kind: 'old' as const, name: b.name, other: b.backup })),
  ];
  // The tables of the sheets to replace (set-up's Meta and Lists): their names must be free for the new
  // tables in the swap, so they are loaded with the journal's sync and renamed to backup names there.
  const newTables = plan.sheets.some((s) => s.tables.length > 0);
  let oldTables: Excel.TableCollection[] = [];
  const journal = { phase: 'building' as const, rows, writes: alsoAtTheEnd };
  const build: Op[] = [
    {
      bytes: journalBytes(journal),
      queue: (ctx) => {
        queueJournal(ctx, journal);
        if (newTables)
          oldTables = backups.map((b) => ctx.workbook.worksheets.getItem(b.name).tables.load('items/name'));
      },
    },
  ];
  const finish: Op[] = [];
  for (const s of plan.sheets) {
    const ops = sheetOps(s, names.get(s.name) as string, host, names, date1904);
    build.push(...ops.build);
    finish.push(...ops.finish);
  }
  let committed = false;
  try {
    for (const batch of packBatches(build, (o) => o.bytes)) {
      context.application.suspendApiCalculationUntilNextSync();
      for (const op of batch) op.queue(context);
      await syncStep(context, stats, 'chunk');
    }
    // The swap: one sync, so that nobody sees a mix; its last command is the commit.
    context.application.suspendApiCalculationUntilNextSync();
    queuePhase(context, 'swapping');
    for (const tables of oldTables) for (const t of tables.items) t.name = backupTableName(t.name, stamp);
    for (const b of backups) context.workbook.worksheets.getItem(b.name).name = b.backup;
    for (const op of finish) op.queue(context);
    queuePhase(context, 'committed');
    await syncStep(context, stats, 'fixed');
    committed = true;
    // What the sheets people fill need (set-up's repairs), then the clean-up with the last of them.
    const writes = prepareWrites(context, alsoAtTheEnd, { verify: false }).ops();
    await runOps(context, writes, stats, {
      last: {
        bytes: 64 * (backups.length + 1),
        queue: (ctx) => {
          for (const b of backups) ctx.workbook.worksheets.getItem(b.backup).delete();
          queueJournalEnd(ctx, true);
        },
      },
    });
  } catch (e) {
    // Put back what was there or, once committed, make the writes again and clean up; if even that fails, the next action does it.
    const recovered = await recoverSwap(context).then(
      () => true,
      () => false,
    );
    if (!committed && recovered) {
      // A name the new sheets were to take, taken meanwhile by someone else: say so rather than Excel's error.
      const there = context.workbook.worksheets.load('items/name');
      await context.sync().catch(() => undefined);
      const replaced = new Set(plan.removeSheets);
      const taken = plan.sheets.find((s) => !replaced.has(s.name) && there.items?.some((w) => w.name === s.name));
      if (taken) throw new SheetNameTakenError(taken.name);
    }
    if (!committed || !recovered) throw e;
  }
}
