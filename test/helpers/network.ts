import { INDICATORS, type Language } from '../../src/standard';
import { translator } from '../../src/i18n';
import type { ContentRow, WorkbookContent } from '../../src/core/layout/content';
import { reportValues } from '../../src/bench/national';
import type { CellValue, Snapshot, TableSnapshot } from '../../src/core/snapshot';
import { REPORT_COLUMNS, TABLES } from '../../src/standard';

/**
 * A small, clean network built in the test itself (independent of the sample
 * generator): 3 territories, 5 libraries, reports whose figures obey every
 * rule, events and training that match E01 and S04.
 */
export interface LibSpec {
  id: string;
  terr: string;
  type: string;
  scale: number;
  active?: boolean;
}

export const LIBS: LibSpec[] = [
  { id: 'KRG_OUNB', terr: 'KRG', type: 'oblast_universal', scale: 10 },
  { id: 'KRG_CGB', terr: 'KRG', type: 'central_city', scale: 4 },
  { id: 'TMR_CGB', terr: 'TMR', type: 'central_city', scale: 3 },
  { id: 'ABA_CRB', terr: 'ABA', type: 'central_district', scale: 2 },
  { id: 'ABA_B01', terr: 'ABA', type: 'rural_branch', scale: 1 },
];

export function smallContent(language: Language = 'ru', libs: LibSpec[] = LIBS): WorkbookContent {
  const t = translator(language);
  const e = (name: string, key: string) => t.t(`enum.${name}.${key}`);
  const territories: ContentRow[] = [
    {
      terr_code: 'KRG',
      name_kk: 'Қарағанды қ.',
      name_ru: 'г. Караганда',
      kind: e('territory_kind', 'city'),
      population: 500000,
    },
    {
      terr_code: 'TMR',
      name_kk: 'Теміртау қ.',
      name_ru: 'г. Темиртау',
      kind: e('territory_kind', 'city'),
      population: 180000,
    },
    {
      terr_code: 'ABA',
      name_kk: 'Абай ауданы',
      name_ru: 'Абайский район',
      kind: e('territory_kind', 'district'),
      population: 50000,
    },
  ];
  const libraries: ContentRow[] = libs.map((l) => ({
    lib_id: l.id,
    name_kk: `${l.id} кітапханасы`,
    name_ru: `Библиотека ${l.id}`,
    type: e('library_type', l.type),
    terr_code: l.terr,
    parent_id: l.type === 'rural_branch' ? 'ABA_CRB' : null,
    rural: e('yes_no', l.type === 'rural_branch' ? 'yes' : 'no'),
    active: e('yes_no', l.active === false ? 'no' : 'yes'),
  }));
  const events: ContentRow[] = [];
  const training: ContentRow[] = [];
  let n = 0;
  for (const l of libs.filter((x) => x.active !== false)) {
    for (let q = 0; q < 4; q++) {
      n++;
      events.push({
        event_id: `EV-${String(n).padStart(4, '0')}`,
        lib_id: l.id,
        date_start: { date: Date.UTC(2025, q * 3 + 1, 10) },
        date_end: null,
        title: `Семинар ${n}`,
        form: e('event_form', q === 0 ? 'seminar' : 'master_class'),
        format: e('event_format', 'onsite'),
        platform: null,
        language: e('event_language', 'kk_ru'),
        audience: e('audience', q === 0 ? 'children' : 'librarians'),
        level: e('event_level', 'local'),
        participants: 20 + q,
        children: q === 0 ? 10 : 0,
        disabled: 1,
        pd: e('yes_no', q === 0 ? 'no' : 'yes'),
        hours: q === 0 ? null : 4,
        certificates: q === 0 ? null : 5,
        partners: null,
        link: null,
        note: null,
      });
    }
    training.push(
      {
        lib_id: l.id,
        person: 'Ахметова А.',
        persons: 1,
        position: 'библиотекарь',
        date: { date: Date.UTC(2025, 4, 20) },
        title: 'Курсы',
        organizer: 'НАБ РК',
        event_id: null,
        format: e('event_format', 'online'),
        hours: 36,
        certificate: e('yes_no', 'yes'),
      },
      {
        lib_id: l.id,
        person: 'Иванова И.',
        persons: 1,
        position: 'методист',
        date: { date: Date.UTC(2025, 9, 2) },
        title: 'Курсы',
        organizer: 'НАБ РК',
        event_id: null,
        format: e('event_format', 'onsite'),
        hours: 16,
        certificate: e('yes_no', 'no'),
      },
    );
  }
  return {
    settings: { level: 'oblast', region: 'Карагандинская область', year: 2025, language },
    territories,
    libraries,
    submissions: [],
    events,
    training,
    reports: libs
      .filter((l) => l.active !== false)
      .map((l) => ({ libId: l.id, name: `Библиотека ${l.id}`, values: reportValues(l.scale) })),
  };
}

/** A copy of the snapshot with one cell of a table's body changed. */
export function withCell(s: Snapshot, table: string, row: number, column: string, value: CellValue): Snapshot {
  return {
    ...s,
    tables: s.tables.map((t) => {
      if (t.name.toUpperCase() !== table.toUpperCase()) return t;
      const col = columnIndexOf(t, column);
      const rows = t.rows.map((r) => [...r]);
      while (rows.length <= row) rows.push(t.header.map(() => null));
      (rows[row] as CellValue[])[col] = value;
      return { ...t, rows };
    }),
  };
}

/** The 0-based body row of an indicator in a report table. */
export const indicatorRow = (code: string): number => INDICATORS.findIndex((i) => i.code === code);

export function withReportCell(s: Snapshot, lib: string, code: string, column: string, value: CellValue): Snapshot {
  return withCell(s, `R_${lib}`, indicatorRow(code), column, value);
}

export function columnIndexOf(t: TableSnapshot, column: string): number {
  const keys: readonly string[] = t.name.startsWith('R_')
    ? REPORT_COLUMNS
    : (TABLES.find((d) => d.name === t.name)?.columns.map((c) => c.key) ?? []);
  const i = keys.indexOf(column);
  if (i < 0) throw new Error(`no column ${column} in ${t.name}`);
  return i;
}

export function rowsOf(s: Snapshot, table: string): readonly (readonly CellValue[])[] {
  return s.tables.find((t) => t.name === table)?.rows ?? [];
}

/** A copy of the content with some report values of one library replaced in every indicator. */
export function withReportCellContent(
  content: WorkbookContent,
  libId: string,
  values: Partial<Record<string, number | null>>,
): WorkbookContent {
  return {
    ...content,
    reports: content.reports.map((r) =>
      r.libId !== libId
        ? r
        : {
            ...r,
            values: Object.fromEntries(Object.entries(r.values ?? {}).map(([code, v]) => [code, { ...v, ...values }])),
          },
    ),
  };
}
