import type { WorkbookContent } from '../../src/core/layout/content';
import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { cellOf } from '../../src/core/plan-snapshot';
import { parseWorkbook } from '../../src/core/parse';
import { reportStatuses, statusOf } from '../../src/core/submissions';
import { planPriorYear, priorYearFilledCount, type PriorYearPlan } from '../../src/core/prior-year';
import { columnLetters, type CellValue, type Snapshot } from '../../src/core/snapshot';
import { INDICATORS, REPORT_COLUMNS, yearValue } from '../../src/standard';
import { NEW_IN_YEAR, sampleContent } from '../../src/sample';
import { lastYearData } from '../../src/sample/last-year';
import { withChecksums } from '../../src/sample/submissions';
import { translator } from '../../src/i18n';
import { enumLabel } from '../../src/sample/text';
import { LIBS, smallContent, withReportCell } from '../helpers/network';

/**
 * Filling last year's figures: prior_year from the year values of last year's
 * workbook, only where blank, with new and gone libraries listed, a workbook
 * of another year refused, and unreadable values of last year skipped.
 */
const snap = (c: WorkbookContent): Snapshot => planSnapshot(templatePlan(c));
const PRIOR = REPORT_COLUMNS.indexOf('prior_year');

/** The snapshot with every report's prior_year blank, or with a function deciding per library. */
function blankPriors(s: Snapshot, which: (lib: string) => boolean = () => true): Snapshot {
  return {
    ...s,
    tables: s.tables.map((t) =>
      t.name.startsWith('R_') && which(t.name.slice(2))
        ? { ...t, rows: t.rows.map((r) => r.map((v, i) => (i === PRIOR ? null : v))) }
        : t,
    ),
  };
}

/** The plan's patches written into the snapshot, as the file and Excel adapters write them into cells. */
function applied(s: Snapshot, plan: PriorYearPlan): Snapshot {
  let out = s;
  for (const p of plan.changes.patches) {
    out = {
      ...out,
      tables: out.tables.map((t) => {
        if (t.name !== p.table) return t;
        const rows = t.rows.map((r) => [...r]);
        p.rows.forEach((row, i) =>
          row.forEach((v, j) => {
            const target = rows[p.top + i - t.top - 1] as CellValue[];
            target[p.left + j - t.left] = cellOf(v);
          }),
        );
        return { ...t, rows };
      }),
    };
  }
  return out;
}

const priorOf = (s: Snapshot, lib: string, code: string): CellValue =>
  s.tables.find((t) => t.name === `R_${lib}`)?.rows[INDICATORS.findIndex((i) => i.code === code)]?.[PRIOR] ?? null;

