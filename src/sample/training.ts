/**
 * The Training register: the staff who completed professional development in
 * 2025, at the National Academic Library and its Virtual library school, the
 * National Library, the Republican scientific and technical library, the
 * university, or at one of the oblast libraries' own events (then the row
 * points to the event). Each person appears once, so that a library's persons
 * are the S04 of its report and never more than its staff.
 */
import type { Language } from '../standard';
import type { Format } from './event-templates';
import { eventTitle, sampleEvents, type SampleEvent } from './events';
import { ACTIVE_LIBRARIES, isChildren, isOblast, library, type Library } from './libraries';
import { leastStaff, profile } from './profiles';
import { Rng } from './random';
import { territory } from './territories';
import { tx, utc, type Texts } from './text';

export interface SampleTraining {
  readonly lib: string;
  /** A fictional full name; blank for a group. */
  readonly person: string | null;
  readonly persons: number;
  readonly position: Texts | null;
  readonly date: number;
  readonly course: Course | null;
  readonly event: SampleEvent | null;
  readonly format: Format;
  readonly hours: number;
  readonly certificate: boolean;
}

/** Formats as a course offers them, with their weights. */
type Formats = readonly (readonly [Format, number])[];

interface Course {
  readonly title: Texts;
  readonly organizer: Texts;
  readonly formats: Formats;
  readonly hours: readonly number[];
  /** Months in which it ends. */
  readonly months: readonly [number, number];
  readonly weight: (lib: Library) => number;
  /** Taken by a whole department at once. */
  readonly group?: boolean;
}

const NAB = tx(
  'ҚР Ұлттық академиялық кітапханасы',
  'Национальная академическая библиотека РК',
  'National Academic Library of the RK',
);
const VLS = tx(
  'ҚР ҰАК Кітапханашының виртуалды мектебі',
  'Виртуальная школа библиотекаря НАБ РК',
  'Virtual Library School of the NAL RK',
);
const ONLINE: Formats = [['online', 1]];
const always = (): number => 1;
const centralOnly = (l: Library): number => (l.type.startsWith('oblast_') || l.type.startsWith('central_') ? 1 : 0);

const course = (
  title: Texts,
  organizer: Texts,
  formats: Formats,
  hours: readonly number[],
  months: readonly [number, number],
  weight: (lib: Library) => number,
  options: Pick<Course, 'group'> = {},
): Course => ({ title, organizer, formats, hours, months, weight, ...options });

