import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { sharedDir } from '../../scripts/test-programs';
import { ZipPackage } from '../../src/xlsx/zip-package';

/**
 * Checks an .xlsx package the way Excel would, as far as that can be done
 * without Excel: every XML part against the ISO/IEC 29500 Transitional
 * schemas (xmllint), after taking out the markup-compatibility content the
 * standard's schemas do not declare, and the rules Excel enforces that no
 * schema states (dangling or duplicate relationships, table names and
 * ranges, header cells, style indices, data-validation formula length).
 *
 * The schemas are in `shared/ooxml-xsd`, wherever `sharedDir()` finds
 * shared/ (beside the checkout, inside it, or at KITAPHANA_SHARED).
 */

export interface Problem {
  readonly part: string;
  readonly message: string;
}

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const SML = 'sml.xsd';
const SCHEMA_BY_TYPE: Readonly<Record<string, string>> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': SML,
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml': SML,
  'application/vnd.openxmlformats-officedocument.drawing+xml': 'dml-spreadsheetDrawing.xsd',
  'application/vnd.openxmlformats-officedocument.drawingml.chart+xml': 'dml-chart.xsd',
  'application/vnd.openxmlformats-officedocument.theme+xml': 'dml-main.xsd',
  'application/vnd.openxmlformats-package.core-properties+xml': 'opc-coreProperties-local.xsd',
  'application/vnd.openxmlformats-officedocument.extended-properties+xml': 'shared-documentPropertiesExtended.xsd',
  'application/vnd.openxmlformats-officedocument.custom-properties+xml': 'shared-documentPropertiesCustom.xsd',
  'application/vnd.openxmlformats-package.relationships+xml': 'opc-relationships.xsd',
  // WordprocessingML, for the analytical note's .docx.
  ...Object.fromEntries(
    ['document.main', 'styles', 'settings', 'numbering', 'fontTable', 'footnotes', 'endnotes', 'webSettings'].map(
      (kind) => [`application/vnd.openxmlformats-officedocument.wordprocessingml.${kind}+xml`, 'wml.xsd'],
    ),
  ),
};

export function xmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/** The schema folder, or an error that says where it was looked for. */
export function schemaDir(): string {
  const dir = join(sharedDir(), 'ooxml-xsd');
  if (!existsSync(join(dir, SML))) {
    throw new Error(`The OOXML schemas are missing: expected ${dir}/${SML} (shared/ooxml-xsd, see its README).`);
  }
  return dir;
}

export type Parts = ReadonlyMap<string, Uint8Array>;

export function partsOf(data: Uint8Array): Map<string, Uint8Array> {
  const pkg = ZipPackage.open(data);
  return new Map(pkg.names().map((n) => [n, pkg.bytes(n)!]));
}

const text = (parts: Parts, name: string): string | null => {
  const d = parts.get(name);
  return d === undefined ? null : new TextDecoder().decode(d);
};