describe('planPriorYear on the bundled samples', () => {
  const current = snap(sampleContent('clean', 'ru'));
  const last = snap(sampleContent('lastYear', 'ru'));
  const blanked = blankPriors(current);
  const plan = planPriorYear(blanked, last);

  it('fills every blank prior_year with the 2024 workbook’s year value', () => {
    expect(plan.refusal).toBeNull();
    const filled = applied(blanked, plan);
    const differences: string[] = [];
    for (const [lib, lines] of lastYearData().reports)
      for (const ind of INDICATORS) {
        const want = yearValue(ind.agg, lines[ind.code]?.q ?? []);
        const got = priorOf(filled, lib, ind.code);
        if (got !== want) differences.push(`${lib} ${ind.code}: ${String(got)} ≠ ${String(want)}`);
      }
    expect(differences).toEqual([]);
    // And so the filled workbook has back the prior_year the 2025 sample was made with.
    for (const [lib] of lastYearData().reports)
      for (const ind of INDICATORS) expect(priorOf(filled, lib, ind.code)).toEqual(priorOf(current, lib, ind.code));
  });

  it('lists the libraries new this year, leaves them blank, and counts what it filled', () => {
    expect(plan.newLibraries).toEqual([...NEW_IN_YEAR]);
    expect(plan.goneLibraries).toEqual([]);
    const filled = applied(blanked, plan);
    for (const lib of NEW_IN_YEAR) expect(priorOf(filled, lib, 'U01')).toBeNull();
    expect(plan.filled.map((f) => f.libId)).toEqual([...lastYearData().reports.keys()]);
    expect(priorYearFilledCount(plan)).toBe(lastYearData().reports.size * INDICATORS.length);
    expect(plan.kept).toBe(0);
    expect(plan.skipped).toEqual([]);
  });

  it('names the accepted reports it changes from what was accepted: they must be accepted again', () => {
    const statuses = reportStatuses(parseWorkbook(blanked));
    const accepted = [...lastYearData().reports.keys()].filter((id) => statusOf(statuses, id).status === 'accepted');
    expect(accepted.length).toBeGreaterThan(10);
    // Accepted with prior_year blank (their checksums taken so): the fill changes them.
    const blankContent = withChecksums(withoutPriors(sampleContent('clean', 'ru')));
    expect(planPriorYear(snap(blankContent), last).accepted).toEqual(accepted);
    expect(
      planPriorYear(
        blankPriors(current, (lib) => !accepted.includes(lib)),
        last,
      ).accepted,
    ).toEqual([]);
  });

  it('does not ask to accept again a report the fill gives back its accepted values (issue 19, item 15)', () => {
    // The sample's reports were accepted with last year's figures in prior_year; someone cleared them since.
    expect(plan.filled.length).toBeGreaterThan(10);
    expect(plan.accepted).toEqual([]);
  });

  it('writes one column per report, prior_year’s, from the first cell filled to the last', () => {
    for (const p of plan.changes.patches) {
      const t = blanked.tables.find((x) => x.name === p.table);
      expect(t).toBeDefined();
      expect(p.left).toBe((t?.left ?? 0) + PRIOR);
      expect(p.rows.every((r) => r.length === 1)).toBe(true);
      expect(p.currentRows).toBe(t?.rows.length);
    }
    expect(plan.changes.workbook.sheets).toEqual([]);
    expect(plan.changes.columns).toEqual([]);
  });

  it('changes nothing where prior_year is filled already', () => {
    const again = planPriorYear(current, last);
    expect(again.changes.patches).toEqual([]);
    expect(again.filled).toEqual([]);
    expect(again.kept).toBe(lastYearData().reports.size * INDICATORS.length);
  });
});

/** The content with every report's prior_year blank. */
function withoutPriors(c: WorkbookContent): WorkbookContent {
  return {
    ...c,
    reports: c.reports.map((r) => ({
      ...r,
      values: Object.fromEntries(Object.entries(r.values ?? {}).map(([k, v]) => [k, { ...v, prior_year: null }])),
    })),
  };
}

