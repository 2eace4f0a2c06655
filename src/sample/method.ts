/**
 * The registers of methodological work, after the departments' own reports in
 * the seeds: the oblast libraries' and the central libraries' visits to the
 * libraries of their networks (some branches not visited all year), their
 * methodological and bibliographic publications (the special library's in
 * Braille, large print and audio), their part in others' seminars,
 * conferences, book fairs and contests, and their surveys and monitoring.
 * Each drawn from a stream of its own, so that no other figure of the sample
 * moved when they were added.
 */
import type { EnumKey } from '../standard';
import { ACTIVE_LIBRARIES, isOblast, library, type Library } from './libraries';
import { Rng } from './random';
import { TERRITORIES } from './territories';
import { addDays, isWorkingDay, tx, utc, type Texts } from './text';

export interface SampleVisit {
  id: string;
  readonly lib: string;
  readonly date: number;
  readonly visited: string;
  readonly purpose: EnumKey<'visit_purpose'>;
  readonly persons: number;
  readonly findings: Texts | null;
}

export interface SamplePublication {
  id: string;
  readonly lib: string;
  readonly date: number;
  readonly title: Texts;
  readonly kind: EnumKey<'publication_kind'>;
  readonly format: EnumKey<'publication_format'>;
  readonly language: EnumKey<'event_language'>;
  readonly pages: number;
  readonly copies: number | null;
}

export interface SampleParticipation {
  readonly lib: string;
  readonly date: number;
  readonly title: Texts;
  readonly organizer: Texts;
  readonly level: EnumKey<'event_level'>;
  readonly role: EnumKey<'participation_role'>;
  readonly persons: number;
  readonly format: EnumKey<'event_format'>;
  readonly place: Texts | null;
}

export interface SampleStudy {
  id: string;
  readonly lib: string;
  readonly start: number;
  readonly end: number | null;
  readonly title: Texts;
  readonly kind: EnumKey<'study_kind'>;
  readonly libraries: number | null;
  readonly respondents: number | null;
}

function workingDay(rng: Rng, fromMonth = 1, toMonth = 12): number {
  for (;;) {
    const ms = utc(rng.int(fromMonth, toMonth), rng.int(1, 28));
    if (isWorkingDay(ms)) return ms;
  }
}

const FINDINGS: readonly Texts[] = [
  tx(
    'Кітапхана құжаттамасын жүргізу бойынша кеңес берілді',
    'Даны консультации по ведению документации библиотеки',
    "Advice given on keeping the library's records",
  ),
  tx(
    'Қорды тазарту және есептен шығару бойынша ұсыныстар берілді',
    'Даны рекомендации по очистке и списанию фонда',
    'Recommendations given on weeding the collection',
  ),
  tx(
    'Кітап көрмелерін безендіру бойынша әдістемелік көмек көрсетілді',
    'Оказана методическая помощь в оформлении книжных выставок',
    'Help given with designing book exhibitions',
  ),
  tx(
    'Жұмыс күнделігі мен есептілік тексерілді, ескертулер жойылды',
    'Проверены дневник работы и отчётность, замечания устранены',
    'Work diary and reporting checked, remarks corrected',
  ),
];

/** Visits: the oblast library to the central libraries, a central library to its branches. */
export function sampleVisits(): readonly SampleVisit[] {
  const out: SampleVisit[] = [];
  const visit = (
    rng: Rng,
    from: Library,
    to: Library,
    purposes: readonly (readonly [EnumKey<'visit_purpose'>, number])[],
  ) =>
    out.push({
      id: '',
      lib: from.id,
      date: workingDay(rng, 2, 11),
      visited: to.id,
      purpose: rng.weighted(purposes),
      persons: rng.int(1, from.type === 'oblast_universal' ? 3 : 2),
      findings: rng.chance(0.7) ? rng.pick(FINDINGS) : null,
    });
  const central = ACTIVE_LIBRARIES.filter((l) => l.type === 'central_city' || l.type === 'central_district');
  for (const to of central) {
    const rng = Rng.stream('visits', 'oblast', to.id);
    // The Gogol library's trips: most central libraries once a year, some twice.
    if (!rng.chance(0.85)) continue;
    for (let i = rng.chance(0.3) ? 2 : 1; i > 0; i--)
      visit(rng, library('KRG_OUNB'), to, [
        ['study', 4],
        ['help', 4],
        ['event', 2],
        ['experience', 1],
      ]);
  }
  for (const to of ACTIVE_LIBRARIES.filter((l) => l.type === 'central_children')) {
    const rng = Rng.stream('visits', 'children', to.id);
    if (rng.chance(0.6))
      visit(rng, library('KRG_ODB'), to, [
        ['help', 3],
        ['study', 2],
      ]);
  }
  for (const parent of central) {
    const branches = ACTIVE_LIBRARIES.filter((l) => l.parent === parent.id && !isOblast(l));
    for (const to of branches) {
      const rng = Rng.stream('visits', parent.id, to.id);
      // Rural branches far from the district centre go unvisited some years.
      if (!rng.chance(to.type === 'rural_branch' ? 0.6 : 0.8)) continue;
      for (let i = rng.int(1, 3); i > 0; i--)
        visit(rng, parent, to, [
          ['help', 6],
          ['study', 3],
          ['event', 1],
        ]);
    }
  }
  out.sort((a, b) => a.date - b.date || a.lib.localeCompare(b.lib) || a.visited.localeCompare(b.visited));
  out.forEach((v, i) => (v.id = `VS-${String(i + 1).padStart(4, '0')}`));
  return out;
}

