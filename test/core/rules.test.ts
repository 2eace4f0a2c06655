import type { RuleId } from '../../src/standard';
import { asVersion1 } from '../helpers/version1';
import { templatePlan } from '../../src/core/layout/template';
import { validate } from '../../src/core/validate';
import { translator } from '../../src/i18n';
import type { CellValue, Snapshot, TableSnapshot } from '../../src/core/snapshot';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { columnIndexOf, indicatorRow, smallContent, withCell, withReportCell } from '../helpers/network';

/** Every rule of section 3: firing on a bad value, quiet on a good one. */
const base = planSnapshot(templatePlan(smallContent('ru')));
const en = translator('en');
const ru = translator('ru');

function findings(s: Snapshot, rule: RuleId) {
  return validate(s).findings.filter((f) => f.rule === rule);
}
function only(s: Snapshot, rule: RuleId) {
  const all = findings(s, rule);
  expect(all).toHaveLength(1);
  return all[0]!;
}
function mapTable(s: Snapshot, name: string, f: (t: TableSnapshot) => TableSnapshot | null): Snapshot {
  return {
    ...s,
    tables: s.tables.flatMap((t) => (t.name === name ? [f(t)].filter((x): x is TableSnapshot => x !== null) : [t])),
  };
}
const eventCol = (t: TableSnapshot, c: string) => columnIndexOf(t, c);

describe('the clean base', () => {
  it('has no findings', () => expect(validate(base).findings).toEqual([]));
});

describe('S1 structure', () => {
  it('fires on a missing table', () => {
    const f = only(
      mapTable(base, 'Events', () => null),
      'S1',
    );
    expect(f).toMatchObject({ table: 'Events', cell: null });
    expect(ru.render(f.message)).toContain('Events');
  });
  it('fires on a renamed column and names the cell', () => {
    const s = mapTable(base, 'Libraries', (t) => ({
      ...t,
      header: t.header.map((h, i) => (i === 3 ? 'Тип учреждения' : h)),
    }));
    const all = findings(s, 'S1');
    expect(all.map((f) => f.message.key).sort()).toEqual(['S1.column_missing', 'S1.column_unknown']);
    expect(all.find((f) => f.message.key === 'S1.column_unknown')?.cell).toBe("'Библиотеки'!D1");
  });
  it('fires on a duplicated column', () => {
    const s = mapTable(base, 'Territories', (t) => ({
      ...t,
      header: [...t.header, t.header[1] ?? null],
      rows: t.rows.map((r) => [...r, null]),
    }));
    expect(only(s, 'S1').message.key).toBe('S1.column_duplicate');
  });
  it('fires on columns out of order', () => {
    const swap = <T>(a: readonly T[]) => [a[0], a[2], a[1], ...a.slice(3)] as T[];
    const s = mapTable(base, 'Territories', (t) => ({ ...t, header: swap(t.header), rows: t.rows.map(swap) }));
    expect(only(s, 'S1').message.key).toBe('S1.column_order');
  });
  it('accepts headers in another language, as column keys, with odd case and spaces', () => {
    const lib = base.tables.find((t) => t.name === 'Libraries')!;
    const headers = [
      'LIB_ID',
      'Атауы (қаз.)',
      'Name (Russian)',
      ' type ',
      'Код  территории',
      'parent_id',
      'RURAL',
      'Жұмыс\u00a0істейді',
    ];
    const s = mapTable(base, 'Libraries', () => ({ ...lib, header: headers }));
    expect(findings(s, 'S1')).toEqual([]);
  });
  it('fires on a deleted, a moved and an edited indicator row', () => {
    const deleted = mapTable(base, 'R_KRG_CGB', (t) => ({
      ...t,
      rows: t.rows.filter((_, i) => i !== indicatorRow('U03')),
    }));
    expect(only(deleted, 'S1').message).toMatchObject({ key: 'S1.report_row_missing', args: { code: 'U03' } });
    const moved = mapTable(base, 'R_KRG_CGB', (t) => {
      const rows = [...t.rows];
      const [a, b] = [rows[0]!, rows[5]!];
      rows[0] = b;
      rows[5] = a;
      return { ...t, rows };
    });
    expect(findings(moved, 'S1').map((f) => f.message.key)).toContain('S1.report_row_moved');
    const edited = withReportCell(base, 'KRG_CGB', 'L01', 'indicator', 'Выдача книг');
    const f = only(edited, 'S1');
    expect(f).toMatchObject({
      table: 'R_KRG_CGB',
      row: 'L01',
      column: 'indicator',
      cell: "'KRG_CGB'!B13",
      libId: 'KRG_CGB',
    });
  });
  it('reports a code typed over in its own row once', () => {
    const f = only(withReportCell(base, 'KRG_CGB', 'T03', 'code', 'T3'), 'S1');
    expect(f.message).toMatchObject({ key: 'S1.report_row_unknown', args: { value: 'T3', expected: 'T03' } });
  });
  it('accepts an indicator name in another language', () => {
    expect(findings(withReportCell(base, 'KRG_CGB', 'L01', 'indicator', 'Кітап беру'), 'S1')).toEqual([]);
    expect(findings(withReportCell(base, 'KRG_CGB', 'L01', 'unit', 'documents'), 'S1')).toEqual([]);
  });
  it('fires on an unknown version of the standard', () => {
    const s = withCell(base, 'Meta', 1, 'value', '3');
    expect(only(s, 'S1').message.key).toBe('S1.meta_version');
  });
  it('reads a version 1 workbook without the registers, columns and report rows that version 2 added', () => {
    const v1 = asVersion1(base);
    expect(findings(v1, 'S1')).toEqual([]);
    // The same workbook that says it is version 2 lacks all of them.
    const keys = findings(withCell(v1, 'Meta', 1, 'value', '2'), 'S1').map((f) => f.message.key);
    expect(new Set(keys)).toEqual(new Set(['S1.table_missing', 'S1.column_missing', 'S1.report_row_missing']));
    expect(keys.filter((k) => k === 'S1.table_missing')).toHaveLength(4);
    expect(keys.filter((k) => k === 'S1.column_missing')).toHaveLength(3);
  });
});