// Title; organizer; formats, hours, the months it ends in, and how likely a library's staff are to take it.
// prettier-ignore
const COURSES: readonly Course[] = [
  course(tx('Креативті кітапханашы', 'Креативный библиотекарь', 'Creative librarian'),
    NAB, ONLINE, [36], [2, 11], () => 3),
  course(tx('Кітапханалық менеджмент негіздері', 'Основы библиотечного менеджмента', 'Library management basics'),
    VLS, ONLINE, [24], [3, 11], () => 3),
  course(tx('Кітапхананың электрондық ресурстары мен қызметтері', 'Электронные ресурсы и сервисы библиотеки', 'Electronic resources and services of the library'),
    VLS, ONLINE, [24], [2, 12], () => 3),
  course(tx('Әлеуметтік желілерде оқуды насихаттау', 'Продвижение чтения в социальных сетях', 'Promoting reading on social media'),
    VLS, ONLINE, [16], [2, 12], () => 3, { group: true }),
  course(tx('Каталогтаушы мектебі: MARC 21', 'Школа каталогизатора: MARC 21', "Cataloguers' school: MARC 21"),
    NAB, [['onsite', 1], ['hybrid', 1]], [72], [3, 11], centralOnly),
  course(tx('Құжаттарды консервациялау және қалпына келтіру', 'Консервация и реставрация документов', 'Conservation and restoration of documents'),
    tx('ҚР Ұлттық кітапханасы', 'Национальная библиотека РК', 'National Library of the RK'),
    [['onsite', 1]], [36], [4, 10], (l) => (l.type === 'oblast_universal' ? 1 : 0)),
  course(tx('РҒТК-ның ғылым мен білімге арналған ақпараттық ресурстары', 'Информационные ресурсы РНТБ для науки и образования', 'RSTL information resources for science and education'),
    tx('Республикалық ғылыми-техникалық кітапхана', 'Республиканская научно-техническая библиотека', 'Republican Scientific and Technical Library'),
    ONLINE, [8, 16], [2, 11], (l) => (isOblast(l) ? 2 : 1)),
  course(tx('Медиа және ақпараттық сауаттылық бойынша тренерлерге арналған тренинг', 'Тренинг для тренеров по медиа- и информационной грамотности', 'Training of trainers in media and information literacy'),
    tx('«Kazakhstan AmCorners Network» ҚБ', 'ОО «Kazakhstan AmCorners Network»', 'Kazakhstan AmCorners Network'),
    [['online', 1], ['hybrid', 1]], [24], [3, 11], always),
  course(tx('Зағип пайдаланушыларға қызмет көрсетудің заманауи технологиялары', 'Современные технологии обслуживания незрячих пользователей', 'Modern technologies for serving blind users'),
    tx('Зағип және нашар көретін азаматтарға арналған республикалық кітапхана', 'Республиканская библиотека для незрячих и слабовидящих граждан', 'Republican Library for the Blind and Visually Impaired'),
    ONLINE, [36], [2, 11], (l) => (l.type === 'oblast_special' ? 8 : 0), { group: true }),
  course(tx('Балалар оқуы: заманауи тәжірибелер', 'Детское чтение: современные практики', "Children's reading: current practice"),
    tx('С. Бегалин атындағы Балалар мен жасөспірімдерге арналған республикалық кітапхана', 'Республиканская библиотека для детей и юношества им. С. Бегалина', 'S. Begalin Republican Library for Children and Youth'),
    ONLINE, [24], [2, 11], (l) => (isChildren(l) ? 6 : l.type.endsWith('branch') ? 1 : 0), { group: true }),
  course(tx('Кітапхана қызметкерлерінің біліктілігін арттыру курстары', 'Курсы повышения квалификации библиотечных работников', 'Professional development course for library staff'),
    library('KRG_OUNB').short,
    [['onsite', 2], ['hybrid', 1]], [72], [3, 11], (l) => (l.type === 'oblast_universal' ? 0 : 2), { group: true }),
  course(tx('Цифрлық дәуірдегі кітапханалық-ақпараттық қызмет', 'Библиотечно-информационная деятельность в цифровую эпоху', 'Library and information work in the digital age'),
    tx('Е. А. Бөкетов атындағы Қарағанды университеті', 'Карагандинский университет им. Е. А. Букетова', 'Buketov Karaganda University'),
    [['onsite', 1], ['online', 1]], [72], [2, 6], centralOnly),
];

export const trainingTitle = (row: SampleTraining, lang: Language): string =>
  row.event ? eventTitle(row.event, lang) : (row.course?.title[lang] ?? '');

export const trainingOrganizer = (row: SampleTraining, lang: Language): string =>
  row.event ? library(row.event.lib).short[lang] : (row.course?.organizer[lang] ?? '');

const POSITIONS = {
  director: tx('директор', 'директор', 'director'),
  deputy: tx('директордың орынбасары', 'заместитель директора', 'deputy director'),
  headDept: tx('бөлім меңгерушісі', 'заведующий отделом', 'head of department'),
  headBranch: tx('филиал меңгерушісі', 'заведующий филиалом', 'head of branch'),
  methodologist: tx('әдіскер', 'методист', 'methodologist'),
  chief: tx('бас кітапханашы', 'главный библиотекарь', 'chief librarian'),
  leading: tx('жетекші кітапханашы', 'ведущий библиотекарь', 'leading librarian'),
  librarian: tx('кітапханашы', 'библиотекарь', 'librarian'),
  bibliographer: tx('библиограф', 'библиограф', 'bibliographer'),
} as const;
const GROUP_POSITION = tx('кітапханашылар', 'библиотекари', 'librarians');

