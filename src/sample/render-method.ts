import type { PlanValue } from '../core/plan';
import type { ContentRow, WorkbookContent } from '../core/layout/content';
import type { Language } from '../standard';
import {
  sampleParticipation,
  samplePublications,
  sampleStudies,
  sampleVisits,
  type SampleParticipation,
  type SamplePublication,
  type SampleStudy,
  type SampleVisit,
} from './method';
import { enumLabel } from './text';

/** The registers of methodological work as cell values in one language (see render.ts). */
const date = (ms: number): PlanValue => ({ date: ms });

export interface MethodRows {
  readonly visits: readonly SampleVisit[];
  readonly publications: readonly SamplePublication[];
  readonly participation: readonly SampleParticipation[];
  readonly studies: readonly SampleStudy[];
}

export const sampleMethodRows = (): MethodRows => ({
  visits: sampleVisits(),
  publications: samplePublications(),
  participation: sampleParticipation(),
  studies: sampleStudies(),
});

export function methodRegisters(
  lang: Language,
  rows: MethodRows = sampleMethodRows(),
): Required<Pick<WorkbookContent, 'visits' | 'publications' | 'participation' | 'studies'>> {
  return {
    visits: rows.visits.map((v): ContentRow => ({
      visit_id: v.id,
      lib_id: v.lib,
      date: date(v.date),
      visited_lib_id: v.visited,
      purpose: enumLabel(lang, 'visit_purpose', v.purpose),
      persons: v.persons,
      findings: v.findings?.[lang] ?? null,
      note: null,
    })),
    publications: rows.publications.map((p): ContentRow => ({
      pub_id: p.id,
      lib_id: p.lib,
      date: date(p.date),
      title: p.title[lang],
      kind: enumLabel(lang, 'publication_kind', p.kind),
      format: enumLabel(lang, 'publication_format', p.format),
      language: enumLabel(lang, 'event_language', p.language),
      pages: p.pages,
      copies: p.copies,
      link: null,
      note: null,
    })),
    participation: rows.participation.map((p): ContentRow => ({
      lib_id: p.lib,
      date: date(p.date),
      title: p.title[lang],
      organizer: p.organizer[lang],
      level: enumLabel(lang, 'event_level', p.level),
      role: enumLabel(lang, 'participation_role', p.role),
      persons: p.persons,
      format: enumLabel(lang, 'event_format', p.format),
      place: p.place?.[lang] ?? null,
      link: null,
      note: null,
    })),
    studies: rows.studies.map((s): ContentRow => ({
      study_id: s.id,
      lib_id: s.lib,
      date_start: date(s.start),
      date_end: s.end === null ? null : date(s.end),
      title: s.title[lang],
      kind: enumLabel(lang, 'study_kind', s.kind),
      libraries: s.libraries,
      respondents: s.respondents,
      link: null,
      note: null,
    })),
  };
}
