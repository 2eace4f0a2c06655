/**
 * Where the journal of a change (see `swap.ts`) is kept, and how it is read
 * back. It lives in the add-in's own settings of the workbook
 * (`workbook.settings`, ExcelApi 1.4, which Excel on the web, on Windows and
 * on the Mac all support, below the manifest's 1.8), not in a hidden sheet:
 * structure protection (Review › Protect Workbook) forbids adding or
 * deleting a sheet, not changing the settings, so Check and a submission
 * work in a protected workbook. Custom XML parts (ExcelApi 1.5) would do too,
 * but they need a second sync to read a part's text once it is found, and
 * any add-in can edit them.
 *
 * Older versions kept it in the hidden sheet `~kpjournal`: such a journal is
 * read once, moved into the settings, and the sheet removed (or, in a
 * protected workbook, emptied until it can be).
 *
 * What is read back is validated before anything of it is made: a journal
 * cut short, with a field missing or mistyped, a kind of write this version
 * does not know, or an address outside the sheet is reported
 * (`JournalDamagedError`) and set aside, never half-applied.
 */
import { JournalDamagedError, type JournalDamage } from './guard';
import { jsonBytes } from './payload';
import type { CellInput, Write } from './writes';

export const JOURNAL_KEY = 'kitaphana.journal';
/** The phase once the swap has begun: a small write in the swap's sync, instead of the whole journal again. */
export const PHASE_KEY = 'kitaphana.journal.phase';
/** A damaged journal, set aside (with when and why) for whoever looks into it. */
export const DAMAGED_KEY = 'kitaphana.journal.damaged';
/** The hidden sheet of older versions. */
export const OLD_JOURNAL_SHEET = '~kpjournal';

export type SwapPhase = 'building' | 'swapping' | 'committed';

/** One new sheet (final name ← temporary name) or one old one (name → backup name). */
export interface JournalRow {
  readonly kind: 'new' | 'old';
  readonly name: string;
  readonly other: string;
}

export interface Journal {
  readonly phase: SwapPhase;
  readonly rows: readonly JournalRow[];
  /** Made after the commit, and again by the recovery. */
  readonly writes?: readonly Write[];
  /** What puts the sheets back as they were, should the writes fail again in the recovery. */
  readonly undo?: readonly Write[];
}

/** Queues the journal's writing (its first phase with it). */
export function queueJournal(context: Excel.RequestContext, journal: Journal): void {
  context.workbook.settings.add(JOURNAL_KEY, journal);
}

/** The journal's size in a request, for the payload budget. */
export function journalBytes(journal: Journal): number {
  return 128 + jsonBytes(journal);
}

export function queuePhase(context: Excel.RequestContext, phase: SwapPhase): void {
  context.workbook.settings.add(PHASE_KEY, phase);
}

/**
 * Queues the journal's deletion; `phased` when a phase was written after it.
 * The journal goes first: a phase left alone (the batch stopped between the
 * two) says nothing, and the next recovery deletes it, whereas a journal
 * left without its phase would say the change was still being built.
 */
export function queueJournalEnd(context: Excel.RequestContext, phased = false): void {
  context.workbook.settings.getItem(JOURNAL_KEY).delete();
  if (phased) context.workbook.settings.getItem(PHASE_KEY).delete();
}

/** What `probeJournal` queues: read with the action's first sync. */
export interface JournalProbe {
  readonly body: Excel.Setting;
  readonly phase: Excel.Setting;
  readonly oldSheet: Excel.Worksheet;
  readonly oldCells: Excel.Range;
}

export function probeJournal(context: Excel.RequestContext): JournalProbe {
  const settings = context.workbook.settings;
  const oldSheet = context.workbook.worksheets.getItemOrNullObject(OLD_JOURNAL_SHEET);
  return {
    body: settings.getItemOrNullObject(JOURNAL_KEY).load('value'),
    phase: settings.getItemOrNullObject(PHASE_KEY).load('value'),
    oldSheet,
    // The phase in A1, then one row per sheet (a set-up may add a report sheet per library: no fixed size).
    oldCells: oldSheet.getUsedRangeOrNullObject(true).load('values'),
  };
}

/** Where a journal was found: the settings (with or without a phase written after it), the old sheet, or both. */
export interface JournalPlace {
  readonly settings: boolean;
  readonly phased: boolean;
  /** The old sheet is there (`oldFull`: with something in it, not yet emptied). */
  readonly oldSheet: boolean;
  readonly oldFull: boolean;
}

