import type { XmlHandler } from './scan';
import { decodeXml, decodeXstring } from './xml';
import type { ZipPackage } from './zip-package';

const REL_SHARED_STRINGS = '/sharedStrings';

/** The shared strings a sheet's cells use, and only those, as plain text (rich text runs joined, phonetic runs left out). */
export class SharedStrings implements XmlHandler {
  readonly found = new Map<number, string>();
  private index = -1;
  private inText = false;
  private inPhonetic = false;
  private current = '';
  /** The text of the `<t>` being read: escapes are decoded run by run. */
  private run = '';

  constructor(private readonly wanted: ReadonlySet<number>) {}

  wantText(): boolean {
    return this.inText && !this.inPhonetic && this.wanted.has(this.index);
  }

  text(text: string): void {
    this.run += text;
  }

  open(name: string): void {
    if (name === 'si') {
      this.index++;
      this.current = '';
    } else if (name === 't') {
      this.inText = true;
      this.run = '';
    } else if (name === 'rPh') this.inPhonetic = true;
  }

  close(name: string): void {
    if (name === 't') {
      if (this.run !== '') this.current += decodeXstring(this.run);
      this.inText = false;
    } else if (name === 'rPh') this.inPhonetic = false;
    else if (name === 'si' && this.wanted.has(this.index)) this.found.set(this.index, this.current);
  }
}

/** Every shared string of a package as plain text, for the few cells an edit compares (not for reading sheets). */
export function sharedStringTexts(pkg: ZipPackage): string[] {
  const main = pkg.mainPart();
  const rel = (main === null ? [] : pkg.relationships(main)).find((r) => r.type.endsWith(REL_SHARED_STRINGS) && r.part);
  const xml = rel?.part ? (pkg.text(rel.part) ?? '') : '';
  return [...xml.matchAll(/<(?:[\w.-]+:)?si>([\s\S]*?)<\/(?:[\w.-]+:)?si>|<(?:[\w.-]+:)?si\/>/g)].map((m) =>
    textOf(m[1] ?? ''),
  );
}

/** The text of a string item or inline string: its `<t>` runs joined (phonetic runs left out). */
export function textOf(item: string): string {
  const plain = item.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  return [...plain.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)]
    .map((m) => decodeXstring(decodeXml(m[1] ?? '')))
    .join('');
}
