import { unzipSync, zipSync, type Zippable } from 'fflate';
import { WorkbookFileError, errorText } from './errors';
import { CONTENT_TYPES_PART } from './parts';
import { elements, parseRelationships, relsPartOf, renderRelationships, type Relationship } from './xml';

/**
 * An .xlsx package as a map of part names to their bytes, unzipped and zipped
 * with fflate (several times faster here than JSZip's pako, and synchronous).
 * Parts nobody edits keep their bytes; insertion order is the zip's order,
 * so new parts come after the ones the package had.
 */
const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();
/** Zip entries get this date rather than the time of writing, so that the same plan writes the same bytes. */
const ZIP_DATE = new Date(2000, 0, 1);

export interface RelationshipOut {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export class ZipPackage {
  private constructor(private readonly parts: Map<string, Uint8Array>) {}

  static open(data: Uint8Array): ZipPackage {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(data);
    } catch (e) {
      throw new WorkbookFileError(
        'not_workbook',
        `not an .xlsx file (the zip package cannot be opened: ${errorText(e)})`,
      );
    }
    // Folder entries carry no part.
    return new ZipPackage(new Map(Object.entries(files).filter(([name]) => !name.endsWith('/'))));
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(part: string): boolean {
    return this.parts.has(part);
  }

  bytes(part: string): Uint8Array | undefined {
    return this.parts.get(part);
  }

  text(part: string): string | null {
    const data = this.parts.get(part);
    return data === undefined ? null : decoder.decode(data);
  }

  setText(part: string, xml: string): void {
    this.parts.set(part, encoder.encode(xml));
  }

  setBytes(part: string, data: Uint8Array): void {
    this.parts.set(part, data);
  }

  remove(part: string): void {
    this.parts.delete(part);
  }

  relationships(part: string): Relationship[] {
    const xml = this.text(relsPartOf(part));
    return xml === null ? [] : parseRelationships(xml, part);
  }

  setRelationships(part: string, rels: readonly RelationshipOut[]): void {
    this.setText(relsPartOf(part), renderRelationships(rels));
  }

  /** The content type of a part, from its Override or else the Default of its extension. */
  contentTypeOf(part: string): string | null {
    const xml = this.text(CONTENT_TYPES_PART) ?? '';
    const name = `/${part}`.toLowerCase();
    const override = elements(xml, 'Override').find((a) => (a.get('PartName') ?? '').toLowerCase() === name);
    if (override) return override.get('ContentType') ?? null;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    const byDefault = elements(xml, 'Default').find((a) => (a.get('Extension') ?? '').toLowerCase() === ext);
    return byDefault?.get('ContentType') ?? null;
  }

  /** The parts reachable from the package's root relationships. */
  reachable(): Set<string> {
    const seen = new Set<string>();
    const queue = this.relationships('').flatMap((r) => (r.part ? [r.part] : []));
    while (queue.length > 0) {
      const part = queue.pop() as string;
      if (seen.has(part) || !this.parts.has(part)) continue;
      seen.add(part);
      for (const r of this.relationships(part)) if (r.part) queue.push(r.part);
    }
    return seen;
  }

  toBytes(): Uint8Array {
    const files: Zippable = {};
    // `[Content_Types].xml` first, as every Office application writes it.
    const names = [CONTENT_TYPES_PART, ...this.names().filter((n) => n !== CONTENT_TYPES_PART)];
    for (const name of names) {
      const data = this.parts.get(name);
      if (data !== undefined) files[name] = [data, { level: 6, mtime: ZIP_DATE }];
    }
    return zipSync(files);
  }
}