describe('S2 report sheets', () => {
  it('fires for an active library without a report and a report without a library', () => {
    const s = mapTable(base, 'R_TMR_CGB', () => null);
    expect(only(s, 'S2')).toMatchObject({ table: 'Libraries', row: 'TMR_CGB', column: 'lib_id' });
    const orphan = mapTable(base, 'R_TMR_CGB', (t) => ({ ...t, name: 'R_TMR_OLD' }));
    expect(
      findings(orphan, 'S2')
        .map((f) => f.message.key)
        .sort(),
    ).toEqual(['S2.no_report', 'S2.orphan_report']);
  });
  it('is quiet for an inactive library without a report', () => {
    const libs = base.tables.find((t) => t.name === 'Libraries')!;
    const row = libs.rows.findIndex((r) => r[0] === 'TMR_CGB');
    const s = withCell(
      mapTable(base, 'R_TMR_CGB', () => null),
      'Libraries',
      row,
      'active',
      'Нет',
    );
    expect(findings(s, 'S2')).toEqual([]);
  });
});

describe('D1 numbers', () => {
  it('refuses "1 234" with a no-break space and shows the number meant', () => {
    const f = only(withReportCell(base, 'KRG_CGB', 'V01', 'q2', '1\u00a0234'), 'D1');
    expect(f).toMatchObject({ table: 'R_KRG_CGB', row: 'V01', column: 'q2', cell: "'KRG_CGB'!F10" });
    // The number as it is to be typed (a space in it would make it text again), not as it was typed.
    expect(en.render(f.message)).toContain('1234 was probably meant');
    expect(ru.render(f.message)).toContain('имелось в виду 1234.');
    expect(translator('kk').render(f.message)).toMatch(/1234/);
  });
  it("shows a meant fraction with the reader's decimal sign", () => {
    const f = only(withReportCell(base, 'KRG_CGB', 'T03', 'q2', '1 234,5'), 'D1');
    expect(f.message.key).toBe('D1.text_number');
    expect(ru.render(f.message)).toContain('1234,5');
    expect(en.render(f.message)).toContain('1234.5');
  });
  it('refuses "1 234", "12,0" and plain text', () => {
    expect(en.render(only(withReportCell(base, 'KRG_CGB', 'V01', 'q2', '1 234'), 'D1').message)).toContain('1234');
    expect(en.render(only(withReportCell(base, 'KRG_CGB', 'S01', 'q2', '12,0'), 'D1').message)).toContain(
      '12 was probably meant',
    );
    expect(only(withReportCell(base, 'KRG_CGB', 'T03', 'q2', 'нет данных'), 'D1').message.key).toBe('D1.text');
  });
  it('refuses negatives, fractions and error values', () => {
    expect(only(withReportCell(base, 'KRG_CGB', 'T03', 'q2', -5), 'D1').message.key).toBe('D1.negative');
    expect(only(withReportCell(base, 'KRG_CGB', 'T03', 'q2', 2.5), 'D1').message.key).toBe('D1.fraction');
    expect(
      only(withReportCell(base, 'KRG_CGB', 'T03', 'q2', { kind: 'error', code: '#REF!' }), 'D1').message,
    ).toMatchObject({
      key: 'D1.error_value',
      args: { code: '#REF!' },
    });
    expect(
      only(withReportCell(base, 'KRG_CGB', 'T03', 'q2', { kind: 'formula', formula: '=B7*2' }), 'D1').message.key,
    ).toBe('D1.formula');
  });
  it('accepts numbers and constant arithmetic', () => {
    const s = withReportCell(base, 'KRG_CGB', 'T03', 'q2', { kind: 'formula', formula: '=300+300' });
    expect(findings(s, 'D1')).toEqual([]);
  });
  it('checks register numbers: text, negative, fraction, zero hours, persons below 1', () => {
    expect(only(withCell(base, 'Events', 0, 'participants', '25 чел.'), 'D1').column).toBe('participants');
    expect(only(withCell(base, 'Territories', 0, 'population', -1), 'D1').message.key).toBe('D1.negative');
    expect(only(withCell(base, 'Events', 0, 'children', 1.5), 'D1').message.key).toBe('D1.fraction');
    expect(only(withCell(base, 'Events', 1, 'hours', 0), 'D1').message.key).toBe('D1.not_positive');
    expect(only(withCell(base, 'Training', 0, 'hours', 600), 'D1').message.key).toBe('D1.above_max');
    expect(only(withCell(base, 'Training', 0, 'persons', 0), 'D1').message.key).toBe('D1.below_min');
    expect(only(withCell(base, 'Events', 0, 'link', 'www.example'), 'D1').message.key).toBe('D1.not_url');
    expect(findings(withCell(base, 'Events', 0, 'link', 'https://kitap.kz/e/1'), 'D1')).toEqual([]);
  });
});

