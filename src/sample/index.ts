/**
 * A realistic workbook of Karaganda oblast for 2025, made the same on every
 * run: 13 territories, their libraries, a year of reports, events and staff
 * training. With `mistakes`, the same workbook with the typical mistakes of
 * `PLANTED_MISTAKES` planted in it, one or more for every check of the
 * standard, to show and test what the checks find.
 */
import type { WorkbookContent } from '../core/layout/content';
import type { Language } from '../standard';
import { plantMistakes, type PlantedMistake } from './mistakes';
import { cleanSample } from './render';

export interface SampleOptions {
  readonly language: Language;
  readonly mistakes: boolean;
}

export function karagandaSample(options: Partial<SampleOptions> = {}): WorkbookContent {
  const clean = cleanSample(options.language ?? 'ru');
  return options.mistakes ? plantMistakes(clean).content : clean;
}

/** What the mistakes variant has wrong, and where: the same in every language. */
export const PLANTED_MISTAKES: readonly PlantedMistake[] = plantMistakes(cleanSample('ru')).planted;

export type { PlantedMistake } from './mistakes';
export type { ReportRowEdit, SampleReportSheet } from './render';
export { REGION } from './render';
