import { cartesianGeometry, type ChartData } from '../../src/playground/chart-geometry';
import { estimateWidth } from '../../src/playground/chart-layout';

/** The charts' geometry without any SVG: where bars, labels, lines and ticks go. */
const data = (values: (number | null)[][], asLine = false): ChartData => ({
  categories: ['Абай', 'Бұқар жырау', 'Нұра'],
  series: values.map((v, k) => ({ name: `S${k}`, values: v, color: `#00000${k}`, asLine: asLine && k > 0 })),
});
const geometry = (d: ChartData, type: string, labels = false) =>
  cartesianGeometry({ data: d, type, format: String, labels, measure: estimateWidth });

describe('the geometry of a cartesian chart', () => {
  it('stands positive columns on the zero line and hangs negative ones from it', () => {
    const g = geometry(data([[10, -5, 20]]), 'ColumnClustered');
    const zero = g.ticks.find((t) => t.value === 0)!.grid.y1;
    const [up, down, high] = g.bars;
    expect(up!.y + up!.height).toBeCloseTo(zero);
    expect(down!.y).toBeCloseTo(zero);
    expect(high!.height).toBeCloseTo(up!.height * 2);
    expect(up!.title).toBe('S0, Абай: 10');
  });

  it('puts clustered bars side by side and stacked ones end to end, negatives on the other side', () => {
    const clustered = geometry(
      data([
        [10, 1, 1],
        [20, 1, 1],
      ]),
      'ColumnClustered',
    );
    expect(clustered.bars[1]!.x).toBeCloseTo(clustered.bars[0]!.x + clustered.bars[0]!.width);
    const stacked = geometry(
      data([
        [10, 1, 1],
        [20, 1, 1],
        [-5, 0, 0],
      ]),
      'BarStacked',
    );
    const [a, b, c] = stacked.bars;
    expect(b!.x).toBeCloseTo(a!.x + a!.width);
    expect(c!.x + c!.width).toBeCloseTo(a!.x);
  });

  it('writes data labels past the bars’ ends on clustered bars only', () => {
    const g = geometry(data([[10, -5, 20]]), 'BarClustered', true);
    const [pos, neg] = g.bars;
    expect(pos!.label).toMatchObject({ text: '10', anchor: 'start', x: pos!.x + pos!.width + 3 });
    expect(neg!.label).toMatchObject({ text: '-5', anchor: 'end', x: neg!.x - 3 });
    expect(geometry(data([[10, 5, 20]]), 'BarStacked', true).bars.every((b) => !b.label)).toBe(true);
  });

  it('draws a series asked as a line through the bands’ centres, with dots only where a line cannot show', () => {
    const g = geometry(
      data(
        [
          [10, 5, 20],
          [12, null, 18],
        ],
        true,
      ),
      'ColumnClustered',
    );
    expect(g.bars).toHaveLength(3);
    const [l] = g.lines;
    expect(l!.points).toHaveLength(2);
    const bandCentre = g.bars[0]!.x + g.bars[0]!.width / 2;
    expect(l!.points[0]![0]).toBeCloseTo(bandCentre);
    expect(l!.markers).toBe(false);
    expect(geometry(data([[3, null, null]]), 'Line').lines[0]!.markers).toBe(true);
  });
});
