import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/errors';
import { consolidateWorkbook } from '../../src/excel/actions';
import { columnIndex } from '../../src/core/snapshot';
import { sampleFile, sampleSim, simHost } from '../excel/host';
import { decodeXml } from '../../src/xlsx/xml';

/**
 * One description of the charts, two renderers: the .xlsx written by the
 * command line and the in-memory Excel driven through office-js hold the same
 * charts, with the same titles, the same source ranges, the same data labels'
 * text and the same number format on the value axis.
 */
const quiet: Io = { out: () => undefined, err: () => undefined, tty: false };

interface Box {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRef(ref: string): Box {
  const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.replace(/''/g, "'"));
  if (!m) throw new Error(`not a reference: ${ref}`);
  const [, sheet, c1, r1, c2, r2] = m as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
    string | undefined,
  ];
  return {
    sheet,
    top: Number(r1) - 1,
    left: columnIndex(c1),
    bottom: Number(r2 ?? r1) - 1,
    right: columnIndex(c2 ?? c1),
  };
}

function union(boxes: Box[]): Box {
  return boxes.reduce((a, b) => ({
    sheet: a.sheet,
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  }));
}

const key = (b: Box) => `${b.sheet}!${b.top},${b.left}:${b.bottom},${b.right}`;

describe('charts in the file and in Excel', () => {
  it('are the same charts with the same titles and source ranges', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kitaphana-charts-')), 'svod.xlsx');
    expect(await main(['node', 'kitaphana', 'consolidate', sampleFile('clean'), '-o', out], quiet)).toBe(0);
    const zip = ZipPackage.open(readFileSync(out));
    const fileCharts: Drawn[] = [];
    for (const name of zip.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))) {
      const xml = zip.text(name)!;
      const refs = [...xml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => parseRef(decodeXml(m[1]!)));
      const title = [...(/<c:title>[\s\S]*?<\/c:title>/.exec(xml)?.[0] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)]
        .map((m) => m[1])
        .join('');
      const labels = [...xml.matchAll(/<c:dLbl>[\s\S]*?<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1]!));
      const valAx = /<c:valAx>[\s\S]*?<\/c:valAx>/.exec(xml)?.[0] ?? '';
      const axis = valAx.includes('<c:delete val="1"/>') ? '' : /<c:numFmt formatCode="([^"]*)"/.exec(valAx)?.[1];
      fileCharts.push({ title, source: key(union(refs)), labels, axis: decodeXml(axis ?? '') });
    }

    const sim = await sampleSim('clean');
    await consolidateWorkbook(simHost(sim), { userLanguage: 'en', version: 'test' });
    const simCharts = sim.describeCharts().map((c): Drawn => {
      expect(c.seriesBy).not.toBe('Auto');
      return {
        title: c.title.text,
        source: key(parseRef(c.source)),
        labels: c.series.flatMap((s) => s.labels.filter((l): l is string => l !== null)),
        axis: c.valueAxis.visible ? c.valueAxis.numberFormat : '',
      };
    });
    const sort = (xs: Drawn[]) => [...xs].sort((a, b) => a.title.localeCompare(b.title));
    expect(simCharts.length).toBeGreaterThanOrEqual(6);
    expect(sort(simCharts)).toEqual(sort(fileCharts));
    // The labels are text in the workbook's language (Russian here, the person's being English).
    expect(simCharts.flatMap((c) => c.labels)).toContain('47\u00a0045');
  });
});

interface Drawn {
  readonly title: string;
  readonly source: string;
  readonly labels: readonly string[];
  readonly axis: string;
}
