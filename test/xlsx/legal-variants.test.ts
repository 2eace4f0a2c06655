import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failureLine } from '../../src/cli/main';
import { runConsolidation } from '../../src/core/pipeline';
import { loadSimFromXlsx } from '../../src/excel-sim/xlsx';
import { columnLetters, type Snapshot } from '../../src/core/snapshot';
import { LANGUAGES } from '../../src/standard';
import { translator } from '../../src/i18n';
import { WorkbookFileError } from '../../src/xlsx/errors';
import { readWorkbook } from '../../src/xlsx/read';
import { writeWorkbook } from '../../src/xlsx/write';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { ooxmlProblems } from '../helpers/ooxml';
import { MADE_AT, consolidateBytes, repoFile } from './consolidate-file';
import { samplePlan } from './sample-plan';

/**
 * The bundled sample written the ways other producers legally write it
 * (ISO/IEC 29500): each variant must give the original's figures and
 * findings, or a refusal that says what is wrong and where.
 */
const SAMPLE = repoFile('workbooks', 'karaganda-2025.xlsx');
const SST = 'xl/sharedStrings.xml';

/** The sample with some parts rewritten (a function of the package, for edits that move parts). */
function variant(edit: (pkg: ZipPackage) => void): Buffer {
  const pkg = ZipPackage.open(SAMPLE);
  edit(pkg);
  return Buffer.from(pkg.toBytes());
}

function editParts(pkg: ZipPackage, which: (name: string) => boolean, f: (xml: string) => string): void {
  for (const name of pkg.names().filter(which)) pkg.setText(name, f(pkg.text(name) ?? ''));
}

const isSheet = (n: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n);

/** What `validate` and `consolidate` make of a workbook: the snapshot, the findings, the figures. */
async function outcome(data: Buffer): Promise<unknown> {
  const snapshot = await readWorkbook(data);
  const run = runConsolidation(snapshot, { userLanguage: 'ru', madeAt: MADE_AT, version: 'test' });
  return { snapshot, findings: run.validation.findings, consolidation: run.consolidation };
}

let original: unknown;
beforeAll(async () => {
  original = await outcome(SAMPLE);
});

