/**
 * The analytical note of a consolidation as a Word document, made in the
 * browser: loaded as a chunk of its own (`docx` is large) only when someone
 * asks for the .docx, so that the pane's first load stays as it was.
 */
import type { ConsolidationRun } from '../core/pipeline';
import { renderedNoteOf } from '../core/layout/note';
import { noteDocx } from '../docx/note';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The document and the file's name, or null for a consolidation without a year (it has no note). */
export async function noteDocument(
  run: ConsolidationRun,
  version: string,
): Promise<{ blob: Blob; file: string } | null> {
  const note = renderedNoteOf({
    consolidation: run.consolidation,
    validation: run.validation,
    language: run.language,
    version,
    madeAt: Date.now(),
  });
  if (!note) return null;
  const bytes = await noteDocx(note, run.language);
  // The region names the file; characters no file system takes in a name become a hyphen.
  const region = (run.consolidation.region ?? 'note').replace(/[\\/:*?"<>|\s]+/g, '-');
  return {
    // Its buffer is an ArrayBuffer (Packer.toArrayBuffer), never a shared one.
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE }),
    file: `${region}-${run.consolidation.year}-${run.language}.docx`,
  };
}
