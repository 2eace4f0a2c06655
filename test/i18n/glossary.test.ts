import { catalogue } from '../../src/i18n';
import { PLURAL, flatten } from '../helpers/catalogue';
import { FROZEN_HEADERS, GLOSSARY, type Concept } from '../../src/i18n/glossary';
import { LANGUAGES, type Language } from '../../src/standard';

/**
 * The catalogues hold to the glossary: each entry that names a finding, a
 * warning or a conflict uses that concept's one term in every language, and
 * no other concept's; no catalogue uses a word the glossary rules out (a
 * table header already in people's workbooks aside).
 */
/** A word at the start of a word: «замечани» finds «Замечания», not «незамечание». */
const uses = (text: string, stem: string) => new RegExp(`(^|[^\\p{L}])${stem}`, 'iu').test(text);
const concepts = Object.keys(GLOSSARY) as Concept[];

describe.each(LANGUAGES)('the %s catalogue', (lang: Language) => {
  const entries = flatten(catalogue(lang));
  const named = (key: string) => [...entries].filter(([k]) => k === key || k.replace(PLURAL, '') === key);

  it.each(concepts)('names a %s by its one term, and by no other concept’s', (concept) => {
    const { stem } = GLOSSARY[concept].terms[lang];
    for (const key of GLOSSARY[concept].keys) {
      const found = named(key);
      expect({ key, found: found.length > 0 }).toEqual({ key, found: true });
      for (const [k, text] of found) {
        expect({ key: k, text, uses: stem }).toEqual({ key: k, text, uses: uses(text, stem) ? stem : '(missing)' });
        for (const other of concepts) {
          if (other === concept || GLOSSARY[other].keys.includes(key)) continue;
          const word = GLOSSARY[other].terms[lang].stem;
          expect({ key: k, text, also: uses(text, word) ? word : null }).toEqual({ key: k, text, also: null });
        }
      }
    }
  });

  it('never uses a word the glossary rules out', () => {
    const avoided = concepts.flatMap((c) => GLOSSARY[c].terms[lang].avoid);
    const found = [...entries].filter(([k, text]) => !FROZEN_HEADERS.includes(k) && avoided.some((w) => uses(text, w)));
    expect(found).toEqual([]);
  });
});
