/**
 * The tables of section 1 of the standard as a declarative schema, in the
 * spirit of Frictionless Table Schema: what each column holds and which
 * constraints apply. Parsing, the template, the drop-downs and the checks are
 * all derived from it. Column labels are in the catalogues under
 * `column.<table>.<key>` (report tables share `column.Report.<key>`).
 */
import type { EnumName } from './enums';

export type ColumnType =
  | {
      readonly kind: 'text';
      readonly maxLength?: number;
      /** `codes`: a list of codes separated by commas, semicolons or spaces, each checked against `ref`. */
      readonly format?: 'lib_id' | 'url' | 'codes';
    }
  | { readonly kind: 'integer'; readonly min: number }
  | { readonly kind: 'number'; readonly exclusiveMin?: number; readonly max?: number }
  | { readonly kind: 'enum'; readonly enum: EnumName }
  | { readonly kind: 'date'; readonly withinYear: boolean }
  | { readonly kind: 'datetime' };

export interface ColumnDef {
  readonly key: string;
  readonly type: ColumnType;
  /** `true`, or required only when another column of the row holds one of the given keys. */
  readonly required: boolean | { readonly column: string; readonly in: readonly string[] };
  /** A key column: unique within the table (rule D6). */
  readonly unique?: boolean;
  /** Must exist in another table's column (rule D5). */
  readonly ref?: { readonly table: TableName; readonly column: string };
  /** Must not exceed another column of the same row (rule R1). */
  readonly notAbove?: string;
  /** Must not be earlier than another column of the same row (rule D4). */
  readonly notBefore?: string;
  /** Value used by the template and when a cell is blank where a default makes sense. */
  readonly default?: number;
  /** Holds personal data: never copied into generated sheets. */
  readonly personal?: boolean;
  /** Column width in characters in the template. */
  readonly width: number;
  /**
   * The version of the standard that added the column: a workbook of an
   * earlier version is read as if it were blank, and its absence is no S1.
   */
  readonly since?: StandardVersion;
}

export type TableName =
  | 'Meta'
  | 'Territories'
  | 'Libraries'
  | 'Submissions'
  | 'Events'
  | 'Training'
  | 'Visits'
  | 'Publications'
  | 'Participation'
  | 'Studies'
  | 'Imports'
  | 'Lists';

/** A version of the standard: 1 is still read, 2 is written. */
export type StandardVersion = 1 | 2;

export interface TableDef {
  readonly name: TableName;
  /** Key of the default sheet name in the catalogues (`sheet.<key>`), or a fixed name for hidden sheets. */
  readonly sheet: string;
  readonly hidden: boolean;
  /** Who fills it: people's tables are never written by consolidation. */
  readonly filledBy: 'people' | 'software';
  /** Missing table is an S1 error. */
  readonly required: boolean;
  readonly columns: readonly ColumnDef[];
  /** The column whose value names a row in findings. */
  readonly keyColumn?: string;
  /**
   * Keys the software proposes for a row whose key is blank: this prefix, a
   * hyphen and a four-digit number (`EV-0001`, `VS-0001` ...).
   */
  readonly keyPrefix?: string;
  /** The version of the standard that added the table (see `ColumnDef.since`). */
  readonly since?: StandardVersion;
}

const text = (
  key: string,
  required: ColumnDef['required'],
  width: number,
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({
  key,
  type: { kind: 'text' },
  required,
  width,
  ...extra,
});
const enumCol = (key: string, e: EnumName, required: ColumnDef['required'], width: number): ColumnDef => ({
  key,
  type: { kind: 'enum', enum: e },
  required,
  width,
});
const count = (key: string, required: boolean, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  type: { kind: 'integer', min: 0 },
  required,
  width: 12,
  ...extra,
});

const LIB_REF = { table: 'Libraries', column: 'lib_id' } as const;
const date = (key: string, required: boolean, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  type: { kind: 'date', withinYear: true },
  required,
  width: 12,
  ...extra,
});
const title = (): ColumnDef => ({ key: 'title', type: { kind: 'text', maxLength: 300 }, required: true, width: 50 });
const link = (): ColumnDef => ({ key: 'link', type: { kind: 'text', format: 'url' }, required: false, width: 30 });
const atLeastOne = (key: string): ColumnDef => ({ key, type: { kind: 'integer', min: 1 }, required: true, width: 10 });
/** The library a register's row belongs to. */
const libId = (): ColumnDef => text('lib_id', true, 22, { ref: LIB_REF });

/** A register people fill, required, on a visible sheet named as the table (`sheet.<name>` in the catalogues). */
const register = (name: TableName, columns: readonly ColumnDef[], extra: Partial<TableDef> = {}): TableDef => ({
  name,
  sheet: name,
  hidden: false,
  filledBy: 'people',
  required: true,
  ...extra,
  columns,
});

/**
 * A register whose rows have keys: the key column comes first, unique, and
 * names the row in findings; `prefix` starts the keys the software proposes.
 */