type Kind = EnumKey<'publication_kind'>;
const PUBLICATIONS: readonly (readonly [string, Kind, Texts])[] = [
  [
    'KRG_OUNB',
    'methodological_guide',
    tx(
      'Кітапхананың жылдық жоспарын құру: әдістемелік ұсыныстар',
      'Составление годового плана библиотеки: методические рекомендации',
      "Drawing up a library's annual plan: guidance",
    ),
  ],
  [
    'KRG_OUNB',
    'methodological_guide',
    tx(
      'Абай – 180: мерейтойлық іс-шараларды өткізу бойынша ұсыныстар',
      'Абай – 180: рекомендации по проведению юбилейных мероприятий',
      'Abai 180: guidance for the anniversary events',
    ),
  ],
  [
    'KRG_OUNB',
    'bibliographic_index',
    tx(
      'Қарағанды облысының әдебиеті: библиографиялық көрсеткіш',
      'Литература Карагандинской области: библиографический указатель',
      'Literature of Karaganda oblast: a bibliographic index',
    ),
  ],
  [
    'KRG_OUNB',
    'bibliographic_index',
    tx(
      'Жеңістің 80 жылдығы: ұсынымдық көрсеткіш',
      '80 лет Победы: рекомендательный указатель',
      '80 years of the Victory: a reading list',
    ),
  ],
  [
    'KRG_OUNB',
    'digest',
    tx(
      'Облыс кітапханаларының ақпараттық бюллетені',
      'Информационный бюллетень библиотек области',
      "The oblast libraries' newsletter",
    ),
  ],
  [
    'KRG_OUNB',
    'online_resource',
    tx(
      '«Сарыарқа жазушылары» электрондық ресурсы',
      'Электронный ресурс «Писатели Сарыарки»',
      'Online resource: writers of Saryarka',
    ),
  ],
  [
    'KRG_ODB',
    'scenario',
    tx(
      'Балалар кітапханаларына арналған іс-шаралар сценарийлері',
      'Сценарии мероприятий для детских библиотек',
      "Event scenarios for children's libraries",
    ),
  ],
  [
    'KRG_ODB',
    'methodological_guide',
    tx('Жазғы оқуды ұйымдастыру', 'Организация летнего чтения', 'Organising summer reading'),
  ],
  ['KRG_ODB', 'booklet', tx('Отбасылық оқуға кеңес', 'Советуем почитать всей семьёй', 'Books to read as a family')],
  [
    'KRG_OSB',
    'methodological_guide',
    tx('Зағип оқырмандарға қызмет көрсету', 'Обслуживание незрячих читателей', 'Serving blind readers'),
  ],
  ['KRG_OSB', 'booklet', tx('Абай өлеңдері', 'Стихи Абая', "Abai's poems")],
  ['KRG_OSB', 'digest', tx('Тифлоақпарат', 'Тифлоинформ', 'Tiflo news')],
  ['KRG_OSB', 'other', tx('Қазақ ертегілері', 'Казахские сказки', 'Kazakh fairy tales')],
];

/** The special library publishes for blind readers; the others in print and online. */
function publicationFormat(rng: Rng, lib: string, kind: Kind): EnumKey<'publication_format'> {
  if (lib === 'KRG_OSB')
    return rng.weighted([
      ['braille', 4],
      ['large_print', 3],
      ['audio', 2],
    ]);
  if (kind === 'online_resource') return 'electronic';
  return rng.weighted([
    ['print', 5],
    ['electronic', 4],
    ['large_print', 1],
  ]);
}

