/**
 * The one flow every front end runs: snapshot → parse and check →
 * consolidate → lay out the generated sheets. The CLI and the add-in differ
 * only in how they read the snapshot and apply the plan.
 */
import type { Language } from '../standard';
import type { Snapshot } from './snapshot';
import { validate, type Validation } from './validate';
import { consolidate, type Consolidation } from './consolidate';
import { generatedPlan } from './layout/generated';
import type { WorkbookPlan } from './plan';

export interface ConsolidationRun {
  readonly validation: Validation;
  readonly consolidation: Consolidation;
  readonly plan: WorkbookPlan;
  /** The language of the generated sheets: the workbook's own, else the user's. */
  readonly language: Language;
}

export interface RunOptions {
  readonly includeErrors?: boolean;
  /** Only accepted reports (section 6). */
  readonly acceptedOnly?: boolean;
  readonly userLanguage: Language;
  readonly madeAt: number;
  readonly version: string;
  /** Called between stages, for progress bars. */
  readonly onStage?: (stage: 'check' | 'consolidate' | 'layout') => void;
}

export function runConsolidation(snapshot: Snapshot, options: RunOptions): ConsolidationRun {
  options.onStage?.('check');
  const validation = validate(snapshot);
  options.onStage?.('consolidate');
  const consolidation = consolidate(validation, {
    includeErrors: options.includeErrors ?? false,
    acceptedOnly: options.acceptedOnly ?? false,
  });
  options.onStage?.('layout');
  const language = validation.workbook.meta.language ?? options.userLanguage;
  const plan = generatedPlan({
    consolidation,
    validation,
    language,
    madeAt: options.madeAt,
    version: options.version,
    existingSheets: snapshot.sheets.map((s) => s.name),
  });
  return { validation, consolidation, plan, language };
}