/** Content types by part name, from Overrides and Defaults. */
export function contentTypes(parts: Parts): Map<string, string | null> {
  const xml = text(parts, '[Content_Types].xml') ?? '';
  const attr = (tag: string, n: string) => new RegExp(`\\s${n}="([^"]*)"`).exec(tag)?.[1];
  const overrides = new Map(
    (xml.match(/<Override\s[^>]*>/g) ?? []).map((t) => [
      (attr(t, 'PartName') ?? '').slice(1).toLowerCase(),
      attr(t, 'ContentType') ?? '',
    ]),
  );
  const defaults = new Map(
    (xml.match(/<Default\s[^>]*>/g) ?? []).map((t) => [
      (attr(t, 'Extension') ?? '').toLowerCase(),
      attr(t, 'ContentType') ?? '',
    ]),
  );
  const out = new Map<string, string | null>();
  for (const name of parts.keys()) {
    if (name === '[Content_Types].xml') continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    out.set(name, overrides.get(name.toLowerCase()) ?? defaults.get(ext) ?? null);
  }
  return out;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/**
 * The part as a consumer that knows only the standard sees it: attributes
 * and elements of the namespaces listed in `mc:Ignorable` taken out, an
 * `mc:AlternateContent` replaced by its `mc:Fallback`, and `xml:space` on
 * `<t>` (written by Excel, undeclared in sml.xsd) dropped.
 */
export function withoutExtensions(xml: string): string {
  const parser = new SaxesParser({ xmlns: true });
  const out: string[] = [];
  const ignorable = new Set<string>();
  // Depth at which output is skipped (an ignored element, or an mc:Choice), or -1.
  let skipFrom = -1;
  let depth = 0;
  const stack: { name: string; written: boolean }[] = [];
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    const ign = tag.attributes[`mc:Ignorable`];
    if (ign) {
      const value = typeof ign === 'string' ? ign : ign.value;
      for (const prefix of value.split(/\s+/).filter(Boolean)) {
        const uri = tag.ns[prefix] ?? parser.resolve(prefix);
        if (uri) ignorable.add(uri);
      }
    }
    const skip = skipFrom >= 0 || ignorable.has(tag.uri) || (tag.uri === MC && tag.local === 'Choice');
    if (skip) {
      if (skipFrom < 0) skipFrom = depth;
      stack.push({ name: tag.name, written: false });
      return;
    }
    // AlternateContent and Fallback vanish; the Fallback's children stay.
    if (tag.uri === MC) {
      stack.push({ name: tag.name, written: false });
      return;
    }
    const attrs = Object.values(tag.attributes)
      .filter((a) => typeof a !== 'string')
      .filter((a) => {
        if (a.prefix === 'xmlns' || a.name === 'xmlns') return true;
        if (a.uri === MC || ignorable.has(a.uri)) return false;
        if (a.name === 'xml:space' && tag.local === 't') return false;
        return true;
      })
      .map((a) => ` ${a.name}="${escapeAttr(a.value)}"`)
      .join('');
    out.push(`<${tag.name}${attrs}>`);
    stack.push({ name: tag.name, written: true });
  });
  parser.on('closetag', () => {
    const top = stack.pop();
    if (top?.written) out.push(`</${top.name}>`);
    if (skipFrom === depth) skipFrom = -1;
    depth--;
  });
  parser.on('text', (t) => {
    if (skipFrom < 0 && stack.length > 0) out.push(escapeText(t));
  });
  parser.on('cdata', (t) => {
    if (skipFrom < 0) out.push(escapeText(t));
  });
  parser.write(xml).close();
  return out.join('');
}

/** Schema problems of every XML part that has a schema, validated in one xmllint run per schema. */
export function schemaProblems(parts: Parts): Problem[] {
  const dir = schemaDir();
  const types = contentTypes(parts);
  const bySchema = new Map<string, string[]>();
  const add = (schema: string, part: string) => bySchema.set(schema, [...(bySchema.get(schema) ?? []), part]);
  add('opc-contentTypes.xsd', '[Content_Types].xml');
  for (const [part, type] of types) {
    const schema = type ? SCHEMA_BY_TYPE[type] : undefined;
    if (schema) add(schema, part);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'ooxml-'));
  const problems: Problem[] = [];
  try {
    for (const [schema, list] of bySchema) {
      const files = list.map((part, i) => {
        const file = join(tmp, `${schema}-${i}.xml`);
        const xml = text(parts, part) ?? '';
        let clean: string;
        try {
          clean = withoutExtensions(xml);
        } catch (e) {
          problems.push({ part, message: `not well-formed XML: ${(e as Error).message}` });
          clean = '';
        }
        writeFileSync(file, clean);
        return { file, part };
      });
      const run = spawnSync(
        'xmllint',
        ['--noout', '--nonet', '--schema', join(dir, schema), ...files.map((f) => f.file)],
        {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      for (const line of run.stderr.split('\n')) {
        const f = files.find((x) => line.startsWith(`${x.file}:`) || line.startsWith(`${x.file} fails`));
        if (f && !line.endsWith(' validates'))
          problems.push({ part: f.part, message: line.slice(f.file.length + 1).trim() });
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return problems;
}

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly part: string | null;
  readonly target: string;
}

function resolvePart(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

function relsOf(parts: Parts, part: string): Rel[] {
  const i = part.lastIndexOf('/');
  const relsName = `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
  const xml = text(parts, relsName) ?? '';
  return (xml.match(/<Relationship\s[^>]*>/g) ?? []).map((tag) => {
    const a = (n: string) => new RegExp(`\\s${n}="([^"]*)"`).exec(tag)?.[1] ?? '';
    const external = a('TargetMode') === 'External';
    const target = a('Target').replace(/&amp;/g, '&');
    return { id: a('Id'), type: a('Type'), target, part: external ? null : resolvePart(part, decodeURI(target)) };
  });
}

