/**
 * The registry of the sample: the three oblast libraries in Karaganda, the
 * central library of each city and district, a few central children's
 * libraries, city branches and rural branches. `users`, `staff` and `events`
 * are the rough size of the library that its report and registers are drawn
 * around.
 */
import type { EnumKey } from '../standard';
import { territory } from './territories';
import { tx, type Texts } from './text';

export type LibraryType = EnumKey<'library_type'>;

export interface Library {
  readonly id: string;
  readonly type: LibraryType;
  readonly terr: string;
  readonly parent: string | null;
  readonly rural: boolean;
  readonly active: boolean;
  readonly name: Texts;
  /** The name people use in a register's "organizer" column. */
  readonly short: Texts;
  /** Registered users in a year. */
  readonly users: number;
  readonly staff: number;
  /** Events held in a year. */
  readonly events: number;
}

interface Size {
  readonly users: number;
  readonly staff: number;
  readonly events: number;
}

const oblast = (id: string, type: LibraryType, name: Texts, short: Texts, size: Size): Library => ({
  id,
  type,
  terr: 'KRG',
  parent: null,
  rural: false,
  active: true,
  name,
  short,
  ...size,
});

function central(terr: string, type: 'central_city' | 'central_district', rural: boolean, size: Size): Library {
  const of = territory(terr).of;
  const name =
    type === 'central_city'
      ? tx(
          `${of.kk} орталық қалалық кітапханасы`,
          `Центральная городская библиотека ${of.ru}`,
          `${of.en} Central City Library`,
        )
      : tx(
          `${of.kk} орталық аудандық кітапханасы`,
          `Центральная районная библиотека ${of.ru}`,
          `${of.en} Central Library`,
        );
  return { id: centralId(terr), type, terr, parent: null, rural, active: true, name, short: name, ...size };
}

/** The central library of a territory: a city's (ЦГБ) or a district's (ЦРБ), which heads its branches. */
function centralId(terr: string): string {
  return `${terr}_${territory(terr).kind === 'city' ? 'CGB' : 'CRB'}`;
}

function children(terr: string, rural: boolean, size: Size): Library {
  const of = territory(terr).of;
  const name = tx(
    `${of.kk} орталық балалар кітапханасы`,
    `Центральная детская библиотека ${of.ru}`,
    `${of.en} Central Children's Library`,
  );
  return {
    id: `${terr}_CDB`,
    type: 'central_children',
    terr,
    parent: centralId(terr),
    rural,
    active: true,
    name,
    short: name,
    ...size,
  };
}

interface Place {
  readonly kk: string;
  readonly ru: string;
  readonly en: string;
  /** A village (ауыл, село) rather than a settlement (кент, посёлок). */
  readonly village: boolean;
}

const village = (kk: string, ru: string, en: string): Place => ({ kk, ru, en, village: true });
const settlement = (kk: string, ru: string, en: string): Place => ({ kk, ru, en, village: false });

/** A branch named by its number in a city, or by the village or settlement it serves. */
function branch(id: string, where: number | Place, rural: boolean, size: Size, active = true): Library {
  const terr = id.slice(0, 3);
  const t = territory(terr);
  const name =
    typeof where === 'number'
      ? tx(
          `${t.of.kk} № ${where} кітапхана-филиалы`,
          `Библиотека-филиал № ${where} ${t.of.ru}`,
          `${t.of.en} Branch Library No. ${where}`,
        )
      : tx(
          `${where.kk} ${where.village ? 'ауылының' : 'кентінің'} кітапхана-филиалы`,
          `Библиотека-филиал ${where.village ? 'с.' : 'пос.'} ${where.ru}`,
          `${where.en} Branch Library`,
        );
  return {
    id,
    type: rural ? 'rural_branch' : 'city_branch',
    terr,
    parent: centralId(terr),
    rural,
    active,
    name,
    short: name,
    ...size,
  };
}

const size = (users: number, staff: number, events: number): Size => ({ users, staff, events });

