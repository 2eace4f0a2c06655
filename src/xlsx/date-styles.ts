/**
 * Which cell formats of `styles.xml` show a date: the built-in date and time
 * formats and any custom format with date or time letters outside quotes and
 * brackets (the same test ExcelJS applies, so that both readers agree).
 */
import { attribute, type XmlHandler } from './scan';

export const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

export class DateStyles implements XmlHandler {
  private readonly custom = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private inCellXfs = false;

  wantText(): boolean {
    return false;
  }

  text(): void {}

  open(name: string, attrs: string): void {
    if (name === 'numFmt') {
      const id = Number(attribute(attrs, 'numFmtId'));
      const code = attribute(attrs, 'formatCode');
      if (Number.isInteger(id) && code !== undefined) this.custom.set(id, code);
    } else if (name === 'cellXfs') this.inCellXfs = true;
    else if (name === 'xf' && this.inCellXfs) this.xfFormats.push(Number(attribute(attrs, 'numFmtId') ?? 0));
  }

  close(name: string): void {
    if (name === 'cellXfs') this.inCellXfs = false;
  }

  /** Indices of the cell formats that show dates. */
  dates(): Set<number> {
    const out = new Set<number>();
    this.xfFormats.forEach((id, index) => {
      if (!id) return;
      const code = this.custom.get(id);
      if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id)) out.add(index);
    });
    return out;
  }
}