describe('D2 required cells', () => {
  it('proposes the next free key for a row whose key is blank, a different one for each row', () => {
    const events = base.tables.find((x) => x.name === 'Events')!;
    const col = columnIndexOf(events, 'event_id');
    const used = events.rows.map((r) => Number(/^EV-(\d+)$/.exec(String(r[col]))?.[1] ?? 0));
    const next = Math.max(...used) + 1;
    const s = withCell(withCell(base, 'Events', 0, 'event_id', null), 'Events', 1, 'event_id', null);
    const f = findings(s, 'D2').filter((x) => x.column === 'event_id');
    expect(f.map((x) => x.message)).toEqual([
      {
        key: 'D2.blank_key',
        args: { column: { label: 'column.Events.event_id' }, key: `EV-${String(next).padStart(4, '0')}` },
      },
      {
        key: 'D2.blank_key',
        args: { column: { label: 'column.Events.event_id' }, key: `EV-${String(next + 1).padStart(4, '0')}` },
      },
    ]);
    expect(ru.render(f[0]!.message)).toContain(`EV-${String(next).padStart(4, '0')}`);
  });
  it('fires for a required indicator blank in a reported quarter', () => {
    const f = only(withReportCell(base, 'TMR_CGB', 'U01', 'q2', null), 'D2');
    expect(f).toMatchObject({ row: 'U01', column: 'q2', cell: "'TMR_CGB'!F5", libId: 'TMR_CGB' });
  });
  it('is quiet for a blank optional indicator and for a quarter nobody reported', () => {
    expect(findings(withReportCell(base, 'TMR_CGB', 'V03', 'q2', null), 'D2')).toEqual([]);
    const t = base.tables.find((x) => x.name === 'R_TMR_CGB')!;
    const q4 = columnIndexOf(t, 'q4');
    const noQ4 = mapTable(base, 'R_TMR_CGB', (x) => ({
      ...x,
      rows: x.rows.map((r) => r.map((v, i) => (i === q4 ? null : v))),
    }));
    expect(findings(noQ4, 'D2')).toEqual([]);
  });
  it('fires for a required register cell and for a conditionally required one', () => {
    expect(only(withCell(base, 'Events', 0, 'title', '  '), 'D2').column).toBe('title');
    const online = withCell(base, 'Events', 0, 'format', 'Онлайн');
    const f = only(online, 'D2');
    expect(f.column).toBe('platform');
    expect(ru.render(f.message)).toContain('Онлайн');
    expect(findings(withCell(online, 'Events', 0, 'platform', 'Zoom'), 'D2')).toEqual([]);
    expect(only(withCell(base, 'Events', 1, 'hours', null), 'D2').column).toBe('hours');
  });
});

