import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import { yearValue, INDICATORS } from '../../src/standard';
import { LAST_YEAR, NEW_IN_YEAR, sampleContent } from '../../src/sample';
import { lastYearData, LAST_YEAR_LIBRARIES } from '../../src/sample/last-year';
import { sampleReports } from '../../src/sample/reports';

/** Last year's oblast workbook: a standard workbook of 2024 whose year values are the 2025 sample's prior_year. */
describe('the 2024 sample', () => {
  const content = sampleContent('lastYear', 'ru');
  const checked = validate(planSnapshot(templatePlan(content)));

  it('is a clean standard workbook of 2024: no errors, no warnings', () => {
    expect(content.settings.year).toBe(LAST_YEAR);
    expect(checked.findings.map((f) => `${f.rule} ${f.cell ?? f.table}: ${f.message.key}`)).toEqual([]);
  });

  it('holds every library of 2025 except those opened in 2025', () => {
    const now = sampleContent('clean', 'ru').libraries.map((l) => l.lib_id);
    const then = content.libraries.map((l) => l.lib_id);
    expect(now.filter((id) => !then.includes(id))).toEqual([...NEW_IN_YEAR]);
    expect(then.every((id) => now.includes(id))).toBe(true);
  });

  it('has the 2025 sample’s prior_year as its year values, library by library', () => {
    const now = sampleReports();
    const then = lastYearData().reports;
    const differences: string[] = [];
    for (const [lib, lines] of then)
      for (const ind of INDICATORS) {
        const year = yearValue(ind.agg, lines[ind.code]?.q ?? []);
        const prior = now.get(lib)?.[ind.code]?.prior;
        if (year !== prior) differences.push(`${lib} ${ind.code}: ${String(year)} ≠ ${String(prior)}`);
      }
    expect(differences).toEqual([]);
    expect(then.size).toBeGreaterThan(30);
  });

  it('has its reports accepted, and registers of a plausible size', () => {
    const accepted = new Set(
      content.submissions
        .filter((s) => s.status === 'Принят' || String(s.status).startsWith('Прин'))
        .map((s) => s.lib_id),
    );
    expect([...accepted].sort()).toEqual(content.reports.map((r) => r.libId).sort());
    expect(content.events.length).toBeGreaterThan(1000);
    expect(content.training.length).toBeGreaterThan(150);
    expect(content.visits?.length).toBeGreaterThan(20);
    expect(LAST_YEAR_LIBRARIES.length).toBe(content.libraries.length);
  });
});
