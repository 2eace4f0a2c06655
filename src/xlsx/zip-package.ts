/**
 * An .xlsx package as parts that can be read, replaced, added and removed.
 * A part is inflated only when someone reads it, and deflated only when
 * someone writes it: every other entry is copied into the new package as
 * its raw compressed bytes, so a grafted workbook keeps the input's parts
 * byte for byte at the cost of copying them (profiles showed unzipping and
 * zipping every part of the input costing a third of a consolidation).
 * Insertion order is the zip's order, so new parts come after the ones the
 * package had, and `[Content_Types].xml` is written first.
 */
import { decodePart } from './encoding';
import { MAX_UNPACKED_BYTES, WorkbookFileError, errorText } from './errors';
import { CONTENT_TYPES_PART, mainPart } from './package';
import { elements, parseRelationships, relsPartOf, renderRelationships, type Relationship } from './xml';
import { ZipReader } from './zip';
import { localSpan, type ZipEntry } from './zip-directory';
import { ZipWriter, deflateChunks, deflatePart, inflatePart, type DeflatedPart } from './zip-write';

const encoder = new TextEncoder();

interface Part {
  /** The input's entry, while the part is the input's. */
  readonly entry?: ZipEntry;
  /** The part's bytes, once read or written. */
  data?: Uint8Array;
  /** A large part written: deflated at once instead of `data` (see PACK_FROM). */
  packed?: DeflatedPart;
  /** Written, or to be deflated anew: not copied raw. */
  fresh: boolean;
}

/**
 * Parts written from this size on are deflated as they are written and held
 * so: a graft of 4,000 report sheets held them all inflated (over 100 MB)
 * until the package was zipped. Read again, such a part is inflated anew.
 */
const PACK_FROM = 16 * 1024;

export interface OpenOptions {
  /**
   * Deflate every part anew instead of copying: for a package that was only
   * an intermediate (ExcelJS's stored output), not someone's workbook.
   */
  readonly recompress?: boolean;
  /** Bytes all parts together may unpack to (500 MB unless told). */
  readonly maxUnpackedBytes?: number;
}

export interface RelationshipOut {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** `[Content_Types].xml` read once: Overrides by lower-cased part name, Defaults by lower-cased extension. */
interface TypeIndex {
  readonly overrides: ReadonlyMap<string, string | null>;
  readonly defaults: ReadonlyMap<string, string | null>;
}

export class ZipPackage {
  /** Parsed on first use and dropped when the part changes: grafting thousands of parts asks for each one's type. */
  private typeIndex: TypeIndex | null = null;

  private constructor(
    private readonly source: ZipReader,
    private readonly parts: Map<string, Part>,
  ) {}

