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
        speakers: q === 0 ? null : 1,
        // The oblast library's courses gather librarians from every district; the others' their own.
        territories: q === 0 ? null : l.id === 'KRG_OUNB' && libs === LIBS ? 'KRG, TMR; ABA' : l.terr,
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
    ...(libs === LIBS ? methodRegisters(e) : {}),
    reports: libs
      .filter((l) => l.active !== false)
      .map((l) => ({ libId: l.id, name: `Библиотека ${l.id}`, values: reportValues(l.scale) })),
  };
}

/**
 * The methodological work of the default network, small enough to count by
 * hand (test/core/consolidate-method.test.ts does): 4 visits of 3 of the 4
 * libraries that can be visited, 4 publications (2 accessible), 3
 * participations, 2 studies.
 */
function methodRegisters(e: (name: string, key: string) => string): Partial<WorkbookContent> {
  const d = (m: number, day: number) => ({ date: Date.UTC(2025, m - 1, day) });
  const visit = (
    id: number,
    from: string,
    to: string,
    purpose: string,
    persons: number,
    date: ReturnType<typeof d>,
  ) => ({
    visit_id: `VS-${String(id).padStart(4, '0')}`,
    lib_id: from,
    date,
    visited_lib_id: to,
    purpose: e('visit_purpose', purpose),
    persons,
    findings: 'Рекомендовано обновить паспорт библиотеки',
    note: null,
  });
  const pub = (id: number, lib: string, kind: string, format: string, lang: string, copies: number | null) => ({
    pub_id: `PB-${String(id).padStart(4, '0')}`,
    lib_id: lib,
    date: d(2 + id, 15),
    title: `Издание ${id}`,
    kind: e('publication_kind', kind),
    format: e('publication_format', format),
    language: e('event_language', lang),
    pages: 24,
    copies,
    link: null,
    note: null,
  });
  const part = (lib: string, level: string, role: string, persons: number, title: string) => ({
    lib_id: lib,
    date: d(4, 22),
    title,
    organizer: 'Национальная академическая библиотека РК',
    level: e('event_level', level),
    role: e('participation_role', role),
    persons,
    format: e('event_format', 'online'),
    place: 'Астана',
    link: null,
    note: null,
  });
  return {
    visits: [
      visit(1, 'KRG_OUNB', 'TMR_CGB', 'help', 2, d(3, 12)),
      visit(2, 'KRG_OUNB', 'ABA_CRB', 'study', 1, d(5, 20)),
      visit(3, 'ABA_CRB', 'ABA_B01', 'help', 1, d(6, 3)),
      visit(4, 'KRG_OUNB', 'ABA_CRB', 'event', 3, d(10, 8)),
    ],
    publications: [
      pub(1, 'KRG_OUNB', 'methodological_guide', 'print', 'ru', 50),
      pub(2, 'KRG_OUNB', 'bibliographic_index', 'braille', 'kk', 5),
      pub(3, 'ABA_CRB', 'scenario', 'electronic', 'kk_ru', null),
      pub(4, 'KRG_OUNB', 'digest', 'large_print', 'ru', 20),
    ],
    participation: [
      part('KRG_OUNB', 'republican', 'speaker', 2, 'Республиканский семинар методистов'),
      part('KRG_OUNB', 'international', 'attendee', 1, 'Международная конференция «Библиотека и общество»'),
      part('TMR_CGB', 'oblast', 'winner', 1, 'Областной конкурс «Лучшая библиотека года»'),
    ],
    studies: [
      {
        study_id: 'ST-0001',
        lib_id: 'KRG_OUNB',
        date_start: d(2, 1),
        date_end: d(3, 31),
        title: 'Чтение в жизни молодёжи области',
        kind: e('study_kind', 'survey'),
        libraries: 4,
        respondents: 120,
        link: null,
        note: null,
      },
      {
        study_id: 'ST-0002',
        lib_id: 'ABA_CRB',
        date_start: d(9, 1),
        date_end: null,
        title: 'Мониторинг посещаемости сельских библиотек',
        kind: e('study_kind', 'monitoring'),
        libraries: 2,
        respondents: null,
        link: null,
        note: null,
      },
    ],
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