export type FoundJournal =
  | { readonly state: 'none'; readonly place: JournalPlace }
  | { readonly state: 'ok'; readonly journal: Journal; readonly place: JournalPlace }
  | {
      readonly state: 'damaged';
      readonly error: JournalDamagedError;
      readonly raw: unknown;
      readonly place: JournalPlace;
    };

/** The journal the probe found, validated (after the sync). */
export function foundJournal(probe: JournalProbe): FoundJournal {
  const fromOld = !probe.oldSheet.isNullObject && !probe.oldCells.isNullObject ? probe.oldCells.values : null;
  const place: JournalPlace = {
    settings: !probe.body.isNullObject,
    phased: !probe.phase.isNullObject,
    oldSheet: !probe.oldSheet.isNullObject,
    oldFull: fromOld !== null,
  };
  // A journal in the settings is newer than one in the old sheet: every action moves the old one first.
  const raw: unknown = place.settings
    ? place.phased
      ? { ...asObject(probe.body.value), phase: probe.phase.value }
      : probe.body.value
    : fromOld;
  if (raw === null) return { state: 'none', place };
  try {
    const journal = place.settings ? parseJournal(raw) : parseOldJournal(fromOld ?? []);
    return journal ? { state: 'ok', journal, place } : { state: 'none', place };
  } catch (e) {
    if (e instanceof JournalDamagedError) return { state: 'damaged', error: e, raw, place };
    throw e;
  }
}

const asObject = (v: unknown): object => (v !== null && typeof v === 'object' ? v : { value: v });

// --- Validation -----------------------------------------------------------

const MAX_ROW = 1_048_575;
const MAX_COLUMN = 16_383;
const PHASES: readonly SwapPhase[] = ['building', 'swapping', 'committed'];

function damaged(damage: JournalDamage, where: string, found = ''): never {
  throw new JournalDamagedError(damage, where, found);
}

function record(v: unknown, at: string): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : damaged('shape', at);
}

function text(v: unknown, at: string): string {
  return typeof v === 'string' ? v : damaged('shape', at);
}

function name(v: unknown, at: string): string {
  const s = text(v, at);
  return s.length > 0 && s.length <= 255 ? s : damaged('shape', at);
}

/** Excel's rules for a sheet name, so that no write is aimed at a sheet Excel could not have. */
function sheetName(v: unknown, at: string): string {
  const s = text(v, at);
  return s.length > 0 && s.length <= 31 && !/[[\]:*?/\\]/.test(s) ? s : damaged('shape', at);
}

function integer(v: unknown, at: string, max: number, min = 0): number {
  if (typeof v !== 'number') damaged('shape', at);
  return Number.isInteger(v) && v >= min && v <= max ? v : damaged('address', at);
}

function list<T>(v: unknown, at: string, each: (x: unknown, at: string) => T): T[] {
  return Array.isArray(v) ? v.map((x, i) => each(x, `${at}[${i}]`)) : damaged('shape', at);
}

function cell(v: unknown, at: string): CellInput {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  return typeof v === 'number' && Number.isFinite(v) ? v : damaged('shape', at);
}

/** A non-empty rectangle of values whose bottom-right corner, from `top`/`left`, is still on the sheet. */
function block<T>(v: unknown, at: string, each: (x: unknown, at: string) => T, top = 0, left = 0): T[][] {
  const rows = list(v, at, (r, where) => list(r, where, each));
  const width = rows[0]?.length ?? 0;
  if (width === 0 || rows.some((r) => r.length !== width)) damaged('shape', at);
  if (top + rows.length - 1 > MAX_ROW || left + width - 1 > MAX_COLUMN) damaged('address', at);
  return rows;
}

const CELL_ADDRESS = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;
function cellAddress(v: unknown, at: string): string {
  const m = CELL_ADDRESS.exec(text(v, at));
  if (!m) return damaged('address', at);
  const column = [...(m[1] as string)].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return column <= MAX_COLUMN && Number(m[2]) - 1 <= MAX_ROW ? (v as string) : damaged('address', at);
}

