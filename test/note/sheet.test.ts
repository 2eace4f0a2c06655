import { karagandaSample } from '../../src/sample';
import { LANGUAGES, type Language } from '../../src/standard';
import { translator } from '../../src/i18n';
import { noteDocx } from '../../src/docx/note';
import type { SheetPlan } from '../../src/core/plan';
import { writeWorkbook } from '../../src/xlsx/write';
import { readWorkbook } from '../../src/xlsx/read';
import { runConsolidation } from '../../src/core/pipeline';
import { ooxmlProblems, partsOf, xmllintAvailable } from '../helpers/ooxml';
import { consolidated, planCellValues, textOf } from '../dashboard/helpers';
import { consolidateBytes, repoFile } from '../xlsx/consolidate-file';
import { noteOf } from './helpers';
import { decodeXml } from '../../src/xlsx/xml';

/**
 * The generated Note sheet of a consolidation: the analytical note in the
 * workbook's language, the same text as the .docx `kitaphana note` writes,
 * laid out as a page of text to print.
 */
function noteSheetOf(sheets: readonly SheetPlan[], lang: Language): SheetPlan {
  const sheet = sheets.find((s) => s.name === translator(lang).t('sheet.Note'));
  if (!sheet) throw new Error(`no Note sheet in ${sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

/** The sheet's texts in reading order: row by row, left to right. */
function sheetTexts(sheet: SheetPlan): string[] {
  return planCellValues(sheet)
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((c) => textOf(c.value))
    .filter((s) => s !== '');
}

/** The document's paragraphs (a table's cells are paragraphs too), in reading order. */
async function docxTexts(bytes: Uint8Array): Promise<string[]> {
  const xml = new TextDecoder().decode(partsOf(bytes).get('word/document.xml'));
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join(''))
    .filter((s) => s !== '');
}

/** When `consolidated` (test/dashboard/helpers) makes its sheets. */
const MADE = Date.UTC(2026, 0, 20, 9, 30);

describe.each(LANGUAGES)('the Note sheet in %s', (lang) => {
  const content = karagandaSample({ language: lang });
  const sheet = noteSheetOf(consolidated(content).plan.sheets, lang);

  it('has the text of the .docx note, paragraph by paragraph and cell by cell', async () => {
    const { rendered } = noteOf(content, lang);
    const docx = await docxTexts(await noteDocx(rendered, lang));
    const texts = sheetTexts(sheet);
    // The last line of the note says when and by which version each was made: the runs differ there only.
    expect(texts.slice(0, docx.length - 1)).toEqual(docx.slice(0, -1));
    // After it, what every generated sheet says of its figures: made when, libraries left out or missing.
    expect(texts.slice(docx.length)).toEqual([
      expect.stringContaining(translator(lang).dateTime(MADE)),
      expect.any(String),
      expect.any(String),
    ]);
    expect(texts.length).toBeGreaterThan(20);
    expect(texts[0]).toBe(translator(lang).t('note.title'));
  });

  it('prints portrait, one page wide, its headings bold and its paragraphs wrapped in one wide column', () => {
    expect(sheet.print).toMatchObject({ landscape: false, fitToWidth: true });
    expect(sheet.merges ?? []).toEqual([]);
    const { rendered } = noteOf(content, lang);
    const cells = planCellValues(sheet);
    const styleAt = (row: number, col: number) =>
      Object.assign(
        {},
        ...sheet.styles
          .filter((s) => row >= s.area.top && row <= s.area.bottom && col >= s.area.left && col <= s.area.right)
          .map((s) => s.style),
      );
    // A heading may also be a table's caption (in italics): one of the cells with its text is the bold heading.
    for (const s of rendered.sections)
      expect(cells.some((c) => c.value === s.heading && c.col === 0 && styleAt(c.row, 0).bold === true)).toBe(true);
    const longest = rendered.sections
      .flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])))
      .reduce((a, b) => (b.length > a.length ? b : a));
    const cell = cells.find((c) => c.value === longest)!;
    expect(cell.col).toBe(0);
    expect(styleAt(cell.row, 0).wrap).toBe(true);
    // Tall enough for its lines: neither Excel nor LibreOffice fits a row to wrapped text in a file.
    expect(sheet.rowHeights?.[cell.row] ?? 0).toBeGreaterThan(15);
    expect(sheet.columnWidths[0]).toBeGreaterThanOrEqual(60);
  });

  it('gives each small table a header row', () => {
    const { rendered } = noteOf(content, lang);
    const tables = rendered.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'table'));
    expect(tables.length).toBeGreaterThan(0);
    const cells = planCellValues(sheet);
    for (const table of tables) {
      if (table.kind !== 'table') continue;
      const head = cells.find((c) => c.value === table.header[0] && c.col === 0)!;
      const headerStyle = sheet.styles.find(
        (s) => s.area.top === head.row && s.area.bottom === head.row && s.area.left === 0 && s.style.fill,
      );
      expect(headerStyle?.area.right).toBe(table.header.length - 1);
      expect(headerStyle?.style.bold).toBe(true);
    }
  });
});

describe('the Note sheet in the consolidated file', () => {
  it('is written by `consolidate -o` of the bundled sample, in the workbook language, valid OOXML', async () => {
    const input = repoFile('workbooks', 'karaganda-2025.xlsx');
    const run = runConsolidation(await readWorkbook(input), { userLanguage: 'en', madeAt: 0, version: 'test' });
    const bytes = await writeWorkbook(run.plan, input);
    const back = await readWorkbook(bytes);
    expect(back.sheets.map((s) => s.name)).toContain(translator(run.language).t('sheet.Note'));
    if (xmllintAvailable()) expect(ooxmlProblems(bytes)).toEqual([]);
  });

  it('replaces the Note of an earlier consolidation rather than adding a second one', async () => {
    const once = await consolidateBytes(repoFile('workbooks', 'karaganda-2025.xlsx'));
    const snapshot = await readWorkbook(once);
    const run = runConsolidation(snapshot, { userLanguage: 'en', madeAt: 0, version: 'test' });
    const note = translator(run.language).t('sheet.Note');
    expect(snapshot.sheets.map((s) => s.name)).toContain(note);
    expect(run.plan.removeSheets).toContain(note);
  });
});
