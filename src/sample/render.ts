import type { PlanValue } from '../core/plan';
import type { ContentRow, ReportInput, ReportSheet, WorkbookContent } from '../core/layout/content';
import { INDICATORS, type Language } from '../standard';
import { eventTitle, sampleEvents, type SampleEvent } from './events';
import { ACTIVE_LIBRARIES, LIBRARIES, type Library } from './libraries';
import { methodRegisters } from './render-method';
import { sampleReports, type Line, type ReportValues } from './reports';
import { TERRITORIES, type Territory } from './territories';
import { enumLabel, tx, YEAR, yesNo, type Texts } from './text';
import { sampleTraining, trainingOrganizer, trainingTitle, type SampleTraining } from './training';
import { personIn, submissionRows, withChecksums } from './submissions';
import { LATE_BRANCH, withheld } from './late';

/**
 * The clean sample as cell values in one language: enumerations as their
 * labels, dates as dates, names and titles in the workbook's language (and,
 * as in real registers, some event titles in the language the event was held
 * in). Personal names are Cyrillic in kk and ru workbooks and transliterated
 * in English ones.
 */
export const REGION: Texts = tx('Қарағанды облысы', 'Карагандинская область', 'Karaganda oblast');

/** A report sheet as the sample writes it; `rowEdits` are edits of the software's own cells (rule S1). */
export interface ReportRowEdit {
  readonly code?: string;
  readonly indicator?: string;
}
export interface SampleReportSheet extends ReportSheet {
  /**
   * Edits of the code or label of an indicator row, by indicator code. Only
   * the mistakes variant has them; the writer must apply them for rule S1 to
   * fire (see `content.ts`).
   */
  readonly rowEdits?: Readonly<Record<string, ReportRowEdit>>;
}

const date = (ms: number): PlanValue => ({ date: ms });

export function territoryRow(t: Territory, lang: Language): ContentRow {
  return {
    terr_code: t.code,
    name_kk: t.name.kk,
    name_ru: t.name.ru,
    kind: enumLabel(lang, 'territory_kind', t.kind),
    population: t.population,
  };
}

export function libraryRow(l: Library, lang: Language): ContentRow {
  return {
    lib_id: l.id,
    name_kk: l.name.kk,
    name_ru: l.name.ru,
    type: enumLabel(lang, 'library_type', l.type),
    terr_code: l.terr,
    parent_id: l.parent,
    rural: yesNo(lang, l.rural),
    active: yesNo(lang, l.active),
  };
}

export function eventRow(e: SampleEvent, lang: Language): ContentRow {
  return {
    event_id: e.id,
    lib_id: e.lib,
    date_start: date(e.start),
    date_end: e.end === null ? null : date(e.end),
    title: eventTitle(e, lang),
    form: enumLabel(lang, 'event_form', e.template.form),
    format: enumLabel(lang, 'event_format', e.format),
    platform: e.platform,
    language: enumLabel(lang, 'event_language', e.language),
    audience: enumLabel(lang, 'audience', e.audience),
    level: enumLabel(lang, 'event_level', e.level),
    participants: e.participants,
    children: e.children,
    disabled: e.disabled,
    pd: yesNo(lang, e.pd),
    hours: e.hours,
    certificates: e.certificates,
    partners: e.partners?.[lang] ?? null,
    link: e.link,
    note: null,
    speakers: e.speakers,
    territories: e.territories?.join(', ') ?? null,
  };
}

export function trainingRow(t: SampleTraining, lang: Language): ContentRow {
  return {
    lib_id: t.lib,
    person: t.person === null ? null : personIn(t.person, lang),
    persons: t.persons,
    position: t.position?.[lang] ?? null,
    date: date(t.date),
    title: trainingTitle(t, lang),
    organizer: trainingOrganizer(t, lang),
    event_id: t.event?.id ?? null,
    format: enumLabel(lang, 'event_format', t.format),
    hours: t.hours,
    certificate: yesNo(lang, t.certificate),
  };
}

export function reportInput(line: Line): ReportInput {
  const [q1, q2, q3, q4] = line.q;
  return { plan: line.plan, q1, q2, q3, q4, prior_year: line.prior };
}

/** A library's report sheet from its lines; `q4` false leaves the fourth quarter blank (not yet reported). */
export function reportSheet(l: Library, lines: ReportValues | undefined, lang: Language, q4 = true): SampleReportSheet {
  const values: Record<string, ReportInput> = {};
  for (const ind of INDICATORS) {
    const line = lines?.[ind.code];
    if (line) values[ind.code] = q4 ? reportInput(line) : { ...reportInput(line), q4: null };
  }
  return { libId: l.id, name: l.name[lang], values };
}

function reportSheets(lang: Language): SampleReportSheet[] {
  const reports = sampleReports();
  return ACTIVE_LIBRARIES.map((l) => reportSheet(l, reports.get(l.id), lang, l.id !== LATE_BRANCH));
}

export function cleanSample(lang: Language): WorkbookContent {
  return withChecksums({
    settings: { level: 'oblast', region: REGION[lang], year: YEAR, language: lang },
    territories: TERRITORIES.map((t) => territoryRow(t, lang)),
    libraries: LIBRARIES.map((l) => libraryRow(l, lang)),
    // The late branch's report is a draft until its fourth quarter comes in.
    submissions: submissionRows(lang).filter((r) => r.lib_id !== LATE_BRANCH),
    events: sampleEvents()
      .filter((e) => !withheld(e.lib, e.start))
      .map((e) => eventRow(e, lang)),
    training: sampleTraining()
      .filter((t) => !withheld(t.lib, t.date))
      .map((t) => trainingRow(t, lang)),
    ...methodRegisters(lang),
    reports: reportSheets(lang),
  });
}
