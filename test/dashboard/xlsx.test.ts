import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { zipped } from '../xlsx/helpers';
import { generatedSheetNames } from '../../src/core/layout/generated';
import { describePackage } from '../../src/xlsx/package';
import { parseRange } from '../../src/xlsx/ref';
import { karagandaSample } from '../../src/sample';
import { consolidateFile as consolidate, personNames } from './helpers';

/**
 * The Dashboard as the command-line tool writes it: native chart parts
 * (DrawingML, not pictures) whose series refer to non-empty ranges of the
 * generated sheets; a second consolidation replaces them without leaving
 * any behind, and keeps the charts of sheets the user made.
 */
const root = join(__dirname, '..', '..');
const sample = join(root, 'workbooks', 'karaganda-2025.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-dashboard-'));

interface ChartPart {
  readonly part: string;
  readonly xml: string;
  /** The `<c:f>` references of its series: names, categories and values. */
  readonly refs: readonly { sheet: string; range: string }[];
}

/** The charts standing on each sheet, found through the sheet's drawing, as Excel finds them. */
async function chartsBySheet(zip: ZipPackage): Promise<Map<string, ChartPart[]>> {
  const out = new Map<string, ChartPart[]>();
  for (const sheet of (await describePackage(zip)).sheets) {
    if (!sheet.part) continue;
    const charts: ChartPart[] = [];
    for (const d of zip.relationships(sheet.part)) {
      if (!d.type.endsWith('/drawing') || !d.part) continue;
      for (const c of zip.relationships(d.part)) {
        if (!c.type.endsWith('/chart') || !c.part) continue;
        const xml = zip.text(c.part)!;
        const refs = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => {
          const f = (m[1] ?? '').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
          const at = f.lastIndexOf('!');
          return { sheet: f.slice(0, at).replace(/^'|'$/g, '').replace(/''/g, "'"), range: f.slice(at + 1) };
        });
        charts.push({ part: c.part, xml, refs });
      }
    }
    if (charts.length > 0) out.set(sheet.name, charts);
  }
  return out;
}

const chartParts = (zip: ZipPackage) => zip.names().filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
const count = (m: Map<string, ChartPart[]>) => [...m.values()].reduce((n, c) => n + c.length, 0);

