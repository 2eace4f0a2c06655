import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDICATORS, changePercent, percentOf, yearValue } from '../../src/standard';
import { templatePlan } from '../../src/core/layout/template';
import { writeWorkbook } from '../../src/xlsx/write';
import { readWorkbook } from '../../src/xlsx/read';
import { validate } from '../../src/core/validate';
import { has } from '../../scripts/test-programs';
import { smallContent, withReportCellContent } from '../helpers/network';
import { CSV_PER_SHEET, convertWithLibreOffice } from '../helpers/libreoffice';

/**
 * LibreOffice, a spreadsheet program nobody here wrote, opens the workbook we
 * write, recomputes its formulas and saves it again; the year, plan % and
 * change % it computes agree with the core's own figures, and its re-saved
 * file reads the same as ours.
 */
const maybe = has('soffice') ? it : it.skip;

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kitaphana-lo-'));
  // A partial year in one library: blanks must stay blank in LibreOffice's results too.
  const content = withReportCellContent(smallContent('ru'), 'TMR_CGB', { q4: null });
  const file = join(dir, 'standard.xlsx');

  beforeAll(async () => {
    writeFileSync(file, await writeWorkbook(templatePlan(content)));
  });

  maybe("recomputes the report formulas to the core's figures", () => {
    // Token 12 = -1: one CSV per sheet, named <file>-<sheet>.csv; formulas are evaluated on load.
    convertWithLibreOffice(file, CSV_PER_SHEET, dir);
    for (const report of content.reports) {
      const csv = readdirSync(dir).find((f) => f.endsWith(`-${report.libId}.csv`));
      expect(csv).toBeDefined();
      const rows = parseCsv(readFileSync(join(dir, csv as string), 'utf8'));
      const header = rows.findIndex((r) => r[0] === 'Код');
      expect(header).toBe(3);
      INDICATORS.forEach((ind, i) => {
        const row = rows[header + 1 + i] as string[];
        const v = report.values?.[ind.code] ?? {};
        const num = (x: unknown) => (typeof x === 'number' ? x : null);
        const year = yearValue(ind.agg, [num(v.q1), num(v.q2), num(v.q3), num(v.q4)]);
        const cell = (k: number) => (row[k] === '' || row[k] === undefined ? null : Number(row[k]));
        expect({ code: ind.code, year: cell(8) }).toEqual({ code: ind.code, year });
        const pct = percentOf(year, num(v.plan));
        const chg = changePercent(year, num(v.prior_year));
        expect(cell(9) === null ? null : Number(cell(9)!.toFixed(6))).toEqual(
          pct === null ? null : Number(pct.toFixed(6)),
        );
        expect(cell(11) === null ? null : Number(cell(11)!.toFixed(6))).toEqual(
          chg === null ? null : Number(chg.toFixed(6)),
        );
      });
    }
  });

  maybe('re-saves our workbook as a file that reads the same and checks the same', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kitaphana-lo-xlsx-'));
    convertWithLibreOffice(file, 'xlsx', out);
    const theirs = await readWorkbook(readFileSync(join(out, 'standard.xlsx')));
    const ours = await readWorkbook(readFileSync(file));
    const names = (s: typeof ours) => s.tables.map((t) => t.name).sort();
    expect(names(theirs)).toEqual(names(ours));
    const mine = validate(ours);
    const lo = validate(theirs);
    expect(lo.findings).toEqual(mine.findings);
    for (const t of ours.tables) {
      const other = theirs.tables.find((x) => x.name === t.name)!;
      expect({ name: t.name, header: other.header, top: other.top, left: other.left }).toEqual({
        name: t.name,
        header: t.header,
        top: t.top,
        left: t.left,
      });
    }
  });
});