describe('D3 enumerations', () => {
  it('fires for a value not in the list', () => {
    const f = only(withCell(base, 'Events', 0, 'form', 'Семинар-тренинг'), 'D3');
    expect(f).toMatchObject({ table: 'Events', row: 'EV-0001', column: 'form' });
  });
  it.each(['Master class', 'master_class', 'Шеберлік сыныбы', 'мастер-КЛАСС', 'Мастер\u00a0-\u00a0класс'])(
    'accepts %s',
    (v) => {
      expect(findings(withCell(base, 'Events', 0, 'form', v), 'D3')).toEqual([]);
    },
  );
  it('accepts booleans for yes/no', () => {
    expect(findings(withCell(base, 'Libraries', 0, 'rural', false), 'D3')).toEqual([]);
  });
});

describe('D4 dates', () => {
  const d = (y: number, m: number, day: number): CellValue => ({ kind: 'date', ms: Date.UTC(y, m - 1, day) });
  it('fires for a date outside the year and an end before the start', () => {
    expect(only(withCell(base, 'Events', 0, 'date_start', d(2024, 12, 20)), 'D4').message.key).toBe('D4.outside_year');
    expect(only(withCell(base, 'Events', 0, 'date_end', d(2025, 1, 5)), 'D4').message.key).toBe('D4.end_before_start');
  });
  it('fires for a date typed as text and shows the date meant', () => {
    const f = only(withCell(base, 'Training', 0, 'date', '15.03.2025'), 'D4');
    expect(f.message.key).toBe('D4.text_date');
    expect(ru.render(f.message)).toContain('15.03.2025');
    expect(only(withCell(base, 'Training', 0, 'date', 'в марте'), 'D4').message.key).toBe('D4.not_date');
  });
  it('reads serial numbers in the 1900 and the 1904 date systems', () => {
    // 2025-03-15 is serial 45731 in the 1900 system and 44269 in the 1904 system.
    expect(findings(withCell(base, 'Events', 0, 'date_start', 45731), 'D4')).toEqual([]);
    const mac = { ...base, date1904: true };
    expect(findings(withCell(mac, 'Events', 0, 'date_start', 44269), 'D4')).toEqual([]);
    expect(only(withCell(mac, 'Events', 0, 'date_start', 45731), 'D4').message.key).toBe('D4.outside_year');
    expect(only(withCell(base, 'Events', 0, 'date_start', 44269), 'D4').message.key).toBe('D4.outside_year');
  });
});

