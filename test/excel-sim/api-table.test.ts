import { api, SimObject } from '../../src/excel-sim/proxy';

/**
 * The in-memory Excel's property tables (`api<Pick<Excel.X, ...>>()(Base,
 * { props, children })`) name members of the office-js type they imitate:
 * `tsc` (run by `npm test`) refuses a name that is not one of them, and a
 * picked member the table leaves out. Each `@ts-expect-error` below fails the
 * type check if its line compiles.
 */
type Fill = Pick<Excel.RangeFill, 'color' | 'load' | 'set' | 'toJSON'>;
type Cell = Pick<Excel.Range, 'values' | 'format' | 'load' | 'toJSON'>;

describe('the property tables of the in-memory Excel', () => {
  it('take the names of the office-js type they imitate, each of them', () => {
    const Fine = api<Fill>()(SimObject, { typeName: 'RangeFill', props: ['color'] });
    const Both = api<Cell>()(SimObject, { typeName: 'Range', props: ['values'], children: ['format'] });
    // @ts-expect-error a misspelt property is not a member of Excel.RangeFill
    api<Fill>()(SimObject, { typeName: 'RangeFill', props: ['colour'] });
    // @ts-expect-error a member of Excel.RangeFill the class does not pick
    api<Fill>()(SimObject, { typeName: 'RangeFill', props: ['color', 'pattern'] });
    // @ts-expect-error a misspelt navigation property
    api<Cell>()(SimObject, { typeName: 'Range', props: ['values'], children: ['formats'] });
    // @ts-expect-error a picked member the table leaves out would be undefined at run time
    api<Cell>()(SimObject, { typeName: 'Range', props: ['values'] });

    // What the table lists is what the class generates.
    const accessor = (C: object, name: string) =>
      typeof Object.getOwnPropertyDescriptor((C as { prototype: object }).prototype, name)?.get;
    expect([accessor(Fine, 'color'), accessor(Both, 'values'), accessor(Both, 'format')]).toEqual([
      'function',
      'function',
      'function',
    ]);
  });
});
