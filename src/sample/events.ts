import type { EnumKey, Language } from '../standard';
import { MS_PER_DAY } from '../core/values';
import {
  EVENT_TEMPLATES,
  isMethodGroup,
  type Audience,
  type EventTemplate,
  type Form,
  type Format,
  type Group,
  type Level,
} from './event-templates';
import { ACTIVE_LIBRARIES, LIBRARIES, isChildren, isOblast, library, type Library } from './libraries';
import { Rng } from './random';
import { TERRITORIES, territory } from './territories';
import { addDays, isWorkingDay, tx, utc, type Texts } from './text';

/** One row of the Events register, before it is written in a language. */
export interface SampleEvent {
  readonly id: string;
  readonly lib: string;
  readonly start: number;
  readonly end: number | null;
  readonly template: EventTemplate;
  /**
   * A real register keeps some titles in the language the event was held in:
   * a draw in [0, 1), compared with a share that is smaller in an English
   * workbook, where a Kazakh or Russian title is rarer.
   */
  readonly titleDraw: number;
  readonly format: Format;
  readonly platform: string | null;
  readonly language: EnumKey<'event_language'>;
  readonly audience: Audience;
  readonly level: Level;
  readonly participants: number;
  readonly children: number | null;
  readonly disabled: number | null;
  readonly pd: boolean;
  readonly hours: number | null;
  readonly certificates: number | null;
  readonly partners: Texts | null;
  readonly link: string | null;
  /** Talks given at it ("16 speeches"). */
  readonly speakers: number | null;
  /** For professional development, the territories whose librarians came. */
  readonly territories: readonly string[] | null;
}

type Draft = { -readonly [K in keyof SampleEvent]: SampleEvent[K] };

const OWN_TITLE_SHARE: Readonly<Record<Language, number>> = { kk: 0.3, ru: 0.3, en: 0.1 };

export function eventTitle(e: SampleEvent, lang: Language): string {
  const own = e.language === 'kk' || e.language === 'ru' ? e.language : null;
  return own !== null && e.titleDraw < OWN_TITLE_SHARE[lang] ? e.template.title[own] : e.template.title[lang];
}

function groupsOf(lib: Library): { method: Group | null; public: readonly Group[]; pdShare: number } {
  switch (lib.type) {
    case 'oblast_universal':
      return { method: 'method', public: ['public'], pdShare: 0.17 };
    case 'oblast_children':
      return { method: 'method_children', public: ['children', 'public'], pdShare: 0.15 };
    case 'oblast_special':
      return { method: 'method_special', public: ['special'], pdShare: 0.09 };
    case 'central_city':
    case 'central_district':
      return { method: 'method_local', public: ['public', 'children'], pdShare: 0.09 };
    case 'central_children':
      return { method: 'method_local', public: ['children', 'public'], pdShare: 0.05 };
    default:
      return { method: null, public: ['public', 'children'], pdShare: 0 };
  }
}

/** Audiences a children's library serves: a public template's other audiences are left to the others. */
const CHILDREN_AUDIENCES: readonly Audience[] = ['children', 'families', 'youth'];

function templatesFor(lib: Library, groups: readonly Group[]): EventTemplate[] {
  return EVENT_TEMPLATES.filter(
    (t) =>
      t.groups.some((g) => groups.includes(g)) &&
      !(t.urban && lib.rural) &&
      (!isChildren(lib) ||
        isMethodGroup(t.groups[0] ?? 'public') ||
        t.audiences.some((a) => CHILDREN_AUDIENCES.includes(a))),
  );
}

/** Fewer events in January's holidays and in the summer months. */
// prettier-ignore
const MONTHS: readonly (readonly [number, number])[] = [
  [1, 0.6], [2, 0.95], [3, 1], [4, 1.1], [5, 1.05], [6, 1],
  [7, 0.75], [8, 0.8], [9, 1.05], [10, 1.1], [11, 1.05], [12, 0.9],
];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function pickDate(rng: Rng, window: EventTemplate['window']): number {
  for (;;) {
    let ms: number;
    if (window) {
      const [m1, d1, m2, d2] = window;
      const from = utc(m1, d1);
      const span = Math.round((utc(m2, d2) - from) / MS_PER_DAY);
      ms = addDays(from, rng.int(0, span));
    } else {
      const month = rng.weighted(MONTHS);
      ms = utc(month, rng.int(1, DAYS_IN_MONTH[month - 1] ?? 28));
    }
    if (isWorkingDay(ms)) return ms;
  }
}

