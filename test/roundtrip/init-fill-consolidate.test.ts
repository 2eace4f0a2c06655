import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { INDICATORS, REPORT_COLUMNS, REPORT_HEADER_ROW, yearValue } from '../../src/standard';
import { templatePlan } from '../../src/core/layout/template';
import { writeWorkbook } from '../../src/xlsx/write';
import { reportValues } from '../../src/bench/national';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/errors';
import { LIBS, smallContent } from '../helpers/network';

/**
 * The whole life of a workbook through files: `init --from` a registry, the
 * libraries' figures and register rows typed in programmatically (with ExcelJS,
 * as another program would), then `validate` and `consolidate`, whose figures
 * are checked against sums computed here, independently of the core.
 */
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-roundtrip-'));

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += s), err: (s) => (err += s), tty: false };
  const code = await main(['node', 'kitaphana', ...args], io);
  return { code, out, err };
}

describe('init → fill → validate → consolidate', () => {
  it('gives the figures computed independently', async () => {
    const registry = join(dir, 'registry.xlsx');
    const base = smallContent('kk');
    writeFileSync(registry, await writeWorkbook(templatePlan({ ...base, events: [], training: [], reports: [] })));
    const fresh = join(dir, 'fresh.xlsx');
    const init = await run(
      'init',
      fresh,
      '--from',
      registry,
      '--year',
      '2025',
      '--region',
      'Қарағанды облысы',
      '--lang',
      'kk',
    );
    expect(init.code).toBe(0);

    // Fill it as people would: numbers into the report sheets, one event and one training row per library.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(fresh) as unknown as ArrayBuffer);
    const expected: Record<string, { year: number | null; byTerr: Record<string, number> }> = {};
    const eventsPerLib = 1;
    LIBS.forEach((lib) => {
      const ws = wb.getWorksheet(lib.id);
      expect(ws).toBeDefined();
      const values = reportValues(lib.scale);
      values.E01 = { plan: 1, q1: 1, q2: 0, q3: 0, q4: 0, prior_year: 2 };
      values.E02 = { plan: 0, q1: 0, q2: 0, q3: 0, q4: 0, prior_year: 0 };
      values.E03 = { plan: 0, q1: 0, q2: 0, q3: 0, q4: 0, prior_year: 0 };
      values.S04 = { plan: 1, q1: 1, q2: 1, q3: 1, q4: 1, prior_year: 1 };
      INDICATORS.forEach((ind, i) => {
        const row = ws!.getRow(REPORT_HEADER_ROW + 1 + i);
        const v = values[ind.code]!;
        for (const col of ['plan', 'q1', 'q2', 'q3', 'q4', 'prior_year'] as const) {
          row.getCell(REPORT_COLUMNS.indexOf(col) + 1).value = v[col] as number;
        }
        const q = [v.q1, v.q2, v.q3, v.q4].map((x) => (typeof x === 'number' ? x : null));
        const e = (expected[ind.code] ??= { year: null, byTerr: {} });
        const y = yearValue(ind.agg, q);
        if (y !== null) {
          e.year = (e.year ?? 0) + y;
          e.byTerr[lib.terr] = (e.byTerr[lib.terr] ?? 0) + y;
        }
      });
    });
    const events = wb.worksheets.find((w) =>
      w.getTables?.().some((t) => (t as unknown as { name: string }).name === 'Events'),
    );
    const training = wb.worksheets.find((w) =>
      w.getTables?.().some((t) => (t as unknown as { name: string }).name === 'Training'),
    );
    expect(events && training).toBeTruthy();
    const yes = 'Иә';
    LIBS.forEach((lib, i) => {
      events!.getRow(2 + i).values = [
        `EV-${i + 1}`,
        lib.id,
        new Date(Date.UTC(2025, 2, 10 + i)),
        null,
        `Семинар ${i}`,
        'Семинар',
        'Кітапханада',
        null,
        'Қазақ тілі',
        'Кітапханашылар',
        'Облыстық',
        30 + i,
        0,
        0,
        yes,
        6,
        10,
      ];
      training!.getRow(2 + i).values = [
        lib.id,
        null,
        1,
        'кітапханашы',
        new Date(Date.UTC(2025, 3, 1)),
        'Курс',
        'ҰАК',
        null,
        'Онлайн',
        36,
        yes,
      ];
    });
    // Rows typed below a table become part of it in Excel; with ExcelJS the table's range is set by hand.
    for (const [ws, name] of [
      [events!, 'Events'],
      [training!, 'Training'],
    ] as const) {
      const table = ws.getTable(name) as unknown as { table: { tableRef?: string; ref: string }; commit?: () => void };
      const ref = table.table.tableRef ?? table.table.ref;
      const last = ref.replace(/\d+$/, String(1 + eventsPerLib * LIBS.length));
      table.table.ref = last;
      table.table.tableRef = last;
    }
    const filled = join(dir, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);

    const v = await run('validate', filled, '--json', '--lang', 'en');
    const findings = JSON.parse(v.out).findings as { rule: string; cell: string; message: string }[];
    expect(findings.map((f) => `${f.rule} ${f.cell} ${f.message}`)).toEqual([]);
    expect(v.code).toBe(0);

    const c = await run('consolidate', filled, '-o', join(dir, 'svod.xlsx'), '--json');
    expect(c.code).toBe(0);
    const json = JSON.parse(c.out);
    expect(json.libraries).toMatchObject({ active: LIBS.length, included: LIBS.length, excluded: [], missing: [] });
    for (const ind of INDICATORS) {
      expect({ code: ind.code, year: json.indicators[ind.code].year }).toEqual({
        code: ind.code,
        year: expected[ind.code]!.year,
      });
      for (const terr of ['KRG', 'TMR', 'ABA']) {
        expect({ code: ind.code, terr, v: json.by_territory[terr][ind.code] }).toEqual({
          code: ind.code,
          terr,
          v: expected[ind.code]!.byTerr[terr] ?? null,
        });
      }
    }
    const y = (code: string) => expected[code]!.year as number;
    expect(json.ratios.readership).toBeCloseTo(y('L01') / y('U01'), 4);
    expect(json.ratios.turnover).toBeCloseTo(y('L01') / y('C03'), 4);
    expect(json.ratios.coverage_pct).toBeCloseTo((y('U01') / (500000 + 180000 + 50000)) * 100, 4);
    expect(json.events).toMatchObject({
      count: LIBS.length,
      participants: LIBS.reduce((s, _, i) => s + 30 + i, 0),
      territories_covered: 3,
    });
    // Every event filled in is professional development; none names the territories it reached.
    expect(json.events.pd).toEqual({
      count: LIBS.length,
      hours: 6 * LIBS.length,
      certificates: 10 * LIBS.length,
      participants: LIBS.reduce((s, _, i) => s + 30 + i, 0),
      reach: { KRG: 0, TMR: 0, ABA: 0 },
      territories_reached: 0,
    });
    expect(json.events.by_month['03']).toBe(LIBS.length);
    expect(json.training).toMatchObject({ persons: LIBS.length, hours: 36 * LIBS.length, certificates: LIBS.length });
    expect(json.training.staff_trained_pct).toBeCloseTo((LIBS.length / y('S01')) * 100, 2);
  });
});