describe('D5 codes', () => {
  it('names a Cyrillic look-alike letter in a code', () => {
    const f = only(withCell(base, 'Events', 0, 'lib_id', 'КRG_OUNB'), 'D5');
    expect(f.message).toMatchObject({ key: 'D5.lookalike', args: { letters: 'К', meant: 'KRG_OUNB' } });
    expect(ru.render(f.message)).toContain('К');
    const lib = findings(withCell(base, 'Libraries', 0, 'lib_id', 'KRG_ОUNB'), 'D5').find(
      (x) => x.table === 'Libraries',
    );
    expect(lib?.message).toMatchObject({ key: 'D5.lookalike', args: { letters: 'О' } });
  });
  it('fires for unknown codes, a bad LIB_ID and a parent cycle', () => {
    expect(only(withCell(base, 'Libraries', 4, 'parent_id', 'ABA_CRB2'), 'D5').message.key).toBe('D5.unknown_ref');
    expect(only(withCell(base, 'Training', 0, 'event_id', 'EV-9999'), 'D5').column).toBe('event_id');
    expect(only(withCell(base, 'Libraries', 0, 'terr_code', 'KAR'), 'D5').column).toBe('terr_code');
    const cycle = withCell(
      withCell(base, 'Libraries', 3, 'parent_id', 'ABA_B01'),
      'Libraries',
      4,
      'parent_id',
      'ABA_CRB',
    );
    expect(only(cycle, 'D5').message.key).toBe('D5.cycle');
    const lower = findings(withCell(base, 'Libraries', 2, 'lib_id', 'tmr-cgb'), 'D5');
    expect(lower.map((f) => f.message.key)).toContain('D5.lib_id_format');
  });
  it('is quiet for existing codes', () => {
    expect(findings(withCell(base, 'Training', 0, 'event_id', 'EV-0002'), 'D5')).toEqual([]);
  });
});

describe('D6 duplicates', () => {
  it('fires for a duplicate event_id, terr_code and lib_id', () => {
    const f = only(withCell(base, 'Events', 1, 'event_id', 'EV-0001'), 'D6');
    expect(f).toMatchObject({ cell: "'Мероприятия'!A3" });
    expect(f.message.args?.first).toBe("'Мероприятия'!A2");
    expect(only(withCell(base, 'Territories', 1, 'terr_code', 'KRG'), 'D6').column).toBe('terr_code');
    expect(findings(withCell(base, 'Libraries', 1, 'lib_id', 'KRG_OUNB'), 'D6')).toHaveLength(1);
  });
});

describe('R1 parts and wholes', () => {
  it('fires when a part exceeds its whole in a quarter', () => {
    const f = only(withReportCell(base, 'KRG_CGB', 'U02', 'q2', 100000), 'R1');
    expect(f).toMatchObject({ row: 'U02', column: 'q2', cell: "'KRG_CGB'!F6" });
  });
  it('fires when a part exceeds its whole in the year', () => {
    // S02's Q4 is blank, so its year is Q3's 3 while S03's year is Q4's 4: no quarter compares, the year does.
    const s = withReportCell(withReportCell(base, 'KRG_CGB', 'S02', 'q4', null), 'KRG_CGB', 'S03', 'q4', 4);
    expect(only(s, 'R1')).toMatchObject({ row: 'S03', column: 'year' });
  });
  it('fires for children, disabled or certificates above participants', () => {
    expect(only(withCell(base, 'Events', 0, 'children', 50), 'R1').column).toBe('children');
    expect(only(withCell(base, 'Events', 1, 'certificates', 22), 'R1').column).toBe('certificates');
  });
  it('is quiet when the part equals the whole', () => {
    expect(findings(withCell(base, 'Events', 0, 'children', 20), 'R1')).toEqual([]);
  });
});

describe('R2 year to date', () => {
  it('fires when a ytd indicator decreases', () => {
    const f = only(withReportCell(base, 'KRG_CGB', 'U01', 'q3', 100), 'R2');
    expect(f).toMatchObject({ row: 'U01', column: 'q3' });
  });
});

describe('R3 collection balance', () => {
  it('fires when C03 does not follow from acquisitions and withdrawals', () => {
    const t = base.tables.find((x) => x.name === 'R_KRG_CGB')!;
    const c03 = t.rows[indicatorRow('C03')]![columnIndexOf(t, 'q2')] as number;
    const f = only(withReportCell(base, 'KRG_CGB', 'C03', 'q2', c03 + 7), 'R3');
    expect(f).toMatchObject({ row: 'C03', column: 'q2' });
  });
  it('is quiet where a term is not given', () => {
    expect(findings(withReportCell(base, 'KRG_CGB', 'C01', 'q2', null), 'R3')).toEqual([]);
  });
});

