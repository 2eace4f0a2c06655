import { karagandaSample } from '../../src/sample';
import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import { consolidationJson, validationJson } from '../../src/core/json';
import { translator } from '../../src/i18n';
import { asVersion1 } from '../helpers/version1';

/**
 * Version 1 stays readable whatever the samples become: the same workbook
 * saved as version 1 (without the registers, columns and report rows that
 * version 2 added) has exactly the findings of version 1's tables and the
 * same figures for everything version 1 had.
 */
const t = translator('en');
const NEW_TABLES = new Set(['Visits', 'Publications', 'Participation', 'Studies']);
// S3 compares with the checksum that version 2 added to the Submissions log.
const isV2Finding = (f: { rule: string; table: string; column: string | null; row: unknown }) =>
  f.rule === 'S3' ||
  NEW_TABLES.has(f.table) ||
  (f.table === 'Events' && (f.column === 'speakers' || f.column === 'territories')) ||
  f.row === 'M01' ||
  f.row === 'M02';

describe.each([false, true])('the sample (mistakes: %s) saved as version 1', (mistakes) => {
  const v2snap = planSnapshot(templatePlan(karagandaSample({ language: 'ru', mistakes })));
  const v2 = validate(v2snap);
  const v1 = validate(asVersion1(v2snap));

  it('has the findings of version 2 less those about what version 2 added', () => {
    expect(validationJson(v1, t).findings).toEqual(validationJson(v2, t).findings.filter((f) => !isV2Finding(f)));
  });

  it('consolidates everything version 1 had to the same figures', () => {
    // A report excluded for what version 2 added only (S3 in the sample with mistakes) is included in version 1.
    const v2less = { ...v2, findings: v2.findings.filter((f) => !isV2Finding(f)) };
    const [c1, c2] = [consolidationJson(consolidate(v1), t), consolidationJson(consolidate(v2less), t)];
    expect(c1.libraries).toEqual(c2.libraries);
    for (const key of ['ratios', 'ratios_by_territory', 'training'] as const) expect(c1[key]).toEqual(c2[key]);
    const { pd: pd2, ...events2 } = c2.events;
    const { pd: pd1, ...events1 } = c1.events;
    expect({ ...events1, speakers: null }).toEqual({ ...events2, speakers: null });
    expect({ ...pd1, reach: null, territories_reached: null }).toEqual({
      ...pd2,
      reach: null,
      territories_reached: null,
    });
    for (const [code, x] of Object.entries(c2.indicators))
      if (code !== 'M01' && code !== 'M02') expect(c1.indicators[code]).toEqual(x);
    expect(c1.visits.count + c1.publications.count + c1.participation.count + c1.studies.count).toBe(0);
  });
});