describe('the Dashboard in the .xlsx file', () => {
  const first = join(dir, 'first.xlsx');
  const second = join(dir, 'second.xlsx');
  let zip: ZipPackage;

  beforeAll(async () => {
    await consolidate(sample, first);
    zip = ZipPackage.open(readFileSync(first));
  });

  it('holds at least six native charts, each drawing from non-empty ranges of the generated sheets', async () => {
    const charts = await chartsBySheet(zip);
    // The sample is in Russian: the Dashboard is «Диаграммы».
    expect([...charts.keys()]).toEqual(['Диаграммы']);
    const dashboard = charts.get('Диаграммы')!;
    expect(dashboard.length).toBeGreaterThanOrEqual(6);
    expect(chartParts(zip)).toHaveLength(dashboard.length);
    const types = zip.text('[Content_Types].xml')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(first) as unknown as ArrayBuffer);
    const generated = generatedSheetNames();
    for (const chart of dashboard) {
      expect(chart.xml).toMatch(/<c:(barChart|lineChart|pieChart)>/);
      expect(chart.xml).not.toMatch(/<pic:|<a:blip/);
      expect(types).toContain(`PartName="/${chart.part}"`);
      expect(chart.refs.length).toBeGreaterThanOrEqual(3);
      for (const ref of chart.refs) {
        expect(generated.has(ref.sheet.toUpperCase())).toBe(true);
        const ws = wb.getWorksheet(ref.sheet);
        expect(ws).toBeDefined();
        const area = parseRange(ref.range.replace(/\$/g, ''))!;
        expect(area).not.toBeNull();
        const values: unknown[] = [];
        for (let r = area.top; r <= area.bottom; r++)
          for (let c = area.left; c <= area.right; c++) values.push(ws!.getCell(r + 1, c + 1).value);
        expect({ ref, filled: values.some((v) => v !== null && v !== undefined && v !== '') }).toEqual({
          ref,
          filled: true,
        });
      }
    }
  });

  it('is replaced, not added to, when consolidation runs again on its own output', async () => {
    await consolidate(first, second);
    const again = ZipPackage.open(readFileSync(second));
    const before = await chartsBySheet(zip);
    const after = await chartsBySheet(again);
    expect(count(after)).toBe(count(before));
    expect(chartParts(again)).toHaveLength(count(before));
    expect(again.names().filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f))).toHaveLength(1);
    // The same charts, drawing from the same ranges.
    const refs = (m: Map<string, ChartPart[]>) => [...m.values()].flat().map((c) => c.refs.map((r) => r.range));
    expect(refs(after)).toEqual(refs(before));
  });

  it('keeps the charts of a sheet the user made, and their part, through two more runs', async () => {
    // A user who renamed the Dashboard made it their own sheet: its charts stay; a new Dashboard is made.
    const own = ZipPackage.open(readFileSync(second));
    const workbookXml = own.text('xl/workbook.xml')!;
    own.setText('xl/workbook.xml', workbookXml.replace('name="Диаграммы"', 'name="Мои диаграммы"'));
    const mine = join(dir, 'mine.xlsx');
    writeFileSync(mine, zipped(own));
    const theirs = (await chartsBySheet(own)).get('Мои диаграммы')!;

    const third = join(dir, 'third.xlsx');
    const fourth = join(dir, 'fourth.xlsx');
    await consolidate(mine, third);
    await consolidate(third, fourth);
    const out = ZipPackage.open(readFileSync(fourth));
    const charts = await chartsBySheet(out);
    expect([...charts.keys()].sort()).toEqual(['Диаграммы', 'Мои диаграммы']);
    expect(charts.get('Мои диаграммы')!.map((c) => c.xml)).toEqual(theirs.map((c) => c.xml));
    expect(charts.get('Диаграммы')!.length).toBe(theirs.length);
    expect(chartParts(out)).toHaveLength(2 * theirs.length);
    const types = out.text('[Content_Types].xml')!;
    for (const part of chartParts(out)) expect(types).toContain(`PartName="/${part}"`);
  });

  it("keeps a picture on the user's sheet: drawings are kept whole, not only their charts", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(sample) as unknown as ArrayBuffer);
    // A 1×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    wb.addWorksheet('Logo').addImage(image, 'B2:D6');
    const base = join(dir, 'logo.xlsx');
    writeFileSync(base, Buffer.from(await wb.xlsx.writeBuffer()));
    const out = join(dir, 'logo-svod.xlsx');
    await consolidate(base, out);
    const zip = ZipPackage.open(readFileSync(out));
    const logo = (await describePackage(zip)).sheets.find((s) => s.name === 'Logo')!;
    const drawing = zip.relationships(logo.part!).find((r) => r.type.endsWith('/drawing'))!;
    const media = zip.relationships(drawing.part!).filter((r) => r.type.endsWith('/image'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(zip.bytes(media[0]!.part!)!).equals(png)).toBe(true);
    expect(zip.text(drawing.part!)!).toContain('<xdr:pic>');
    expect((await chartsBySheet(zip)).get('Диаграммы')!.length).toBeGreaterThanOrEqual(6);
  });

  it('names no person in the generated sheets or in the charts', async () => {
    const people = personNames(karagandaSample({ language: 'ru' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(first) as unknown as ArrayBuffer);
    const generated = generatedSheetNames();
    const texts: string[] = [];
    for (const ws of wb.worksheets) {
      if (!generated.has(ws.name.toUpperCase())) continue;
      ws.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    }
    for (const part of chartParts(zip)) texts.push(zip.text(part)!);
    expect(texts.length).toBeGreaterThan(1000);
    const all = texts.join('\n');
    for (const p of people) expect(all.includes(p) ? p : null).toBeNull();
  });
});