describe('W1 change against last year', () => {
  it('fires for a change of more than 30 %, explained by a note', () => {
    const s = withReportCell(base, 'KRG_CGB', 'L01', 'prior_year', 4000);
    const f = only(s, 'W1');
    expect(f).toMatchObject({ row: 'L01', column: 'year' });
    expect(f.explained).toBeUndefined();
    const v = validate(withReportCell(s, 'KRG_CGB', 'L01', 'note', 'Открыт новый абонемент'));
    expect(v.findings.find((x) => x.rule === 'W1')?.explained).toBe(true);
    expect(v.warnings).toBe(0);
  });
  it('fires for a sum indicator exactly equal to last year', () => {
    const f = only(withReportCell(base, 'KRG_CGB', 'V01', 'prior_year', 4800), 'W1');
    expect(f.message.key).toBe('W1.copied');
  });
  it('is quiet for small counts', () => {
    expect(findings(withReportCell(base, 'KRG_CGB', 'S01', 'prior_year', 3), 'W1')).toEqual([]);
  });
});

describe('W2 plan fulfilment', () => {
  it('fires below 50 % and above 200 %', () => {
    expect(only(withReportCell(base, 'KRG_CGB', 'L01', 'plan', 20000), 'W2').column).toBe('plan_pct');
    expect(only(withReportCell(base, 'KRG_CGB', 'L01', 'plan', 3000), 'W2').message.key).toBe('W2.plan');
    expect(findings(withReportCell(base, 'KRG_CGB', 'L01', 'plan', 8500), 'W2')).toEqual([]);
  });
});

describe('W3 ratios', () => {
  it('fires for a readership outside 5–40', () => {
    let s = base;
    for (const q of ['q1', 'q2', 'q3', 'q4']) s = withReportCell(s, 'KRG_CGB', 'L01', q, 25000);
    const w3 = findings(s, 'W3').filter((f) => f.row === 'L01');
    expect(w3.map((f) => f.message.args?.value).length).toBeGreaterThanOrEqual(1);
    expect(en.render(w3[0]!.message)).toContain('Loans per user');
  });
});

describe('W4 registers against the report', () => {
  it('fires when E01 differs from the events register and S04 from training', () => {
    expect(only(withReportCell(base, 'KRG_CGB', 'E01', 'q1', 2), 'W4').row).toBe('E01');
    expect(only(withReportCell(base, 'KRG_CGB', 'S04', 'q4', 3), 'W4').row).toBe('S04');
  });
});

describe('W5 duplicate events', () => {
  it('fires for the same library, date and title', () => {
    const ev = base.tables.find((t) => t.name === 'Events')!;
    const copy = [...ev.rows[0]!];
    copy[eventCol(ev, 'event_id')] = 'EV-0100';
    copy[eventCol(ev, 'title')] = '  семинар 1 ';
    const s = mapTable(base, 'Events', (t) => ({ ...t, rows: [...t.rows, copy] }));
    const all = validate(s).findings.filter((f) => f.rule === 'W5' || f.rule === 'W4');
    expect(all.find((f) => f.rule === 'W5')).toMatchObject({ row: 'EV-0100', column: 'title' });
  });
});

describe('W6 missing reports', () => {
  it('fires for an active library whose report is empty', () => {
    const s = mapTable(base, 'R_ABA_B01', (t) => ({
      ...t,
      rows: t.rows.map((r) => r.map((v, i) => (i >= 3 && i !== 8 && i !== 9 && i !== 11 ? null : v))),
    }));
    const f = only(s, 'W6');
    expect(f).toMatchObject({ table: 'R_ABA_B01', libId: 'ABA_B01' });
  });
});