// prettier-ignore
const KK_SURNAMES = [
  'Ахметова', 'Жусупова', 'Смагулова', 'Сейткалиева', 'Байжанова', 'Нурланова', 'Касымова', 'Искакова', 'Омарова',
  'Тлеубаева', 'Абдрахманова', 'Жумабекова', 'Рахимова', 'Бекова', 'Садыкова', 'Кенжебаева', 'Мухамедиева',
  'Сарсенова', 'Ермекова', 'Тастанбекова', 'Есенова', 'Утебаева', 'Калиева', 'Нургалиева', 'Токтарова', 'Амренова',
  'Мусина', 'Кожахметова', 'Бейсенова', 'Оспанова',
];
// prettier-ignore
const KK_NAMES = [
  'Айгуль', 'Гульнара', 'Салтанат', 'Жанар', 'Динара', 'Асель', 'Айжан', 'Бибигуль', 'Сауле', 'Гульмира', 'Акерке',
  'Назира', 'Алия', 'Жанна', 'Роза', 'Меруерт', 'Гаухар', 'Камила', 'Дана', 'Айнур', 'Ботагоз', 'Жибек', 'Лаура',
  'Шолпан', 'Маржан',
];
// prettier-ignore
const KK_PATRONYMICS = [
  'Серикбаевна', 'Кайратовна', 'Маратовна', 'Ерлановна', 'Болатовна', 'Нурлановна', 'Жанатовна', 'Амангельдиевна',
  'Муратовна', 'Кенесовна', 'Толеутаевна', 'Бауыржановна', 'Сагындыковна', 'Ержановна', 'Каиркеновна',
];
// prettier-ignore
const RU_SURNAMES = [
  'Иванова', 'Петренко', 'Шевченко', 'Ковальчук', 'Морозова', 'Кузнецова', 'Лебедева', 'Ким', 'Цой', 'Шмидт',
  'Ткаченко', 'Павленко', 'Белова', 'Никитина', 'Соловьёва', 'Бондаренко', 'Миллер', 'Пак', 'Гусева', 'Романова',
];
// prettier-ignore
const RU_NAMES = [
  'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Людмила', 'Валентина', 'Анна', 'Марина', 'Оксана',
  'Юлия', 'Екатерина', 'Галина', 'Виктория',
];
// prettier-ignore
const RU_PATRONYMICS = [
  'Викторовна', 'Александровна', 'Николаевна', 'Владимировна', 'Сергеевна', 'Анатольевна', 'Петровна', 'Юрьевна',
  'Ивановна', 'Геннадьевна',
];
/** Most librarians are women; a few men, named the same way. */
const MEN = {
  kk: {
    surnames: ['Ахметов', 'Жусупов', 'Касымов', 'Омаров', 'Сарсенов', 'Бекенов'],
    names: ['Ерлан', 'Асхат', 'Бауыржан', 'Нурлан', 'Данияр', 'Арман'],
    patronymics: ['Серикбаевич', 'Маратович', 'Кайратович', 'Болатович'],
  },
  ru: {
    surnames: ['Иванов', 'Ким', 'Шмидт', 'Петренко', 'Морозов'],
    names: ['Сергей', 'Алексей', 'Андрей', 'Дмитрий'],
    patronymics: ['Викторович', 'Александрович', 'Николаевич'],
  },
};

/** Full names are unique across the sample: one person, one row. */
const used = new Set<string>();