function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

function parseRef(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return null;
  const left = columnIndex(m[1] ?? '');
  const top = Number(m[2]) - 1;
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? columnIndex(m[3]) : left };
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

function stringText(item: string): string {
  return [...item.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\/>/g)]
    .map((m) => decode(m[1] ?? ''))
    .join('');
}

function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The rules Excel enforces (it "repairs" a file that breaks one) and the schemas do not state. */
export function excelRuleProblems(parts: Parts): Problem[] {
  const problems: Problem[] = [];
  const types = contentTypes(parts);
  // Relationships: unique ids, internal targets that exist; parts with a content type.
  for (const name of parts.keys()) {
    if (!name.endsWith('.rels')) continue;
    const source = name.replace(/_rels\/([^/]*)\.rels$/, '$1').replace(/^\.rels$/, '');
    const rels = relsOf(parts, source === '_rels/.rels' ? '' : source);
    const ids = new Set<string>();
    for (const r of rels) {
      if (ids.has(r.id)) problems.push({ part: name, message: `duplicate relationship id ${r.id}` });
      ids.add(r.id);
      if (r.part !== null && !parts.has(r.part))
        problems.push({ part: name, message: `${r.id} points at a missing part ${r.part}` });
    }
  }
  for (const [part, type] of types) if (type === null) problems.push({ part, message: 'no content type' });
  const ctXml = text(parts, '[Content_Types].xml') ?? '';
  for (const m of ctXml.matchAll(/PartName="\/([^"]*)"/g)) {
    if (![...parts.keys()].some((p) => p.toLowerCase() === (m[1] ?? '').toLowerCase())) {
      problems.push({ part: '[Content_Types].xml', message: `an Override for the missing part /${m[1]}` });
    }
  }
  // Styles.
  const wbRels = relsOf(parts, 'xl/workbook.xml');
  const stylesPart = wbRels.find((r) => r.type.endsWith('/styles'))?.part ?? '';
  const styles = text(parts, stylesPart) ?? '';
  const count = (section: string, item: string) =>
    (new RegExp(`<${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${section}>)`).exec(styles)?.[1] ?? '').match(
      new RegExp(`<${item}\\b`, 'g'),
    )?.length ?? 0;
  const xfs = count('cellXfs', 'xf');
  const dxfs = count('dxfs', 'dxf');
  const sst = [
    ...(text(parts, wbRels.find((r) => r.type.endsWith('/sharedStrings'))?.part ?? '') ?? '').matchAll(
      /<si>([\s\S]*?)<\/si>|<si\/>/g,
    ),
  ].map((m) => stringText(m[1] ?? ''));
  // Sheets and their tables.
  const wb = text(parts, 'xl/workbook.xml') ?? '';
  const sheetCount = (wb.match(/<sheet\s/g) ?? []).length;
  const scoped = new Set<string>();
  for (const m of wb.matchAll(/<definedName\s([^>]*)>/g)) {
    const name = (/\sname="([^"]*)"/.exec(` ${m[1]}`)?.[1] ?? '').toUpperCase();
    const local = /\slocalSheetId="(\d+)"/.exec(` ${m[1]}`)?.[1];
    if (local !== undefined && Number(local) >= sheetCount) {
      problems.push({
        part: 'xl/workbook.xml',
        message: `defined name ${name} belongs to sheet ${local} of ${sheetCount}`,
      });
    }
    const key = `${name}@${local ?? ''}`;
    if (scoped.has(key)) problems.push({ part: 'xl/workbook.xml', message: `defined name ${name} is defined twice` });
    scoped.add(key);
  }
  const tableNames = new Map<string, string>();
  for (const tag of wb.match(/<sheet\s[^>]*>/g) ?? []) {
    const id = /\sr:id="([^"]*)"/.exec(tag)?.[1];
    const sheetName = decode(/\sname="([^"]*)"/.exec(tag)?.[1] ?? '');
    const sheetPart = wbRels.find((r) => r.id === id)?.part;
    if (!sheetPart) continue;
    const xml = text(parts, sheetPart) ?? '';
    for (const m of xml.matchAll(/<(?:c|row)\s[^>]*?\ss="(\d+)"/g)) {
      if (Number(m[1]) >= xfs) problems.push({ part: sheetPart, message: `style index ${m[1]} of ${xfs} formats` });
    }
    for (const m of xml.matchAll(/<col\s[^>]*?\sstyle="(\d+)"/g)) {
      if (Number(m[1]) >= xfs) problems.push({ part: sheetPart, message: `column style ${m[1]} of ${xfs} formats` });
    }
    for (const m of xml.matchAll(/\sdxfId="(\d+)"/g)) {
      if (Number(m[1]) >= dxfs) problems.push({ part: sheetPart, message: `dxfId ${m[1]} of ${dxfs} formats` });
    }
    for (const m of xml.matchAll(/<(?:[\w]+:)?formula[12]>([\s\S]*?)<\/(?:[\w]+:)?formula[12]>/g)) {
      if (decode(m[1] ?? '').length > 255)
        problems.push({ part: sheetPart, message: 'a data-validation formula over 255 characters' });
    }
    const cellText = (r: number, c: number): string | null => {
      const ref = `${columnLetters(c)}${r + 1}`;
      const m = new RegExp(`<c\\s[^>]*?\\br="${ref}"([^>]*?)(?:/>|>([\\s\\S]*?)</c>)`).exec(xml);
      if (!m) return null;
      const t = /\st="([^"]*)"/.exec(m[0].slice(0, m[0].indexOf('>')))?.[1];
      const inner = m[2] ?? '';
      if (t === 'inlineStr') return stringText(inner);
      const v = decode(/<v>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? '');
      return t === 's' ? (sst[Number(v)] ?? null) : v;
    };
    const areas: { name: string; a: NonNullable<ReturnType<typeof parseRef>> }[] = [];
    for (const r of relsOf(parts, sheetPart).filter((x) => x.type.endsWith('/table') && x.part)) {
      const t = text(parts, r.part as string) ?? '';
      const head = /<table\b[^>]*>/.exec(t)?.[0] ?? '';
      const name = decode(/\sdisplayName="([^"]*)"/.exec(head)?.[1] ?? /\sname="([^"]*)"/.exec(head)?.[1] ?? '');
      const a = parseRef(/\sref="([^"]*)"/.exec(head)?.[1] ?? '');
      const where = r.part as string;
      if (tableNames.has(name.toUpperCase()))
        problems.push({ part: where, message: `table name ${name} is used twice` });
      tableNames.set(name.toUpperCase(), where);
      if (!a) {
        problems.push({ part: where, message: 'a table without a valid ref' });
        continue;
      }
      for (const o of areas) {
        if (a.left <= o.a.right && o.a.left <= a.right && a.top <= o.a.bottom && o.a.top <= a.bottom) {
          problems.push({ part: where, message: `table ${name} overlaps table ${o.name} on sheet ${sheetName}` });
        }
      }
      areas.push({ name, a });
      if (/\sheaderRowCount="0"/.test(head)) continue;
      const columns = [...t.matchAll(/<tableColumn\s[^>]*?\sname="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
      if (columns.length !== a.right - a.left + 1)
        problems.push({
          part: where,
          message: `table ${name} has ${columns.length} columns for ${a.right - a.left + 1}`,
        });
      columns.forEach((c, j) => {
        const cell = cellText(a.top, a.left + j);
        if (cell !== c)
          problems.push({
            part: where,
            message: `header of ${name} column ${j + 1} is ${JSON.stringify(cell)}, not ${JSON.stringify(c)}`,
          });
      });
    }
  }
  return problems;
}

/** Every problem of a package: schemas (when xmllint is there) and Excel's rules. */
export function ooxmlProblems(data: Uint8Array): Problem[] {
  const parts = partsOf(data);
  return [...schemaProblems(parts), ...excelRuleProblems(parts)];
}
