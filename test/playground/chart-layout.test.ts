import {
  CHART_WIDTH,
  cartesianLayout,
  estimateWidth,
  fitText,
  legendLayout,
  linearScale,
  niceTicks,
  valueExtent,
} from '../../src/playground/chart-layout';

/** The playground's chart geometry, with widths estimated as where there is no browser. */
const m = estimateWidth;
const TERRITORIES = ['г. Караганда', 'г. Темиртау', 'Бухар-Жырауский район', 'Абайский район', 'Каркаралинский район'];
const SERIES = ['Зарегистрированные пользователи', 'Число посещений', 'Книговыдача', 'Массовые мероприятия'];

describe('the legend', () => {
  it('shows every series, wrapping into rows that do not overlap and stay inside the chart', () => {
    const legend = legendLayout(SERIES, m);
    expect(legend.items.map((i) => i.text)).toEqual(SERIES);
    expect(legend.items.every((i) => i.full === null)).toBe(true);
    expect(legend.rows).toBe(2);
    for (let row = 0; row < legend.rows; row++) {
      const items = legend.items.filter((i) => i.row === row);
      items.forEach((it, k) => {
        const end = it.x + 14 + m(it.text, 10);
        expect(it.x).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(CHART_WIDTH);
        const next = items[k + 1];
        if (next) expect(next.x).toBeGreaterThan(end);
      });
    }
  });

  it('keeps short legends on one centred row, and cuts only a name wider than the chart', () => {
    const one = legendLayout(['Users', 'Visits'], m);
    expect(one.rows).toBe(1);
    const first = one.items[0];
    const last = one.items[1];
    const right = (last?.x ?? 0) + 14 + m('Visits', 10);
    expect(Math.abs((first?.x ?? 0) - (CHART_WIDTH - right))).toBeLessThan(1);
    const long = 'Очень длинное название ряда данных '.repeat(5).trim();
    const cut = legendLayout([long], m).items[0];
    expect(cut?.text).toMatch(/…$/);
    expect(cut?.full).toBe(long);
    expect(legendLayout([], m)).toEqual({ rows: 0, items: [] });
  });
});

describe('the axes', () => {
  const base = { tickLabels: ['0', '10 000', '20 000', '40 000'], dataLabels: [], legendRows: 0, measure: m };

  it('reserves the left margin from the longest territory left of bars, cutting none of them', () => {
    const layout = cartesianLayout({ ...base, horizontal: true, categories: TERRITORIES });
    expect(layout.categories.map((c) => c.text)).toEqual(TERRITORIES);
    expect(layout.margins.left).toBeGreaterThanOrEqual(m('Бухар-Жырауский район', 10) + 4);
    expect(layout.labelEvery).toBe(1);
    const short = cartesianLayout({ ...base, horizontal: true, categories: ['KRG', 'TMR'] });
    expect(short.margins.left).toBeLessThan(layout.margins.left);
  });

  it('cuts with an ellipsis only a label longer than 40 % of the chart, keeping the full text', () => {
    const long = 'Центральная библиотечная система имени Абая Кунанбаева района';
    const layout = cartesianLayout({ ...base, horizontal: true, categories: [long, 'г. Караганда'] });
    expect(layout.margins.left).toBeLessThanOrEqual(CHART_WIDTH * 0.4 + 4);
    expect(layout.categories[0]?.text).toMatch(/^Центральная .*…$/);
    expect(m(layout.categories[0]?.text ?? '', 10)).toBeLessThanOrEqual(CHART_WIDTH * 0.4);
    expect(layout.categories[0]?.full).toBe(long);
    expect(layout.categories[1]).toEqual({ text: 'г. Караганда', full: null });
  });

  it('leaves room right of bars for the widest data label', () => {
    const layout = cartesianLayout({ ...base, horizontal: true, categories: TERRITORIES, dataLabels: ['313 312'] });
    expect(layout.margins.right).toBeGreaterThanOrEqual(m('313 312', 10) + 3);
  });

  it('slants column labels that do not fit their band, keeping the first one inside the chart', () => {
    const many = [...TERRITORIES, ...TERRITORIES, ...TERRITORIES].map((t, i) => `${t} ${i}`);
    const layout = cartesianLayout({ ...base, horizontal: false, categories: many, legendRows: 2 });
    expect(layout.slanted).toBe(true);
    const first = m(layout.categories[0]?.text ?? '', 10) * Math.cos((35 * Math.PI) / 180);
    expect(layout.margins.left + layout.band / 2 - first).toBeGreaterThanOrEqual(0);
    expect(layout.margins.bottom).toBeGreaterThan(
      cartesianLayout({ ...base, horizontal: false, categories: many }).margins.bottom,
    );
    const few = cartesianLayout({ ...base, horizontal: false, categories: ['2025 к 2024'] });
    expect(few.slanted).toBe(false);
    expect(few.margins.left).toBeGreaterThanOrEqual(m('40 000', 10));
  });

  it('draws every category label while the lines fit, every other one when they do not', () => {
    const names = Array.from({ length: 16 }, (_, i) => `Форма ${i}`);
    expect(cartesianLayout({ ...base, horizontal: true, categories: names }).labelEvery).toBe(1);
    const crowd = Array.from({ length: 60 }, (_, i) => `Район ${i}`);
    expect(cartesianLayout({ ...base, horizontal: true, categories: crowd }).labelEvery).toBeGreaterThan(1);
  });
});

describe('the scales', () => {
  it('cover stacked sums, negatives and lines, from zero', () => {
    const bars = [{ values: [5, -2, null] }, { values: [7, -3, 1] }];
    expect(valueExtent(bars, [], true, 3)).toEqual([-5, 12]);
    expect(valueExtent(bars, [{ values: [20, null, null] }], false, 3)).toEqual([-3, 20]);
    expect(valueExtent([{ values: [3, 4] }], [], false, 2)).toEqual([0, 4]);
  });

  it('map the first tick to 0 and the last to the axis length', () => {
    const ticks = niceTicks(-3, 20);
    const scale = linearScale(ticks, 200);
    expect(scale(ticks[0] ?? 0)).toBe(0);
    expect(scale(ticks[ticks.length - 1] ?? 0)).toBe(200);
    expect(scale(0)).toBeGreaterThan(0);
  });

  it('fit a text with an ellipsis at the longest start that fits', () => {
    expect(fitText('Каркаралинский район', 500, m)).toBe('Каркаралинский район');
    const cut = fitText('Каркаралинский район', 60, m);
    expect(cut).toMatch(/^Кар.*…$/);
    expect(m(cut, 10)).toBeLessThanOrEqual(60);
    expect(m(`${cut.slice(0, -1)}и…`, 10)).toBeGreaterThan(60);
  });
});