function personName(rng: Rng, russian: number): string {
  for (;;) {
    const ru = rng.chance(russian);
    let name: string;
    if (rng.chance(0.08)) {
      const m = ru ? MEN.ru : MEN.kk;
      name = `${rng.pick(m.surnames)} ${rng.pick(m.names)} ${rng.pick(m.patronymics)}`;
    } else if (ru) name = `${rng.pick(RU_SURNAMES)} ${rng.pick(RU_NAMES)} ${rng.pick(RU_PATRONYMICS)}`;
    else name = `${rng.pick(KK_SURNAMES)} ${rng.pick(KK_NAMES)} ${rng.pick(KK_PATRONYMICS)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function positions(lib: Library): readonly (readonly [Texts, number])[] {
  if (lib.type.endsWith('branch')) return [[POSITIONS.librarian, 1]];
  return [
    [POSITIONS.methodologist, 3],
    [POSITIONS.chief, 3],
    [POSITIONS.leading, 3],
    [POSITIONS.librarian, 4],
    [POSITIONS.bibliographer, 2],
    [POSITIONS.headDept, 2],
    [POSITIONS.deputy, 0.5],
  ];
}

/**
 * The professional-development events a library's staff could attend: the
 * Gogol library's, the children's library's for those who serve children, the
 * special library's for the central libraries, and its own central library's.
 */
function eventsFor(lib: Library, events: readonly SampleEvent[]): SampleEvent[] {
  return events.filter(
    (e) =>
      e.pd &&
      e.lib !== lib.id &&
      (e.lib === lib.parent ||
        e.lib === 'KRG_OUNB' ||
        (e.lib === 'KRG_ODB' && (isChildren(lib) || lib.type.endsWith('branch'))) ||
        (e.lib === 'KRG_OSB' && lib.type.startsWith('central_'))),
  );
}

function courseRow(
  rng: Rng,
  lib: Library,
  course: Course,
  person: string | null,
  persons: number,
  position: Texts | null,
): SampleTraining {
  const [m1, m2] = course.months;
  const month = rng.int(m1, m2);
  return {
    lib: lib.id,
    person,
    persons,
    position,
    date: utc(month, rng.int(1, 28)),
    course,
    event: null,
    format: rng.weighted(course.formats),
    hours: rng.pick(course.hours),
    certificate: rng.chance(0.93),
  };
}

function eventRow(
  rng: Rng,
  lib: Library,
  event: SampleEvent,
  person: string | null,
  persons: number,
  position: Texts | null,
): SampleTraining {
  return {
    lib: lib.id,
    person,
    persons,
    position,
    date: event.end ?? event.start,
    course: null,
    event,
    format: event.format,
    hours: event.hours ?? 4,
    certificate: event.certificates !== null && rng.chance(0.9),
  };
}

function libraryTraining(lib: Library, events: readonly SampleEvent[]): SampleTraining[] {
  const rng = Rng.stream('training', lib.id);
  const staff = leastStaff(profile(lib));
  const russian = territory(lib.terr).russian;
  let left = Math.min(staff, Math.max(1, Math.round(staff * rng.between(0.45, 0.85))));
  const attended = eventsFor(lib, events);
  const courses = COURSES.filter((c) => c.weight(lib) > 0).map((c) => [c, c.weight(lib)] as const);
  const groupCourses = courses.filter(([c]) => c.group);
  const rows: SampleTraining[] = [];
  let headFirst = lib.type.endsWith('branch');
  while (left > 0) {
    if (left >= 4 && staff >= 8 && rng.chance(0.1)) {
      const persons = rng.int(3, Math.min(12, left));
      rows.push(
        attended.length > 0 && rng.chance(0.5)
          ? eventRow(rng, lib, rng.pick(attended), null, persons, GROUP_POSITION)
          : courseRow(rng, lib, rng.weighted(groupCourses), null, persons, GROUP_POSITION),
      );
      left -= persons;
      continue;
    }
    const person = personName(rng, russian);
    const position = headFirst ? POSITIONS.headBranch : rng.weighted(positions(lib));
    headFirst = false;
    rows.push(
      attended.length > 0 && rng.chance(0.3)
        ? eventRow(rng, lib, rng.pick(attended), person, 1, position)
        : courseRow(rng, lib, rng.weighted(courses), person, 1, position),
    );
    left -= 1;
  }
  return rows.sort((a, b) => a.date - b.date);
}

let cache: readonly SampleTraining[] | null = null;

export function sampleTraining(): readonly SampleTraining[] {
  if (cache) return cache;
  const events = sampleEvents();
  cache = ACTIVE_LIBRARIES.flatMap((lib) => libraryTraining(lib, events));
  return cache;
}