describe('the registers of methodological work (version 2): D1–D6, R1 and R4', () => {
  const keys = (s: Snapshot, rule: RuleId) => findings(s, rule).map((f) => `${f.table}.${f.column} ${f.message.key}`);

  it('is quiet on the realistic rows of the small network', () => {
    const v = validate(base);
    expect(v.findings).toEqual([]);
    expect(v.workbook.registers.Visits.rows).toHaveLength(4);
    expect(v.workbook.registers.Events.rows[1]?.v.territories).toBe('KRG, TMR; ABA');
  });

  it('D5: a visited library and each code of Events.territories must exist', () => {
    expect(keys(withCell(base, 'Visits', 0, 'visited_lib_id', 'TMR_CGB2'), 'D5')).toEqual([
      'Visits.visited_lib_id D5.unknown_ref',
    ]);
    const f = only(withCell(base, 'Events', 1, 'territories', 'KRG; ZHZ, ABA'), 'D5');
    expect(f).toMatchObject({ column: 'territories', message: { key: 'D5.unknown_ref', args: { value: 'ZHZ' } } });
    expect(only(withCell(base, 'Events', 1, 'territories', 'KRG ТMR'), 'D5').message.key).toBe('D5.lookalike');
    expect(findings(withCell(base, 'Events', 1, 'territories', 'krg  tmr;aba'), 'D5')).toEqual([]);
  });

  it('D6: duplicate visit_id, pub_id and study_id', () => {
    expect(keys(withCell(base, 'Visits', 2, 'visit_id', 'VS-0001'), 'D6')).toEqual(['Visits.visit_id D6.duplicate']);
    expect(keys(withCell(base, 'Publications', 3, 'pub_id', 'pb-0002'), 'D6')).toEqual([
      'Publications.pub_id D6.duplicate',
    ]);
    expect(keys(withCell(base, 'Studies', 1, 'study_id', 'ST-0001'), 'D6')).toEqual(['Studies.study_id D6.duplicate']);
  });

  it('D1–D4: types, required cells, enumerations and dates of every new column', () => {
    expect(keys(withCell(base, 'Visits', 0, 'persons', 0), 'D1')).toEqual(['Visits.persons D1.below_min']);
    expect(keys(withCell(base, 'Publications', 0, 'copies', '50 экз.'), 'D1')).toEqual(['Publications.copies D1.text']);
    expect(keys(withCell(base, 'Studies', 0, 'link', 'docs.google.com/forms/x'), 'D1')).toEqual([
      'Studies.link D1.not_url',
    ]);
    expect(keys(withCell(base, 'Events', 0, 'speakers', -1), 'D1')).toEqual(['Events.speakers D1.negative']);
    expect(keys(withCell(base, 'Participation', 1, 'organizer', null), 'D2')).toEqual([
      'Participation.organizer D2.blank',
    ]);
    expect(keys(withCell(base, 'Visits', 3, 'purpose', 'Проверка'), 'D3')).toEqual(['Visits.purpose D3.enum']);
    // Any language's label is accepted.
    expect(findings(withCell(base, 'Publications', 1, 'format', 'Брайль қарпі'), 'D3')).toEqual([]);
    expect(keys(withCell(base, 'Participation', 0, 'role', 'Выступающий'), 'D3')).toEqual([
      'Participation.role D3.enum',
    ]);
    expect(keys(withCell(base, 'Publications', 0, 'date', { kind: 'date', ms: Date.UTC(2024, 11, 30) }), 'D4')).toEqual(
      ['Publications.date D4.outside_year'],
    );
    expect(keys(withCell(base, 'Studies', 0, 'date_end', { kind: 'date', ms: Date.UTC(2025, 0, 15) }), 'D4')).toEqual([
      'Studies.date_end D4.end_before_start',
    ]);
  });

  it('R1: speakers cannot outnumber participants', () => {
    const f = only(withCell(base, 'Events', 1, 'speakers', 40), 'R1');
    expect(f).toMatchObject({ table: 'Events', row: 'EV-0002', column: 'speakers' });
  });

  it('R4: a library visits itself, or an inactive library', () => {
    const self = only(withCell(base, 'Visits', 0, 'visited_lib_id', 'krg_ounb'), 'R4');
    expect(self).toMatchObject({ table: 'Visits', row: 'VS-0001', column: 'visited_lib_id', severity: 'error' });
    expect(en.render(self.message)).toContain('cannot visit itself');
    const closed = withCell(base, 'Libraries', 4, 'active', 'Нет');
    const f = only(closed, 'R4');
    expect(f).toMatchObject({ row: 'VS-0003', message: { key: 'R4.inactive', args: { value: 'ABA_B01' } } });
    expect(ru.render(f.message)).toContain('не действующая');
    expect(findings(base, 'R4')).toEqual([]);
  });
});
