import type { Figure, Sentence } from '../../src/core/note';
import { renderSentence } from '../../src/core/note';
import { translator } from '../../src/i18n';
import { smallContent } from '../helpers/network';
import { noteOf, textOf } from './helpers';

const fig = (value: number): Figure => ({ kind: 'figure', year: 2025, path: [], value, format: 'count' });
const names = { territory: (c: string) => c, library: (id: string) => id };
const active = (n: number): Sentence => ({
  key: 'network.active',
  args: { n: fig(n), year: { kind: 'year', year: 2025 } },
  count: fig(n),
});
const events = (n: number): Sentence => ({
  key: 'events.total',
  args: { n: fig(n), participants: fig(10) },
  count: fig(n),
});

describe('Russian plurals follow the language’s rules', () => {
  test.each([
    [1, '1 действующая библиотека', '1 мероприятие'],
    [2, '2 действующие библиотеки', '2 мероприятия'],
    [5, '5 действующих библиотек', '5 мероприятий'],
    [11, '11 действующих библиотек', '11 мероприятий'],
    [21, '21 действующая библиотека', '21 мероприятие'],
    [22, '22 действующие библиотеки', '22 мероприятия'],
    [25, '25 действующих библиотек', '25 мероприятий'],
    [111, '111 действующих библиотек', '111 мероприятий'],
  ])('%i', (n, libs, evs) => {
    const t = translator('ru');
    expect(renderSentence(active(n), t, names)).toContain(libs);
    expect(renderSentence(events(n), t, names)).toContain(evs);
  });
});

describe('Kazakh', () => {
  test.each([1, 2, 5, 21, 111])('the noun after a numeral stays singular: %i', (n) => {
    const t = translator('kk');
    expect(renderSentence(active(n), t, names)).toContain(`${n} кітапхана жұмыс`);
    expect(renderSentence(events(n), t, names)).toContain(`${n} іс-шара өткізді`);
  });

  test('no case ending is glued to a number or a name', () => {
    const text = textOf(noteOf(smallContent('kk'), 'kk').rendered);
    // A suffix right after a digit, a percent sign or a closing quotation mark would have to follow vowel harmony.
    expect(text).not.toMatch(
      /[\d%»)]-?(?:да|де|та|те|ға|ге|қа|ке|ның|нің|дың|дің|тың|тің|ны|ні|ды|ді|ты|ті|дан|ден|тан|тен|нан|нен|мен|бен|пен)(?![а-яәіңғүұқөһ])/u,
    );
    // Library and territory names stand alone: never followed by a case ending.
    for (const name of ['Қарағанды қ.', 'Теміртау қ.', 'Абай ауданы'])
      expect(text).not.toMatch(new RegExp(`${name.replace('.', '\\.')}(?:[а-яәіңғүұқөһ]+)`, 'u'));
  });

  test('numbers in each language’s convention', () => {
    const f: Figure = { kind: 'figure', year: 2025, path: [], value: 110312, format: 'count' };
    const s: Sentence = { key: 'events.territories', args: { n: f } };
    expect(renderSentence(s, translator('kk'), names)).toMatch(/110[\u00a0\u202f]312/);
    expect(renderSentence(s, translator('ru'), names)).toMatch(/110[\u00a0\u202f]312/);
    expect(renderSentence(s, translator('en'), names)).toContain('110,312');
    const pct: Sentence = { key: 'indicators.coverage', args: { pct: { ...f, value: 9.9237, format: 'percent' } } };
    expect(renderSentence(pct, translator('ru'), names)).toContain('9,92');
    expect(renderSentence(pct, translator('en'), names)).toContain('9.92');
  });
});
