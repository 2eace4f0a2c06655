import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A page of a PDF in shades of grey, a byte a pixel (0 black, 255 white), row by row. */
export interface Gray {
  readonly width: number;
  readonly height: number;
  readonly px: Uint8Array;
}

/** A binary PGM (P5) as pdftoppm -gray writes it. */
export function readPgm(data: Buffer): Gray {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM file');
  const [whole, w, h] = header;
  return { width: Number(w), height: Number(h), px: data.subarray(whole.length) };
}

/** The pages of a PDF rendered in grey at `dpi` (pdftoppm), first to last; the PGM files are left in `dir`. */
export function grayPages(pdf: string, dir: string, dpi: number, prefix = 'gray'): Gray[] {
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), pdf, join(dir, prefix)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.pgm'))
    .sort()
    .map((f) => readPgm(readFileSync(join(dir, f))));
}

/** Runs of indexes where `inked(i)` holds, allowing no gap. */
export function runs(length: number, inked: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const on = i < length && inked(i);
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  }
  return out;
}

/** Lighter than this is paper (antialiasing's faint fringe included). */
export const INK = 250;

/** The first and last rows of the page with ink in them, or null on a blank page. */
export function inkedRows(page: Gray): { top: number; bottom: number } | null {
  const { width, height, px } = page;
  const inked = (y: number) => px.subarray(y * width, (y + 1) * width).some((v) => v < INK);
  const rows = runs(height, inked);
  return rows.length === 0 ? null : { top: rows[0]![0], bottom: rows[rows.length - 1]![1] };
}
