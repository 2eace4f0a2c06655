import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { partsOf, schemaProblems, xmllintAvailable } from '../helpers/ooxml';
import { convertWithLibreOffice } from '../helpers/libreoffice';
import { runCli } from '../helpers/cli';

/**
 * The note of the bundled sample as a Word document in each language: its
 * parts valid against the WordprocessingML schema, opened by LibreOffice
 * (a program nobody here wrote) and printed to PDF with the note's text.
 */
const SAMPLE = join(__dirname, '..', '..', 'workbooks', 'karaganda-2025.xlsx');
const LAST_YEAR = join(__dirname, '..', '..', 'workbooks', 'karaganda-2024.xlsx');
const hasSoffice = spawnSync('soffice', ['--version']).status === 0;
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

describe.each(['kk', 'ru', 'en'] as const)('the note in %s', (lang) => {
  const dir = mkdtempSync(join(tmpdir(), `note-${lang}-`));
  const out = join(dir, `note-${lang}.docx`);

  beforeAll(async () => {
    const r = await runCli('note', SAMPLE, '--history', LAST_YEAR, '--lang', lang, '-o', out);
    expect(r.code).toBe(0);
  });

  (xmllintAvailable() ? test : test.skip)('every part is valid against the schemas (wml.xsd for the document)', () => {
    const parts = partsOf(readFileSync(out));
    expect(parts.has('word/document.xml')).toBe(true);
    expect(schemaProblems(parts)).toEqual([]);
  });

  (hasSoffice && hasPdftotext ? test : test.skip)('LibreOffice prints it, headings and figures included', () => {
    convertWithLibreOffice(out, 'pdf', dir);
    const pdf = join(dir, `note-${lang}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const heading = { kk: 'Талдамалық анықтама', ru: 'Аналитическая справка', en: 'Analytical note' }[lang];
    expect(text).toContain(heading);
    // U01 of the sample, as each language writes it.
    expect(text.replace(/[\u00a0\u202f]/g, ' ')).toContain(lang === 'en' ? '110,312' : '110 312');
  });
});

test('refusals: a non-.docx output, a later year as history, too many years', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'note-refuse-'));
  const wrong = await runCli('note', SAMPLE, '-o', join(dir, 'note.xlsx'), '--lang', 'en');
  expect(wrong.code).toBe(2);
  expect(wrong.err).toContain('.docx');
  const later = await runCli('note', LAST_YEAR, '--history', SAMPLE, '--lang', 'en');
  expect(later.code).toBe(2);
  expect(later.err).toContain('--history takes years before 2024');
  const many = await runCli('note', SAMPLE, '--history', ...Array(5).fill(LAST_YEAR), '--lang', 'en');
  expect(many.code).toBe(2);
  expect(many.err).toContain('At most 4');
});

test('without -o the note is printed as text', async () => {
  const r = await runCli('note', SAMPLE, '--lang', 'ru');
  expect(r.code).toBe(0);
  expect(r.out).toContain('Аналитическая справка');
  expect(r.out).toContain('В 2025 году в сети 39 действующих библиотек.');
});