export function samplePublications(): readonly SamplePublication[] {
  const out: SamplePublication[] = PUBLICATIONS.map(([lib, kind, title]) => {
    const rng = Rng.stream('publications', lib, title.en);
    const format = publicationFormat(rng, lib, kind);
    return {
      id: '',
      lib,
      date: workingDay(rng),
      title,
      kind,
      format,
      language: rng.weighted([
        ['kk', 4],
        ['ru', 3],
        ['kk_ru', 3],
      ]),
      pages: kind === 'booklet' ? rng.int(2, 8) : rng.int(16, 120),
      copies:
        format === 'electronic' || format === 'audio' ? null : format === 'braille' ? rng.int(3, 12) : rng.int(20, 150),
    };
  });
  // The central libraries' methodologists now and then issue a guide or a leaflet of their own.
  for (const lib of ACTIVE_LIBRARIES.filter((l) => l.type === 'central_district' || l.type === 'central_city')) {
    const rng = Rng.stream('publications', lib.id);
    if (!rng.chance(0.4)) continue;
    const kind: Kind = rng.chance(0.5) ? 'booklet' : 'methodological_guide';
    out.push({
      id: '',
      lib: lib.id,
      date: workingDay(rng),
      title:
        kind === 'booklet'
          ? tx('Кітапхана оқырмандарға', 'Библиотека – читателям', 'The library for its readers')
          : tx(
              'Ауыл кітапханасының жұмысын ұйымдастыру',
              'Организация работы сельской библиотеки',
              'Running a village library',
            ),
      kind,
      format: 'print',
      language: rng.chance(0.5) ? 'kk' : 'kk_ru',
      pages: rng.int(4, 24),
      copies: rng.int(10, 40),
    });
  }
  out.sort((a, b) => a.date - b.date || a.lib.localeCompare(b.lib));
  out.forEach((p, i) => (p.id = `PB-${String(i + 1).padStart(4, '0')}`));
  return out;
}

const NAB = tx(
  'ҚР Ұлттық академиялық кітапханасы',
  'Национальная академическая библиотека РК',
  'National Academic Library of the RK',
);
const CULTURE = tx(
  'Қарағанды облысының мәдениет, архивтер және құжаттама басқармасы',
  'Управление культуры, архивов и документации Карагандинской области',
  'Karaganda Oblast Department of Culture, Archives and Documentation',
);
const ASTANA = tx('Астана', 'Астана', 'Astana');
const KARAGANDA = tx('Қарағанды', 'Караганда', 'Karaganda');

