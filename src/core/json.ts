/**
 * The machine-readable results of section 4.1 of the standard: what
 * `validate --json` and `consolidate --json` print. Numbers stay numbers,
 * missing values are null, messages are in the reader's language.
 */
import { INDICATORS, STANDARD_ID, STANDARD_VERSION } from '../standard';
import type { Translator } from './translator';
import type { Consolidation } from './consolidate';
import type { Finding } from './finding';
import type { Validation } from './validate';
import { tableLabel } from './table-labels';

export function findingJson(f: Finding, t: Translator) {
  return {
    rule: f.rule,
    severity: f.severity,
    table: f.table,
    row: f.row,
    column: f.column,
    cell: f.cell,
    message: t.render(f.message),
    ...(f.explained ? { explained: true } : {}),
  };
}

export function validationJson(v: Validation, t: Translator) {
  return { errors: v.errors, warnings: v.warnings, findings: v.findings.map((f) => findingJson(f, t)) };
}

export function exclusionReason(first: Finding, errors: number, t: Translator): string {
  const where = first.cell ?? tableLabel(first.table, t);
  // Where several workbooks are consolidated together, the place names its file.
  const head = `${first.rule} ${first.source === undefined ? where : `${first.source} ${where}`}: ${t.render(first.message)}`;
  return errors > 1 ? `${head} ${t.t('consolidation.more_errors', { count: errors - 1 })}` : head;
}

const round = (v: number | null, digits: number): number | null => (v === null ? null : Number(v.toFixed(digits)));

export function consolidationJson(c: Consolidation, t: Translator) {
  const indicators: Record<string, unknown> = {};
  for (const ind of INDICATORS) {
    const x = c.indicators[ind.code];
    if (!x) continue;
    indicators[ind.code] = { ...x, plan_pct: round(x.plan_pct, 2), change_pct: round(x.change_pct, 2) };
  }
  const yearValues = (totals: Record<string, Record<string, { year: number | null }>>) =>
    Object.fromEntries(
      Object.entries(totals).map(([k, v]) => [
        k,
        Object.fromEntries(INDICATORS.map((i) => [i.code, v[i.code]?.year ?? null])),
      ]),
    );
  const ratios = (r: Record<string, number | null>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v, 4)]));
  const { by_territory: trainingByTerritory, ...training } = c.training;
  return {
    standard: `${STANDARD_ID}/${STANDARD_VERSION}`,
    year: c.year,
    region: c.region,
    level: c.level,
    include_errors: c.includeErrors,
    accepted_only: c.acceptedOnly,
    libraries: {
      active: c.libraries.active,
      included: c.libraries.included.length,
      included_ids: c.libraries.included,
      excluded: c.libraries.excluded.map((e) => ({ lib_id: e.libId, reason: exclusionReason(e.first, e.errors, t) })),
      missing: c.libraries.missing,
      not_accepted: c.libraries.notAccepted.map((n) => ({ lib_id: n.libId, status: n.status })),
      rows_left_out: c.libraries.rowsLeftOut,
      by_status: c.libraries.byStatus,
    },
    indicators,
    by_territory: yearValues(c.byTerritory),
    by_type: yearValues(c.byType),
    ratios: ratios(c.ratios),
    ratios_by_territory: Object.fromEntries(Object.entries(c.ratiosByTerritory).map(([k, v]) => [k, ratios(v)])),
    events: c.events,
    training: {
      ...training,
      staff_trained_pct: round(training.staff_trained_pct, 2),
      by_territory: Object.fromEntries(
        Object.entries(trainingByTerritory).map(([k, v]) => [
          k,
          { ...v, staff_trained_pct: round(v.staff_trained_pct, 2) },
        ]),
      ),
    },
    ...c.method,
    visits: { ...c.method.visits, libraries_visited_pct: round(c.method.visits.libraries_visited_pct, 2) },
    issues: c.issues,
  };
}
