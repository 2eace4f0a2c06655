/**
 * How many syncs an action made: the fixed steps, whose number never depends
 * on the workbook's size, and the chunks the payload limit needed. Tests and
 * the benchmark hold the adapter to "a constant number of syncs per action,
 * apart from payload chunks" with it.
 */
export class SyncStats {
  fixed = 0;
  chunks = 0;
  get total(): number {
    return this.fixed + this.chunks;
  }
}

export async function syncStep(
  context: Excel.RequestContext,
  stats: SyncStats | undefined,
  kind: 'fixed' | 'chunk',
): Promise<void> {
  await context.sync();
  if (!stats) return;
  if (kind === 'fixed') stats.fixed++;
  else stats.chunks++;
}
