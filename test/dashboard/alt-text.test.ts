import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { translator } from '../../src/i18n';
import { parseRange } from '../../src/xlsx/ref';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { ooxmlProblems } from '../helpers/ooxml';
import { consolidateFile as consolidate } from './helpers';
import { decodeXml } from '../../src/xlsx/xml';

/**
 * Charts that speak: every chart of the consolidated bundled samples (Russian
 * and Kazakh) carries alternative text (the drawing's `descr`) in the
 * workbook's language, naming the highest and lowest category of its data
 * with their values as the language writes them, and the total where the
 * chart counts; the same text stands in the cell under the chart.
 */
const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-alt-'));

interface Drawn {
  readonly name: string;
  readonly descr: string;
  /** Top-left and bottom-right cells (0-based) of the anchor; `to` is the cell after the chart. */
  readonly to: { row: number; col: number };
  readonly from: { row: number; col: number };
  readonly xml: string;
}

/** Every chart anchor of every drawing part, with its chart part's XML. */
function drawnCharts(zip: ZipPackage): Drawn[] {
  const out: Drawn[] = [];
  for (const part of zip.names().filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))) {
    const xml = zip.text(part)!;
    const rels = new Map(zip.relationships(part).map((r) => [r.id, r.part]));
    for (const a of xml.matchAll(/<xdr:twoCellAnchor>([\s\S]*?)<\/xdr:twoCellAnchor>/g)) {
      const body = a[1] ?? '';
      const pr = /<xdr:cNvPr [^>]*name="([^"]*)"[^>]*?(?:descr="([^"]*)")?\/>/.exec(body);
      const rel = /r:id="([^"]+)"/.exec(body)?.[1] ?? '';
      const cell = (tag: string) => {
        const m = new RegExp(`<xdr:${tag}><xdr:col>(\\d+)</xdr:col>.*?<xdr:row>(\\d+)</xdr:row>`).exec(body)!;
        return { col: Number(m[1]), row: Number(m[2]) };
      };
      out.push({
        name: decodeXml(pr?.[1] ?? ''),
        descr: decodeXml(pr?.[2] ?? ''),
        from: cell('from'),
        to: cell('to'),
        xml: zip.text(rels.get(rel) ?? '') ?? '',
      });
    }
  }
  return out;
}

const LANGUAGES = [
  { lang: 'ru', file: 'karaganda-2025.xlsx', dashboard: 'Диаграммы', foreign: /Highest|Total|Ең жоғары|Барлығы/ },
  { lang: 'kk', file: 'karaganda-2025-kk.xlsx', dashboard: 'Диаграммалар', foreign: /Highest|Total|Наибольшее|Всего/ },
] as const;

describe.each(LANGUAGES)('alternative text of the charts ($lang)', ({ lang, file, dashboard, foreign }) => {
  const t = translator(lang);
  const output = join(dir, `${lang}.xlsx`);
  let zip: ZipPackage;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    await consolidate(join(root, 'workbooks', file), output);
    zip = ZipPackage.open(readFileSync(output));
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
  });

  it('validates', () => {
    expect(ooxmlProblems(readFileSync(output))).toEqual([]);
  });

  it('gives every chart a description in the workbook language, also in the cell under it', () => {
    const charts = drawnCharts(zip);
    expect(charts.length).toBeGreaterThanOrEqual(6);
    const ws = wb.getWorksheet(dashboard)!;
    for (const c of charts) {
      const title = decodeXml(/<c:title>[\s\S]*?<a:t>([^<]*)<\/a:t>/.exec(c.xml)?.[1] ?? '');
      expect(c.descr.startsWith(`${title}. `)).toBe(true);
      expect(c.descr).toMatch(
        new RegExp(t.t('dashboard.alt.range').split(':')[0]! + '|' + t.t('dashboard.alt.changes').split(':')[0]!),
      );
      expect(c.descr).not.toMatch(foreign);
      // The cell just under the chart (the anchor's `to` row) holds the same text.
      expect(ws.getCell(c.to.row + 1, c.from.col + 1).value).toBe(c.descr);
    }
  });

  it('names the highest and lowest category with their values, and the total of counts', () => {
    const checked: string[] = [];
    for (const c of drawnCharts(zip)) {
      const vals = [...c.xml.matchAll(/<c:val>[\s\S]*?<c:f>([^<]*)<\/c:f>/g)];
      const cats = /<c:cat>[\s\S]*?<c:f>([^<]*)<\/c:f>/.exec(c.xml);
      const seriesByColumns = vals.length === 1 && cats !== null;
      if (!seriesByColumns) continue;
      const read = (f: string) => {
        const at = f.lastIndexOf('!');
        const ws = wb.getWorksheet(decodeXml(f.slice(0, at)).replace(/^'|'$/g, '').replace(/''/g, "'"))!;
        const a = parseRange(f.slice(at + 1).replace(/\$/g, ''))!;
        const out: unknown[] = [];
        // Down to the end of the data table: a chart of its first 20 rows is described over all of them.
        const cell = (r: number) => ws.getCell(r + 1, a.left + 1).value;
        for (let r = a.top; r <= a.bottom || (cell(r) !== null && cell(r - 1) !== null); r++) out.push(cell(r));
        return out;
      };
      const names = read(cats[1]!).map(String);
      const values = read(vals[0]![1]!) as (number | null)[];
      const percent = c.descr.split('. ')[0]!.includes('%');
      const fmt = (v: number) => (percent ? t.percent(v, 1) : t.number(v, Number.isInteger(v) ? 0 : 1));
      const known = values
        .map((v, i) => [names[i]!, v] as const)
        .filter((p): p is [string, number] => typeof p[1] === 'number');
      if (known.length < 2) continue;
      const max = Math.max(...known.map((p) => p[1]));
      const min = Math.min(...known.map((p) => p[1]));
      const high = known.find((p) => p[1] === max)!;
      const low = known.find((p) => p[1] === min)!;
      expect(c.descr).toContain(
        t.t('dashboard.alt.range', { high: high[0], highValue: fmt(high[1]), low: low[0], lowValue: fmt(low[1]) }),
      );
      if (/_(U01|V01|L01|E01)$|EventsByForm/.test(c.name)) {
        const sum = known.reduce((s, p) => s + p[1], 0);
        expect(c.descr).toContain(` ${fmt(sum)}`);
      }
      checked.push(c.name);
    }
    expect(checked).toEqual(expect.arrayContaining(['Kitaphana_U01', 'Kitaphana_V01', 'Kitaphana_EventsByForm']));
  });
});
