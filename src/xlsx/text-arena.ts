/**
 * Many short texts kept as UTF-8 in a few large blocks, each given back as
 * a view of its bytes. An import appends 200,000 register rows to a sheet:
 * as strings (two bytes a character once a row holds Cyrillic, plus a
 * header each) they took hundreds of megabytes, and writing the sheet out
 * encoded them all once more.
 */
const BLOCK = 1 << 20;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Where a text is: a block and its span in it. */
export interface ArenaText {
  readonly block: Uint8Array;
  readonly start: number;
  readonly end: number;
}

export class TextArena {
  private block = new Uint8Array(0);
  private used = 0;

  add(text: string): ArenaText {
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    const most = text.length * 3;
    if (this.used + most > this.block.length) {
      this.block = new Uint8Array(Math.max(BLOCK, most));
      this.used = 0;
    }
    const start = this.used;
    this.used += encoder.encodeInto(text, this.block.subarray(start)).written;
    return { block: this.block, start, end: this.used };
  }
}

export function arenaBytes(t: ArenaText): Uint8Array {
  return t.block.subarray(t.start, t.end);
}

export function arenaText(t: ArenaText): string {
  return decoder.decode(arenaBytes(t));
}
