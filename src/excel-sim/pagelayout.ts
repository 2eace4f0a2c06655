import { addressOf, isWholeRows, type Area } from './address';
import { invalidArgument } from './errors';
import type { PageSetup, Sheet } from './model';
import { SimObject, type PropDef, api, SimPart } from './proxy';
import { rangeArgument } from './range';

/** Print setup (ExcelApi 1.9), kept as data: the sim prints nothing. */
export class SimPageLayout
  extends api<Pick<Excel.PageLayout, 'orientation' | 'zoom' | 'load' | 'toJSON'>>()(SimPart<Sheet>, {
    typeName: 'PageLayout',
    props: ['orientation', 'zoom'],
  })
  implements Pick<Excel.PageLayout, 'setPrintTitleRows' | 'setPrintArea'>
{
  private edit(patch: Partial<PageSetup>): void {
    const s = this.target();
    this.model.set(s, 'pageLayout', { ...s.pageLayout, ...patch });
  }

  protected override properties(): Record<string, PropDef> {
    return {
      orientation: {
        get: () => this.target().pageLayout.orientation,
        set: (v) => {
          if (v !== 'Portrait' && v !== 'Landscape') throw invalidArgument(`"${String(v)}" is not a page orientation.`);
          this.edit({ orientation: v });
        },
      },
      zoom: {
        get: () => ({ ...this.target().pageLayout.zoom }),
        set: (v) => {
          if (typeof v !== 'object' || v === null) throw invalidArgument('zoom must be an object.');
          const z = v as Record<string, unknown>;
          const out: PageSetup['zoom'] = {};
          for (const k of ['scale', 'horizontalFitToPages', 'verticalFitToPages'] as const) {
            const x = z[k];
            if (x === undefined || x === null) continue;
            if (typeof x !== 'number' || !Number.isInteger(x) || x < 0)
              throw invalidArgument(`zoom.${k} must be a whole number.`);
            out[k] = x;
          }
          this.edit({ zoom: out });
        },
      },
    };
  }

  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    this.enqueue(
      'setPrintTitleRows',
      [printTitleRows instanceof SimObject ? { path: printTitleRows.path } : printTitleRows],
      () => {
        const s = this.target();
        const { area } = rangeArgument(this.model, printTitleRows, s);
        if (!isWholeRows(area)) throw invalidArgument('Print titles are whole rows, such as $1:$2.');
        this.edit({ printTitleRows: area });
      },
    );
  }

  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    this.enqueue('setPrintArea', [printArea instanceof SimObject ? { path: printArea.path } : printArea], () => {
      const s = this.target();
      const parts = typeof printArea === 'string' ? printArea.split(',') : [printArea];
      const areas: Area[] = parts.map((p) => rangeArgument(this.model, p, s).area);
      this.edit({ printArea: areas });
    });
  }
}

/** The print setup of a sheet as plain data, for tests. */
export function describePageLayout(sheet: Sheet): {
  orientation: string;
  zoom: PageSetup['zoom'];
  printTitleRows: string | null;
  printArea: string | null;
} {
  const p = sheet.pageLayout;
  const rows = (a: Area) => `$${a.top + 1}:$${a.bottom + 1}`;
  return {
    orientation: p.orientation,
    zoom: { ...p.zoom },
    printTitleRows: p.printTitleRows ? rows(p.printTitleRows) : null,
    printArea: p.printArea ? p.printArea.map((a) => addressOf(sheet.name, a)).join(',') : null,
  };
}