const PROTECTION_FLAGS = new Set([
  'allowAutoFilter',
  'allowDeleteColumns',
  'allowDeleteRows',
  'allowEditObjects',
  'allowEditScenarios',
  'allowFormatCells',
  'allowFormatColumns',
  'allowFormatRows',
  'allowInsertColumns',
  'allowInsertHyperlinks',
  'allowInsertRows',
  'allowPivotTables',
  'allowSort',
]);
function protectionOptions(v: unknown, at: string): void {
  for (const [k, x] of Object.entries(record(v, at))) {
    if (k === 'selectionMode') {
      if (x !== 'Normal' && x !== 'Unlocked' && x !== 'None') damaged('shape', `${at}.${k}`);
    } else if (!PROTECTION_FLAGS.has(k) || typeof x !== 'boolean') damaged('shape', `${at}.${k}`);
  }
}

function area(v: unknown, at: string): void {
  const a = record(v, at);
  const top = integer(a['top'], `${at}.top`, MAX_ROW);
  const left = integer(a['left'], `${at}.left`, MAX_COLUMN);
  integer(a['bottom'], `${at}.bottom`, MAX_ROW, top);
  integer(a['right'], `${at}.right`, MAX_COLUMN, left);
}

function finite(v: unknown, at: string): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : damaged('shape', at);
}

function validationPlan(v: unknown, at: string): void {
  const p = record(v, at);
  area(p['area'], `${at}.area`);
  text(p['errorTitle'], `${at}.errorTitle`);
  text(p['error'], `${at}.error`);
  const r = record(p['rule'], `${at}.rule`);
  const where = `${at}.rule`;
  switch (r['kind']) {
    case 'list':
      text(r['source'], `${where}.source`);
      return;
    case 'whole':
    case 'decimal':
      finite(r['min'], `${where}.min`);
      if (r['max'] !== undefined) finite(r['max'], `${where}.max`);
      return;
    case 'date':
      finite(r['min'], `${where}.min`);
      finite(r['max'], `${where}.max`);
      return;
    case 'textLength':
      integer(r['max'], `${where}.max`, 32_767);
      return;
    default:
      damaged('kind', `${where}.kind`, String(r['kind']));
  }
}

/** Top-left corner and size of a block, each on the sheet. */
function place(w: Record<string, unknown>, at: string): { top: number; left: number } {
  return { top: integer(w['top'], `${at}.top`, MAX_ROW), left: integer(w['left'], `${at}.left`, MAX_COLUMN) };
}

function size(w: Record<string, unknown>, at: string): void {
  const { top, left } = place(w, at);
  integer(w['rows'], `${at}.rows`, MAX_ROW + 1 - top, 1);
  integer(w['columns'], `${at}.columns`, MAX_COLUMN + 1 - left, 1);
}

type WriteCheck = (w: Record<string, unknown>, at: string) => void;

/** A block on a sheet from its top-left corner (formulas, number formats): `key` holds it, `each` checks a value. */
function sheetBlock(key: string, each: (x: unknown, at: string) => unknown): WriteCheck {
  return (w, at) => {
    sheetName(w['sheet'], `${at}.sheet`);
    const { top, left } = place(w, at);
    block(w[key], `${at}.${key}`, each, top, left);
  };
}

/** One check per kind of write: a kind added to `Write` without one here does not compile. */
const WRITE_CHECKS: { readonly [K in Write['k']]: WriteCheck } = {
  cells: sheetBlock('formulas', cell),
  resize: (w, at) => {
    name(w['table'], `${at}.table`);
    sheetName(w['sheet'], `${at}.sheet`);
    size(w, at);
  },
  rows: (w, at) => {
    name(w['table'], `${at}.table`);
    integer(w['before'], `${at}.before`, MAX_ROW);
    block(w['rows'], `${at}.rows`, (x, where) => (x === null ? damaged('shape', where) : cell(x, where)));
  },
  numberFormat: sheetBlock('formats', text),
  columns: (w, at) => {
    name(w['table'], `${at}.table`);
    if (list(w['headers'], `${at}.headers`, name).length === 0) damaged('shape', `${at}.headers`);
  },
  validation: (w, at) => {
    sheetName(w['sheet'], `${at}.sheet`);
    validationPlan(w['plan'], `${at}.plan`);
  },
  locked: (w, at) => {
    sheetName(w['sheet'], `${at}.sheet`);
    size(w, at);
    if (typeof w['locked'] !== 'boolean') damaged('shape', `${at}.locked`);
  },
  unprotect: (w, at) => void sheetName(w['sheet'], `${at}.sheet`),
  protect: (w, at) => {
    sheetName(w['sheet'], `${at}.sheet`);
    protectionOptions(w['options'], `${at}.options`);
  },
  markers: (w, at) => {
    sheetName(w['sheet'], `${at}.sheet`);
    list(w['error'], `${at}.error`, cellAddress);
    list(w['warning'], `${at}.warning`, cellAddress);
  },
};