export function sampleParticipation(): readonly SampleParticipation[] {
  const p = (
    lib: string,
    m: number,
    d: number,
    title: Texts,
    organizer: Texts,
    level: EnumKey<'event_level'>,
    role: EnumKey<'participation_role'>,
    persons: number,
    format: EnumKey<'event_format'>,
    place: Texts | null,
  ): SampleParticipation => ({ lib, date: utc(m, d), title, organizer, level, role, persons, format, place });
  const out: SampleParticipation[] = [
    p(
      'KRG_OUNB',
      3,
      18,
      tx(
        'Республикалық әдіскерлер семинары',
        'Республиканский семинар методистов',
        'Republican seminar of methodologists',
      ),
      NAB,
      'republican',
      'speaker',
      2,
      'online',
      null,
    ),
    p(
      'KRG_OUNB',
      4,
      23,
      tx(
        'Астана халықаралық кітап жәрмеңкесі',
        'Международная книжная ярмарка в Астане',
        'Astana International Book Fair',
      ),
      NAB,
      'international',
      'exhibitor',
      3,
      'onsite',
      ASTANA,
    ),
    p(
      'KRG_OUNB',
      6,
      10,
      tx(
        '«Кітапхана және қоғам» халықаралық конференциясы',
        'Международная конференция «Библиотека и общество»',
        'International conference "Library and society"',
      ),
      tx('Ресей мемлекеттік кітапханасы', 'Российская государственная библиотека', 'Russian State Library'),
      'international',
      'speaker',
      1,
      'online',
      null,
    ),
    p(
      'KRG_OUNB',
      9,
      26,
      tx(
        'Библиография күні: республикалық онлайн-семинар',
        'День библиографа: республиканский онлайн-семинар',
        "Bibliographer's day: a republican online seminar",
      ),
      NAB,
      'republican',
      'attendee',
      4,
      'online',
      null,
    ),
    p(
      'KRG_OUNB',
      11,
      14,
      tx(
        '«Үздік кітапхана сайты» республикалық байқауы',
        'Республиканский конкурс «Лучший сайт библиотеки»',
        'Republican contest "Best library website"',
      ),
      NAB,
      'republican',
      'winner',
      2,
      'online',
      null,
    ),
    p(
      'KRG_ODB',
      5,
      15,
      tx(
        'Балалар кітапханаларының республикалық форумы',
        'Республиканский форум детских библиотек',
        "Republican forum of children's libraries",
      ),
      tx('Республикалық балалар кітапханасы', 'Республиканская детская библиотека', "Republican Children's Library"),
      'republican',
      'speaker',
      2,
      'onsite',
      ASTANA,
    ),
    p(
      'KRG_ODB',
      10,
      8,
      tx('«Оқитын мектеп» облыстық байқауы', 'Областной конкурс «Читающая школа»', 'Oblast contest "A reading school"'),
      CULTURE,
      'oblast',
      'jury',
      1,
      'onsite',
      KARAGANDA,
    ),
    p(
      'KRG_OSB',
      10,
      15,
      tx(
        'Ақ таяқ халықаралық күні: форум',
        'Международный день белой трости: форум',
        'International White Cane Day forum',
      ),
      tx('Қазақ зағиптар қоғамы', 'Казахское общество слепых', 'Kazakh Society of the Blind'),
      'international',
      'attendee',
      2,
      'hybrid',
      ASTANA,
    ),
  ];
  // The central libraries at the oblast's contests and forums.
  for (const lib of ACTIVE_LIBRARIES.filter((l) => l.type === 'central_district' || l.type === 'central_city')) {
    const rng = Rng.stream('participation', lib.id);
    if (!rng.chance(0.6)) continue;
    out.push(
      p(
        lib.id,
        rng.int(3, 11),
        rng.int(1, 28),
        tx(
          '«Үздік ауыл кітапханашысы» облыстық байқауы',
          'Областной конкурс «Лучший сельский библиотекарь»',
          'Oblast contest "Best village librarian"',
        ),
        CULTURE,
        'oblast',
        rng.weighted([
          ['attendee', 6],
          ['winner', 2],
        ]),
        rng.int(1, 2),
        'onsite',
        KARAGANDA,
      ),
    );
  }
  return out.sort((a, b) => a.date - b.date || a.lib.localeCompare(b.lib));
}

export function sampleStudies(): readonly SampleStudy[] {
  const s = (
    lib: string,
    m1: number,
    m2: number | null,
    title: Texts,
    kind: EnumKey<'study_kind'>,
    libraries: number | null,
    respondents: number | null,
  ): SampleStudy => ({
    id: '',
    lib,
    start: utc(m1, 3),
    end: m2 === null ? null : addDays(utc(m2, 1), -1),
    title,
    kind,
    libraries,
    respondents,
  });
  const out = [
    s(
      'KRG_OUNB',
      2,
      5,
      tx(
        'Облыс тұрғындарының өміріндегі кітап пен оқу',
        'Книга и чтение в жизни жителей области',
        'Books and reading in the lives of the oblast',
      ),
      'survey',
      24,
      1240,
    ),
    s(
      'KRG_OUNB',
      9,
      12,
      tx(
        'Ауыл кітапханаларының материалдық-техникалық жағдайы',
        'Материально-техническое состояние сельских библиотек',
        'The equipment of village libraries',
      ),
      'monitoring',
      TERRITORIES.length * 3,
      null,
    ),
    s(
      'KRG_ODB',
      3,
      5,
      tx('Жасөспірімдер не оқиды?', 'Что читают подростки?', 'What do teenagers read?'),
      'survey',
      9,
      480,
    ),
    s(
      'KRG_OSB',
      10,
      12,
      tx(
        'Зағип оқырмандардың ақпараттық қажеттіліктері',
        'Информационные потребности незрячих читателей',
        'The information needs of blind readers',
      ),
      'survey',
      1,
      85,
    ),
    s(
      'KRG_OUNB',
      11,
      null,
      tx(
        '2025 жылғы кітапхана қызметінің негізгі көрсеткіштеріне талдау',
        'Анализ основных показателей работы библиотек за 2025 год',
        "An analysis of the libraries' main figures for 2025",
      ),
      'analysis',
      null,
      null,
    ),
  ];
  out.forEach((x, i) => (x.id = `ST-${String(i + 1).padStart(4, '0')}`));
  return out;
}
