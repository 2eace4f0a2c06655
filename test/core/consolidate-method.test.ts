import fc from 'fast-check';
import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import { consolidationJson } from '../../src/core/json';
import { translator } from '../../src/i18n';
import { LIBS, smallContent, withCell } from '../helpers/network';
import { asVersion1 } from '../helpers/version1';
import type { Snapshot } from '../../src/core/snapshot';

/**
 * The keys that version 2 adds to `consolidate --json` (section 4.1), counted
 * by hand on the small network of test/helpers/network.ts: 5 libraries in 3
 * territories, each with 1 event and 3 pd events; 4 visits, 4 publications,
 * 3 participations, 2 studies.
 */
const base = planSnapshot(templatePlan(smallContent('ru')));
const json = (s: Snapshot) => consolidationJson(consolidate(validate(s)), translator('en'));

describe('consolidation of version 2', () => {
  const c = json(base);

  it('visits: the libraries that can be visited are the active ones that are not oblast libraries', () => {
    expect(c.visits).toEqual({
      count: 4,
      persons: 7,
      libraries_visited: 3,
      libraries_visited_pct: 75,
      by_purpose: { help: 2, study: 1, experience: 0, event: 1, other: 0 },
      by_territory: {
        KRG: { libraries: 1, visited: 0 },
        TMR: { libraries: 1, visited: 1 },
        ABA: { libraries: 2, visited: 2 },
      },
      not_visited: ['KRG_CGB'],
    });
  });

  it('publications: braille and large print are accessible', () => {
    expect(c.publications).toEqual({
      count: 4,
      copies: 75,
      accessible: 2,
      by_kind: {
        methodological_guide: 1,
        bibliographic_index: 1,
        scenario: 1,
        digest: 1,
        booklet: 0,
        online_resource: 0,
        other: 0,
      },
      by_format: { print: 1, electronic: 1, braille: 1, large_print: 1, audio: 0 },
      by_language: { kk: 1, ru: 2, kk_ru: 1, other: 0 },
    });
  });

  it('participation and studies', () => {
    expect(c.participation).toEqual({
      count: 3,
      persons: 4,
      by_level: {
        local: { count: 0, persons: 0 },
        oblast: { count: 1, persons: 1 },
        republican: { count: 1, persons: 2 },
        international: { count: 1, persons: 1 },
      },
      by_role: {
        attendee: { count: 1, persons: 1 },
        speaker: { count: 1, persons: 2 },
        exhibitor: { count: 0, persons: 0 },
        jury: { count: 0, persons: 0 },
        winner: { count: 1, persons: 1 },
      },
    });
    expect(c.studies).toEqual({
      count: 2,
      respondents: 120,
      by_kind: { survey: 1, monitoring: 1, analysis: 0, other: 0 },
    });
  });

  it('events: by level, children, disabled, speakers and the reach of professional development', () => {
    const e = c.events;
    expect(e.by_level).toEqual({
      local: { count: 20, participants: 430 },
      oblast: { count: 0, participants: 0 },
      republican: { count: 0, participants: 0 },
      international: { count: 0, participants: 0 },
    });
    expect([e.children, e.disabled, e.speakers]).toEqual([50, 20, 15]);
    // The oblast library's 3 courses reached every territory; each other library's, its own.
    expect(e.pd).toEqual({
      count: 15,
      hours: 60,
      certificates: 75,
      participants: 330,
      reach: { KRG: 6, TMR: 6, ABA: 9 },
      territories_reached: 3,
    });
  });

  it('M01 and M02 appear under indicators and by_territory like every other indicator', () => {
    expect(c.indicators.M01).toMatchObject({ year: 60, q1: 15 });
    expect(c.indicators.M02).toMatchObject({ year: 20 });
    expect(c.by_territory.ABA).toMatchObject({ M01: 24, M02: 8 });
  });

  it('leaves out a register row with an error, whatever the library report', () => {
    const self = json(withCell(base, 'Visits', 2, 'visited_lib_id', 'ABA_CRB'));
    expect(self.visits).toMatchObject({
      count: 3,
      persons: 6,
      libraries_visited: 2,
      not_visited: ['ABA_B01', 'KRG_CGB'],
    });
    const badCopies = json(withCell(base, 'Publications', 0, 'copies', 'пятьдесят'));
    expect(badCopies.publications).toMatchObject({ count: 3, copies: 25, accessible: 2 });
  });

  it('reads a version 1 workbook with empty registers of methodological work', () => {
    const v1 = json(asVersion1(base));
    expect(v1.visits).toMatchObject({ count: 0, libraries_visited: 0, libraries_visited_pct: 0 });
    expect(v1.visits.not_visited).toEqual(['ABA_B01', 'ABA_CRB', 'KRG_CGB', 'TMR_CGB']);
    expect([v1.publications.count, v1.participation.count, v1.studies.count, v1.events.speakers]).toEqual([0, 0, 0, 0]);
    expect(v1.events.pd).toMatchObject({ count: 15, reach: { KRG: 0, TMR: 0, ABA: 0 }, territories_reached: 0 });
    expect(v1.indicators.M01).toMatchObject({ year: null });
    // Everything version 1 had is unchanged.
    expect(v1.indicators.U01).toEqual(c.indicators.U01);
    expect(v1.events.by_form).toEqual(c.events.by_form);
  });

  it('counts each library once however often it is visited, and every visitable library is visited or listed', () => {
    const targets = LIBS.filter((l) => !l.type.startsWith('oblast_')).map((l) => l.id);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...targets), { maxLength: 4 }), (to) => {
        let s = base;
        // Rewrite the four visits' destinations; visits beyond `to` go to the first target again.
        for (let i = 0; i < 4; i++) s = withCell(s, 'Visits', i, 'visited_lib_id', to[i] ?? to[0] ?? 'TMR_CGB');
        // ABA_CRB cannot visit itself: that row is an R4 error and left out.
        const v = json(s).visits;
        const distinct = new Set(
          [0, 1, 2, 3].map((i) => to[i] ?? to[0] ?? 'TMR_CGB').filter((id, i) => !(i === 2 && id === 'ABA_CRB')),
        );
        expect(v.libraries_visited).toBe(distinct.size);
        expect(v.libraries_visited + v.not_visited.length).toBe(targets.length);
        expect(v.libraries_visited_pct).toBeCloseTo((distinct.size / targets.length) * 100, 2);
      }),
      { numRuns: 25 },
    );
  });
});