export const LIBRARIES: readonly Library[] = [
  oblast(
    'KRG_OUNB',
    'oblast_universal',
    tx(
      'Н. В. Гоголь атындағы Қарағанды облыстық әмбебап ғылыми кітапханасы',
      'Карагандинская областная универсальная научная библиотека им. Н. В. Гоголя',
      'N. V. Gogol Karaganda Oblast Universal Scientific Library',
    ),
    tx('Н. В. Гоголь атындағы ОӘҒК', 'ОУНБ им. Н. В. Гоголя', 'N. V. Gogol Oblast Library'),
    size(15_000, 112, 130),
  ),
  oblast(
    'KRG_ODB',
    'oblast_children',
    tx(
      'Абай атындағы Қарағанды облыстық балалар кітапханасы',
      'Карагандинская областная детская библиотека им. Абая',
      "Abai Karaganda Oblast Children's Library",
    ),
    tx('Абай атындағы ОБК', 'ОДБ им. Абая', "Abai Oblast Children's Library"),
    size(9_200, 56, 115),
  ),
  oblast(
    'KRG_OSB',
    'oblast_special',
    tx(
      'Қарағанды облыстық зағип және нашар көретін азаматтарға арналған арнаулы кітапхана',
      'Карагандинская областная специальная библиотека для незрячих и слабовидящих граждан',
      'Karaganda Oblast Special Library for the Blind and Visually Impaired',
    ),
    tx('Облыстық арнаулы кітапхана', 'Областная специальная библиотека', 'Oblast Special Library'),
    size(2_200, 26, 70),
  ),
  central('KRG', 'central_city', false, size(9_000, 42, 90)),
  children('KRG', false, size(6_000, 18, 65)),
  branch('KRG_B01', 1, false, size(2_600, 6, 32)),
  branch('KRG_B03', 3, false, size(2_200, 5, 30)),
  branch('KRG_B07', 7, false, size(1_900, 5, 28)),
  // Closed for repairs since autumn 2024: in the registry, not expected to report.
  branch('KRG_B12', 12, false, size(1_500, 4, 0), false),
  central('TMR', 'central_city', false, size(6_400, 30, 75)),
  children('TMR', false, size(4_500, 14, 55)),
  branch('TMR_B02', 2, false, size(2_000, 5, 28)),
  branch('TMR_B05', 5, false, size(1_700, 4, 30)),
  central('BLH', 'central_city', false, size(4_200, 21, 60)),
  children('BLH', false, size(3_200, 11, 45)),
  branch('BLH_B03', 3, false, size(1_500, 4, 26)),
  central('SHH', 'central_city', false, size(3_200, 16, 50)),
  branch('SHH_B01', settlement('Шахан', 'Шахан', 'Shakhan'), false, size(1_300, 4, 26)),
  central('SRN', 'central_city', false, size(3_000, 14, 50)),
  branch('SRN_B01', settlement('Ақтас', 'Актас', 'Aktas'), false, size(1_100, 3, 24)),
  central('PRZ', 'central_city', false, size(1_600, 9, 35)),
  central('ABA', 'central_district', false, size(3_800, 20, 60)),
  branch('ABA_B01', settlement('Топар', 'Топар', 'Topar'), true, size(750, 3, 24)),
  branch('ABA_B03', village('Дубовка', 'Дубовка', 'Dubovka'), true, size(520, 2, 22)),
  central('AKT', 'central_district', true, size(2_400, 14, 45)),
  branch('AKT_B01', village('Сарышаған', 'Сарышаган', 'Saryshagan'), true, size(560, 2, 20)),
  central('BZH', 'central_district', true, size(4_200, 22, 65)),
  branch('BZH_B01', settlement('Ғабиден Мұстафин', 'Габидена Мустафина', 'Gabiden Mustafin'), true, size(680, 3, 24)),
  branch('BZH_B02', village('Ростовка', 'Ростовка', 'Rostovka'), true, size(430, 2, 18)),
  central('KRK', 'central_district', false, size(3_300, 19, 55)),
  branch('KRK_B01', village('Егіндібұлақ', 'Егиндыбулак', 'Yegindybulak'), true, size(610, 2, 22)),
  branch('KRK_B02', village('Қаршығалы', 'Каршигалы', 'Karshygaly'), true, size(400, 2, 18)),
  central('NUR', 'central_district', true, size(2_700, 16, 50)),
  branch('NUR_B01', village('Балықтыкөл', 'Балыктыколь', 'Balyktykol'), true, size(450, 2, 18)),
  central('OSK', 'central_district', true, size(3_000, 17, 55)),
  children('OSK', true, size(1_800, 6, 38)),
  branch('OSK_B01', settlement('Молодежный', 'Молодёжный', 'Molodezhny'), true, size(720, 3, 24)),
  branch('OSK_B02', village('Батпақ', 'Батпак', 'Batpak'), true, size(380, 2, 16)),
  central('SHT', 'central_district', true, size(2_500, 15, 48)),
  branch('SHT_B01', settlement('Ағадыр', 'Агадырь', 'Agadyr'), true, size(640, 3, 22)),
  // Without a librarian since the end of 2024: inactive until a post is filled.
  branch('SHT_B02', village('Мойынты', 'Мойынты', 'Moiynty'), true, size(350, 2, 0), false),
];

export const ACTIVE_LIBRARIES: readonly Library[] = LIBRARIES.filter((l) => l.active);

export function library(id: string): Library {
  const l = LIBRARIES.find((x) => x.id === id);
  if (!l) throw new Error(`unknown library ${id}`);
  return l;
}

export const isOblast = (l: Library): boolean => l.type.startsWith('oblast_');
export const isChildren = (l: Library): boolean => l.type === 'oblast_children' || l.type === 'central_children';
