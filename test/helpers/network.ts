import { INDICATORS, type Language } from '../../src/standard';
import { translator } from '../../src/i18n';
import type { ContentRow, ReportInput, WorkbookContent } from '../../src/core/layout/content';
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

/** Quarter values of one library, chosen so that every rule stays quiet. */
export function reportValues(scale: number): Record<string, ReportInput> {
  const s = scale;
  const ytd = (base: number) => [0.4, 0.6, 0.8, 1].map((f) => Math.round(base * f));
  const flow = (perQ: number) => [perQ, perQ, perQ, perQ];
  const q: Record<string, number[]> = {
    U01: ytd(100 * s),
    U02: ytd(30 * s),
    U03: ytd(25 * s),
    U04: ytd(10 * s),
    U05: ytd(2 * s),
    V01: flow(300 * s),
    V02: flow(60 * s),
    V03: flow(40 * s),
    L01: flow(500 * s),
    L02: flow(200 * s),
    L03: flow(150 * s),
    C01: flow(30 * s),
    C02: flow(10 * s),
    E01: [1, 1, 1, 1],
    E02: [0, 0, 0, 0],
    E03: [1, 0, 0, 0],
    S01: flow(5),
    S02: flow(3),
    S03: flow(2),
    S04: [0, 1, 1, 2],
    T01: flow(4),
    T02: flow(3),
    T03: flow(150 * s),
  };
  const c03prior = 3000 * s;
  let stock = c03prior;
  q.C03 = [0, 1, 2, 3].map((i) => (stock = stock + (q.C01?.[i] ?? 0) - (q.C02?.[i] ?? 0)));
  q.C04 = (q.C03 ?? []).map((v) => Math.round(v * 0.4));
  q.C05 = (q.C03 ?? []).map((v) => Math.round(v * 0.05));
  const out: Record<string, ReportInput> = {};
  for (const ind of INDICATORS) {
    const v = q[ind.code] as number[];
    const year = ind.agg === 'sum' ? v.reduce((a, b) => a + b, 0) : (v[3] as number);
    const prior =
      ind.code === 'C03'
        ? c03prior
        : ind.code.startsWith('E') || ind.code.startsWith('S') || ind.code.startsWith('T')
          ? year
          : Math.round(year / 1.05);
    out[ind.code] = {
      plan: year,
      q1: v[0],
      q2: v[1],
      q3: v[2],
      q4: v[3],
      prior_year: ind.agg === 'sum' && prior === year && year !== 0 ? year + 1 : prior,
    };
  }
  return out;
}

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
