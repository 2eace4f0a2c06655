/**
 * An import plan's parts as a person reads them, the same on the command
 * line and in the task pane: a cell's value, a message, a renumbered row.
 */
import type { Translator } from '../translator';
import { tableLabel } from '../table-labels';
import type { Message } from '../message';
import type { CellValue } from '../snapshot';
import { MS_PER_DAY } from '../values';
import type { ImportPlan, RenumberedRow } from './types';

/** A cell's value: numbers and dates in the reader's locale, text in «», a blank said as such. */
export function shownValue(v: CellValue, t: Translator): string {
  if (v === null || v === '') return t.t('import.blank');
  if (typeof v === 'number') return t.number(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return `«${v}»`;
  if (v.kind === 'date') return v.ms % MS_PER_DAY === 0 ? t.date(v.ms) : t.dateTime(v.ms);
  if (v.kind === 'formula') return `«=${v.formula.replace(/^=/, '')}»`;
  return v.code;
}

/** A message of the import (a refused source, the target's problem): its arguments are files, years, cells. */
export const importMessage = (m: Message, t: Translator): string => t.t(m.key, m.args);

/** `Events EV-0001 → EV-0023 · SHT_B01 · sht_b01.xlsx`. */
export const renumberedText = (r: RenumberedRow, t: Translator): string =>
  [`${tableLabel(r.table, t)} ${r.oldKey} → ${r.newKey}`, r.libId ?? '', r.from.file].filter(Boolean).join(' · ');

/** What a person is told besides the counts: another region, reports not taken, the accepted reports it changes. */
export function importNotices(plan: ImportPlan, t: Translator): string[] {
  const out = plan.otherRegions.map((r) =>
    t.t('import.other_region', { file: r.source, region: r.region, target: r.target }),
  );
  if (plan.reportsNotTaken.length > 0) {
    const names = plan.reportsNotTaken.map((r) => `${r.libId} (${r.source})`).join(', ');
    out.push(t.t('import.reports_not_taken', { names }));
  }
  if (plan.accepted.length > 0)
    out.push(t.t('import.accepted', { count: plan.accepted.length, names: plan.accepted.join(', ') }));
  return out;
}