/** The text of every `<t>` with each `а` (and the first letter) spelt as an ST_Xstring escape, upper and lower case. */
function escapeLetters(xml: string): string {
  return xml.replace(/(<t(?:\s[^>]*)?>)([^<]+)(<\/t>)/g, (_, open: string, text: string, close: string) => {
    const escaped = text
      .replace(/а/g, '_x0430_')
      .replace(/^[^&_]/, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`);
    return open + escaped + close;
  });
}

/** Every shared-string cell of a sheet as an inline string holding the same item. */
function inlineStrings(sheetXml: string, items: readonly string[]): string {
  return sheetXml.replace(/<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, a: string, b: string, i: string) => {
    return `<c${a} t="inlineStr"${b}><is>${items[Number(i)]}</is></c>`;
  });
}

function sharedItems(pkg: ZipPackage): string[] {
  return [...(pkg.text(SST) ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? '');
}

describe('text with ST_Xstring escapes (`_xHHHH_`)', () => {
  it('reads escaped shared strings (headers included) as the text they stand for', async () => {
    const data = variant((pkg) => editParts(pkg, (n) => n === SST, escapeLetters));
    expect(ZipPackage.open(data).text(SST)).toContain('_x0430_');
    expect(await outcome(data)).toEqual(original);
  });

  it('reads escaped inline strings as the text they stand for', async () => {
    const data = variant((pkg) => {
      const items = sharedItems(pkg).map(escapeLetters);
      editParts(pkg, isSheet, (xml) => inlineStrings(xml, items));
    });
    expect(ZipPackage.open(data).text('xl/worksheets/sheet3.xml')).toContain('t="inlineStr"');
    expect(await outcome(data)).toEqual(original);
  });

  it('writes a literal `_xHHHH_` so that it reads back as written', async () => {
    const title = 'Кітап_x041A_ күні _x000D_';
    const plan = samplePlan();
    const events = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === 'Events')!;
    const column = events.rows[0]!.findIndex((v) => typeof v === 'string');
    const rows = events.rows.map((r, i) => (i === 0 ? r.map((v, j) => (j === column ? title : v)) : r));
    const withTitle = {
      ...plan,
      sheets: plan.sheets.map((s) => ({ ...s, tables: s.tables.map((t) => (t === events ? { ...t, rows } : t)) })),
    };
    const read = await readWorkbook(await writeWorkbook(withTitle));
    expect(read.tables.find((t) => t.name === 'Events')!.rows[0]![column]).toBe(title);
  });
});

/** UTF-16 bytes of a part: little-endian with a byte order mark, big-endian, or little-endian declared only. */
function utf16(xml: string, form: 'le-bom' | 'be-bom' | 'le'): Uint8Array {
  const text = xml.replace(/^<\?xml[^>]*\?>\s*/, '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n');
  const le = Buffer.from(text, 'utf16le');
  if (form === 'le') return le;
  if (form === 'le-bom') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  be.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

describe('parts in UTF-16', () => {
  const data = () =>
    variant((pkg) => {
      for (const name of pkg.names()) {
        const form = isSheet(name) ? 'le-bom' : name === SST ? 'be-bom' : name.endsWith('.rels') ? 'le' : null;
        if (form) pkg.setBytes(name, utf16(pkg.text(name) ?? '', form));
      }
    });

  it('reads worksheets, shared strings and relationships as written', async () => {
    expect(await outcome(data())).toEqual(original);
  });

  it('consolidates such a workbook into one that reads back with the same tables', async () => {
    const out = await consolidateBytes(data());
    const before = (original as { snapshot: Snapshot }).snapshot.tables.map((t) => t.name);
    expect((await readWorkbook(out)).tables.map((t) => t.name)).toEqual(expect.arrayContaining(before));
  });

  it('refuses a part in an encoding it cannot decode, naming the part and the encoding', async () => {
    const odd = variant((pkg) =>
      editParts(
        pkg,
        (n) => n === SST,
        (xml) => xml.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="x-no-such"?>'),
      ),
    );
    await expect(readWorkbook(odd)).rejects.toMatchObject({
      reason: 'bad_encoding',
      params: { part: SST, encoding: 'x-no-such' },
    });
  });
});

describe('a negative zero (`-0`)', () => {
  it('reads as 0: Excel has no negative zero', async () => {
    const data = variant((pkg) => editParts(pkg, isSheet, (xml) => xml.replace(/<v>0<\/v>/g, '<v>-0</v>')));
    expect(ZipPackage.open(data).text('xl/worksheets/sheet3.xml')).toContain('<v>-0</v>');
    expect(await outcome(data)).toEqual(original);
  });
});

/** The workbook part as `xl/wb.xml` and the worksheets in `xl/ws/`, found only through relationships. */
function elsewhere(pkg: ZipPackage): void {
  const move = (from: string, to: string) => {
    pkg.setBytes(to, pkg.bytes(from)!);
    pkg.remove(from);
  };
  const renames = new Map<string, string>([['xl/workbook.xml', 'xl/wb.xml']]);
  for (const n of pkg.names().filter(isSheet)) renames.set(n, n.replace('xl/worksheets/sheet', 'xl/ws/s'));
  for (const [from, to] of renames) {
    move(from, to);
    const rels = (p: string) => p.replace(/([^/]+)$/, '_rels/$1.rels');
    if (pkg.has(rels(from))) move(rels(from), rels(to));
  }
  const retarget = (xml: string) =>
    xml.replace(/(Target|PartName)="([^"]+)"/g, (whole, attr: string, target: string) => {
      for (const [from, to] of renames) {
        const rel = from.replace(/^xl\//, '');
        if (target === `/${from}`) return `${attr}="/${to}"`;
        if (target === from || target === rel) return `${attr}="${target === from ? to : to.replace(/^xl\//, '')}"`;
      }
      return whole;
    });
  editParts(pkg, (n) => n === '_rels/.rels' || n === 'xl/_rels/wb.xml.rels' || n === '[Content_Types].xml', retarget);
}

describe('parts at other names', () => {
  it('finds the workbook part through the package relationships, and the sheets through its own', async () => {
    const data = variant(elsewhere);
    const pkg = ZipPackage.open(data);
    expect([pkg.has('xl/workbook.xml'), pkg.has('xl/wb.xml'), pkg.has('xl/ws/s3.xml')]).toEqual([false, true, true]);
    expect(await outcome(data)).toEqual(original);
  });

  it('loads into the in-memory Excel (through ExcelJS, which wants xl/workbook.xml) with the same tables', async () => {
    const sim = await loadSimFromXlsx(variant(elsewhere));
    const { tables } = (original as { snapshot: Snapshot }).snapshot;
    expect(sim.model.tables.map((t) => t.name).sort()).toEqual(tables.map((t) => t.name).sort());
    // The cells too, which ExcelJS reads: each table's header row.
    for (const t of tables.slice(0, 5)) {
      const row = `${columnLetters(t.left)}${t.top + 1}:${columnLetters(t.left + t.header.length - 1)}${t.top + 1}`;
      expect(sim.values(t.sheet, row)).toEqual([t.header]);
    }
  });

  it('consolidates into that package: the workbook part stays where it is and the result is valid', async () => {
    const out = await consolidateBytes(variant(elsewhere));
    const pkg = ZipPackage.open(out);
    expect(pkg.has('xl/workbook.xml')).toBe(false);
    expect(pkg.text('xl/wb.xml')).toMatch(/name="[^"]+"/);
    expect(ooxmlProblems(out)).toEqual([]);
    expect((await readWorkbook(out)).sheets.length).toBeGreaterThan(
      (original as { snapshot: Snapshot }).snapshot.sheets.length,
    );
  });
});

async function refusal(data: Buffer): Promise<WorkbookFileError> {
  const e: unknown = await readWorkbook(data).then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof WorkbookFileError)) throw new Error(`not refused: ${String(e)}`);
  return e;
}

describe('refusals that say what is wrong and where', () => {
  it('a workbook part cut short: damaged, naming the part, in every language', async () => {
    const data = variant((pkg) =>
      editParts(
        pkg,
        (n) => n === 'xl/workbook.xml',
        (xml) => xml.slice(0, 2000),
      ),
    );
    const e = await refusal(data);
    expect([e.reason, e.params['part']]).toEqual(['damaged_part', 'xl/workbook.xml']);
    for (const lang of LANGUAGES) {
      const line = failureLine(e, translator(lang));
      expect(line).toContain('xl/workbook.xml');
      expect(line).not.toBe(failureLine(new WorkbookFileError('not_workbook', ''), translator(lang)));
    }
  });

  it('a table whose range is malformed: naming the table, its sheet and the range', async () => {
    const data = variant((pkg) =>
      editParts(
        pkg,
        (n) => n === 'xl/tables/table3.xml',
        (xml) => xml.replace(/(<table\b[^>]*\sref=")[^"]+"/, '$1B3:??"'),
      ),
    );
    const e = await refusal(data);
    expect(e.reason).toBe('bad_table_range');
    expect(e.params['ref']).toBe('B3:??');
    const line = failureLine(e, translator('ru'));
    expect(line).toContain(String(e.params['table']));
    expect(line).toContain(String(e.params['sheet']));
    expect(line).toContain('B3:??');
  });

  it('a sheet whose part is missing: damaged, naming the part', async () => {
    const e = await refusal(variant((pkg) => pkg.remove('xl/worksheets/sheet3.xml')));
    expect([e.reason, e.params['part']]).toEqual(['damaged_part', 'xl/worksheets/sheet3.xml']);
  });

  it.each([
    ['inside a tag', (xml: string) => xml.slice(0, xml.indexOf('<c ', 5000) + 6)],
    ['between two rows', (xml: string) => xml.slice(0, xml.indexOf('<row ', 5000))],
  ])('a worksheet cut short %s: damaged, naming the part (never read as fewer rows)', async (_, cut) => {
    const e = await refusal(variant((pkg) => editParts(pkg, (n) => n === 'xl/worksheets/sheet3.xml', cut)));
    expect([e.reason, e.params['part']]).toEqual(['damaged_part', 'xl/worksheets/sheet3.xml']);
  });
});

const unzipAvailable = spawnSync('unzip', ['-v']).status === 0;

describe('an input whose content types give relationships parts one by one (no Default for .rels)', () => {
  const data = () =>
    variant((pkg) => {
      const rels = pkg.names().filter((n) => n.endsWith('.rels'));
      editParts(
        pkg,
        (n) => n === '[Content_Types].xml',
        (xml) =>
          xml
            .replace(/<Default Extension="rels"[^>]*\/>/, '')
            .replace(
              '</Types>',
              rels
                .map(
                  (n) =>
                    `<Override PartName="/${n}" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`,
                )
                .join('') + '</Types>',
            ),
      );
    });

  it('is itself a valid package', () => {
    expect(ZipPackage.open(data()).text('[Content_Types].xml')).not.toMatch(/Extension="rels"/);
    expect(ooxmlProblems(data())).toEqual([]);
  });

  it('gets a content type for every relationships part the tool adds', async () => {
    const out = await consolidateBytes(data());
    expect(ooxmlProblems(out)).toEqual([]);
    if (unzipAvailable) {
      const dir = mkdtempSync(join(tmpdir(), 'rels-default-'));
      try {
        writeFileSync(join(dir, 'out.xlsx'), out);
        expect(spawnSync('unzip', ['-t', '-qq', join(dir, 'out.xlsx')]).status).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
