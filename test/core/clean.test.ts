import { templatePlan } from '../../src/core/layout/template';
import { validate } from '../../src/core/validate';
import { translator } from '../../src/i18n';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { smallContent } from '../helpers/network';

describe('a clean workbook', () => {
  it.each(['kk', 'ru', 'en'] as const)('has no findings in %s', (lang) => {
    const v = validate(planSnapshot(templatePlan(smallContent(lang))));
    const t = translator('en');
    expect(v.findings.map((f) => `${f.rule} ${f.cell} ${t.render(f.message)}`)).toEqual([]);
  });
});
