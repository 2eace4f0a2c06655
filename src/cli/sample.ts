import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Translator } from '../i18n';
import { templatePlan } from '../core/layout/template';
import { branchFileName, sampleContent, type SampleKind } from '../sample';
import { writeWorkbook, saveWorkbookFile } from '../xlsx/write';
import { stampPackage } from '../xlsx/stamp';
import type { Io } from './errors';
import { checkOutput } from './output';

export const SAMPLE_FILES: Readonly<Record<SampleKind, string>> = {
  clean: 'karaganda-2025.xlsx',
  mistakes: 'karaganda-2025-mistakes.xlsx',
  lastYear: 'karaganda-2024.xlsx',
  branch: branchFileName(),
  kazakh: 'karaganda-2025-kk.xlsx',
};

/** `kitaphana sample`: the sample workbooks, made deterministically so that anyone can regenerate them. */
export async function sampleCommand(dir: string, opts: { force?: boolean }, t: Translator, io: Io): Promise<number> {
  // Every file is checked before any is written, so that a refusal leaves nothing half done.
  for (const name of Object.values(SAMPLE_FILES))
    await checkOutput(join(dir, name), { inputs: [], force: opts.force ?? false });
  await mkdir(dir, { recursive: true });
  for (const [kind, name] of Object.entries(SAMPLE_FILES) as [SampleKind, string][]) {
    const content = sampleContent(kind, t.lang);
    const file = join(dir, name);
    // Stamped with a moment fixed by the data (20 January after the reporting year), so that
    // regenerating the samples rewrites identical bytes.
    const at = new Date(Date.UTC(content.settings.year + 1, 0, 20));
    await saveWorkbookFile(file, stampPackage(await writeWorkbook(templatePlan(content)), at));
    io.out(
      t.t('cli.sample_done', {
        file,
        libraries: t.t('cli.sample_libraries', { count: content.libraries.length }),
        events: t.t('cli.sample_events', { count: content.events.length }),
      }),
    );
  }
  return 0;
}