function write(v: unknown, at: string): Write {
  const w = record(v, at);
  const kind = w['k'];
  if (typeof kind !== 'string') return damaged('shape', `${at}.k`);
  const check = Object.hasOwn(WRITE_CHECKS, kind) ? WRITE_CHECKS[kind as Write['k']] : null;
  if (!check) return damaged('kind', `${at}.k`, kind);
  check(w, at);
  return w as unknown as Write;
}

function journalRow(v: unknown, at: string): JournalRow {
  const r = record(v, at);
  if (r['kind'] !== 'new' && r['kind'] !== 'old') return damaged('shape', `${at}.kind`);
  return { kind: r['kind'], name: sheetName(r['name'], `${at}.name`), other: sheetName(r['other'], `${at}.other`) };
}

/**
 * A journal as the settings give it back, validated whole before anything
 * of it is made: throws `JournalDamagedError` saying where it is wrong.
 */
export function parseJournal(value: unknown): Journal {
  const j = record(typeof value === 'string' ? jsonText(value, '') : value, '');
  const phase = j['phase'];
  if (typeof phase !== 'string' || !PHASES.includes(phase as SwapPhase)) return damaged('shape', 'phase');
  const rows = list(j['rows'], 'rows', journalRow);
  const writes = j['writes'] === undefined ? [] : list(j['writes'], 'writes', write);
  const undo = j['undo'] === undefined ? [] : list(j['undo'], 'undo', write);
  return writes.length || undo.length
    ? { phase: phase as SwapPhase, rows, writes, undo }
    : { phase: phase as SwapPhase, rows };
}

function jsonText(s: string, at: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return damaged('cut_short', at);
  }
}

/** Before each piece of JSON in the old sheet, so that Excel took none of them for a number, a formula or a date. */
const PIECE_MARK = '|';

/**
 * A journal in the old hidden sheet: the phase in A1, a row per sheet, then
 * the writes' JSON cut into cells. Null when the sheet holds none (emptied
 * after it was moved); validated as `parseJournal` does.
 */
export function parseOldJournal(values: readonly (readonly unknown[])[]): Journal | null {
  const phase = values[0]?.[0];
  if (phase === '' || phase === undefined || phase === null) return null;
  const rows: unknown[] = [];
  const texts = { do: [] as string[], undo: [] as string[] };
  values.slice(1).forEach((r, i) => {
    const [kind, name, other] = r.map((v) => (typeof v === 'string' ? v : ''));
    if (kind === 'new' || kind === 'old') rows.push({ kind, name, other });
    else if ((kind === 'do' || kind === 'undo') && other?.startsWith(PIECE_MARK)) texts[kind].push(other);
    else if (kind !== '' || name !== '' || other !== '') damaged('shape', `row ${i + 2}`);
  });
  const json = (pieces: string[], at: string): unknown =>
    pieces.length === 0 ? undefined : jsonText(pieces.map((t) => t.slice(PIECE_MARK.length)).join(''), at);
  return parseJournal({ phase, rows, writes: json(texts.do, 'writes'), undo: json(texts.undo, 'undo') });
}

/** The old sheet's layout, for tests of the migration: what an older version wrote. */
export function oldJournalValues(journal: Journal): string[][] {
  const pieces = (kind: 'do' | 'undo', writes: readonly Write[] | undefined): string[][] => {
    if (!writes || writes.length === 0) return [];
    const json = JSON.stringify(writes);
    const out: string[][] = [];
    for (let i = 0; i < json.length; i += 30_000) out.push([kind, 'json', PIECE_MARK + json.slice(i, i + 30_000)]);
    return out;
  };
  return [
    [journal.phase, '', ''],
    ...journal.rows.map((r) => [r.kind, r.name, r.other]),
    ...pieces('do', journal.writes),
    ...pieces('undo', journal.undo),
  ];
}
