/**
 * A streaming scanner of the XML a spreadsheet's parts are made of: start and
 * end tags (namespace prefix dropped), their attributes, and text, fed in
 * slices as they are inflated. It never expands a DTD's entities (only the
 * five of XML and character references) and it never looks back: each slice
 * is scanned once, and only an unfinished tag is carried to the next, up to
 * a bound, so that the time is linear in the size of the part.
 */
import { partDecoder } from './encoding';
import { WorkbookFileError } from './errors';
import { decodeXml } from './xml';

export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between tags, already decoded; called only while `wantText()` is true. */
  text(text: string): void;
  wantText(): boolean;
}

/** A start tag, comment or declaration longer than this is not from a spreadsheet. */
const MAX_MARKUP = 1024 * 1024;
const ATTR_RE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** The attributes of a start tag by local name (`r:id` as `id`), decoded. */
export function attributes(attrs: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of attrs.matchAll(ATTR_RE)) map.set(localName(m[1] ?? ''), decodeXml(m[2] ?? m[3] ?? ''));
  return map;
}

/** One attribute, without building the map: the hot path of a sheet's cells. */
export function attribute(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = attrs.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    const before = i === 0 ? ' ' : attrs[i - 1];
    if (before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r' && before !== ':') continue;
    let j = from;
    while (attrs[j] === ' ' || attrs[j] === '\t' || attrs[j] === '\n' || attrs[j] === '\r') j++;
    if (attrs[j] !== '=') continue;
    j++;
    while (attrs[j] === ' ' || attrs[j] === '\t' || attrs[j] === '\n' || attrs[j] === '\r') j++;
    const quote = attrs[j];
    if (quote !== '"' && quote !== "'") continue;
    const end = attrs.indexOf(quote, j + 1);
    if (end < 0) return undefined;
    const raw = attrs.slice(j + 1, end);
    return raw.includes('&') ? decodeXml(raw) : raw;
  }
}

function decodeText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return text.includes('&') ? decodeXml(text) : text;
}

export class XmlScanner {
  private pending = '';
  /** Elements open, and whether a root was seen: a part cut short between two tags is refused too. */
  private depth = 0;
  private rooted = false;

  constructor(
    private readonly handler: XmlHandler,
    /** The part scanned, named when it is refused. */
    private readonly part: string,
  ) {}

  private malformed(detail: string): WorkbookFileError {
    return new WorkbookFileError('damaged_part', `${this.part} is not well-formed XML: ${detail}`, { part: this.part });
  }

  write(chunk: string): void {
    const buf = this.pending + chunk;
    const h = this.handler;
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Text running into the next slice: an entity or a CR LF cut in two waits for the rest.
        let cut = n;
        const amp = buf.lastIndexOf('&');
        if (amp >= pos && buf.indexOf(';', amp) < 0) cut = amp;
        if (cut > pos && buf.charCodeAt(cut - 1) === 13) cut--;
        if (cut > pos && h.wantText()) h.text(decodeText(buf.slice(pos, cut)));
        pos = cut;
        break;
      }
      if (lt > pos && h.wantText()) h.text(decodeText(buf.slice(pos, lt)));
      const end = this.markupEnd(buf, lt);
      if (end < 0) {
        pos = lt;
        break;
      }
      this.markup(buf, lt, end);
      pos = end;
    }
    this.pending = pos < n ? buf.slice(pos) : '';
    if (this.pending.length > MAX_MARKUP) throw this.malformed('a tag or comment runs on for more than a megabyte');
  }

  end(): void {
    if (this.pending.trim() !== '') throw this.malformed('the part ends inside a tag');
    if (!this.rooted) throw this.malformed('it has no element');
    if (this.depth !== 0) throw this.malformed(`it ends with ${this.depth} element(s) open`);
  }

  /** Where the markup starting at `lt` ends (just past it), or -1 when it continues in the next slice. */
  private markupEnd(buf: string, lt: number): number {
    const next = buf.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (buf.startsWith('<!--', lt)) return after(buf.indexOf('-->', lt + 4), 3);
      if (buf.startsWith('<![CDATA[', lt)) return after(buf.indexOf(']]>', lt + 9), 3);
      if (buf.length < lt + 9) return -1;
      // A document type declaration, possibly with an internal subset in brackets; its entities are never used.
      const close = buf.indexOf('>', lt);
      const open = buf.indexOf('[', lt);
      if (open >= 0 && (close < 0 || open < close)) return after(buf.indexOf(']', open), 0, buf, '>');
      return after(close, 1);
    }
    if (next === 63 /* ? */) return after(buf.indexOf('?>', lt + 2), 2);
    // A tag: '>' may appear inside a quoted attribute value.
    let quote = 0;
    for (let i = lt + 1; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62 /* > */) return i + 1;
    }
    return -1;
  }

  private markup(buf: string, lt: number, end: number): void {
    const h = this.handler;
    const next = buf.charCodeAt(lt + 1);
    if (next === 33) {
      if (buf.startsWith('<![CDATA[', lt) && h.wantText()) h.text(buf.slice(lt + 9, end - 3));
      return;
    }
    if (next === 63) return;
    if (next === 47 /* / */) {
      if (--this.depth < 0) throw this.malformed('an end tag without its start tag');
      h.close(nameAt(buf, lt + 2, end - 1));
      return;
    }
    // Names and attributes are cut straight from the slice: a sheet has hundreds of thousands of tags.
    const selfClosing = buf.charCodeAt(end - 2) === 47;
    const stop = selfClosing ? end - 2 : end - 1;
    let i = lt + 1;
    while (i < stop && !isSpace(buf.charCodeAt(i))) i++;
    const name = nameAt(buf, lt + 1, i);
    if (name === '') throw this.malformed('a tag without a name');
    if (this.depth === 0 && this.rooted) throw this.malformed('it has a second root element');
    this.rooted = true;
    h.open(name, i < stop ? buf.slice(i, stop) : '', selfClosing);
    if (selfClosing) h.close(name);
    else this.depth++;
  }
}

/** The local name of the tag name between `from` and `to` (prefix and trailing space dropped). */
function nameAt(buf: string, from: number, to: number): string {
  while (to > from && isSpace(buf.charCodeAt(to - 1))) to--;
  let start = from;
  for (let i = from; i < to; i++) if (buf.charCodeAt(i) === 58 /* : */) start = i + 1;
  return buf.slice(start, to);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function after(index: number, length: number, buf?: string, then?: string): number {
  if (index < 0) return -1;
  if (buf !== undefined && then !== undefined) {
    const close = buf.indexOf(then, index);
    return close < 0 ? -1 : close + 1;
  }
  return index + length;
}

/** Scans a whole part given as slices of bytes, decoded as its first bytes say (encoding.ts). */
export function scanBytes(
  feed: (onData: (chunk: Uint8Array) => void) => void,
  handler: XmlHandler,
  part: string,
): void {
  let decoder: ReturnType<typeof partDecoder> | undefined;
  const scanner = new XmlScanner(handler, part);
  feed((chunk) => {
    decoder ??= partDecoder(chunk, part);
    scanner.write(decoder.decode(chunk, { stream: true }));
  });
  if (decoder) scanner.write(decoder.decode());
  scanner.end();
}
