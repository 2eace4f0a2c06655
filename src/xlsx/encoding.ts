/**
 * The character encoding of a package part. Excel writes UTF-8, but XML
 * allows any encoding a part declares, and some producers write UTF-16
 * (with a byte order mark, or only an `encoding` declaration). Read as
 * UTF-8, such a part is garbage that scans as empty; it is decoded as
 * written instead, by the rules of XML 1.0 appendix F, or refused with its
 * name when no decoder knows its encoding.
 */
import { WorkbookFileError } from './errors';

type Decoder = InstanceType<typeof TextDecoder>;

const DECLARATION = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/;
/** Bytes enough for any XML declaration a producer writes. */
const HEAD = 256;

/** The decoder for a part, chosen from its first bytes (at least the declaration, when it has one). */
export function partDecoder(head: Uint8Array, part: string): Decoder {
  const [a, b, c, d] = head;
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8');
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le');
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be');
  // `<?` without a byte order mark.
  if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) return new TextDecoder('utf-16le');
  if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) return new TextDecoder('utf-16be');
  const declared = DECLARATION.exec(declarationOf(head))?.[1];
  if (declared === undefined) return new TextDecoder('utf-8');
  let decoder: Decoder;
  try {
    decoder = new TextDecoder(declared);
  } catch {
    throw new WorkbookFileError('bad_encoding', `${part} is in the encoding "${declared}", which cannot be read`, {
      part,
      encoding: declared,
    });
  }
  // UTF-16 declared over bytes that are not UTF-16 (no BOM, `<?` in single bytes): the bytes are right.
  return decoder.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : decoder;
}

/** The XML declaration at the start of the bytes, as text (every part has one or none: cheap either way). */
function declarationOf(head: Uint8Array): string {
  if (head[0] !== 0x3c || head[1] !== 0x3f) return '';
  let end = 2;
  while (end < head.length && end < HEAD && head[end] !== 0x3e /* > */) end++;
  let text = '';
  for (let i = 0; i <= end && i < head.length; i++) text += String.fromCharCode(head[i]!);
  return text;
}

/**
 * A whole part's text. When it was not UTF-8 its declaration is made to say
 * UTF-8: whoever writes the text back writes UTF-8.
 */
export function decodePart(bytes: Uint8Array, part: string): string {
  const decoder = partDecoder(bytes, part);
  const text = decoder.decode(bytes);
  return decoder.encoding === 'utf-8'
    ? text
    : text.replace(DECLARATION, (d: string, e: string) => d.replace(e, 'UTF-8'));
}
