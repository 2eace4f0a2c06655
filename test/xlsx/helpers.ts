import { describePackage } from '../../src/xlsx/package';
import { ZipPackage } from '../../src/xlsx/zip-package';
import type { Snapshot, TableSnapshot } from '../../src/core/snapshot';

export async function unzip(data: Uint8Array): Promise<ZipPackage> {
  return ZipPackage.open(data);
}

export async function part(zip: ZipPackage, path: string): Promise<string> {
  const text = zip.text(path);
  if (text === null) throw new Error(`no part ${path}`);
  return text;
}

/** The package zipped again, with the parts set on it. */
export function zipped(zip: ZipPackage): Buffer {
  return Buffer.from(zip.toBytes());
}

/** The XML of a sheet, found by its name as a reader would. */
export async function sheetXml(data: Buffer, name: string): Promise<string> {
  const zip = await unzip(data);
  const sheet = (await describePackage(zip)).sheets.find((s) => s.name === name);
  if (!sheet?.part) throw new Error(`no sheet ${name}`);
  return part(zip, sheet.part);
}

export async function tableXml(data: Buffer, name: string): Promise<string> {
  const zip = await unzip(data);
  const table = (await describePackage(zip)).tables.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return part(zip, table.part);
}

export function table(snapshot: Snapshot, name: string): TableSnapshot {
  const t = snapshot.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in ${snapshot.tables.map((x) => x.name).join(', ')}`);
  return t;
}

/** Every `<tag .../>` or `<tag ...>` start tag in the XML. */
export function tags(xml: string, tag: string): string[] {
  return xml.match(new RegExp(`<${tag}[\\s/>][^>]*>`, 'g')) ?? [];
}
