import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import { BRANCH_CORRECTION, LATE_BRANCH, sampleContent } from '../../src/sample';
import { translator } from '../../src/i18n';

/**
 * The late branch's own workbook against the oblast sample: what importing it
 * would find. Rows sent already are identical (duplicates), the fourth
 * quarter's are new, the oblast's blank Q4 cells are filled, and one cell
 * differs (a conflict).
 */
describe('the branch sample', () => {
  const branch = sampleContent('branch', 'ru');
  const oblast = sampleContent('clean', 'ru');

  it('is a clean workbook of level cbs naming only the branch and its territory', () => {
    const checked = validate(planSnapshot(templatePlan(branch)));
    expect(checked.findings.map((f) => `${f.rule} ${f.cell ?? f.table}`)).toEqual([]);
    expect(branch.settings.level).toBe('cbs');
    expect(branch.settings.year).toBe(oblast.settings.year);
    expect(branch.libraries.map((l) => l.lib_id)).toEqual([LATE_BRANCH]);
    expect(branch.territories.map((t) => t.terr_code)).toEqual([LATE_BRANCH.slice(0, 3)]);
    expect(branch.libraries[0]?.type).toBe(translator('ru').t('enum.library_type.rural_branch'));
  });

  it('has rows the oblast holds already, identical, and rows it lacks', () => {
    const inOblast = new Map(oblast.events.map((e) => [e.event_id, e]));
    const same = branch.events.filter((e) => JSON.stringify(inOblast.get(e.event_id)) === JSON.stringify(e));
    const added = branch.events.filter((e) => !inOblast.has(e.event_id));
    expect(same.length).toBeGreaterThan(5);
    expect(added.length).toBeGreaterThan(0);
    expect(same.length + added.length).toBe(branch.events.length);
  });

  it('fills the oblast’s blank fourth quarter and differs from it in one cell', () => {
    const mine = branch.reports[0]?.values ?? {};
    const theirs = oblast.reports.find((r) => r.libId === LATE_BRANCH)?.values ?? {};
    const fills: string[] = [];
    const conflicts: string[] = [];
    for (const [code, v] of Object.entries(mine))
      for (const [column, value] of Object.entries(v)) {
        const there = theirs[code]?.[column as keyof typeof v] ?? null;
        if (value === null || value === undefined) continue;
        if (there === null) fills.push(`${code} ${column}`);
        else if (there !== value) conflicts.push(`${code} ${column}`);
      }
    expect(conflicts).toEqual([`${BRANCH_CORRECTION.code} ${BRANCH_CORRECTION.column}`]);
    expect(fills.length).toBeGreaterThan(20);
    expect(fills.every((f) => f.endsWith(' q4'))).toBe(true);
  });
});
