import { leadersAndLaggards, plausibility, trend, type Figure, type Ranked } from '../../src/core/note';
import { smallContent, LIBS } from '../helpers/network';
import { jsonOf, noteOf, textOf } from './helpers';

const fig = (value: number): Figure => ({ kind: 'figure', year: 2025, path: [], value, format: 'ratio' });
const ranked = (pairs: [string, number][]): Ranked[] => pairs.map(([key, v]) => ({ key, value: fig(v) }));
const keys = (rs: Ranked[]) => rs.map((r) => r.key);

describe('a change is a change beyond ±1 %', () => {
  test.each([
    [1.0001, 'grew'],
    [1, 'stayed'],
    [0, 'stayed'],
    [-1, 'stayed'],
    [-1.0001, 'fell'],
  ])('%p %% → %s', (pct, expected) => expect(trend(pct)).toBe(expected));
});

describe('leading and lagging territories', () => {
  test('the top and bottom three', () => {
    const r = leadersAndLaggards(
      ranked([
        ['A', 6],
        ['B', 5],
        ['C', 4],
        ['D', 3],
        ['E', 2],
        ['F', 1],
        ['G', 0],
      ]),
    );
    expect(keys(r.leaders)).toEqual(['A', 'B', 'C']);
    expect(keys(r.laggards)).toEqual(['G', 'F', 'E']);
  });
  test('a tie with the third is named with it, at either end', () => {
    const r = leadersAndLaggards(
      ranked([
        ['A', 9],
        ['B', 8],
        ['C', 7],
        ['D', 7],
        ['E', 3],
        ['F', 1],
        ['G', 1],
        ['H', 0],
      ]),
    );
    expect(keys(r.leaders)).toEqual(['A', 'B', 'C', 'D']);
    expect(keys(r.laggards)).toEqual(['H', 'F', 'G']);
  });
  test('laggards never repeat a leader; one territory is neither', () => {
    const four = leadersAndLaggards(
      ranked([
        ['A', 4],
        ['B', 3],
        ['C', 2],
        ['D', 1],
      ]),
    );
    expect(keys(four.leaders)).toEqual(['A', 'B', 'C']);
    expect(keys(four.laggards)).toEqual(['D']);
    expect(leadersAndLaggards(ranked([['A', 4]]))).toEqual({ leaders: [], laggards: [] });
  });
});

test('a ratio outside the plausible range of W3 is said to be so', () => {
  expect(plausibility('readership', 4.99)).toBe('below');
  expect(plausibility('readership', 5)).toBe('within');
  expect(plausibility('readership', 40.01)).toBe('above');
  expect(plausibility('coverage_pct', 400)).toBe('within');
});

test('territories with fewer than two included libraries are not ranked, and the note says nobody is', () => {
  // One library a territory: nobody leads or lags.
  const libs = [
    { id: 'KRG_CGB', terr: 'KRG', type: 'central_city', scale: 4 },
    { id: 'TMR_CGB', terr: 'TMR', type: 'central_city', scale: 3 },
  ];
  const { rendered } = noteOf(smallContent('en', libs), 'en');
  const ratios = rendered.sections.find((s) => s.id === 'ratios')!;
  const text = ratios.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' ');
  expect(text).not.toContain('Highest');
  expect(text).toContain('No territory has enough included libraries');
});

test("the libraries by type list only the types the network has, in the standard's order", () => {
  const { note } = noteOf(smallContent('en'), 'en');
  const table = note.sections[0]!.blocks.find((b) => b.kind === 'table');
  expect(table && table.kind === 'table' && table.rows.map((r) => ('key' in r.head ? r.head.key : ''))).toEqual([
    'oblast_universal',
    'central_district',
    'central_city',
    'rural_branch',
  ]);
});

test('a section without figures says so; it is not left out', () => {
  const content = smallContent('en');
  const { rendered } = noteOf(
    { ...content, visits: [], publications: [], participation: [], studies: [], events: [] },
    'en',
  );
  expect(rendered.sections.map((s) => s.id)).toContain('method');
  const text = textOf(rendered);
  expect(text).toContain('Visits to libraries: 0');
  expect(rendered.sections.find((s) => s.id === 'dynamics')!.blocks).toHaveLength(1);
  expect(text).toContain('No earlier year');
});

describe('several years', () => {
  const year = (y: number, scale: number) => {
    const c = smallContent(
      'en',
      LIBS.map((l) => ({ ...l, scale: l.scale * scale })),
    );
    return { ...c, settings: { ...c.settings, year: y } };
  };
  test('a year missing from the history is said to be missing, and the table has the years given', () => {
    const history = [jsonOf(year(2021, 1)), jsonOf(year(2023, 1))];
    const { rendered } = noteOf(smallContent('en'), 'en', history);
    const dyn = rendered.sections.find((s) => s.id === 'dynamics')!;
    const table = dyn.blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.rows.map((r) => r[0])).toEqual(['2021', '2023', '2025']);
    expect(textOf(rendered)).toContain('No workbook was given for: 2022, 2024.');
  });
  test('more than four earlier years: the four before are shown', () => {
    const history = [2019, 2020, 2021, 2022, 2023, 2024].map((y) => jsonOf(year(y, 1)));
    const { rendered } = noteOf(smallContent('en'), 'en', history);
    const dyn = rendered.sections.find((s) => s.id === 'dynamics')!;
    const table = dyn.blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.rows.map((r) => r[0])).toEqual([
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
  });
  test('new and gone libraries against last year', () => {
    const last = smallContent('en', [
      ...LIBS.slice(0, 4),
      { id: 'OLD_B01', terr: 'ABA', type: 'rural_branch', scale: 1 },
    ]);
    const history = [jsonOf({ ...last, settings: { ...last.settings, year: 2024 } })];
    const text = textOf(noteOf(smallContent('en'), 'en', history).rendered);
    expect(text).toContain('Against 2024: new libraries 1, libraries gone 1.');
    expect(text).toContain('New: Библиотека ABA_B01.');
    expect(text).toContain('No longer in the network: OLD_B01');
  });
});
