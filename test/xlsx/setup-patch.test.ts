import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { parseWorkbook } from '../../src/core/parse';
import { validate } from '../../src/core/validate';
import { consolidate } from '../../src/core/consolidate';
import { setupPlan, type SetupPlan, type SetupSettings, type TablePatch } from '../../src/core/setup';
import type { Snapshot } from '../../src/core/snapshot';
import { INDICATORS, REPORT_COLUMNS, yearValue } from '../../src/standard';
import { translator } from '../../src/i18n';
import { readWorkbook } from '../../src/xlsx/read';
import { applySetupPlan } from '../../src/xlsx/setup-patch';
import { SheetEdit } from '../../src/xlsx/sheet-edit';
import { WorkbookWriteError } from '../../src/xlsx/errors';
import { has } from '../../scripts/test-programs';
import { CSV_PER_SHEET, convertWithLibreOffice } from '../helpers/libreoffice';
import { excelRuleProblems, ooxmlProblems, partsOf, type Parts } from '../helpers/ooxml';
import { KEPT, richWorkbook } from './rich-workbook';
import { repoFile } from './consolidate-file';
import { table } from './helpers';

/**
 * `applySetupPlan` writes what set-up decided into a file by patching its
 * package: new sheets grafted, tables patched cell by cell (and grown), the
 * software's validations replaced; every value people typed and every part
 * the plan does not touch stay as they were.
 */
const dec = (d: Uint8Array | undefined) => new TextDecoder().decode(d);
const enc = (s: string) => new TextEncoder().encode(s);

function settingsOf(s: Snapshot): SetupSettings {
  const m = parseWorkbook(s).meta;
  return { level: m.level ?? 'oblast', region: m.region ?? '', year: m.year ?? 2025, language: m.language ?? 'ru' };
}

async function setUp(input: Uint8Array): Promise<{ plan: SetupPlan; out: Uint8Array }> {
  const snapshot = await readWorkbook(input);
  const plan = setupPlan(snapshot, settingsOf(snapshot));
  return { plan, out: await applySetupPlan(input, plan) };
}

/** A copy of a package with some parts edited. */
function edited(data: Uint8Array, edits: Record<string, (xml: string) => string>): Uint8Array {
  const parts = partsOf(data);
  for (const [name, f] of Object.entries(edits)) parts.set(name, enc(f(dec(parts.get(name)))));
  return zipSync(Object.fromEntries(parts));
}

/** Sheet name → its part, from the workbook and its relationships. */
function sheetParts(parts: Parts): Map<string, string> {
  const wb = dec(parts.get('xl/workbook.xml'));
  const rels = dec(parts.get('xl/_rels/workbook.xml.rels'));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] ?? '';
    out.set(m[1]!, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

/** Every cell of every sheet as `sheet!A1` → what it holds (value or formula, strings resolved). */
function cellsOf(data: Uint8Array): Map<string, string> {
  const parts = partsOf(data);
  const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join('');
  const strings = [...dec(parts.get('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    texts(m[1]!),
  );
  const out = new Map<string, string>();
  for (const [sheet, part] of sheetParts(parts)) {
    for (const m of dec(parts.get(part)).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /\sr="([^"]*)"/.exec(m[1]!)?.[1];
      const type = /\st="([^"]*)"/.exec(m[1]!)?.[1];
      const inner = m[2] ?? '';
      const f = /<f[^>]*>([\s\S]*?)<\/f>/.exec(inner)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const value =
        f !== undefined ? `=${f}` : type === 's' ? strings[Number(v)] : type === 'inlineStr' ? texts(inner) : v;
      if (value !== undefined && value !== '') out.set(`${sheet}!${ref}`, value);
    }
  }
  return out;
}

const hash = (cells: Map<string, string>, keys: Iterable<string>) =>
  createHash('sha256')
    .update([...keys].map((k) => `${k}\u0000${cells.get(k) ?? ''}`).join('\n'))
    .digest('hex');

