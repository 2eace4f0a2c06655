/**
 * The generated `Note` sheet: the analytical note (`core/note`) in the
 * workbook's language, the same text as the .docx of `kitaphana note`, laid
 * out to be read and printed as a page: the title, the sections' headings in
 * bold, each paragraph in one wide wrapped column, the small tables as cell
 * ranges with a header row. A consolidated workbook carries no earlier
 * years, so its note has no history (the dynamics section says so); the
 * command line's note is the one with `--history`.
 */
import { consolidationJson } from '../json';
import { buildNote, noteCounts, registryNames, renderNote, type RenderedNote } from '../note';
import type { SheetPlan } from '../plan';
import { area } from '../plan';
import { rowsOfText, SheetBuilder } from './builder';
import { MUTED, type Context, type GeneratedInput } from './context';
import { translator } from '../translator';

/** The text column: wide enough to read a paragraph as a page's line, narrow enough to print portrait. */
const TEXT_WIDTH = 64;
/** A table's figure columns. */
const FIGURE_WIDTH = 13;

/** What the note of a consolidation needs: the generated sheets' input, or a finished run's (the task pane's .docx). */
export type NoteSourceInput = Pick<GeneratedInput, 'consolidation' | 'validation' | 'language' | 'version' | 'madeAt'>;

/** The note of a consolidation in its language, or null without a reporting year (no note then). */
export function renderedNoteOf(input: NoteSourceInput): RenderedNote | null {
  const c = input.consolidation;
  if (c.year === null) return null;
  const t = translator(input.language);
  const json = consolidationJson(c, t);
  const note = buildNote({ current: { json, note: noteCounts(json, input.validation.workbook, undefined) } });
  const names = registryNames([input.validation.workbook], input.language);
  return renderNote(note, t, names, { version: input.version, at: input.madeAt });
}

export function noteSheet(ctx: Context): SheetPlan | null {
  const note = renderedNoteOf(ctx.input);
  if (!note) return null;
  const b = new SheetBuilder(ctx.t.t('sheet.Note'));
  const paragraph = (text: string, style: Parameters<SheetBuilder['line']>[1] = {}) => {
    for (const piece of rowsOfText(text, TEXT_WIDTH)) {
      b.fit(b.nextRow, 0, piece);
      b.line([piece], { wrap: true, vAlign: 'top', ...style });
    }
  };
  paragraph(note.title, { bold: true, size: 14 });
  paragraph(note.subtitle, { bold: true, size: 12 });
  b.gap();
  let columns = 1;
  for (const s of note.sections) {
    paragraph(s.heading, { bold: true, size: 12 });
    for (const block of s.blocks) {
      if (block.kind === 'paragraph') paragraph(block.text);
      else {
        paragraph(block.caption, { italic: true });
        const a = b.table(block.header, block.rows);
        b.wrapColumn(a, 0, block.rows);
        if (block.rows.length > 0) b.style(area(a.top + 1, 1, a.bottom, a.right), { hAlign: 'right' });
        columns = Math.max(columns, block.header.length);
      }
      b.gap();
    }
  }
  paragraph(note.made, MUTED);
  // What every generated sheet says of its figures (section 4): the libraries left out, their register rows.
  b.gap();
  for (const line of ctx.provenance()) paragraph(line, MUTED);
  return b.build([TEXT_WIDTH, ...Array<number>(columns - 1).fill(FIGURE_WIDTH)], 'none', {
    landscape: false,
  });
}