const PARTICIPANTS: Readonly<Record<EnumKey<'event_form'>, readonly [number, number]>> = {
  professional_day: [30, 90],
  information_day: [15, 50],
  library_lesson: [12, 30],
  book_review: [10, 35],
  quiz: [10, 35],
  webinar: [20, 80],
  internship: [20, 55],
  seminar: [25, 70],
  workshop: [15, 45],
  master_class: [10, 30],
  training: [12, 35],
  round_table: [12, 35],
  conference: [50, 150],
  contest: [12, 60],
  festival: [60, 300],
  exhibition: [30, 180],
  author_meeting: [20, 80],
  campaign: [30, 250],
  presentation: [15, 60],
  excursion: [8, 30],
  other: [10, 45],
};

/** A rural branch's reading room holds fewer people than the oblast library's hall. */
function scale(lib: Library): number {
  if (lib.type === 'rural_branch') return 0.55;
  if (lib.type === 'city_branch') return 0.75;
  if (isOblast(lib)) return 1.2;
  return 1;
}

function pickFormat(rng: Rng, t: EventTemplate, pd: boolean): Format {
  if (t.formats) return rng.weighted(t.formats);
  if (pd)
    return rng.weighted<Format>([
      ['onsite', 45],
      ['online', 30],
      ['hybrid', 15],
      ['offsite', 10],
    ]);
  switch (t.form) {
    case 'exhibition':
      return rng.weighted<Format>([
        ['onsite', 85],
        ['online', 15],
      ]);
    case 'excursion':
      return rng.weighted<Format>([
        ['onsite', 90],
        ['online', 10],
      ]);
    case 'campaign':
      return rng.weighted<Format>([
        ['onsite', 45],
        ['offsite', 35],
        ['online', 20],
      ]);
    default:
      return rng.weighted<Format>([
        ['onsite', 70],
        ['offsite', 15],
        ['online', 10],
        ['hybrid', 5],
      ]);
  }
}

