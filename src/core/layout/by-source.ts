import type { Indicator } from '../../standard';
import { sharedLibraries, type SourceTotals } from '../consolidate-many';
import type { PlanValue } from '../plan';
import { area } from '../plan';
import { COUNT, type SheetBuilder } from './builder';
import type { Context } from './context';

/**
 * Where several workbooks are consolidated together (the oblasts of the
 * republic, the library systems of a region): the Summary's totals by
 * workbook, one block per group of indicators as the territories have, so
 * that each source's figures sit beside the total they add up to.
 */
export function bySourceSection(ctx: Context, b: SheetBuilder, groups: readonly [string, Indicator[]][]): void {
  const { t, c } = ctx;
  const sources = ctx.input.sources ?? [];
  if (sources.length === 0) return;
  b.line([t.t('many.by_source')], { bold: true, size: 12 });
  const who = [t.t('many.source'), t.t('many.file'), t.t('many.included')];
  // A library in several workbooks is active in each but counted in none: it has a row of its own, so
  // that the libraries by workbook add up to the total's as the figures do.
  const libraries = (s: SourceTotals): string =>
    t.t('many.included_of', {
      included: s.consolidation.libraries.included.length,
      active: s.consolidation.libraries.active - sharedLibraries(s.consolidation).length,
    });
  const shared = sharedLibraries(c).length;
  for (const [group, inds] of groups) {
    b.line([null, t.t(`generated.group.${group}`)], { bold: true, italic: true });
    const codes = inds.map((i) => i.code);
    const rows: PlanValue[][] = sources.map((s) => [
      s.key,
      s.file,
      libraries(s),
      ...codes.map((k) => s.consolidation.indicators[k]?.year ?? null),
    ]);
    if (shared > 0)
      rows.push([
        t.t('many.shared'),
        null,
        t.t('many.included_of', { included: 0, active: shared }),
        ...codes.map(() => null),
      ]);
    rows.push([
      t.t('generated.total'),
      null,
      t.t('many.included_of', { included: c.libraries.included.length, active: c.libraries.active }),
      ...codes.map((k) => c.indicators[k]?.year ?? null),
    ]);
    const a = b.table(
      [...who, ...codes.map((k) => `${k} ${t.t(`indicator.${k}`)}`)],
      rows,
      Object.fromEntries(codes.map((_, i) => [i + who.length, COUNT])),
    );
    b.style(area(a.bottom, 0, a.bottom, a.right), { bold: true });
    b.gap();
  }
}

/** The place of a finding in the Issues sheet: its cell, and the file where several were consolidated. */
export function issuePlace(f: { readonly cell: string | null; readonly source?: string }): PlanValue {
  if (!f.cell) return f.source ?? null;
  // A link only works inside the workbook; a cell in another file is named, not linked.
  return f.source === undefined ? { text: f.cell, link: `#${f.cell}` } : `${f.source}: ${f.cell}`;
}
