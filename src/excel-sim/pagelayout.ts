import { addressOf, isWholeRows, type Area } from './address';
import { invalidArgument, invalidOperation } from './errors';
import type { PageSetup, Sheet } from './model';
import { SimObject, type LoadArg, type PropDef, type SimContext } from './proxy';
import { SimRange, SimRangeAreas, rangeArgument } from './range';

/** What a page layout hangs from: its worksheet (resolved at sync). */
interface SheetOwner {
  resolve(): Sheet | null;
}

type PageLayoutMembers =
  | 'orientation'
  | 'zoom'
  | 'setPrintTitleRows'
  | 'getPrintTitleRowsOrNullObject'
  | 'setPrintArea'
  | 'getPrintAreaOrNullObject'
  | 'load'
  | 'toJSON';

/** Print setup (ExcelApi 1.9), kept as data: the sim prints nothing. */
export class SimPageLayout extends SimObject implements Pick<Excel.PageLayout, PageLayoutMembers> {
  get typeName(): string {
    return 'PageLayout';
  }

  constructor(
    ctx: SimContext,
    path: string,
    private readonly owner: SheetOwner,
  ) {
    super(ctx, path);
  }

  resolve(): Sheet | null {
    return this.owner.resolve();
  }

  private sheet(): Sheet {
    const s = this.owner.resolve();
    if (!s) throw invalidOperation('The worksheet is a null object.');
    return s;
  }

  private edit(patch: Partial<PageSetup>): void {
    const s = this.sheet();
    this.model.set(s, 'pageLayout', { ...s.pageLayout, ...patch });
  }

  protected properties(): Record<string, PropDef> {
    return {
      orientation: {
        get: () => this.sheet().pageLayout.orientation,
        set: (v) => {
          if (v !== 'Portrait' && v !== 'Landscape') throw invalidArgument(`"${String(v)}" is not a page orientation.`);
          this.edit({ orientation: v });
        },
      },
      zoom: {
        get: () => ({ ...this.sheet().pageLayout.zoom }),
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

  get orientation(): Excel.PageLayout['orientation'] {
    return this.read('orientation');
  }
  set orientation(v: Excel.PageLayout['orientation']) {
    this.write('orientation', v);
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.read('zoom');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.write('zoom', v);
  }

  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    this.enqueue(
      'setPrintTitleRows',
      [printTitleRows instanceof SimObject ? { path: printTitleRows.path } : printTitleRows],
      () => {
        const s = this.sheet();
        const { area } = rangeArgument(this.model, printTitleRows, s);
        if (!isWholeRows(area)) throw invalidArgument('Print titles are whole rows, such as $1:$2.');
        this.edit({ printTitleRows: area });
      },
    );
  }

  getPrintTitleRowsOrNullObject(): Excel.Range {
    return new SimRange(
      this.ctx,
      `${this.path}.getPrintTitleRowsOrNullObject()`,
      () => {
        const s = this.owner.resolve();
        const a = s?.pageLayout.printTitleRows;
        return s && a ? { sheetId: s.id, area: a } : null;
      },
      true,
    ) as unknown as Excel.Range;
  }

  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    this.enqueue('setPrintArea', [printArea instanceof SimObject ? { path: printArea.path } : printArea], () => {
      const s = this.sheet();
      const parts = typeof printArea === 'string' ? printArea.split(',') : [printArea];
      const areas: Area[] = parts.map((p) => rangeArgument(this.model, p, s).area);
      this.edit({ printArea: areas });
    });
  }

  getPrintAreaOrNullObject(): Excel.RangeAreas {
    return new SimRangeAreas(
      this.ctx,
      `${this.path}.getPrintAreaOrNullObject()`,
      () => {
        const s = this.owner.resolve();
        const a = s?.pageLayout.printArea;
        return s && a ? { sheetId: s.id, areas: a } : null;
      },
      true,
    ) as unknown as Excel.RangeAreas;
  }

  load(option?: LoadArg): Excel.PageLayout {
    this.queueLoad(option);
    return this as unknown as Excel.PageLayout;
  }
  toJSON(): Excel.Interfaces.PageLayoutData {
    return this.jsonOf() as Excel.Interfaces.PageLayoutData;
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
