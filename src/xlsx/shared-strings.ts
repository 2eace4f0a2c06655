import type { XmlHandler } from './scan';

/** The shared strings a sheet's cells use, and only those, as plain text (rich text runs joined, phonetic runs left out). */
export class SharedStrings implements XmlHandler {
  readonly found = new Map<number, string>();
  private index = -1;
  private inText = false;
  private inPhonetic = false;
  private current = '';

  constructor(private readonly wanted: ReadonlySet<number>) {}

  wantText(): boolean {
    return this.inText && !this.inPhonetic && this.wanted.has(this.index);
  }

  text(text: string): void {
    this.current += text;
  }

  open(name: string): void {
    if (name === 'si') {
      this.index++;
      this.current = '';
    } else if (name === 't') this.inText = true;
    else if (name === 'rPh') this.inPhonetic = true;
  }

  close(name: string): void {
    if (name === 't') this.inText = false;
    else if (name === 'rPh') this.inPhonetic = false;
    else if (name === 'si' && this.wanted.has(this.index)) this.found.set(this.index, this.current);
  }
}
