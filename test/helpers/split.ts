import type { ContentRow, WorkbookContent } from '../../src/core/layout/content';

/** Splitting a workbook's content by territory, as the tests of consolidating several workbooks together do. */
/**
 * The sample with its references kept inside each territory's group, so that
 * any split by territory leaves each part a valid workbook: an oblast
 * library's visit to a district becomes the district's own central library's,
 * a pd event names only territories of its group, a training row cites only
 * an event of its group. The whole stays a valid workbook too.
 */
export function splittable(content: WorkbookContent, group: (terr: string) => number): WorkbookContent {
  const terrOf = new Map(content.libraries.map((l) => [String(l.lib_id), String(l.terr_code)]));
  const groupOfLib = (id: unknown) => group(terrOf.get(String(id)) ?? '');
  const libsOf = (terr: string) => content.libraries.filter((l) => l.terr_code === terr).map((l) => String(l.lib_id));
  const visits = (content.visits ?? []).flatMap((v): ContentRow[] => {
    const to = String(v.visited_lib_id);
    const terr = terrOf.get(to) ?? '';
    if (group(terr) === groupOfLib(v.lib_id)) return [v];
    const from = libsOf(terr).find((id) => id !== to);
    return from ? [{ ...v, lib_id: from }] : [];
  });
  const eventGroup = new Map(content.events.map((e) => [String(e.event_id), groupOfLib(e.lib_id)]));
  const events = content.events.map((e) => {
    if (typeof e.territories !== 'string') return e;
    const own = groupOfLib(e.lib_id);
    const kept = e.territories.split(/[,;\s]+/).filter((c) => c && group(c) === own);
    return { ...e, territories: kept.length > 0 ? kept.join(', ') : null };
  });
  const training = content.training.map((r) =>
    r.event_id && eventGroup.get(String(r.event_id)) !== groupOfLib(r.lib_id) ? { ...r, event_id: null } : r,
  );
  return { ...content, visits, events, training };
}

/** The part of a workbook of the territories in group `g`: registry, reports and register rows. */
export function part(
  content: WorkbookContent,
  group: (terr: string) => number,
  g: number,
  region: string,
): WorkbookContent {
  const terrOf = new Map(content.libraries.map((l) => [String(l.lib_id), String(l.terr_code)]));
  const mine = (row: ContentRow) => group(terrOf.get(String(row.lib_id)) ?? '') === g;
  return {
    ...content,
    settings: { ...content.settings, region },
    territories: content.territories.filter((r) => group(String(r.terr_code)) === g),
    libraries: content.libraries.filter(mine),
    submissions: content.submissions.filter(mine),
    events: content.events.filter(mine),
    training: content.training.filter(mine),
    visits: (content.visits ?? []).filter(mine),
    publications: (content.publications ?? []).filter(mine),
    participation: (content.participation ?? []).filter(mine),
    studies: (content.studies ?? []).filter(mine),
    reports: content.reports.filter((r) => group(terrOf.get(r.libId) ?? '') === g),
  };
}
