import type { Language } from '../../src/standard';
import type { WorkbookContent } from '../../src/core/layout/content';
import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import { consolidationJson } from '../../src/core/json';
import { buildNote, noteCounts, registryNames, type ConsolidationJson, type Note } from '../../src/core/note';
import { renderNote, type RenderedNote } from '../../src/core/note';
import { translator } from '../../src/i18n';

export interface Noted {
  note: Note;
  json: ConsolidationJson;
  source: unknown;
  rendered: RenderedNote;
}

/** A workbook's content consolidated and written up as a note, in one language. */
export function noteOf(content: WorkbookContent, lang: Language, history: ConsolidationJson[] = []): Noted {
  const v = validate(planSnapshot(templatePlan(content)));
  const t = translator(lang);
  const json = consolidationJson(consolidate(v), t);
  const counts = noteCounts(
    json,
    v.workbook,
    history.find((h) => h.year === (json.year ?? 0) - 1),
  );
  const note = buildNote({ current: { json, note: counts }, history });
  const rendered = renderNote(note, t, registryNames([v.workbook], lang), {
    version: '0.0.0',
    at: Date.UTC(2026, 0, 15),
  });
  return { note, json, source: { ...json, note: counts }, rendered };
}

export function jsonOf(content: WorkbookContent, lang: Language = 'en'): ConsolidationJson {
  return consolidationJson(consolidate(validate(planSnapshot(templatePlan(content)))), translator(lang));
}

export function textOf(r: RenderedNote): string {
  return r.sections
    .flatMap((s) => [s.heading, ...s.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))])
    .join('\n');
}
