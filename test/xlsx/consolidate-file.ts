import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runConsolidation } from '../../src/core/pipeline';
import { readWorkbook } from '../../src/xlsx/read';
import { writeWorkbook } from '../../src/xlsx/write';

export const MADE_AT = Date.UTC(2026, 0, 20, 9, 30);

export function repoFile(...path: string[]): Buffer {
  return readFileSync(join(__dirname, '..', '..', ...path));
}

/** What `kitaphana consolidate -o` writes for these bytes, without the command line. */
export async function consolidateBytes(input: Buffer, madeAt = MADE_AT): Promise<Buffer> {
  const run = runConsolidation(await readWorkbook(input), { userLanguage: 'ru', madeAt, version: 'test' });
  return writeWorkbook(run.plan, input);
}