describe('set-up applied to a file', () => {
  const mistakes = repoFile('workbooks', 'karaganda-2025-mistakes.xlsx');
  let plan: SetupPlan;
  let out: Uint8Array;
  beforeAll(async () => {
    ({ plan, out } = await setUp(mistakes));
  });

  it('restores the tampered report rows and adds the missing report sheet', async () => {
    expect(plan.summary).toEqual({ added: ['R_TMR_B02'], repaired: ['R_SHH_CGB', 'R_BZH_B01'], rebuilt: [] });
    const after = await readWorkbook(out);
    const tr = translator('ru');
    for (const name of ['R_SHH_CGB', 'R_BZH_B01']) {
      const t = table(after, name);
      expect(t.rows.map((r) => r[0])).toEqual(INDICATORS.map((i) => i.code));
      expect(t.rows.map((r) => r[1])).toEqual(INDICATORS.map((i) => tr.t(`indicator.${i.code}`)));
    }
    expect(after.tables.some((t) => t.name === 'R_TMR_B02')).toBe(true);
    // Set up again, nothing is left to do.
    expect(setupPlan(after, settingsOf(after)).summary).toEqual({ added: [], repaired: [], rebuilt: [] });
  });

  it('keeps every cell people typed: a hash of every input cell is the same before and after', () => {
    const before = cellsOf(mistakes);
    const after = cellsOf(out);
    // The cells the plan restores: code, name and unit, and the formulas, of the repaired reports' rows.
    const fixed = new Set(['code', 'indicator', 'unit', 'year', 'plan_pct', 'change_pct']);
    const restored = (key: string) =>
      plan.patches.some((p) => {
        const sheet = key.slice(0, key.lastIndexOf('!'));
        if (sheet !== p.sheet) return false;
        const ref = key.slice(key.lastIndexOf('!') + 1);
        const row = Number(/\d+/.exec(ref)?.[0]) - 1;
        const col = ref.charCodeAt(0) - 65;
        return row >= p.top && row < p.top + p.rows.length && fixed.has(REPORT_COLUMNS[col - p.left] ?? '');
      });
    const people = [...before.keys()].filter((k) => !restored(k)).sort();
    expect(people.length).toBeGreaterThan(10_000);
    expect(hash(after, people)).toBe(hash(before, people));
    // And what was restored is what the standard says, for the code typed over.
    expect(before.get('BZH_B01!A30')).toBe('T3');
    expect(after.get('BZH_B01!A30')).toBe('T03');
  });

  it('changes only the patched sheets and the package lists; every other part keeps its bytes', () => {
    const a = partsOf(mistakes);
    const b = partsOf(out);
    const sheets = sheetParts(b);
    const allowed = new Set([
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'docProps/app.xml',
      'xl/styles.xml',
      sheets.get('SHH_CGB'),
      sheets.get('BZH_B01'),
    ]);
    const changed = [...a.keys()].filter((k) => b.has(k) && Buffer.compare(a.get(k)!, b.get(k)!) !== 0);
    expect(changed.filter((k) => !allowed.has(k))).toEqual([]);
    expect([...a.keys()].filter((k) => !b.has(k))).toEqual([]);
    const added = [...b.keys()].filter((k) => !a.has(k)).sort();
    expect(added).toEqual(
      expect.arrayContaining([sheets.get('TMR_B02'), expect.stringMatching(/^xl\/tables\/table\d+\.xml$/)]),
    );
    expect(dec(b.get('xl/workbook.xml'))).toContain('fullCalcOnLoad="1"');
  });

  it('writes a valid package (schemas and the rules Excel enforces)', () => {
    expect(ooxmlProblems(out).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
  });

  it('changes nothing when run on its own output', async () => {
    const again = await setUp(out);
    expect(again.plan.summary).toEqual({ added: [], repaired: [], rebuilt: [] });
    const a = partsOf(out);
    const b = partsOf(again.out);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [k, v] of a) expect(`${k}:${Buffer.compare(v, b.get(k)!)}`).toBe(`${k}:0`);
  });

  (has('soffice') ? it : it.skip)(
    'opens in LibreOffice, which computes the restored rows',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'setup-lo-'));
      const file = join(dir, 'setup.xlsx');
      writeFileSync(file, out);
      convertWithLibreOffice(file, CSV_PER_SHEET, dir);
      for (const sheet of ['BZH_B01', 'SHH_CGB']) {
        const csv = readdirSync(dir).find((f) => f.endsWith(`-${sheet}.csv`));
        const rows = readFileSync(join(dir, csv!), 'utf8')
          .split('\n')
          .map((l) => l.split(','));
        const header = rows.findIndex((r) => r[0] === 'Код');
        INDICATORS.forEach((ind, i) => {
          const row = rows[header + 1 + i]!;
          const num = (k: number) => (row[k] === '' || row[k] === undefined ? null : Number(row[k]));
          const year = yearValue(ind.agg, [num(4), num(5), num(6), num(7)]);
          expect({ sheet, code: row[0], year: num(8) }).toEqual({ sheet, code: ind.code, year });
        });
      }
    },
    180_000,
  );
});

