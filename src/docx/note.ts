/**
 * The analytical note as a Word document (.docx), which the people who
 * receive it edit: headings with Word's own heading styles (a screen
 * reader's outline), tables with a repeated header row, the text's
 * language set so that spelling and speech use Kazakh or Russian.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Language } from '../standard';
import type { RenderedBlock, RenderedNote } from '../core/note';

const LANGUAGE_TAG: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export async function noteDocx(note: RenderedNote, lang: Language): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(note.title)] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: note.subtitle, size: 28 })] }),
  ];
  for (const section of note.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }));
    for (const block of section.blocks) children.push(...blockOf(block));
  }
  children.push(new Paragraph({ children: [new TextRun({ text: note.made, italics: true, size: 20 })] }));
  const doc = new Document({
    title: note.title,
    subject: note.subtitle,
    creator: 'Kitaphana',
    description: note.made,
    styles: {
      default: {
        document: { run: { font: 'Times New Roman', size: 26, language: { value: LANGUAGE_TAG[lang] } } },
        heading1: {
          run: { font: 'Times New Roman', size: 28, bold: true },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        title: { run: { font: 'Times New Roman', size: 32, bold: true } },
      },
    },
    sections: [{ children }],
  });
  // An ArrayBuffer, not a Buffer: the task pane builds the same document in the browser.
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** The text width of an A4 page with Word's default margins, in twentieths of a point. */
const TEXT_WIDTH = 9026;

/**
 * The figures' columns share three quarters of the width at most: wide enough for "1 978 381" and for a
 * header's longest word ("Жоспардың") in 10 pt, which LibreOffice otherwise breaks mid-word.
 */
function columnWidths(columns: number): number[] {
  const figure = Math.min(1700, Math.floor((TEXT_WIDTH * 3) / 4 / Math.max(1, columns - 1)));
  return [TEXT_WIDTH - figure * (columns - 1), ...Array<number>(columns - 1).fill(figure)];
}

function blockOf(block: RenderedBlock): (Paragraph | Table)[] {
  if (block.kind === 'paragraph')
    return [
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 567 },
        spacing: { after: 120 },
        children: [new TextRun(block.text)],
      }),
    ];
  const widths = columnWidths(block.header.length);
  // Each cell says its width too: LibreOffice sizes the columns by the cells', not by the table's grid.
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: i > 0 ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header, size: 20 })],
        }),
      ],
    });
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 120 },
      children: [new TextRun({ text: block.caption, bold: true })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      // The names' column takes what the figures' columns leave, so that long names do not wrap word by word.
      columnWidths: widths,
      rows: [
        // A header row that Word repeats on every page and a screen reader announces with each cell.
        new TableRow({ tableHeader: true, children: block.header.map((h, i) => cell(h, true, i)) }),
        ...block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, i)) })),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}
