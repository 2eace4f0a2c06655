import { setupPlan, type SetupSettings } from '../../src/core/setup';
import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import { translator } from '../../src/i18n';
import { smallContent } from '../helpers/network';

/** The `Imports` log (section 7): made by set-up where it is missing, never required by the checks. */
const settings: SetupSettings = { level: 'oblast', region: 'Карагандинская область', year: 2025, language: 'ru' };
const base = planSnapshot(templatePlan(smallContent('ru')));
const withoutImports = {
  ...base,
  sheets: base.sheets.filter((s) => s.name !== '_imports'),
  tables: base.tables.filter((t) => t.name !== 'Imports'),
};

describe('the Imports table', () => {
  it('is a hidden sheet _imports with its headers in the workbook language', () => {
    const sheet = templatePlan(smallContent('kk')).sheets.find((s) => s.tables[0]?.name === 'Imports');
    expect(sheet?.name).toBe('_imports');
    expect(sheet?.visibility).toBe('hidden');
    expect(sheet?.tables[0]?.header[0]).toBe(translator('kk').t('column.Imports.imported_at'));
    expect(sheet?.tables[0]?.header).toHaveLength(9);
  });

  it('is added by set-up to a workbook that lacks it, and only then', () => {
    const plan = setupPlan(withoutImports, settings);
    expect(plan.summary.added).toEqual(['Imports']);
    expect(plan.workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([['_imports', 'hidden']]);
    expect(setupPlan(base, settings).summary.added).toEqual([]);
  });

  it('is not required: a workbook without it has no finding about it', () => {
    const messages = validate(withoutImports).findings.map((f) => JSON.stringify(f.message));
    expect(messages.filter((m) => /Imports|_imports/.test(m))).toEqual([]);
    expect(validate(withoutImports).findings).toEqual(validate(base).findings);
  });
});