const keyedRegister = (
  name: TableName,
  key: string,
  prefix: string,
  columns: readonly ColumnDef[],
  extra: Partial<TableDef> = {},
): TableDef =>
  register(name, [text(key, true, 12, { unique: true }), ...columns], { keyColumn: key, keyPrefix: prefix, ...extra });

export const TABLES: readonly TableDef[] = [
  {
    name: 'Meta',
    sheet: '_meta',
    hidden: true,
    filledBy: 'software',
    required: true,
    keyColumn: 'key',
    columns: [text('key', true, 16), text('value', true, 40)],
  },
  register(
    'Territories',
    [
      text('terr_code', true, 14, { unique: true }),
      text('name_kk', true, 28),
      text('name_ru', true, 28),
      enumCol('kind', 'territory_kind', true, 12),
      count('population', false, { width: 14 }),
    ],
    { keyColumn: 'terr_code' },
  ),
  register(
    'Libraries',
    [
      { key: 'lib_id', type: { kind: 'text', format: 'lib_id' }, required: true, unique: true, width: 22 },
      text('name_kk', true, 44),
      text('name_ru', true, 44),
      enumCol('type', 'library_type', true, 34),
      text('terr_code', true, 14, { ref: { table: 'Territories', column: 'terr_code' } }),
      text('parent_id', false, 22, { ref: LIB_REF }),
      enumCol('rural', 'yes_no', true, 10),
      enumCol('active', 'yes_no', true, 10),
    ],
    { keyColumn: 'lib_id' },
  ),
  {
    name: 'Submissions',
    sheet: 'Submissions',
    hidden: false,
    filledBy: 'software',
    required: true,
    keyColumn: 'lib_id',
    columns: [
      libId(),
      enumCol('status', 'report_status', true, 14),
      text('changed_by', false, 24),
      { key: 'changed_at', type: { kind: 'datetime' }, required: false, width: 18 },
      text('comment', false, 40),
      // The fingerprint of the report at that change (section 6): S3 compares it with the report as it is now.
      text('checksum', false, 66, { since: 2 }),
    ],
  },
  keyedRegister('Events', 'event_id', 'EV', [
    libId(),
    date('date_start', true),
    date('date_end', false, { notBefore: 'date_start' }),
    title(),
    enumCol('form', 'event_form', true, 22),
    enumCol('format', 'event_format', true, 16),
    text('platform', { column: 'format', in: ['online', 'hybrid'] }, 16),
    enumCol('language', 'event_language', true, 18),
    enumCol('audience', 'audience', true, 18),
    enumCol('level', 'event_level', true, 18),
    count('participants', true),
    count('children', false, { notAbove: 'participants' }),
    count('disabled', false, { notAbove: 'participants' }),
    enumCol('pd', 'yes_no', true, 8),
    {
      key: 'hours',
      type: { kind: 'number', exclusiveMin: 0 },
      required: { column: 'pd', in: ['yes'] },
      width: 8,
    },
    count('certificates', false, { notAbove: 'participants' }),
    text('partners', false, 30),
    link(),
    text('note', false, 30),
    count('speakers', false, { notAbove: 'participants', since: 2 }),
    {
      key: 'territories',
      type: { kind: 'text', format: 'codes' },
      required: false,
      ref: { table: 'Territories', column: 'terr_code' },
      width: 24,
      since: 2,
    },
  ]),
  register('Training', [
    libId(),
    text('person', false, 28, { personal: true }),
    { key: 'persons', type: { kind: 'integer', min: 1 }, required: true, default: 1, width: 10 },
    text('position', false, 22),
    date('date', true),
    text('title', true, 44),
    text('organizer', true, 34),
    text('event_id', false, 12, { ref: { table: 'Events', column: 'event_id' } }),
    enumCol('format', 'event_format', true, 16),
    { key: 'hours', type: { kind: 'number', exclusiveMin: 0, max: 500 }, required: true, width: 8 },
    enumCol('certificate', 'yes_no', true, 12),
  ]),
  keyedRegister(
    'Visits',
    'visit_id',
    'VS',
    [
      libId(),
      date('date', true),
      text('visited_lib_id', true, 22, { ref: LIB_REF }),
      enumCol('purpose', 'visit_purpose', true, 28),
      atLeastOne('persons'),
      text('findings', false, 44),
      text('note', false, 30),
    ],
    { since: 2 },
  ),
  keyedRegister(
    'Publications',
    'pub_id',
    'PB',
    [
      libId(),
      date('date', true),
      title(),
      enumCol('kind', 'publication_kind', true, 30),
      enumCol('format', 'publication_format', true, 22),
      enumCol('language', 'event_language', true, 18),
      { key: 'pages', type: { kind: 'integer', min: 1 }, required: false, width: 8 },
      count('copies', false),
      link(),
      text('note', false, 30),
    ],
    { since: 2 },
  ),
  register(
    'Participation',
    [
      libId(),
      date('date', true),
      title(),
      text('organizer', true, 34),
      enumCol('level', 'event_level', true, 18),
      enumCol('role', 'participation_role', true, 22),
      atLeastOne('persons'),
      enumCol('format', 'event_format', true, 16),
      text('place', false, 24),
      link(),
      text('note', false, 30),
    ],
    { since: 2 },
  ),
  keyedRegister(
    'Studies',
    'study_id',
    'ST',
    [
      libId(),
      date('date_start', true),
      date('date_end', false, { notBefore: 'date_start' }),
      title(),
      enumCol('kind', 'study_kind', true, 24),
      count('libraries', false),
      count('respondents', false),
      link(),
      text('note', false, 30),
    ],
    { since: 2 },
  ),
  {
    // The log of imports from other workbooks (section 7): not required, an import creates it.
    name: 'Imports',
    sheet: '_imports',
    hidden: true,
    filledBy: 'software',
    required: false,
    since: 2,
    columns: [
      { key: 'imported_at', type: { kind: 'datetime' }, required: true, width: 18 },
      text('source', true, 40),
      text('sha256', true, 66),
      count('libraries', true),
      count('rows_added', true),
      count('values_filled', true),
      count('duplicates', true),
      count('conflicts', true),
      count('renumbered', true),
    ],
  },
];

