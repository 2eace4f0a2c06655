/**
 * The 13 territories of Karaganda oblast after the 2022 split (Ulytau and
 * Abai oblasts took Zhezkazgan, Satpayev, Karazhal and the western and eastern
 * districts). Populations are rounded 2024 estimates.
 */
import { tx, type Texts } from './text';

export interface Territory {
  readonly code: string;
  readonly kind: 'city' | 'district';
  /** As the Territories register names it. */
  readonly name: Texts;
  /** As a library's name refers to it: "Абай ауданының", "Абайского района", "Abai District". */
  readonly of: Texts;
  readonly population: number;
  /** Share of Russian among events and loans: higher in the industrial cities. */
  readonly russian: number;
}

const city = (code: string, name: Texts, ofRu: string, population: number, russian: number): Territory => ({
  code,
  kind: 'city',
  name: tx(`${name.kk} қ.`, `г. ${name.ru}`, name.en),
  of: tx(`${name.kk} қаласының`, `г. ${ofRu}`, name.en),
  population,
  russian,
});

const district = (
  code: string,
  kk: string,
  ru: string,
  ofRu: string,
  en: string,
  population: number,
  russian: number,
): Territory => ({
  code,
  kind: 'district',
  name: tx(`${kk} ауданы`, ru, `${en} District`),
  of: tx(`${kk} ауданының`, ofRu, `${en} District`),
  population,
  russian,
});

export const TERRITORIES: readonly Territory[] = [
  city('KRG', tx('Қарағанды', 'Караганда', 'Karaganda'), 'Караганды', 501_400, 0.45),
  city('TMR', tx('Теміртау', 'Темиртау', 'Temirtau'), 'Темиртау', 181_600, 0.6),
  city('BLH', tx('Балқаш', 'Балхаш', 'Balkhash'), 'Балхаша', 69_800, 0.35),
  city('SHH', tx('Шахтинск', 'Шахтинск', 'Shakhtinsk'), 'Шахтинска', 55_300, 0.6),
  city('SRN', tx('Саран', 'Сарань', 'Saran'), 'Сарани', 49_700, 0.6),
  city('PRZ', tx('Приозерск', 'Приозёрск', 'Priozersk'), 'Приозёрска', 12_300, 0.55),
  district('ABA', 'Абай', 'Абайский район', 'Абайского района', 'Abai', 54_900, 0.45),
  district('AKT', 'Ақтоғай', 'Актогайский район', 'Актогайского района', 'Aktogay', 15_600, 0.1),
  district('BZH', 'Бұқар жырау', 'Бухар-Жырауский район', 'Бухар-Жырауского района', 'Bukhar-Zhyrau', 61_800, 0.4),
  district('KRK', 'Қарқаралы', 'Каркаралинский район', 'Каркаралинского района', 'Karkaraly', 36_200, 0.12),
  district('NUR', 'Нұра', 'Нуринский район', 'Нуринского района', 'Nura', 24_900, 0.3),
  district('OSK', 'Осакаров', 'Осакаровский район', 'Осакаровского района', 'Osakarov', 28_700, 0.5),
  district('SHT', 'Шет', 'Шетский район', 'Шетского района', 'Shet', 19_400, 0.12),
];

export function territory(code: string): Territory {
  const t = TERRITORIES.find((x) => x.code === code);
  if (!t) throw new Error(`unknown territory ${code}`);
  return t;
}
