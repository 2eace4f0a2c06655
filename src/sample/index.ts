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
import { lastYearSample } from './last-year';
import { branchSample } from './branch';

export interface SampleOptions {
  readonly language: Language;
  readonly mistakes: boolean;
}

export function karagandaSample(options: Partial<SampleOptions> = {}): WorkbookContent {
  const clean = cleanSample(options.language ?? 'ru');
  return options.mistakes ? plantMistakes(clean).content : clean;
}

/**
 * The sample workbooks `kitaphana sample` writes: the oblast's 2025 workbook,
 * clean and with mistakes, the oblast's workbook of the year before, the
 * late rural branch's own workbook of 2025, and the clean 2025 workbook in
 * Kazakh whatever the language asked for (the playground's Kazakh sample).
 */
export type SampleKind = 'clean' | 'mistakes' | 'lastYear' | 'branch' | 'kazakh';

export function sampleContent(kind: SampleKind, language: Language): WorkbookContent {
  switch (kind) {
    case 'kazakh':
      return karagandaSample({ language: 'kk' });
    case 'lastYear':
      return lastYearSample(language);
    case 'branch':
      return branchSample(language);
    default:
      return karagandaSample({ language, mistakes: kind === 'mistakes' });
  }
}

/** What the mistakes variant has wrong, and where: the same in every language. */
export const PLANTED_MISTAKES: readonly PlantedMistake[] = plantMistakes(cleanSample('ru')).planted;

export type { PlantedMistake } from './mistakes';
export type { ReportRowEdit, SampleReportSheet } from './render';
export { REGION } from './render';
export { LAST_YEAR, NEW_IN_YEAR } from './last-year';
export { BRANCH_CORRECTION, branchFileName } from './branch';
export { LATE_BRANCH } from './late';
