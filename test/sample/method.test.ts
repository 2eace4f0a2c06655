import { karagandaSample, PLANTED_MISTAKES } from '../../src/sample';
import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import { consolidationJson } from '../../src/core/json';
import { translator } from '../../src/i18n';

/**
 * The sample's methodological work (version 2) is what a department records:
 * visits that leave some branches unvisited, publications in Braille and
 * large print, participation at every level with talks and an award, a few
 * studies, professional development that names the districts that came; and
 * the new event forms, so that "other" is no longer the largest form.
 */
const t = translator('en');
const clean = validate(planSnapshot(templatePlan(karagandaSample({ language: 'ru' }))));
const c = consolidationJson(consolidate(clean), t);

describe('the sample of version 2', () => {
  it('is clean', () => {
    expect(clean.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
  });

  it('visits most libraries of the network, not all', () => {
    expect(c.visits.count).toBeGreaterThan(30);
    expect(c.visits.libraries_visited_pct).toBeGreaterThan(60);
    expect(c.visits.libraries_visited_pct).toBeLessThan(100);
    expect(c.visits.not_visited.length).toBeGreaterThan(0);
    expect(c.visits.by_purpose.help ?? 0).toBeGreaterThan(c.visits.by_purpose.other ?? 0);
  });

  it('publishes in accessible formats, takes part at every level beyond its own, and studies its readers', () => {
    expect(c.publications.by_format.braille).toBeGreaterThan(0);
    expect(c.publications.by_format.large_print).toBeGreaterThan(0);
    expect(c.publications.accessible).toBeGreaterThanOrEqual(3);
    for (const level of ['oblast', 'republican', 'international'] as const)
      expect(c.participation.by_level[level]?.count).toBeGreaterThan(0);
    expect(c.participation.by_role.speaker?.count).toBeGreaterThan(0);
    expect(c.participation.by_role.winner?.count).toBeGreaterThan(0);
    expect(c.studies.count).toBeGreaterThanOrEqual(3);
    expect(c.studies.respondents).toBeGreaterThan(0);
  });

  it('reaches every territory with professional development, and gives consultations', () => {
    expect(c.events.pd.territories_reached).toBe(Object.keys(c.events.pd.reach).length);
    expect(c.events.speakers).toBeGreaterThan(0);
    const ind = c.indicators as Record<string, { year: number }>;
    expect(ind.M01?.year).toBeGreaterThan(0);
    expect(ind.M02?.year).toBeLessThan(ind.M01?.year ?? 0);
  });

  it('uses the new forms, so that "other" is not the largest', () => {
    const forms = Object.entries(c.events.by_form).sort((a, b) => b[1].count - a[1].count);
    expect(forms[0]?.[0]).not.toBe('other');
    for (const f of ['professional_day', 'information_day', 'library_lesson', 'book_review', 'quiz', 'webinar'])
      expect(c.events.by_form[f]?.count).toBeGreaterThan(0);
  });
});

describe('the mistakes of version 2 in the sample with mistakes', () => {
  it('are found where the list says, and nothing else in the new registers and columns', () => {
    const v = validate(planSnapshot(templatePlan(karagandaSample({ language: 'kk', mistakes: true }))));
    const isNew = (table: string, column: string | null) =>
      ['Visits', 'Publications', 'Participation', 'Studies'].includes(table) ||
      (table === 'Events' && (column === 'speakers' || column === 'territories'));
    const found = v.findings
      .filter((f) => isNew(f.table, f.column))
      .map((f) => `${f.rule} ${f.table} ${String(f.row)}`);
    const planted = PLANTED_MISTAKES.filter(
      (m) => /^(Visits|Publications|Participation|Studies) /.test(m.where) || / (speakers|territories):/.test(m.where),
    );
    expect(found).toHaveLength(planted.length);
    for (const m of planted)
      expect(found).toContain(`${m.rule} ${m.where.split(':')[0]?.split(' ').slice(0, 2).join(' ')}`);
  });
});