  static open(data: Uint8Array, options: OpenOptions = {}): ZipPackage {
    let source: ZipReader;
    try {
      source = new ZipReader(data, options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES);
    } catch (e) {
      if (e instanceof WorkbookFileError) throw e;
      throw new WorkbookFileError(
        'not_workbook',
        `not an .xlsx file (the zip package cannot be opened: ${errorText(e)})`,
      );
    }
    const parts = new Map<string, Part>();
    // Folder entries carry no part.
    for (const entry of source.list()) {
      if (!entry.name.endsWith('/')) parts.set(entry.name, { entry, fresh: options.recompress ?? false });
    }
    return new ZipPackage(source, parts);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(part: string): boolean {
    return this.parts.has(part);
  }

  bytes(part: string): Uint8Array | undefined {
    const found = this.parts.get(part);
    if (found === undefined) return undefined;
    if (found.packed) return inflatePart(found.packed);
    found.data ??= (found.entry && this.source.bytes(found.entry.name)) ?? new Uint8Array();
    return found.data;
  }

  /** A part's text, decoded as its first bytes say (encoding.ts), or null when there is no such part. */
  text(part: string): string | null {
    const data = this.bytes(part);
    return data === undefined ? null : decodePart(data, part);
  }

  /**
   * A part's bytes handed over slice by slice as they are inflated, never
   * held whole (for a sheet, which may be large); false when there is no
   * such part.
   */
  stream(part: string, onData: (chunk: Uint8Array) => void): boolean {
    const found = this.parts.get(part);
    if (found === undefined) return false;
    if (found.packed) onData(this.bytes(part) as Uint8Array);
    else if (found.data !== undefined || !found.entry) onData(found.data ?? new Uint8Array());
    else this.source.stream(found.entry.name, onData);
    return true;
  }

  /** The workbook part, found as the package's officeDocument relationship says (see `mainPart`). */
  mainPart(): string | null {
    return mainPart(this.text(relsPartOf('')), (part) => this.has(part));
  }

  setText(part: string, xml: string): void {
    this.setBytes(part, encoder.encode(xml));
  }

  setBytes(part: string, data: Uint8Array): void {
    if (part === CONTENT_TYPES_PART) this.typeIndex = null;
    const found = this.parts.get(part);
    // The same bytes written back (a list rewritten without a change) leave the entry to be copied.
    if (found && !found.fresh && found.data !== undefined && sameBytes(found.data, data)) return;
    if (data.length >= PACK_FROM) this.store(part, { packed: deflatePart(data) });
    else this.store(part, { data });
  }

  /**
   * A part written as a run of chunks, deflated as they come (`deflateChunks`):
   * a sheet of 200,000 rows is never one string nor one array of bytes. The
   * same bytes as the input's part are no change, as with `setBytes`.
   */
  setChunks(part: string, chunks: Iterable<Uint8Array>): void {
    if (part === CONTENT_TYPES_PART) this.typeIndex = null;
    const found = this.parts.get(part);
    const before = found && !found.fresh ? found.data : undefined;
    let same = before !== undefined;
    let length = 0;
    function* compared(): Generator<Uint8Array> {
      for (const c of chunks) {
        if (same && before)
          same = length + c.length <= before.length && sameBytes(before.subarray(length, length + c.length), c);
        length += c.length;
        yield c;
      }
    }
    const packed = deflateChunks(compared());
    if (same && length === before?.length) return;
    this.store(part, { packed });
  }

  private store(part: string, held: { readonly data?: Uint8Array; readonly packed?: DeflatedPart }): void {
    const found = this.parts.get(part);
    const written: Part = found ?? { fresh: true };
    written.data = held.data;
    written.packed = held.packed;
    written.fresh = true;
    if (!found) this.parts.set(part, written);
  }

  remove(part: string): void {
    if (part === CONTENT_TYPES_PART) this.typeIndex = null;
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
    const index = (this.typeIndex ??= this.readTypes());
    const override = index.overrides.get(`/${part}`.toLowerCase());
    if (override !== undefined) return override;
    return index.defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase()) ?? null;
  }

  /** The first Override of a name and the first Default of an extension count, as a search in document order finds them. */
  private readTypes(): TypeIndex {
    const xml = this.text(CONTENT_TYPES_PART) ?? '';
    const overrides = new Map<string, string | null>();
    for (const a of elements(xml, 'Override')) {
      const name = (a.get('PartName') ?? '').toLowerCase();
      if (!overrides.has(name)) overrides.set(name, a.get('ContentType') ?? null);
    }
    const defaults = new Map<string, string | null>();
    for (const a of elements(xml, 'Default')) {
      const ext = (a.get('Extension') ?? '').toLowerCase();
      if (!defaults.has(ext)) defaults.set(ext, a.get('ContentType') ?? null);
    }
    return { overrides, defaults };
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
    const writer = new ZipWriter();
    const input = this.source.data;
    // `[Content_Types].xml` first, as every Office application writes it.
    const names = [CONTENT_TYPES_PART, ...this.names().filter((n) => n !== CONTENT_TYPES_PART)];
    for (const name of names) {
      const part = this.parts.get(name);
      if (part === undefined) continue;
      // A ZIP64 entry's records would need rewriting: such a (rare) entry is deflated anew.
      if (!part.fresh && part.entry && !part.entry.zip64) writer.copy(input, part.entry, localSpan(input, part.entry));
      else if (part.packed) writer.addDeflated(name, part.packed);
      else writer.add(name, this.bytes(name) ?? new Uint8Array());
    }
    return writer.toBytes();
  }
}

// Both sides as Buffers: the browser's Buffer (the buffer package) refuses to compare with a plain Uint8Array.
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  const buffer = (x: Uint8Array) => Buffer.from(x.buffer, x.byteOffset, x.length);
  return a.length === b.length && buffer(a).equals(buffer(b));
}