describe('set-up of a workbook whose registry grew', () => {
  it('gives a library added to the registry its report sheet', async () => {
    const clean = repoFile('workbooks', 'karaganda-2025.xlsx');
    const s = await readWorkbook(clean);
    const libs = table(s, 'Libraries');
    const row = [...libs.rows[0]!];
    row[0] = 'KRG_B99';
    // The library is added to the register by a hand-made patch: the table grows by one row.
    const addLibrary: TablePatch = {
      table: 'Libraries',
      sheet: libs.sheet,
      top: libs.top + 1 + libs.rows.length,
      left: libs.left,
      rows: [row.map((v) => (v !== null && typeof v === 'object' ? null : v))],
      currentRows: libs.rows.length,
      protectedSheet: false,
    };
    const grown = await applySetupPlan(clean, {
      workbook: { sheets: [], removeSheets: [] },
      patches: [addLibrary],
      columns: [],
      validations: [],
      summary: { added: [], repaired: [], rebuilt: [] },
    });
    expect(table(await readWorkbook(grown), 'Libraries').rows).toHaveLength(libs.rows.length + 1);
    const { plan, out } = await setUp(grown);
    expect(plan.summary.added).toEqual(['R_KRG_B99']);
    const after = await readWorkbook(out);
    expect(table(after, 'R_KRG_B99').rows.map((r) => r[0])).toEqual(INDICATORS.map((i) => i.code));
    expect(ooxmlProblems(out).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
  });
});

describe('patching a table by hand-made plans', () => {
  const clean = repoFile('workbooks', 'karaganda-2025.xlsx');
  const only = (patches: TablePatch[]): SetupPlan => ({
    workbook: { sheets: [], removeSheets: [] },
    patches,
    columns: [],
    validations: [],
    summary: { added: [], repaired: [], rebuilt: [] },
  });

  it('adds columns at the right of a table: header cells, unique ids and names, the range and its filter', async () => {
    const s = await readWorkbook(clean);
    const events = table(s, 'Events');
    const width = events.header.length;
    const existingName = String(events.header[0]);
    const day = Date.UTC(2025, 4, 17);
    const patch: TablePatch = {
      table: 'Events',
      sheet: events.sheet,
      top: events.top + 1,
      left: events.left + width,
      header: ['speakers', existingName],
      rows: events.rows.map((_, i) => (i === 0 ? ['Иванова А. К.', { date: day }] : [null, null])),
      currentRows: events.rows.length,
      protectedSheet: false,
    };
    const out = await applySetupPlan(clean, only([patch]));
    expect(ooxmlProblems(out).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
    const after = table(await readWorkbook(out), 'Events');
    expect(after.header).toEqual([...events.header, 'speakers', `${existingName}2`]);
    expect(after.rows[0]!.slice(width)).toEqual(['Иванова А. К.', { kind: 'date', ms: day }]);
    // The people's columns are as they were.
    expect(after.rows.map((r) => r.slice(0, width))).toEqual(events.rows);
    const parts = partsOf(out);
    const tablePart = [...parts.keys()].find((k) => /displayName="Events"/.test(dec(parts.get(k))))!;
    const xml = dec(parts.get(tablePart));
    const ids = [...xml.matchAll(/<tableColumn\b[^>]*\sid="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(width + 2);
    expect(xml).toMatch(new RegExp(`<tableColumns count="${width + 2}"`));
    const ref = /<table\b[^>]*\sref="([^"]*)"/.exec(xml)![1];
    expect(/<autoFilter\b[^>]*\sref="([^"]*)"/.exec(xml)![1]).toBe(ref);
  });

  it('refuses to grow a table over a cell that holds something, naming the sheet and the row', async () => {
    const s = await readWorkbook(clean);
    const terr = table(s, 'Territories');
    const sheetPart = sheetParts(partsOf(clean)).get(terr.sheet)!;
    const below = terr.top + terr.rows.length + 2; // 1-based row just below the table
    const blocked = edited(clean, {
      [sheetPart]: (x) =>
        x.replace(
          '</sheetData>',
          `<row r="${below}"><c r="B${below}" t="inlineStr"><is><t>заметка</t></is></c></row></sheetData>`,
        ),
    });
    const patch: TablePatch = {
      table: 'Territories',
      sheet: terr.sheet,
      top: terr.top + 1,
      left: terr.left,
      rows: [...terr.rows.map((r) => r.map(() => null)), terr.rows[0]!.map(() => null)],
      currentRows: terr.rows.length,
      protectedSheet: false,
    };
    const error = await applySetupPlan(blocked, only([patch])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect((error as WorkbookWriteError).reason).toBe('table_blocked');
    expect((error as WorkbookWriteError).params).toMatchObject({ sheet: terr.sheet, row: below, table: 'Territories' });
  });
});

describe('a sheet edited cell by cell', () => {
  it('gives every cell of a shared formula its own before the first one is overwritten', () => {
    const xml =
      '<worksheet><sheetData>' +
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>' +
      '</sheetData></worksheet>';
    const edit = new SheetEdit(xml);
    edit.set(0, 1, 0, null, '<v>7</v>');
    const out = edit.toXml();
    expect(out).toContain('<c r="B1"><v>7</v></c>');
    expect(out).toContain('<c r="B2"><f>A2*2</f><v>4</v></c>');
    expect(out).toContain('<c r="B3"><f>A3*2</f><v>6</v></c>');
    expect(out).not.toContain('t="shared"');
  });

  it('keeps the rows it does not touch as they were written', () => {
    const xml =
      '<worksheet><sheetData><row r="1" spans="1:2" customHeight="1" ht="20"><c r="A1" s="3"><v>1</v></c></row>' +
      '<row r="3"><c r="C3"><v>5</v></c></row></sheetData></worksheet>';
    const edit = new SheetEdit(xml);
    edit.set(1, 0, 0, 'inlineStr', '<is><t>x</t></is>');
    expect(edit.toXml()).toBe(
      '<worksheet><sheetData><row r="1" spans="1:2" customHeight="1" ht="20"><c r="A1" s="3"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>' +
        '<row r="3"><c r="C3"><v>5</v></c></row></sheetData></worksheet>',
    );
  });
});

describe("the registers' validation", () => {
  const clean = repoFile('workbooks', 'karaganda-2025.xlsx');

  it("puts back the software's rule someone deleted and keeps people's own rules", async () => {
    const part = sheetParts(partsOf(clean)).get('Мероприятия')!;
    const mine =
      '<dataValidation type="whole" allowBlank="1" sqref="C5 Z1:Z9"><formula1>1</formula1><formula2>9</formula2></dataValidation>';
    let removed = '';
    const damaged = edited(clean, {
      [part]: (x) =>
        x
          .replace(/<dataValidation [^>]*sqref="E2:E\d+">[\s\S]*?<\/dataValidation>/, (m) => {
            removed = m;
            return mine;
          })
          .replace(/<dataValidation [^>]*sqref="F2:F\d+">[\s\S]*?<\/dataValidation>/, (m) =>
            m.replace(/<formula1>[^<]*</, '<formula1>"a,b"<'),
          ),
    });
    expect(removed).not.toBe('');
    const { out } = await setUp(damaged);
    const xml = dec(partsOf(out).get(part));
    expect(xml).toContain(mine);
    expect(xml).toContain(removed);
    expect(xml).not.toContain('"a,b"');
    // The software's rules where they were, people's after them; nothing else in the sheet changed.
    const before = dec(partsOf(clean).get(part));
    const count = Number(/<dataValidations count="(\d+)">/.exec(before)![1]);
    expect(xml).toBe(
      before
        .replace(`<dataValidations count="${count}">`, `<dataValidations count="${count + 1}">`)
        .replace('</dataValidations>', `${mine}</dataValidations>`),
    );
    expect(ooxmlProblems(out).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
  });
});

describe('rebuilding the software sheets', () => {
  it('rebuilds the hidden lists someone edited, leaving no part of the old one behind', async () => {
    const clean = repoFile('workbooks', 'karaganda-2025.xlsx');
    const s = await readWorkbook(clean);
    const lists = table(s, 'Lists');
    const part = sheetParts(partsOf(clean)).get(lists.sheet)!;
    const damaged = edited(clean, {
      [part]: (x) =>
        x.replace(/(<c r="A2"[^>]*?)(?: t="s")?>[\s\S]*?<\/c>/, '$1 t="inlineStr"><is><t>Посёлок</t></is></c>'),
    });
    const { plan, out } = await setUp(damaged);
    expect(plan.summary.rebuilt).toEqual(['Lists']);
    // The old sheet and its table went, the new ones came: as many parts as before.
    expect([...partsOf(out).keys()].length).toBe([...partsOf(damaged).keys()].length);
    const after = await readWorkbook(out);
    expect(table(after, 'Lists').rows).toEqual(lists.rows);
    expect(after.sheets.map((x) => x.name)).toEqual(
      s.sheets
        .map((x) => x.name)
        .filter((n) => n !== lists.sheet)
        .concat(lists.sheet),
    );
    expect(ooxmlProblems(out).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
  });
});

describe('a report that lost its last row', () => {
  it('grows back over the empty row, its validation running down with it', async () => {
    const clean = repoFile('workbooks', 'karaganda-2025.xlsx');
    const s = await readWorkbook(clean);
    const report = table(s, 'R_KRG_B01');
    const parts = partsOf(clean);
    const sheetPart = sheetParts(parts).get(report.sheet)!;
    const tablePart = [...parts.keys()].find((k) => /displayName="R_KRG_B01"/.test(dec(parts.get(k))))!;
    const last = report.top + report.rows.length + 1; // 1-based
    // As Excel leaves it when the row is deleted: the table, the sheet and the validation end a row higher.
    const damaged = edited(clean, {
      [tablePart]: (x) => x.replace(new RegExp(`(ref="A\\d+:M)${last}"`, 'g'), `$1${last - 1}"`),
      [sheetPart]: (x) =>
        x
          .replace(new RegExp(`<row r="${last}"[\\s\\S]*?</row>`), '')
          .replace(new RegExp(`(sqref="[A-Z]+\\d+:[A-Z]+)${last}"`, 'g'), `$1${last - 1}"`),
    });
    const { plan, out } = await setUp(damaged);
    expect(plan.summary.repaired).toEqual(['R_KRG_B01']);
    const after = partsOf(out);
    expect(dec(after.get(tablePart))).toBe(dec(parts.get(tablePart)));
    const sqrefs = (xml: string) => [...xml.matchAll(/sqref="([^"]*)"/g)].map((m) => m[1]);
    expect(sqrefs(dec(after.get(sheetPart)))).toEqual(sqrefs(dec(parts.get(sheetPart))));
    const row = table(await readWorkbook(out), 'R_KRG_B01').rows.at(-1)!;
    expect(row[0]).toBe(INDICATORS.at(-1)!.code);
    expect(ooxmlProblems(out).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
  });
});

describe("set-up keeps every part of people's workbooks", () => {
  it.each([false, true])(
    'keeps notes, comments, macros, pivots, slicers, charts, pictures and themes (a report repaired: %s)',
    async (damage) => {
      const rich = richWorkbook();
      const part = sheetParts(partsOf(rich)).get('KRG_B01')!;
      // The code of the report's first row typed over, so that set-up patches that sheet.
      const input = damage
        ? edited(rich, {
            [part]: (x) => x.replace(/<c r="A5"[^>]*>[\s\S]*?<\/c>/, '<c r="A5" t="inlineStr"><is><t>X1</t></is></c>'),
          })
        : rich;
      const { plan, out } = await setUp(input);
      expect(plan.summary.repaired).toEqual(damage ? ['R_KRG_B01'] : []);
      const before = partsOf(input);
      const after = partsOf(out);
      for (const [what, name] of Object.entries(KEPT)) {
        expect(`${what}: ${Buffer.compare(after.get(name) ?? new Uint8Array(), before.get(name)!)}`).toBe(`${what}: 0`);
      }
      expect([...before.keys()].filter((k) => !after.has(k))).toEqual([]);
      expect(excelRuleProblems(after).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
    },
  );
});

describe('set-up of workbooks other programs wrote', () => {
  it.each([
    ['a LibreOffice re-save', 'libreoffice-resave.xlsx'],
    ['an earlier Kitaphana', 'kitaphana-written.xlsx'],
  ])('of %s writes a valid package and is then stable', async (_, name) => {
    const { out } = await setUp(repoFile('test', 'fixtures', name));
    expect(ooxmlProblems(out).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
    const again = await setUp(out);
    expect(again.plan.summary).toEqual({ added: [], repaired: [], rebuilt: [] });
  });
});

describe('dates written into a 1904 workbook', () => {
  it('are serial days of its own date system, shown as dates', async () => {
    const input = repoFile('test', 'fixtures', 'openpyxl-1904.xlsx');
    const events = table(await readWorkbook(input), 'Events');
    const day = Date.UTC(2025, 10, 3);
    const patch: TablePatch = {
      table: 'Events',
      sheet: events.sheet,
      top: events.top + 1,
      left: events.left + events.header.length,
      header: ['checked_on'],
      rows: events.rows.map((_, i) => [i === 0 ? { date: day } : null]),
      currentRows: events.rows.length,
      protectedSheet: false,
    };
    const out = await applySetupPlan(input, {
      workbook: { sheets: [], removeSheets: [] },
      patches: [patch],
      columns: [],
      validations: [],
      summary: { added: [], repaired: [], rebuilt: [] },
    });
    const after = table(await readWorkbook(out), 'Events');
    expect(after.rows[0]!.at(-1)).toEqual({ kind: 'date', ms: day });
    expect(after.rows.map((r) => r.slice(0, -1))).toEqual(events.rows);
    expect(ooxmlProblems(out).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
  });
});

describe('set-up of a version 1 workbook, applied to the file', () => {
  // The clean sample as the last version 1 release wrote it.
  const v1 = repoFile('test', 'fixtures', 'v1', 'karaganda-2025.xlsx');
  let plan: SetupPlan;
  let out: Uint8Array;
  beforeAll(async () => {
    ({ plan, out } = await setUp(v1));
  });

  it('adds the registers, columns and report rows of version 2 and writes version 2', async () => {
    const after = await readWorkbook(out);
    for (const name of ['Visits', 'Publications', 'Participation', 'Studies'])
      expect(after.tables.some((t) => t.name === name)).toBe(true);
    const ru = translator('ru');
    const events = table(after, 'Events');
    expect(events.header.slice(-2)).toEqual([ru.t('column.Events.speakers'), ru.t('column.Events.territories')]);
    for (const t of after.tables.filter((x) => x.name.startsWith('R_')))
      expect(t.rows.map((r) => r[0])).toEqual(INDICATORS.map((i) => i.code));
    const meta = table(after, 'Meta');
    expect(String(meta.rows.find((r) => r[0] === 'version')?.[1])).toBe('2');
    // A clean version 1 workbook is a clean version 2 workbook.
    const v = validate(after);
    expect(v.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // And set up again, nothing is left to do.
    expect(setupPlan(after, settingsOf(after)).summary).toEqual({ added: [], repaired: [], rebuilt: [] });
    expect(plan.columns.map((c) => c.table)).toEqual(['Events', 'Submissions']);
  });

  it('moves no value people typed: every cell of their sheets is the same before and after', () => {
    const before = cellsOf(v1);
    const after = cellsOf(out);
    // The software's own hidden sheets (settings and lists) are rebuilt; every other cell is people's.
    const own = /^(_meta|_lists)!/;
    const people = [...before.keys()].filter((k) => !own.test(k)).sort();
    expect(people.length).toBeGreaterThan(10_000);
    expect(hash(after, people)).toBe(hash(before, people));
  });

  it('consolidates to the same figures as before', async () => {
    const figures = async (data: Uint8Array) => {
      const c = consolidate(validate(await readWorkbook(data)));
      return { indicators: c.indicators, events: c.events.count, training: c.training.persons, ratios: c.ratios };
    };
    const before = await figures(v1);
    const after = await figures(out);
    expect({ ...after, indicators: { ...after.indicators, M01: undefined, M02: undefined } }).toEqual({
      ...before,
      indicators: { ...before.indicators, M01: undefined, M02: undefined },
    });
  });

  it('writes a package that passes the schemas and Excel’s rules', () => {
    expect(ooxmlProblems(out).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
  });
});

describe('set-up of a file whose tables someone renamed (issue 19, item 5)', () => {
  const clean = repoFile('workbooks', 'karaganda-2025.xlsx');
  /** The table part of a table, by name. */
  const partOf = (parts: Parts, name: string) =>
    [...parts.keys()].find((k) => k.startsWith('xl/tables/') && dec(parts.get(k)).includes(`displayName="${name}"`))!;
  const rename = (from: string, to: string) => (xml: string) =>
    xml.replace(new RegExp(`(name|displayName)="${from}"`, 'g'), `$1="${to}"`);
  let input: Uint8Array;
  let plan: SetupPlan;
  let out: Uint8Array;
  beforeAll(async () => {
    const parts = partsOf(clean);
    const events = sheetParts(parts).get('Мероприятия')!;
    input = edited(clean, {
      [partOf(parts, 'Events')]: rename('Events', 'MyEvents'),
      [partOf(parts, 'R_KRG_CGB')]: rename('R_KRG_CGB', 'Table7'),
      // A formula of people's own that refers to the table by the name Excel gave it when it was renamed.
      [events]: (xml) => {
        const edit = new SheetEdit(xml);
        edit.set(0, 40, 0, null, '<f>COUNTA(MyEvents[#All])</f>');
        return edit.toXml();
      },
    });
    ({ plan, out } = await setUp(input));
  });

  it('gives the tables their names back instead of adding empty twins, and the workbook checks clean', async () => {
    expect(plan.renames?.map((r) => `${r.from} → ${r.to}`)).toEqual(['MyEvents → Events', 'Table7 → R_KRG_CGB']);
    expect(plan.workbook.sheets).toEqual([]);
    const after = await readWorkbook(out);
    expect(after.sheets.map((s) => s.name)).toEqual((await readWorkbook(clean)).sheets.map((s) => s.name));
    expect(validate(after).findings.filter((f) => f.severity === 'error')).toEqual(
      validate(await readWorkbook(clean)).findings.filter((f) => f.severity === 'error'),
    );
    expect(cellsOf(out).get('Мероприятия!AO1')).toBe('=COUNTA(Events[#All])');
  });

  it('consolidates every event and every report again', async () => {
    const figures = async (data: Uint8Array) => {
      const c = consolidate(validate(await readWorkbook(data)));
      return { events: c.events.count, reports: c.libraries.included.length, U01: c.indicators.U01 };
    };
    const broken = await figures(input);
    const before = await figures(clean);
    expect(broken).not.toEqual(before);
    expect(await figures(out)).toEqual(before);
  });

  it('writes a valid package', () => {
    expect(ooxmlProblems(out).map((p) => `${p.part}: ${p.message}`)).toEqual([]);
  });
  it('makes a pivot table made from the renamed table follow it', async () => {
    const rich = richWorkbook();
    const pivot = 'xl/pivotCache/pivotCacheDefinition1.xml';
    const parts = partsOf(rich);
    const withPivot = edited(rich, {
      [partOf(parts, 'Events')]: rename('Events', 'MyEvents'),
      [pivot]: (xml) => xml.replace(/<worksheetSource [^>]*\/>/, '<worksheetSource name="MyEvents"/>'),
    });
    const done = await setUp(withPivot);
    expect(done.plan.renames?.map((r) => r.to)).toEqual(['Events']);
    expect(dec(partsOf(done.out).get(pivot))).toContain('<worksheetSource name="Events"/>');
  });
});
