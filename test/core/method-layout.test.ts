import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { runConsolidation } from '../../src/core/pipeline';
import { translator } from '../../src/i18n';
import { LANGUAGES } from '../../src/standard';
import type { PlanValue, SheetPlan } from '../../src/core/plan';
import { smallContent } from '../helpers/network';
import { asVersion1 } from '../helpers/version1';

/** The generated sheet MethodSummary in the workbook's language, and the Dashboard's page of methodological work. */
const run = (s: ReturnType<typeof planSnapshot>) =>
  runConsolidation(s, { userLanguage: 'en', madeAt: Date.UTC(2026, 0, 10), version: 'test' });
const values = (sheet: SheetPlan): PlanValue[] => sheet.blocks.flatMap((b) => b.values.flat());

describe('MethodSummary', () => {
  it.each(LANGUAGES)('is laid out in the workbook language (%s) with the figures of consolidation', (lang) => {
    const t = translator(lang);
    const r = run(planSnapshot(templatePlan(smallContent(lang))));
    const sheet = r.plan.sheets.find((s) => s.name === t.t('sheet.MethodSummary'));
    expect(sheet).toBeDefined();
    const cells = values(sheet!);
    expect(cells).toContain(t.t('generated.libraries_visited_pct'));
    expect(cells).toContain(t.t('enum.publication_format.braille'));
    expect(cells).toContain(t.t('enum.participation_role.winner'));
    // The one library not visited, with its name; the share of 3 of 4 libraries.
    expect(cells).toContain('KRG_CGB');
    expect(cells).toContain(75);
    for (const v of cells) if (typeof v === 'string') expect(v).not.toMatch(/generated\.|enum\.|column\.|\{\{/);
  });

  it('comes after TrainingSummary and before Issues', () => {
    const t = translator('ru');
    const names = run(planSnapshot(templatePlan(smallContent('ru')))).plan.sheets.map((s) => s.name);
    const at = (k: string) => names.indexOf(t.t(`sheet.${k}`));
    expect(at('TrainingSummary')).toBeLessThan(at('MethodSummary'));
    expect(at('MethodSummary')).toBeLessThan(at('Issues'));
  });

  it('puts the share visited and the reach of pd on a third page of the Dashboard, and none for version 1', () => {
    const t = translator('ru');
    const dash = (s: ReturnType<typeof planSnapshot>) =>
      run(s).plan.sheets.find((x) => x.name === t.t('sheet.Dashboard'))!;
    const v2 = dash(planSnapshot(templatePlan(smallContent('ru'))));
    expect(v2.charts?.map((c) => c.name).slice(-2)).toEqual(['Kitaphana_Visited', 'Kitaphana_PdReach']);
    expect(v2.print?.rowBreaks).toHaveLength(2);
    const v1 = dash(asVersion1(planSnapshot(templatePlan(smallContent('ru')))));
    expect(v1.charts?.map((c) => c.name)).not.toContain('Kitaphana_Visited');
    expect(v1.print?.rowBreaks).toHaveLength(1);
  });
});
