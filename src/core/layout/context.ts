import type { Language } from '../../standard';
import type { Translator } from '../translator';
import type { Consolidation } from '../consolidate';
import type { SourceTotals } from '../consolidate-many';
import type { Validation } from '../validate';
import type { PlanValue } from '../plan';
import { SheetBuilder } from './builder';
import { MARKS, MARK_ORDER } from './palette';
import { regionName } from '../regions';

export interface GeneratedInput {
  readonly consolidation: Consolidation;
  readonly validation: Validation;
  readonly language: Language;
  /** When the sheets were made (UTC ms): the only thing that differs between two runs. */
  readonly madeAt: number;
  readonly version: string;
  /** Names of the sheets the workbook has now. */
  readonly existingSheets: readonly string[];
  /** Where several workbooks are consolidated together: each one's totals, for the by-workbook tables and chart. */
  readonly sources?: readonly SourceTotals[];
}

/** The provenance's lines and other text beside the figures. */
export const MUTED = { italic: true, color: '595959' } as const;

/** What every generated sheet's layout needs: the figures, the translator and the territories' names. */
export class Context {
  readonly c: Consolidation;
  readonly territoryName: Map<string, string>;
  constructor(
    readonly input: GeneratedInput,
    readonly t: Translator,
  ) {
    this.c = input.consolidation;
    const nameCol = input.language === 'kk' ? 'name_kk' : 'name_ru';
    this.territoryName = new Map();
    for (const row of input.validation.workbook.registers.Territories.rows) {
      const code = row.v.terr_code;
      const name = row.v[nameCol];
      if (typeof code === 'string') this.territoryName.set(code, typeof name === 'string' ? name : code);
    }
  }

  nameOf(code: string): string {
    return this.territoryName.get(code) ?? code;
  }

  /**
   * A generated sheet, started with the title and provenance lines every one starts with; `width` is the
   * number of columns they span; `size` makes the provenance smaller and unwrapped (the Dashboard, whose
   * rows have fixed heights).
   */
  sheet(nameKey: string, titleKey: string, width: number, size?: number): SheetBuilder {
    const { t, c } = this;
    const b = new SheetBuilder(t.t(nameKey));
    const muted = size === undefined ? MUTED : { ...MUTED, size };
    const wrap = size === undefined;
    b.line([t.t(titleKey, { region: this.region(), year: c.year ?? '' })], { bold: true, size: 14 }, width - 1);
    const lines = this.provenance();
    for (const text of lines) {
      if (wrap) b.fit(b.nextRow, b.left, text, width);
      b.line([text], { ...muted, wrap, vAlign: 'top' }, width - 1);
    }
    return b;
  }

  /** A figure only a register gives: "unknown" where the workbook has no such register. */
  known(v: number | null): PlanValue {
    return v ?? this.t.t('generated.unknown');
  }

  /** When and from what the sheets were made, which libraries were left out and which sent nothing. */
  provenance(): string[] {
    const { t, c, input } = this;
    const excluded = c.libraries.excluded.map((e) => `${e.libId} (${e.first.rule})`).join(', ');
    return [
      t.t('generated.provenance', {
        date: t.dateTime(input.madeAt),
        included: c.libraries.included.length,
        active: c.libraries.active,
        version: input.version,
      }),
      t.t('generated.excluded', { list: excluded || '—', n: c.libraries.excluded.length }) + this.rowsLeftOut(),
      t.t('generated.missing', { list: c.libraries.missing.join(', ') || '—', n: c.libraries.missing.length }),
    ];
  }

  /**
   * How many register rows went out with the libraries left out (section 4): said on every sheet, after
   * the list of the excluded, so that a register total read beside a report total is understood.
   */
  rowsLeftOut(): string {
    const n = this.c.libraries.registerRowsLeftOut;
    if (n === 0) return '';
    // Libraries whose report is not counted without being excluded (inactive ...): named, or no list says whose rows went.
    const also = this.c.libraries.rowsLeftOut;
    const whose = also.length > 0 ? ' ' + this.t.t('generated.rows_left_out_also', { list: also.join(', ') }) : '';
    return ' ' + this.t.t('generated.rows_left_out', { count: n }) + whose;
  }

  /**
   * Whose figures these are, for the titles: the region, or the regions of the few workbooks
   * consolidated together; of more (the republic's 20), how many, which a one-line title can hold.
   */
  region(): string {
    const sources = this.input.sources ?? [];
    return sources.length > 3
      ? this.t.t('many.region', { count: sources.length })
      : regionName(this.c.region ?? '', this.t);
  }

  /** The legend of the marks on plan % and change %: a label, then a sample cell of each mark. */
  legend(b: SheetBuilder, labelColumn: number, span: number): void {
    const { t } = this;
    b.cells([
      ...Array.from({ length: labelColumn }, () => ({ value: null })),
      { value: t.t('generated.marks.legend'), style: { ...MUTED, hAlign: 'right' as const } },
      ...MARK_ORDER.map((m) => ({
        value: t.t(`generated.marks.${m}`),
        style: { ...MARKS[m], border: true, hAlign: 'center' as const },
        span,
      })),
    ]);
  }

  territoryRows<T>(values: (code: string) => T[]): PlanValue[][] {
    return this.c.territoryOrder.map((code) => [code, this.nameOf(code), ...(values(code) as PlanValue[])]);
  }
}