describe('planPriorYear', () => {
  const year = (c: WorkbookContent, y: number): WorkbookContent => ({ ...c, settings: { ...c.settings, year: y } });
  const last = snap(year(smallContent('ru'), 2024));
  const current = blankPriors(snap(smallContent('ru')));

  it('keeps a prior_year someone typed, even where it differs, and fills the blank ones around it', () => {
    const typed = withReportCell(current, 'KRG_CGB', 'V01', 'prior_year', 999);
    const plan = planPriorYear(typed, last);
    const filled = applied(typed, plan);
    expect(priorOf(filled, 'KRG_CGB', 'V01')).toBe(999);
    expect(plan.filled.find((f) => f.libId === 'KRG_CGB')?.codes).not.toContain('V01');
    expect(priorOf(filled, 'KRG_CGB', 'V02')).not.toBeNull();
    expect(plan.kept).toBe(1);
  });

  it('refuses last year’s workbook of another year, naming both years', () => {
    for (const y of [2023, 2025, 2026]) {
      const plan = planPriorYear(current, snap(year(smallContent('ru'), y)));
      expect(plan.refusal).toEqual({
        key: 'prior.refused.wrong_year',
        args: { year: '2025', lastYear: String(y), expected: '2024' },
      });
      expect(plan.changes.patches).toEqual([]);
    }
  });

  it('refuses a workbook that is not a standard one', () => {
    const noMeta = (s: Snapshot): Snapshot => ({ ...s, tables: s.tables.filter((t) => t.name !== 'Meta') });
    expect(planPriorYear(current, noMeta(last)).refusal?.key).toBe('prior.refused.last_not_standard');
    expect(planPriorYear(noMeta(current), last).refusal?.key).toBe('prior.refused.current_not_standard');
  });

  it('skips a value of last year that does not read as a number, and says where it is', () => {
    const broken = withReportCell(last, 'ABA_CRB', 'L01', 'q2', '12 abc');
    const plan = planPriorYear(current, broken);
    expect(plan.skipped).toHaveLength(1);
    expect(plan.skipped[0]).toMatchObject({
      libId: 'ABA_CRB',
      code: 'L01',
      message: { key: 'prior.skipped.unreadable' },
    });
    expect(plan.skipped[0]?.cell).toMatch(new RegExp(`^'ABA_CRB'!${columnLetters(REPORT_COLUMNS.indexOf('q2'))}\\d+$`));
    const filled = applied(current, plan);
    expect(priorOf(filled, 'ABA_CRB', 'L01')).toBeNull();
    expect(priorOf(filled, 'ABA_CRB', 'L02')).not.toBeNull();
  });

  it('lists the libraries of last year that report no more', () => {
    const fewer = blankPriors(snap(smallContent('ru', LIBS.slice(0, 4))));
    const plan = planPriorYear(fewer, last);
    expect(plan.goneLibraries).toEqual(['ABA_B01']);
    expect(plan.newLibraries).toEqual([]);
  });

  it('fills nothing from a report of last year without its Q4, and lists it (issue 19, item 7)', () => {
    let q4blank = last;
    for (const ind of INDICATORS) q4blank = withReportCell(q4blank, 'KRG_CGB', ind.code, 'q4', null);
    const plan = planPriorYear(current, q4blank);
    expect(plan.incomplete).toEqual(['KRG_CGB']);
    expect(plan.filled.map((f) => f.libId)).not.toContain('KRG_CGB');
    const filled = applied(current, plan);
    for (const ind of INDICATORS) expect(priorOf(filled, 'KRG_CGB', ind.code)).toBeNull();
    expect(priorOf(filled, 'TMR_CGB', 'U01')).not.toBeNull();
  });

  it('fills nothing from a report last year’s methodologist returned, and lists it', () => {
    const ru = (k: 'submitted' | 'returned') => enumLabel('ru', 'report_status', k);
    const returned = snap({
      ...year(smallContent('ru'), 2024),
      submissions: [
        { lib_id: 'ABA_CRB', status: ru('submitted'), changed_by: 'А', changed_at: { date: Date.UTC(2025, 0, 20) } },
        { lib_id: 'ABA_CRB', status: ru('returned'), changed_by: 'Б', changed_at: { date: Date.UTC(2025, 0, 22) } },
      ],
    });
    const plan = planPriorYear(current, returned);
    expect(plan.returned).toEqual(['ABA_CRB']);
    expect(plan.filled.map((f) => f.libId)).not.toContain('ABA_CRB');
    expect(plan.filled.length).toBe(LIBS.length - 1);
  });

  it('refuses last year’s workbook of another region or level', () => {
    const other = (region: string, level: 'oblast' | 'cbs') => {
      const c = year(smallContent('ru'), 2024);
      return snap({ ...c, settings: { ...c.settings, region, level } });
    };
    const mine = parseWorkbook(current).meta;
    expect(planPriorYear(current, other('Павлодарская область', 'oblast')).refusal?.key).toBe(
      'prior.refused.other_region',
    );
    expect(planPriorYear(current, other(mine.region ?? '', 'cbs')).refusal?.key).toBe('prior.refused.other_level');
    expect(planPriorYear(current, other(` ${(mine.region ?? '').toUpperCase()} `, 'oblast')).refusal).toBeNull();
    // Last year's workbook was kept in Kazakh: the same oblast, not another one.
    expect(mine.region).toBe('Карагандинская область');
    expect(planPriorYear(current, other('Қарағанды облысы', 'oblast')).refusal).toBeNull();
    expect(planPriorYear(current, other('Karaganda oblast', 'oblast')).refusal).toBeNull();
  });

  it('says every message in kk, ru and en, none of them a catalogue key (issue 19, item 15)', () => {
    const broken = withReportCell(last, 'ABA_CRB', 'L01', 'q2', '12 abc');
    const messages = [
      planPriorYear(current, broken).skipped[0]!.message,
      planPriorYear(current, snap(year(smallContent('ru'), 2023))).refusal!,
      planPriorYear(
        current,
        snap({
          ...year(smallContent('ru'), 2024),
          settings: { ...year(smallContent('ru'), 2024).settings, level: 'cbs' },
        }),
      ).refusal!,
    ];
    for (const lang of ['kk', 'ru', 'en'] as const)
      for (const m of messages) expect(translator(lang).render(m)).not.toMatch(/finding\.|prior\.|\{\{/);
  });
});
