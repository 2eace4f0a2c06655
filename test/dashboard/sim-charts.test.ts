import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/errors';
import { consolidateWorkbook } from '../../src/excel/actions';
import { columnIndex } from '../../src/core/snapshot';
import { sampleFile, sampleSim, simHost } from '../excel/host';

/**
 * One description of the charts, two renderers: the .xlsx written by the
 * command line and the in-memory Excel driven through office-js hold the same
 * charts, with the same titles and the same source ranges.
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
    const fileCharts: { title: string; source: string }[] = [];
    for (const name of zip.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))) {
      const xml = zip.text(name)!;
      const refs = [...xml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) =>
        parseRef(m[1]!.replace(/&apos;/g, "'").replace(/&amp;/g, '&')),
      );
      const title = [...(/<c:title>[\s\S]*?<\/c:title>/.exec(xml)?.[0] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)]
        .map((m) => m[1])
        .join('');
      fileCharts.push({ title, source: key(union(refs)) });
    }

    const sim = await sampleSim('clean');
    await consolidateWorkbook(simHost(sim), { userLanguage: 'ru', version: 'test' });
    const simCharts = sim.describeCharts().map((c) => {
      expect(c.seriesBy).not.toBe('Auto');
      return { title: c.title.text, source: key(parseRef(c.source)) };
    });
    const sort = (xs: { title: string; source: string }[]) => [...xs].sort((a, b) => a.title.localeCompare(b.title));
    expect(simCharts.length).toBeGreaterThanOrEqual(6);
    expect(sort(simCharts)).toEqual(sort(fileCharts));
  });
});
