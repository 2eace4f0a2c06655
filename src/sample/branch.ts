import type { WorkbookContent } from '../core/layout/content';
import type { Language } from '../standard';
import { sampleEvents } from './events';
import { library } from './libraries';
import { eventRow, libraryRow, reportSheet, territoryRow, trainingRow } from './render';
import { methodRegisters, sampleMethodRows } from './render-method';
import { sampleReports, type Line, type ReportValues } from './reports';
import { LATE_BRANCH } from './late';
import { territory } from './territories';
import { YEAR } from './text';
import { sampleTraining } from './training';

/**
 * The late branch's own workbook (level `cbs`): its territory, itself, its
 * whole year's report and its rows of every register. Against the oblast
 * sample it has duplicates (the rows of Q1–Q3, already sent), rows to append
 * and blank cells to fill (Q4), and one conflict: the branch recounted its
 * loans of the third quarter after it had reported them.
 */
export const BRANCH_CORRECTION = { code: 'L01', column: 'q3', by: 24 } as const;

export const branchFileName = (): string => `${LATE_BRANCH.toLowerCase()}-${YEAR}.xlsx`;

function corrected(lines: ReportValues | undefined): ReportValues | undefined {
  const line = lines?.[BRANCH_CORRECTION.code];
  if (!lines || !line) return lines;
  const q: Line['q'] = [line.q[0], line.q[1], line.q[2] + BRANCH_CORRECTION.by, line.q[3]];
  return { ...lines, [BRANCH_CORRECTION.code]: { ...line, q } };
}

export function branchSample(lang: Language): WorkbookContent {
  const lib = library(LATE_BRANCH);
  const t = territory(lib.terr);
  const own = <T extends { readonly lib: string }>(rows: readonly T[]): T[] => rows.filter((r) => r.lib === lib.id);
  const method = sampleMethodRows();
  return {
    settings: { level: 'cbs', region: t.name[lang], year: YEAR, language: lang },
    territories: [territoryRow(t, lang)],
    // Its parent library keeps a workbook of its own: the branch's registry names only itself.
    libraries: [{ ...libraryRow(lib, lang), parent_id: null }],
    submissions: [],
    events: own(sampleEvents()).map((e) => eventRow(e, lang)),
    // A course at another library's event is named, not linked: that event is not in the branch's register.
    training: own(sampleTraining()).map((x) => ({
      ...trainingRow(x, lang),
      event_id: x.event?.lib === lib.id ? x.event.id : null,
    })),
    ...methodRegisters(lang, {
      visits: own(method.visits),
      publications: own(method.publications),
      participation: own(method.participation),
      studies: own(method.studies),
    }),
    reports: [reportSheet(lib, corrected(sampleReports().get(lib.id)), lang)],
  };
}
