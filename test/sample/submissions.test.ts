import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import { reportStatuses } from '../../src/core/submissions';
import { karagandaSample, PLANTED_MISTAKES } from '../../src/sample';
import { LANGUAGES } from '../../src/standard';

/** The sample's `Submissions` log: realistic, logged with the core's checksums, S3 only where planted. */
describe.each(LANGUAGES)('the sample submissions log (%s)', (language) => {
  const clean = validate(planSnapshot(templatePlan(karagandaSample({ language }))));

  it('has most reports accepted, some submitted, one returned with a comment, some drafts', () => {
    const c = consolidate(clean);
    const by = c.libraries.byStatus;
    expect(by.accepted).toBeGreaterThan(c.libraries.active / 2);
    expect(by.submitted).toBeGreaterThanOrEqual(2);
    expect(by.returned).toBe(1);
    expect(by.draft).toBeGreaterThanOrEqual(2);
    const returned = [...reportStatuses(clean.workbook).values()].find((s) => s.status === 'returned');
    expect(returned?.last?.comment?.length).toBeGreaterThan(20);
  });

  it('logs rows in time order, each with a name and a checksum', () => {
    const rows = clean.workbook.registers.Submissions.rows;
    const times = rows.map((r) => r.v.changed_at as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const r of rows) {
      expect(r.v.changed_by).toEqual(expect.any(String));
      expect(r.v.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('is quiet for S3 on the clean sample; the mistakes sample has exactly the planted one', () => {
    expect(clean.findings.filter((f) => f.rule === 'S3')).toEqual([]);
    const mistakes = validate(planSnapshot(templatePlan(karagandaSample({ language, mistakes: true }))));
    const s3 = mistakes.findings.filter((f) => f.rule === 'S3');
    const planted = PLANTED_MISTAKES.filter((m) => m.rule === 'S3');
    expect(planted).toHaveLength(1);
    expect(s3.map((f) => `R_${f.libId}`)).toEqual([planted[0]!.where.split(':')[0]]);
  });
});
