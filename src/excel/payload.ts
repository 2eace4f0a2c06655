/**
 * Excel on the web refuses a request or a response above 5 MB. Reads and
 * writes are cut into chunks whose estimated size stays under a budget below
 * that limit, as production add-ins do; a response that still turns out too
 * large is read again in halves.
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Room for the envelope of the request and for estimates that run low. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** Excel's own cap on cells in one read. */
export const MAX_CELLS_PER_READ = 5_000_000;

/** Estimated JSON bytes of one cell's value, type and formula in a response. */
export function estimateCellBytes(columnsHint: 'report' | 'register'): number {
  // Registers hold titles and names (Cyrillic is two bytes a letter in UTF-8); reports mostly numbers.
  return columnsHint === 'register' ? 96 : 40;
}

/**
 * UTF-8 bytes of a value as it travels in JSON (counted without allocating: this runs in the task pane too).
 * The in-memory Excel counts its requests and responses with it too, `replacer` saying how its proxies travel.
 */
export function jsonBytes(value: unknown, replacer?: (key: string, value: unknown) => unknown): number {
  const s = JSON.stringify(value, replacer) ?? '';
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      // A surrogate pair is one character of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Groups items into batches whose summed estimate stays under the budget (an item larger than the budget goes alone). */
export function packBatches<T>(items: readonly T[], size: (item: T) => number, budget = PAYLOAD_BUDGET): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const s = size(item);
    if (current.length > 0 && used + s > budget) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += s;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return /PayloadSizeLimitExceeded/.test(code);
}
