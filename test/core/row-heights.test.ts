import { nationalContent } from '../../src/bench/national';
import { MAX_ROW_HEIGHT, MAX_ROW_LINES, rowsOfText, wrappedLines } from '../../src/core/layout/builder';
import { translator } from '../../src/i18n';
import { renderedNoteOf } from '../../src/core/layout/note';
import { consolidated, planCellValues, textOf } from '../dashboard/helpers';

/**
 * Excel refuses a row taller than 409 points (office-js: InvalidArgument,
 * the whole consolidation undone; a file: repaired). A network of a few
 * hundred libraries makes paragraphs of the note (the libraries not
 * visited, say) longer than one row can hold: they go on as many rows as
 * they need, with nothing cut and the numbers' no-break spaces kept.
 */
describe('rows no taller than Excel allows', () => {
  it('cuts a long text between sentences, else between words, keeping every character', () => {
    const names = Array.from({ length: 900 }, (_, i) => `Библиотека-филиал № ${i + 1}`).join(', ');
    const text = `Всего 1\u00a0234 библиотеки. Не посещены: ${names}. Конец.`;
    const pieces = rowsOfText(text, 64);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join(' ')).toBe(text);
    for (const p of pieces) expect(wrappedLines(p, 64)).toBeLessThanOrEqual(MAX_ROW_LINES);
    // The short first sentence starts the first row; the no-break space inside its number stays.
    expect(pieces[0]?.startsWith('Всего 1\u00a0234 библиотеки. Не посещены:')).toBe(true);
    expect(rowsOfText('Коротко.', 64)).toEqual(['Коротко.']);
  });

  it('every generated sheet of a 400-library network, the Note included', () => {
    const run = consolidated(nationalContent({ libraries: 400, events: 4000, training: 400 }));
    expect(run.plan.sheets.length).toBeGreaterThan(3);
    for (const sheet of run.plan.sheets)
      for (const h of sheet.rowHeights ?? [])
        expect({ sheet: sheet.name, h: Math.min(h, MAX_ROW_HEIGHT) }).toEqual({ sheet: sheet.name, h });
    const note = run.plan.sheets.find((s) => s.name === translator('ru').t('sheet.Note'));
    expect(note).toBeDefined();
    // Some paragraph of the note is longer than one row can hold…
    const rendered = renderedNoteOf({ ...run, version: 'test', madeAt: 0 });
    const paragraphs = (rendered?.sections ?? []).flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])),
    );
    expect(paragraphs.some((x) => wrappedLines(x, 64) > MAX_ROW_LINES)).toBe(true);
    // …and the sheet shows all of it, row after row: no cell of the text column holds more than a row shows.
    const texts = planCellValues(note!)
      .filter((c) => c.col === 0)
      .map((c) => textOf(c.value));
    for (const x of texts) expect(wrappedLines(x, 64)).toBeLessThanOrEqual(MAX_ROW_LINES);
    const all = texts.join(' ');
    for (const x of paragraphs) expect(all).toContain(x.slice(-200));
  });
});