function pickPlatform(rng: Rng, format: Format, pd: boolean): string | null {
  if (format !== 'online' && format !== 'hybrid') return null;
  return pd
    ? rng.weighted([
        ['Zoom', 85],
        ['YouTube', 10],
        ['Facebook', 5],
      ])
    : rng.weighted([
        ['Instagram', 55],
        ['Facebook', 25],
        ['YouTube', 20],
      ]);
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const code = (rng: Rng, n: number): string => Array.from({ length: n }, () => rng.pick([...ID_CHARS])).join('');

function pickLink(rng: Rng, lib: Library, format: Format, platform: string | null): string | null {
  const online = format === 'online' || format === 'hybrid';
  if (!rng.chance(online ? 0.7 : 0.12)) return null;
  const handle = lib.id.toLowerCase().replace(/_/g, '.');
  switch (online ? platform : 'Instagram') {
    case 'Instagram':
      return `https://www.instagram.com/p/${code(rng, 11)}/`;
    case 'Facebook':
      return `https://www.facebook.com/${handle}/posts/${rng.int(100_000_000, 999_999_999)}${rng.int(100_000, 999_999)}`;
    default:
      // A Zoom meeting's link dies with it: registers link its recording instead.
      return `https://www.youtube.com/watch?v=${code(rng, 11)}`;
  }
}

const PARTNERS: Readonly<Record<'method' | 'public' | 'children' | 'special', readonly Texts[]>> = {
  method: [
    tx(
      'ҚР Ұлттық академиялық кітапханасы',
      'Национальная академическая библиотека РК',
      'National Academic Library of the RK',
    ),
    tx(
      'Е. А. Бөкетов атындағы Қарағанды университеті',
      'Карагандинский университет им. Е. А. Букетова',
      'Buketov Karaganda University',
    ),
    tx(
      'Қарағанды облысының мәдениет, архивтер және құжаттама басқармасы',
      'Управление культуры, архивов и документации Карагандинской области',
      'Karaganda Oblast Department of Culture, Archives and Documentation',
    ),
    tx('«Kazakhstan AmCorners Network» ҚБ', 'ОО «Kazakhstan AmCorners Network»', 'Kazakhstan AmCorners Network'),
  ],
  public: [
    tx(
      'Қазақстан Жазушылар одағының Қарағанды облыстық филиалы',
      'Карагандинский областной филиал Союза писателей Казахстана',
      "Karaganda branch of the Writers' Union of Kazakhstan",
    ),
    tx(
      'Қарағанды облыстық тарихи-өлкетану музейі',
      'Карагандинский областной историко-краеведческий музей',
      'Karaganda Oblast Museum of Local History',
    ),
    tx('Жастар ресурстық орталығы', 'Молодёжный ресурсный центр', 'Youth Resource Centre'),
    tx('№ 5 мектеп-гимназия', 'Школа-гимназия № 5', 'School-gymnasium No. 5'),
    tx('Мәдениет үйі', 'Дом культуры', 'House of Culture'),
    tx(
      'Қазақстан халқы Ассамблеясының достық үйі',
      'Дом дружбы Ассамблеи народа Казахстана',
      'Friendship House of the Assembly of People of Kazakhstan',
    ),
  ],
  children: [
    tx('№ 12 жалпы білім беретін мектеп', 'Общеобразовательная школа № 12', 'Secondary school No. 12'),
    tx('«Балапан» балабақшасы', 'Детский сад «Балапан»', 'Balapan kindergarten'),
    tx('Балалар шығармашылығы орталығы', 'Центр детского творчества', "Children's Creativity Centre"),
  ],
  special: [
    tx(
      'Қазақ зағиптар қоғамының Қарағанды облыстық филиалы',
      'Карагандинский областной филиал Казахского общества слепых',
      'Karaganda branch of the Kazakh Society of the Blind',
    ),
    tx(
      'Зағип және нашар көретін балаларға арналған арнаулы мектеп-интернат',
      'Специальная школа-интернат для незрячих и слабовидящих детей',
      'Boarding school for blind and visually impaired children',
    ),
  ],
};

function partnerKind(g: Group): keyof typeof PARTNERS {
  if (isMethodGroup(g)) return 'method';
  return g === 'children' || g === 'special' ? g : 'public';
}

function pickLevel(rng: Rng, lib: Library, t: EventTemplate, pd: boolean): Level {
  if (t.level) return t.level;
  if (pd) {
    if (!isOblast(lib)) return 'local';
    if (t.form === 'conference')
      return rng.weighted<Level>([
        ['oblast', 3],
        ['republican', 3],
        ['international', 4],
      ]);
    return rng.weighted<Level>([
      ['oblast', 85],
      ['republican', 10],
      ['international', 5],
    ]);
  }
  return rng.chance(isOblast(lib) ? 0.25 : 0.05) ? 'oblast' : 'local';
}

function pickLanguage(rng: Rng, lib: Library, t: EventTemplate): EnumKey<'event_language'> {
  if (t.english) return 'other';
  if (rng.chance(0.25)) return 'kk_ru';
  return rng.chance(territory(lib.terr).russian) ? 'ru' : 'kk';
}

function makeEvent(rng: Rng, lib: Library, t: EventTemplate, start: number): Draft {
  const group = t.groups[0] ?? 'public';
  const pd = isMethodGroup(group);
  const audiences = isChildren(lib) && !pd ? t.audiences.filter((a) => CHILDREN_AUDIENCES.includes(a)) : t.audiences;
  const audience = rng.pick(audiences.length > 0 ? audiences : t.audiences);
  const format = pickFormat(rng, t, pd);
  const platform = pickPlatform(rng, format, pd);
  const [lo, hi] = group === 'method_local' ? ([8, 25] as const) : PARTICIPANTS[t.form];
  const participants = Math.max(3, Math.round(rng.int(lo, hi) * (pd ? 1 : scale(lib))));
  const extra = t.days ? rng.int(t.days[0], t.days[1]) : 0;
  const end = extra > 0 ? Math.min(addDays(start, extra), utc(12, 31)) : null;
  return {
    id: '',
    lib: lib.id,
    start,
    end: end !== null && end > start ? end : null,
    template: t,
    titleDraw: rng.next(),
    format,
    platform,
    language: pickLanguage(rng, lib, t),
    audience,
    level: pickLevel(rng, lib, t, pd),
    participants,
    children: childrenOf(rng, audience, participants),
    disabled: disabledOf(rng, audience, participants),
    pd,
    hours: pd && t.hours ? rng.int(t.hours[0], t.hours[1]) : null,
    certificates: certificatesOf(rng, t, pd, participants),
    partners: rng.chance(pd ? 0.3 : 0.18) ? rng.pick(PARTNERS[partnerKind(group)]) : null,
    link: pickLink(rng, lib, format, platform),
    speakers: null,
    territories: null,
  };
}

/** Forms at which people give talks; at the others one person leads. */
const TALKS: ReadonlySet<Form> = new Set<Form>([
  'seminar',
  'conference',
  'round_table',
  'professional_day',
  'webinar',
  'workshop',
]);

/**
 * Who spoke and, for professional development, where the librarians came
 * from: an oblast library's courses gather several districts ("librarians from
 * 14 of 18 districts"), a central library's its own. Drawn from a stream of
 * their own, so that adding them moved none of the other figures.
 */
function speakersAndReach(e: Draft): void {
  const rng = Rng.stream('event-reach', e.id);
  const lib = library(e.lib);
  if (TALKS.has(e.template.form) && (e.pd || e.template.form === 'conference' || e.template.form === 'round_table'))
    e.speakers = Math.min(e.participants, rng.int(2, e.template.form === 'conference' ? 16 : 6));
  else if (e.pd) e.speakers = 1;
  if (!e.pd) return;
  if (!isOblast(lib)) {
    e.territories = [lib.terr];
    return;
  }
  const n = e.format === 'online' || e.format === 'hybrid' ? rng.int(8, TERRITORIES.length) : rng.int(3, 9);
  const chosen = new Set(rng.shuffle(TERRITORIES.map((t) => t.code)).slice(0, n));
  e.territories = TERRITORIES.map((t) => t.code).filter((c) => chosen.has(c));
}

function childrenOf(rng: Rng, audience: Audience, participants: number): number | null {
  switch (audience) {
    case 'children':
      return Math.round(participants * rng.between(0.8, 1));
    case 'families':
      return Math.round(participants * rng.between(0.35, 0.6));
    case 'youth':
    case 'disabled':
      return rng.chance(0.3) ? Math.round(participants * rng.between(0.05, 0.2)) : null;
    default:
      return null;
  }
}

function disabledOf(rng: Rng, audience: Audience, participants: number): number | null {
  if (audience === 'disabled') return Math.round(participants * rng.between(0.6, 0.95));
  return rng.chance(0.05) ? Math.min(participants, rng.int(1, 3)) : null;
}

function certificatesOf(rng: Rng, t: EventTemplate, pd: boolean, participants: number): number | null {
  if (pd) return rng.chance(0.85) ? Math.round(participants * rng.between(0.6, 1)) : null;
  if (t.form === 'contest') return Math.max(1, Math.round(participants * rng.between(0.1, 0.3)));
  return null;
}

/** A library's year of events: professional development first, then the public ones, series repeating. */
function libraryEvents(lib: Library): Draft[] {
  const rng = Rng.stream('events', lib.id);
  const { method, public: publicGroups, pdShare } = groupsOf(lib);
  const count = Math.round(lib.events * rng.between(0.88, 1.12));
  const pdCount = method ? Math.round(count * pdShare) : 0;
  const taken = new Set<string>();
  const out: Draft[] = [];

  const fill = (templates: readonly EventTemplate[], n: number): void => {
    const once = templates.flatMap((t) => Array.from({ length: t.repeat ?? 1 }, () => t));
    // Beyond each template's own count, a library repeats the events it can hold any time of year.
    const series = templates.filter((t) => !t.window && !t.english);
    let pool = rng.shuffle(once);
    for (let made = 0; made < n;) {
      if (pool.length === 0) pool = rng.shuffle(series.length > 0 ? series : templates);
      const t = pool.pop() as EventTemplate;
      // The same title on the same day twice would be a duplicate (rule W5): pick another day.
      let start = pickDate(rng, t.window);
      for (let tries = 0; taken.has(`${start}|${t.id}`) && tries < 20; tries++) start = pickDate(rng, t.window);
      if (taken.has(`${start}|${t.id}`)) continue;
      taken.add(`${start}|${t.id}`);
      out.push(makeEvent(rng, lib, t, start));
      made++;
    }
  };
  if (method) fill(templatesFor(lib, [method]), pdCount);
  fill(templatesFor(lib, publicGroups), count - pdCount);
  ensureReported(rng, lib, out);
  return out;
}

/**
 * Every library held at least one online event and one for children, so that
 * E02 and E03 have a plan and a prior year to compare with.
 */
function ensureReported(rng: Rng, lib: Library, events: Draft[]): void {
  const publicEvents = events.filter((e) => !e.pd);
  if (!events.some((e) => e.format === 'online')) {
    const e = rng.pick(publicEvents.filter((x) => x.template.form !== 'excursion'));
    e.format = 'online';
    e.platform = 'Instagram';
  }
  if (!events.some((e) => e.audience === 'children')) {
    const candidates = publicEvents.filter((x) => x.template.audiences.includes('children'));
    if (candidates.length === 0) throw new Error(`no event for children can be held by ${lib.id}`);
    const e = rng.pick(candidates);
    e.audience = 'children';
    e.children = Math.round(e.participants * rng.between(0.8, 1));
  }
}

let cache: readonly SampleEvent[] | null = null;

/** The Events register: all active libraries' events, by date, numbered EV-0001 ... */
export function sampleEvents(): readonly SampleEvent[] {
  if (cache) return cache;
  const order = new Map(LIBRARIES.map((l, i) => [l.id, i]));
  const all = ACTIVE_LIBRARIES.flatMap(libraryEvents);
  all.sort(
    (a, b) =>
      a.start - b.start ||
      (order.get(a.lib) ?? 0) - (order.get(b.lib) ?? 0) ||
      a.template.id.localeCompare(b.template.id),
  );
  all.forEach((e, i) => (e.id = `EV-${String(i + 1).padStart(4, '0')}`));
  all.forEach(speakersAndReach);
  cache = all;
  return all;
}