/** Whether a table or column belongs to a workbook of the given version of the standard. */
export const inVersion = (x: { readonly since?: StandardVersion }, version: StandardVersion): boolean =>
  (x.since ?? 1) <= version;

/** The registers (the tables of rows, filled by people or the task pane), in the order of their sheets. */
export const REGISTER_TABLES = [
  'Territories',
  'Libraries',
  'Events',
  'Training',
  'Visits',
  'Publications',
  'Participation',
  'Studies',
  'Submissions',
] as const satisfies readonly TableName[];

export const TABLE_BY_NAME: ReadonlyMap<TableName, TableDef> = new Map(TABLES.map((t) => [t.name, t]));

export function tableDef(name: TableName): TableDef {
  const def = TABLE_BY_NAME.get(name);
  if (!def) throw new Error(`unknown table ${name}`);
  return def;
}

/** The columns of a report table `R_<LIB_ID>`, in order. */
export const REPORT_COLUMNS = [
  'code',
  'indicator',
  'unit',
  'plan',
  'q1',
  'q2',
  'q3',
  'q4',
  'year',
  'plan_pct',
  'prior_year',
  'change_pct',
  'note',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

/** Report columns a library fills; everything else belongs to the software. */
export const REPORT_INPUT_COLUMNS: readonly ReportColumn[] = ['plan', 'q1', 'q2', 'q3', 'q4', 'prior_year', 'note'];
export const REPORT_NUMBER_COLUMNS: readonly ReportColumn[] = ['plan', 'q1', 'q2', 'q3', 'q4', 'prior_year'];
export const REPORT_FORMULA_COLUMNS: readonly ReportColumn[] = ['year', 'plan_pct', 'change_pct'];
export const REPORT_WIDTHS: Record<ReportColumn, number> = {
  code: 7,
  indicator: 46,
  unit: 12,
  plan: 11,
  q1: 11,
  q2: 11,
  q3: 11,
  q4: 11,
  year: 11,
  plan_pct: 10,
  prior_year: 11,
  change_pct: 10,
  note: 36,
};

export const REPORT_TABLE_PREFIX = 'R_';
/** Rows above a report table's header: title, library, blank. */
export const REPORT_HEADER_ROW = 4;

/** LIB_ID: Latin capitals, digits and `_`, starting with a letter, 2 to 24 characters. */
export const LIB_ID_PATTERN = /^[A-Z][A-Z0-9_]{1,23}$/;

/** Cyrillic letters that look like Latin capitals, with the Latin letter meant. */
export const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
};

/** Meta settings. */
export const META_KEYS = ['standard', 'version', 'level', 'region', 'year', 'language'] as const;
export const STANDARD_ID = 'kitaphana';
export const STANDARD_VERSION = '2';
/** Versions a reader accepts; older ones are read as described in the standard's opening paragraph. */
export const READABLE_VERSIONS: readonly StandardVersion[] = [1, 2];
export const LEVELS = ['oblast', 'cbs'] as const;
export type Level = (typeof LEVELS)[number];
/** The reporting years a workbook may have: the set-up form, `init` and the checks hold to the same range. */
export const REPORTING_YEARS = { min: 2000, max: 2100 } as const;
export function isReportingYear(year: number): boolean {
  return Number.isInteger(year) && year >= REPORTING_YEARS.min && year <= REPORTING_YEARS.max;
}

/** Generated sheets, in the order they are written; names in the catalogues under `sheet.<key>`. */
export const GENERATED_SHEETS = [
  'Note',
  'Summary',
  'SummaryByType',
  'EventsSummary',
  'TrainingSummary',
  'MethodSummary',
  'Issues',
] as const;
export type GeneratedSheet = (typeof GENERATED_SHEETS)[number];
/** Every sheet a consolidation writes, as a reader finds them left to right: the Dashboard, then the tables. */
export const CONSOLIDATION_SHEETS = ['Dashboard', ...GENERATED_SHEETS] as const;
