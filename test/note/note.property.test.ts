import fc from 'fast-check';
import { LANGUAGES } from '../../src/standard';
import { smallContent, type LibSpec } from '../helpers/network';
import { figuresOf, SECTIONS, valueAt, type Arg, type Note } from '../../src/core/note';
import { formatFigure, renderNote } from '../../src/core/note';
import { translator } from '../../src/i18n';
import { jsonOf, noteOf } from './helpers';

/**
 * The note never states a number that is not one of its figures: for random
 * networks, every figure of the note is the value under its path, and every
 * number in the text, in every language, is one of those figures as that
 * language writes it. Names, quoted titles, dates and years are data, not
 * figures: the test renders them as words without digits to see the rest.
 */
const TERRS = ['KRG', 'TMR', 'ABA'];
const TYPES = ['oblast_universal', 'central_city', 'central_district', 'rural_branch', 'city_branch'];

const network = fc
  .array(
    fc.record({
      terr: fc.constantFrom(...TERRS),
      type: fc.constantFrom(...TYPES),
      scale: fc.integer({ min: 1, max: 12 }),
      active: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(true), fc.constant(false)),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((ls): LibSpec[] => ls.map((l, i) => ({ id: `LIB_${String.fromCharCode(65 + i)}`, ...l })));

/** Arguments that are data rather than figures, as placeholder words. */
function withoutData(note: Note): Note {
  const strip = (a: Arg): Arg => {
    if (a.kind === 'quote' || a.kind === 'date') return { kind: 'quote', text: 'QUOTED' };
    if (a.kind === 'list') return { kind: 'list', items: a.items.map(strip) };
    return a;
  };
  return {
    ...note,
    sections: note.sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) =>
        b.kind === 'paragraph'
          ? {
              ...b,
              sentences: b.sentences.map((x) => ({
                ...x,
                args: Object.fromEntries(Object.entries(x.args).map(([k, v]) => [k, strip(v)])),
              })),
            }
          : b,
      ),
    })),
  };
}

const NUMBER = /[−-]?\d+(?:[\u00a0\u202f]\d{3})*(?:[.,]\d+)?/g;
const digitsOnly = (s: string) => (s.match(NUMBER) ?? []).map((x) => x.replace('−', '-'));

test('every number in the note is a figure of the consolidation, in every language', () => {
  fc.assert(
    fc.property(network, fc.integer({ min: 1, max: 3 }), (libs, earlier) => {
      const history = Array.from({ length: earlier }, (_, i) =>
        jsonOf({
          ...smallContent(
            'en',
            libs.map((l) => ({ ...l, scale: l.scale + i + 1 })),
          ),
          settings: { ...smallContent('en', libs).settings, year: 2024 - i },
        }),
      );
      for (const lang of LANGUAGES) {
        const { note, source } = noteOf(smallContent(lang, libs), lang, history);
        expect(note.sections.map((s) => s.id)).toEqual([...SECTIONS]);
        const t = translator(lang);
        const byYear = new Map<number, unknown>([[note.year, source], ...history.map((h) => [h.year!, h] as const)]);
        const allowed = new Set<string>();
        for (const f of figuresOf(note)) {
          expect(valueAt(byYear.get(f.year), f.path)).toBe(f.value);
          for (const d of digitsOnly(formatFigure(f, t))) allowed.add(d);
        }
        const names = { territory: () => 'TERRITORY', library: () => 'LIBRARY' };
        const text = renderNote(withoutData(note), t, names, { version: 'x', at: 0 })
          .sections.flatMap((s) => [
            s.heading,
            ...s.blocks.flatMap((b) =>
              b.kind === 'paragraph' ? [b.text] : [b.caption, ...b.header, ...b.rows.flat()],
            ),
          ])
          .join('\n');
        expect(text).not.toMatch(/\{\{|undefined|NaN|null|note\.s\./);
        const years = new Set(Array.from({ length: 6 }, (_, i) => String(note.year - i)));
        for (const n of digitsOnly(text)) {
          if (years.has(n)) continue;
          expect({ lang, n, known: allowed.has(n) }).toEqual({ lang, n, known: true });
        }
      }
    }),
    { numRuns: 12 },
  );
});
