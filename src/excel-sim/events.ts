/**
 * `onChanged` for worksheets and tables. Handlers are registered at sync (as
 * office-js registers them with the host) and called after the sync that
 * changed their cells, asynchronously, with `source` Local for this add-in's
 * and the user's edits and Remote for a co-author's.
 */
import { areaA1, cellCount, intersect } from './address';
import type { Change, Scalar, WorkbookModel } from './model';
import { asApi, type Handler, type SimContext } from './proxy';

/** `tables` is a table collection's `onChanged`: keyed `workbook`, or by the sheet for `worksheet.tables`. */
export type Kind = 'table' | 'tables' | 'worksheet';

export class SimEventHandlers<T> {
  constructor(
    private readonly ctx: SimContext,
    private readonly path: string,
    private readonly kind: Kind,
    private readonly location: string,
    private readonly target: () => string | null,
  ) {}

  add(handler: (args: T) => Promise<unknown>): OfficeExtension.EventHandlerResult<T> {
    this.queue('add', handler);
    const result = { context: this.ctx, remove: () => this.remove(handler) };
    return asApi<OfficeExtension.EventHandlerResult<T>>(result);
  }

  remove(handler: (args: T) => Promise<unknown>): void {
    this.queue('remove', handler);
  }

  private queue(what: 'add' | 'remove', handler: (args: T) => Promise<unknown>): void {
    this.ctx.enqueue({
      location: this.location,
      payload: { o: this.path, m: `onChanged.${what}` },
      run: () => {
        const id = this.target();
        const events = this.ctx.engine.events;
        if (id !== null) events[what === 'add' ? 'register' : 'unregister'](this.kind, id, asApi<Handler>(handler));
      },
    });
  }
}

export type EventSource = 'Local' | 'Remote';

/** A change as events see it: `silent` when `runtime.enableEvents` was false at the time. */
export interface StampedChange extends Change {
  readonly silent?: boolean;
}

function typeOf(v: Scalar | null | undefined): Excel.RangeValueType {
  if (v === null || v === undefined || v === '') return 'Empty' as Excel.RangeValueType;
  if (typeof v === 'number') return 'Double' as Excel.RangeValueType;
  if (typeof v === 'boolean') return 'Boolean' as Excel.RangeValueType;
  return 'String' as Excel.RangeValueType;
}

export class EventHub {
  private readonly handlers = new Map<string, Set<Handler>>();
  private pending: Promise<unknown>[] = [];
  /** Errors thrown by handlers (Excel swallows them; tests may look). */
  readonly errors: unknown[] = [];
  /** Every event delivered, in order (for tests). */
  readonly delivered: (Excel.WorksheetChangedEventArgs | Excel.TableChangedEventArgs)[] = [];

  register(kind: Kind, id: string, handler: Handler): void {
    const key = `${kind}:${id}`;
    let set = this.handlers.get(key);
    if (!set) {
      set = new Set();
      this.handlers.set(key, set);
    }
    set.add(handler);
  }

  unregister(kind: Kind, id: string, handler: Handler): void {
    this.handlers.get(`${kind}:${id}`)?.delete(handler);
  }

  private deliver(key: string, args: Excel.WorksheetChangedEventArgs | Excel.TableChangedEventArgs): void {
    const set = this.handlers.get(key);
    if (!set || set.size === 0) return;
    this.delivered.push(args);
    for (const h of set) {
      // Delivered later, as Excel sends events in their own messages after the sync has returned.
      const p = new Promise((resolve) => setTimeout(resolve, 0))
        .then(() => asApi<(a: typeof args) => Promise<unknown>>(h)(args))
        .catch((e: unknown) => {
          this.errors.push(e);
        });
      this.pending.push(p);
    }
  }

  dispatch(model: WorkbookModel, changes: readonly StampedChange[], source: EventSource, fromThisAddin: boolean): void {
    for (const ch of changes) {
      if (ch.silent) continue;
      const single = cellCount(ch.area) === 1 && (ch.before !== undefined || ch.after !== undefined);
      const details = single
        ? {
            valueBefore: ch.before ?? '',
            valueAfter: ch.after ?? '',
            valueTypeBefore: typeOf(ch.before),
            valueTypeAfter: typeOf(ch.after),
          }
        : undefined;
      const common = (address: string) => ({
        address,
        changeType: ch.changeType as Excel.DataChangeType,
        source: source as Excel.EventSource,
        worksheetId: ch.sheetId,
        details: asApi<Excel.ChangedEventDetail>(details),
        getRange: (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem(ch.sheetId).getRange(address),
        getRangeOrNullObject: (ctx: Excel.RequestContext) =>
          ctx.workbook.worksheets.getItem(ch.sheetId).getRange(address),
      });
      const ws: Excel.WorksheetChangedEventArgs = {
        ...common(areaA1(ch.area)),
        type: 'WorksheetChanged',
        triggerSource: (fromThisAddin ? 'ThisLocalAddin' : 'Unknown') as Excel.EventTriggerSource,
        changeDirectionState: asApi<Excel.ChangeDirectionState>(undefined),
      };
      this.deliver(`worksheet:${ch.sheetId}`, ws);
      for (const t of model.tablesOn(ch.sheetId)) {
        const i = intersect(t.area, ch.area);
        if (!i) continue;
        const args: Excel.TableChangedEventArgs = { ...common(areaA1(i)), type: 'TableChanged', tableId: t.id };
        this.deliver(`table:${t.id}`, args);
        this.deliver('tables:workbook', args);
        this.deliver(`tables:${t.sheetId}`, args);
      }
    }
  }

  /** Waits until every handler called so far has finished. */
  async settle(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      await Promise.all(batch);
    }
  }
}

/**
 * A proxy's `onChanged`: made when first asked for and the same object after,
 * as office-js gives it. `location` is where registration errors arise
 * (`Table.onChanged`), `target` the id of what the handlers listen to.
 */
export function changeEvents<T>(
  owner: { readonly ctx: SimContext; readonly path: string },
  kind: Kind,
  target: () => string | null,
): () => OfficeExtension.EventHandlers<T> {
  const { ctx, path } = owner;
  const location = { table: 'Table', tables: 'TableCollection', worksheet: 'Worksheet' }[kind] + '.onChanged';
  let handlers: SimEventHandlers<T> | undefined;
  return () =>
    asApi<OfficeExtension.EventHandlers<T>>((handlers ??= new SimEventHandlers<T>(ctx, path, kind, location, target)));
}
