import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { runConsolidation } from '../../src/core/pipeline';
import { translator } from '../../src/i18n';
import { karagandaSample } from '../../src/sample';
import type { SheetPlan } from '../../src/core/plan';
import { planCellValues, sampleRun, textOf } from './helpers';

/** The generated sheets say how many reports are accepted, submitted, returned and draft; S3 leads the Issues. */
const ru = translator('ru');
const sheet = (sheets: readonly SheetPlan[], key: string) => sheets.find((s) => s.name === ru.t(`sheet.${key}`))!;
/** The text of a row, left of the Dashboard's data tables. */
const row = (s: SheetPlan, r: number) =>
  planCellValues(s)
    .filter((c) => c.row === r && c.col < 20)
    .map((c) => textOf(c.value))
    .join(' ');

describe('the generated sheets and the submission log', () => {
  const run = sampleRun('ru');
  const by = run.consolidation.libraries.byStatus;
  const counts = `Принят: ${by.accepted}, Черновик: ${by.draft}, Сдан: ${by.submitted}, Возвращён: ${by.returned}`;

  it('the Summary has a line of the counts under its provenance', () => {
    expect(by.returned).toBe(1);
    expect(row(sheet(run.plan.sheets, 'Summary'), 4)).toBe(`Отчёты: ${counts}.`);
  });
  it('the Dashboard says them in its header, in the row left free above the charts', () => {
    const dash = sheet(run.plan.sheets, 'Dashboard');
    expect(row(dash, 4)).toBe(`Отчёты: ${counts}.`);
    const top = Math.min(...(dash.charts ?? []).map((c) => c.position.top));
    expect(top).toBeGreaterThan(4);
  });
  it('with only accepted reports, both say so and the Summary lists the reports left out', () => {
    const only = runConsolidation(planSnapshot(templatePlan(karagandaSample({ language: 'ru' }))), {
      acceptedOnly: true,
      userLanguage: 'ru',
      madeAt: Date.UTC(2026, 0, 20),
      version: 'test',
    });
    const c = only.consolidation;
    expect(c.libraries.included).toHaveLength(by.accepted);
    const summary = row(sheet(only.plan.sheets, 'Summary'), 4);
    expect(summary).toContain('Сведены только принятые отчёты.');
    expect(summary).toContain(
      `Не приняты и не включены в свод (${c.libraries.notAccepted.length}): ${c.libraries.notAccepted[0]!.libId}, `,
    );
    expect(row(sheet(only.plan.sheets, 'Dashboard'), 4)).toContain('Сведены только принятые отчёты.');
  });
  it('the Issues sheet lists the S3 finding first', () => {
    const issues = sheet(sampleRun('ru', true).plan.sheets, 'Issues');
    const rules = planCellValues(issues)
      .filter((c) => c.col === 1 && typeof c.value === 'string' && /^[A-Z]\d$/.test(c.value))
      .sort((a, b) => a.row - b.row)
      .map((c) => c.value);
    expect(rules.length).toBeGreaterThan(30);
    expect(rules[0]).toBe('S3');
    expect(rules.slice(1)).not.toContain('S3');
  });
});
