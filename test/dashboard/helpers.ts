import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { runConsolidation, type ConsolidationRun } from '../../src/core/pipeline';
import type { Area, PlanValue, SheetPlan, WorkbookPlan } from '../../src/core/plan';
import type { WorkbookContent } from '../../src/core/layout/content';
import { karagandaSample } from '../../src/sample';
import type { Language } from '../../src/standard';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/errors';
import type { consolidateMany } from '../../src/core/consolidate-many';
import { generatedPlan } from '../../src/core/layout/generated';

/** The generated sheets of a sample workbook, laid out in the core without any file. */
export function consolidated(content: WorkbookContent): ConsolidationRun {
  return runConsolidation(planSnapshot(templatePlan(content)), {
    userLanguage: 'en',
    madeAt: Date.UTC(2026, 0, 20, 9, 30),
    version: 'test',
  });
}

export function sampleRun(language: Language, mistakes = false): ConsolidationRun {
  return consolidated(karagandaSample({ language, mistakes }));
}

/** The generated sheets of several workbooks consolidated together, in `language`. */
export function generatedOfMany(many: ReturnType<typeof consolidateMany>, language: Language): WorkbookPlan {
  return generatedPlan({
    consolidation: many.consolidation,
    validation: many.validation,
    language,
    madeAt: 0,
    version: 'test',
    existingSheets: [],
    sources: many.sources,
  });
}

/** Every cell value a sheet plan writes, with its 0-based position. */
export function planCellValues(sheet: SheetPlan): { row: number; col: number; value: PlanValue }[] {
  const out: { row: number; col: number; value: PlanValue }[] = [];
  for (const b of sheet.blocks)
    b.values.forEach((r, i) => r.forEach((value, j) => out.push({ row: b.top + i, col: b.left + j, value })));
  for (const t of sheet.tables) {
    t.header.forEach((value, j) => out.push({ row: t.top, col: t.left + j, value }));
    t.rows.forEach((r, i) => r.forEach((value, j) => out.push({ row: t.top + 1 + i, col: t.left + j, value })));
  }
  return out;
}

export function textOf(v: PlanValue): string {
  if (v === null) return '';
  if (typeof v !== 'object') return String(v);
  if ('text' in v) return `${v.text} ${v.link}`;
  if ('formula' in v) return v.formula;
  return String(v.date);
}

export function overlaps(a: Area, b: Area): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function inside(inner: Area, outer: Area): boolean {
  return (
    inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right
  );
}

/** The people named in the sample's Training register (personal data) and in its Submissions. */
export function personNames(content: WorkbookContent): string[] {
  const names = new Set<string>();
  for (const row of content.training) if (typeof row.person === 'string') names.add(row.person);
  return [...names];
}

/** `kitaphana consolidate input -o output`, as the command line runs it, expected to succeed silently. */
export async function consolidateFile(input: string, output: string): Promise<void> {
  let err = '';
  const io: Io = { out: () => undefined, err: (s) => (err += s), tty: false };
  const code = await main(['node', 'kitaphana', 'consolidate', input, '-o', output], io);
  expect({ code, err }).toEqual({ code: 0, err: '' });
}
