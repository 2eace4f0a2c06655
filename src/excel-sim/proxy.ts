/**
 * The office-js programming model: proxy objects whose property writes and
 * method calls are queued as commands, and whose properties are readable
 * only once loaded and synced. Nothing here touches the workbook except
 * through a command run by the engine at `sync()`.
 */
import type { Area } from './address';
import { at, invalidArgument, invalidOperation, itemNotFound, propertyNotLoaded } from './errors';
import type { Sheet, WorkbookModel } from './model';
import type { SimApplication, SimRuntime, SimWorkbook } from './workbook';

/** What `load` accepts: `'a, b/c'`, `['a', 'b/c']`, `{ select, expand }` or `{ a: true, b: { c: true } }`. */
export type LoadArg = string | string[] | object;

export interface Command {
  /** `Range.values`, `WorksheetCollection.getItem`: for API-set gating and `debugInfo.errorLocation`. */
  readonly location: string;
  /** What office-js would send: counted for the request's bytes. */
  readonly payload: unknown;
  /** Applies the command; throws SimError. Returns what goes back in the response, if anything. */
  run(): unknown;
  /** After a successful sync: hands the response to the proxies. */
  after?(): void;
}

/** What a sync needs from the simulator (implemented by SimExcel). */
export interface Engine {
  readonly model: WorkbookModel;
  /** Throws ApiNotFound when the configured requirement set is older than the member's. */
  requireApi(location: string): void;
  /** The cells a single read may return (Excel refuses larger reads). */
  readonly maxCellsPerRead: number;
  sync(ctx: SimContext): Promise<void>;
  events: {
    register(kind: 'table' | 'tables' | 'worksheet', id: string, handler: Handler): void;
    unregister(kind: 'table' | 'tables' | 'worksheet', id: string, handler: Handler): void;
  };
  enableEvents: boolean;
}

export type Handler = (args: never) => Promise<unknown>;

export class SimContext {
  readonly engine: Engine;
  queue: Command[] = [];
  readonly delayForCellEdit: boolean;
  /** Set by the engine right after construction (the proxies' modules import this one). */
  workbook!: SimWorkbook;
  application!: SimApplication;
  runtime!: SimRuntime;
  readonly requestHeaders: Record<string, string> = {};
  readonly traces: string[] = [];
  /** Tracking matters only for ranges that move with edits, which the sim never makes. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(engine: Engine, delayForCellEdit: boolean) {
    this.engine = engine;
    this.delayForCellEdit = delayForCellEdit;
  }

  get model(): WorkbookModel {
    return this.engine.model;
  }

  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this.queue.map((c) => c.location) };
  }

  enqueue(command: Command): void {
    this.queue.push(command);
  }

  load(object: { load(option?: LoadArg): unknown }, option?: LoadArg): void {
    object.load(option);
  }

  trace(message: string): void {
    this.traces.push(message);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    await this.engine.sync(this);
    return passThroughValue as T;
  }
}

interface LoadTree {
  all: boolean;
  readonly names: Set<string>;
  readonly children: Map<string, LoadTree>;
  top?: number;
  skip?: number;
}

function emptyTree(): LoadTree {
  return { all: false, names: new Set(), children: new Map() };
}

function addPath(tree: LoadTree, path: string): void {
  const segments = path
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  let t = tree;
  segments.forEach((seg, i) => {
    if (i === segments.length - 1) {
      t.names.add(seg);
      return;
    }
    let child = t.children.get(seg);
    if (!child) {
      child = emptyTree();
      t.children.set(seg, child);
    }
    t = child;
  });
}

function addOptions(tree: LoadTree, options: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(options)) {
    if (key === '$all') tree.all = tree.all || value === true;
    else if (key === '$top' && typeof value === 'number') tree.top = value;
    else if (key === '$skip' && typeof value === 'number') tree.skip = value;
    else if (value === true) tree.names.add(key);
    else if (typeof value === 'object' && value !== null) {
      const child = tree.children.get(key) ?? emptyTree();
      addOptions(child, value as Record<string, unknown>);
      tree.children.set(key, child);
    }
  }
}

export function parseLoad(arg: LoadArg | undefined): LoadTree {
  const tree = emptyTree();
  if (arg === undefined || arg === null) {
    tree.all = true;
    return tree;
  }
  const paths = (s: string): void => s.split(',').forEach((p) => addPath(tree, p));
  if (typeof arg === 'string') paths(arg);
  else if (Array.isArray(arg)) arg.forEach((p) => typeof p === 'string' && paths(p));
  else {
    const o = arg as Record<string, unknown>;
    if (typeof o['select'] === 'string' || typeof o['expand'] === 'string') {
      if (typeof o['select'] === 'string') paths(o['select']);
      if (typeof o['expand'] === 'string') {
        for (const e of o['expand'].split(',')) {
          let t = tree;
          for (const seg of e.split('/').map((s) => s.trim())) {
            if (seg === '') continue;
            let child = t.children.get(seg);
            if (!child) {
              child = emptyTree();
              t.children.set(seg, child);
            }
            t = child;
          }
          if (t !== tree) t.all = true;
        }
      }
    } else addOptions(tree, o);
  }
  if (tree.names.size === 0 && tree.children.size === 0) tree.all = true;
  return tree;
}

export interface PropDef {
  /** Reads the property from the model (at sync); returns fresh data, never the model's own objects. */
  get(): unknown;
  /** Applies a write (at sync); absent for read-only properties. */
  set?(value: unknown): void;
  /** Left out of `load()` without names (e.g. expensive or newer properties). */
  explicit?: boolean;
}

interface Collected {
  readonly data: unknown;
  readonly apply: (() => void)[];
}

/** Where a range proxy points, for methods that take `Range | string`. */
export interface RangeTarget {
  readonly sheet: Sheet;
  readonly area: Area;
}

export abstract class SimObject {
  /** `Range`, `Worksheet`, ... as in office-js error locations: set on each class's prototype by `api`. */
  declare readonly typeName: string;
  readonly ctx: SimContext;
  /** An approximation of office-js's object path, sent with every command on this object. */
  readonly path: string;
  private readonly cache = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private bound = false;
  private boundKey: unknown;
  private defs: Record<string, PropDef> | undefined;
  private childCache = new Map<string, SimObject>();

  constructor(ctx: SimContext, path: string, orNull = false) {
    this.ctx = ctx;
    this.path = path;
    // office-js reports whether an *OrNullObject result exists with the next sync, without a load.
    if (orNull) {
      let isNull = false;
      const self = this as SimObject;
      ctx.enqueue({
        get location() {
          return `${self.typeName}.isNullObject`;
        },
        payload: { o: path, m: 'isNullObject' },
        run: () => {
          isNull = this.resolve() === null;
          return { isNull };
        },
        after: () => {
          this.nullState = isNull;
        },
      });
    }
  }

  get context(): Excel.RequestContext {
    return asApi<Excel.RequestContext>(this.ctx);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded(this.typeName, 'isNullObject');
    return this.nullState;
  }

  protected get model(): WorkbookModel {
    return this.ctx.engine.model;
  }

  /** The object in the model, or null for a null object; throws ItemNotFound when it is gone. */
  abstract resolve(): unknown;

  /** Properties that `load` can read, with their setters: the table `api` generates the accessors from. */
  protected properties(): Record<string, PropDef> {
    return {};
  }

  /** Navigation properties (`format`, `font`, ...): made once per proxy, loaded through load paths. */
  protected navigation(): Record<string, () => SimObject> {
    return {};
  }

  /** Binds once, as office-js evaluates an object path once and then refers to the object by id. */
  protected bind<K>(locate: () => K | null): K | null {
    if (!this.bound) {
      const key = locate();
      this.boundKey = key;
      this.bound = true;
    }
    return this.boundKey as K | null;
  }

  protected child<T extends SimObject>(name: string, make: () => T): T {
    let c = this.childCache.get(name);
    if (!c) {
      c = make();
      this.childCache.set(name, c);
    }
    return c as T;
  }

  private propDefs(): Record<string, PropDef> {
    this.defs ??= this.properties();
    return this.defs;
  }

  /** A property's loaded (or locally set) value; throws PropertyNotLoaded as office-js does. */
  protected read<T>(name: string): T {
    if (this.cache.has(name)) return this.cache.get(name) as T;
    if (this.nullState === true) return null as T;
    throw propertyNotLoaded(this.typeName, name);
  }

  /** Fails (at sync) when the configured requirement set lacks this member of this object's type. */
  protected gate(member: string): void {
    this.ctx.engine.requireApi(`${this.typeName}.${member}`);
  }

  /** Caches a value as a load would (for values a command hands back). */
  protected store(name: string, value: unknown): void {
    this.cache.set(name, value);
  }

  /**
   * A property write: visible locally at once (as in office-js), applied to
   * the workbook at sync. Like office-js, the value is taken as it is at the
   * sync (office-js serializes it then), and what JSON cannot carry (NaN,
   * undefined) arrives as null.
   */
  protected write(name: string, value: unknown): void {
    const def = this.propDefs()[name];
    this.cache.set(name, value);
    this.enqueue(name, [value], () => {
      if (!def?.set) throw invalidArgument(`${this.typeName}.${name} cannot be set.`);
      def.set(value);
    });
  }

  /**
   * Queues an `add` whose `create` makes a member and returns its key, and
   * gives `proxy`'s proxy of it: the key it is handed fails with
   * ItemNotFound until the command has run, as the new object does in Excel.
   */
  protected enqueueAdd<K, P>(what: string, args: unknown[], create: () => K, proxy: (created: () => K) => P): P {
    let made: { readonly key: K } | null = null;
    const added = proxy(() => {
      if (made === null) throw itemNotFound(`(the ${what} was not added)`);
      return made.key;
    });
    this.enqueue('add', args, () => {
      made = { key: create() };
    });
    return added;
  }

  /** Queues a method call; `run` is skipped for a null object, as Excel ignores calls on one. */
  protected enqueue(member: string, args: unknown[], run: () => unknown, after?: () => void): void {
    let isNull = false;
    this.ctx.enqueue({
      location: `${this.typeName}.${member}`,
      payload: { o: this.path, m: member, a: args },
      run: () => {
        isNull = this.resolve() === null;
        return isNull ? undefined : run();
      },
      after: () => {
        this.nullState = isNull;
        if (!isNull) after?.();
      },
    });
  }

  protected queueLoad(arg: LoadArg | undefined): void {
    const tree = parseLoad(arg);
    let collected: Collected | undefined;
    this.ctx.enqueue({
      location: `${this.typeName}.load`,
      payload: { o: this.path, m: 'load', a: [arg ?? null] },
      run: () => {
        collected = this.collect(tree);
        return collected.data;
      },
      after: () => collected?.apply.forEach((f) => f()),
    });
  }

  /** Reads what the tree asks for (at sync) and returns the response data and how to cache it. */
  collect(tree: LoadTree): Collected {
    const apply: (() => void)[] = [];
    const entity = this.resolve();
    if (entity === null) {
      apply.push(() => {
        this.nullState = true;
      });
      return { data: { _isNull: true }, apply };
    }
    apply.push(() => {
      this.nullState = false;
    });
    const defs = this.propDefs();
    const nav = this.navigation();
    const data: Record<string, unknown> = {};
    const names = new Set(tree.names);
    if (tree.all) for (const [k, d] of Object.entries(defs)) if (!d.explicit) names.add(k);
    const children = new Map(tree.children);
    for (const name of names) {
      const def = defs[name];
      if (def) {
        this.ctx.engine.requireApi(`${this.typeName}.${name}`);
        const value = def.get();
        data[name] = value;
        apply.push(() => this.cache.set(name, value));
      } else if (nav[name]) {
        if (!children.has(name)) children.set(name, { ...emptyTree(), all: true });
      } else {
        throw invalidArgument(`${this.typeName} has no property '${name}'.`);
      }
    }
    for (const [name, sub] of children) {
      const make = nav[name];
      if (!make) throw invalidArgument(`${this.typeName} has no property '${name}'.`);
      this.ctx.engine.requireApi(`${this.typeName}.${name}`);
      const c = this.child(name, make).collect(sub);
      data[name] = c.data;
      apply.push(...c.apply);
    }
    return { data, apply };
  }

  protected jsonOf(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.cache) out[k] = v;
    for (const [k, c] of this.childCache) {
      const j = c.jsonOf();
      if (Object.keys(j).length > 0) out[k] = j;
    }
    return out;
  }

  /** `set({ ... })`: property writes, recursing into navigation properties. */
  protected setMany(properties: object): void {
    const nav = this.navigation();
    for (const [k, v] of Object.entries(properties)) {
      const make = nav[k];
      if (make && typeof v === 'object' && v !== null) this.child(k, make).setMany(v);
      else Reflect.set(this, k, v);
    }
  }

  /** The generated members (see `api`). */
  protected loadApi(option?: LoadArg): this {
    this.queueLoad(option);
    return this;
  }
  protected readApi(name: string): unknown {
    return this.read(name);
  }
  protected writeApi(name: string, value: unknown): void {
    this.write(name, value);
  }
  protected childApi(name: string): SimObject {
    return this.child(name, () => {
      const make = this.navigation()[name];
      if (!make) throw invalidArgument(`${this.typeName} has no property '${name}'.`);
      return make();
    });
  }
  protected jsonApi(): Record<string, unknown> {
    return this.jsonOf();
  }
  protected setApi(properties: object): void {
    this.setMany(properties);
  }

  /** For methods taking `Range | string`: where a range proxy points (at sync). */
  rangeTarget(): RangeTarget | null | undefined {
    return undefined;
  }
}

/**
 * A proxy of one thing of the workbook, found by its key once (office-js
 * binds an object path at its first use, then refers to the object by id):
 * ItemNotFound when it is gone, or a null object when `locate` finds nothing.
 */
export abstract class SimBound<K, E> extends SimObject {
  constructor(
    ctx: SimContext,
    path: string,
    private readonly locate: () => K | null,
    orNull = false,
  ) {
    super(ctx, path, orNull);
  }

  /** The thing of a key, or undefined once it is gone. */
  protected abstract find(key: K): E | undefined;

  resolve(): E | null {
    const key = this.bind(this.locate);
    if (key === null) return null;
    const found = this.find(key);
    if (found === undefined) throw itemNotFound(`(the ${this.typeName} was deleted)`);
    return found;
  }

  /** The thing itself, for members a null object cannot run. */
  target(): E {
    const t = this.resolve();
    if (t === null) throw invalidOperation(`The ${this.typeName} is a null object.`);
    return t;
  }
}

/**
 * What a part resolves through (at sync): the proxy it belongs to, or a view
 * of one (a conditional format as a rule of one kind).
 */
export interface Owner<E> {
  resolve(): E | null;
}

/**
 * A part of what another proxy points to (a range's format, a sheet's page
 * layout): it resolves as its owner does. `orNull` for a part that office-js
 * names `...OrNullObject` (`customOrNullObject`).
 */
export abstract class SimPart<E, O extends Owner<E> = Owner<E>> extends SimObject {
  constructor(
    ctx: SimContext,
    path: string,
    protected readonly owner: O,
    orNull = false,
  ) {
    super(ctx, path, orNull);
  }

  resolve(): E | null {
    return this.owner.resolve();
  }

  /** What the owner points to, for members a null object cannot run. */
  target(): E {
    const t = this.resolve();
    if (t === null) throw invalidOperation(`The owner of the ${this.typeName} is a null object.`);
    return t;
  }
}

/** A collection proxy: `items` (and any property not its own) load on the items. */
export abstract class SimCollection<T extends SimObject, X = T> extends SimObject {
  /** Fresh item proxies for the collection's current members (at sync). */
  protected abstract itemProxies(): T[];

  /**
   * `getItem(key)`, `getItemOrNullObject(key)` or `getItemAt(index)`: a proxy
   * of the member `find` names at sync (its id), ItemNotFound or a null
   * object when there is none.
   */
  protected member(
    Item: new (ctx: SimContext, path: string, locate: () => string | null, orNull?: boolean) => T,
    call: 'getItem' | 'getItemOrNullObject' | 'getItemAt',
    key: string | number,
    find: () => string | undefined,
  ): X {
    const orNull = call === 'getItemOrNullObject';
    const locate = (): string | null =>
      at(`${this.typeName}.${call}`, () => {
        if (orNull) this.gate(call);
        const id = find();
        if (id === undefined && !orNull) throw itemNotFound(`(no item ${JSON.stringify(key)})`);
        return id ?? null;
      });
    return asApi<X>(new Item(this.ctx, `${this.path}.${call}(${JSON.stringify(key)})`, locate, orNull));
  }

  /** The loaded items, typed as office-js types them (`X`). */
  get items(): X[] {
    return this.read<X[]>('items');
  }

  override collect(tree: LoadTree): Collected {
    const own = this.properties();
    const itemTree: LoadTree = { ...emptyTree(), ...tree.children.get('items') };
    const itemNames = new Set(itemTree.names);
    const ownTree = emptyTree();
    let wantItems = tree.all || tree.children.has('items');
    for (const n of tree.names) {
      if (n === 'items') wantItems = true;
      else if (own[n]) ownTree.names.add(n);
      else {
        itemNames.add(n);
        wantItems = true;
      }
    }
    for (const [k, v] of tree.children) {
      if (k !== 'items') {
        itemTree.children.set(k, v);
        wantItems = true;
      }
    }
    const collected = ownTree.names.size > 0 ? super.collect(ownTree) : { data: {}, apply: [] };
    if (!wantItems) return collected;
    if (this.resolve() === null) return collected;
    const effective: LoadTree = {
      all: itemTree.all || (itemNames.size === 0 && itemTree.children.size === 0),
      names: itemNames,
      children: itemTree.children,
    };
    let items = this.itemProxies();
    const skip = tree.skip ?? 0;
    items = items.slice(skip, tree.top !== undefined ? skip + tree.top : undefined);
    const parts = items.map((i) => i.collect(effective));
    const apply = [...collected.apply, ...parts.flatMap((p) => p.apply), () => this.store('items', items)];
    return { data: { ...(collected.data as object), items: parts.map((p) => p.data) }, apply };
  }
}

/** A collection of what another proxy points to (a sheet's charts, a table's rows): it resolves as its owner does. */
export abstract class SimPartCollection<T extends SimObject, X, E, O extends Owner<E> = Owner<E>> extends SimCollection<
  T,
  X
> {
  constructor(
    ctx: SimContext,
    path: string,
    protected readonly owner: O,
  ) {
    super(ctx, path);
  }

  resolve(): E | null {
    return this.owner.resolve();
  }
}

/**
 * A collection of the workbook's own (its sheets, its settings): each member
 * has a key that `getItem` takes and that finds it again at sync.
 */
export abstract class SimWorkbookCollection<T extends SimObject, X> extends SimCollection<T, X> {
  /** The class of the members' proxies. */
  protected abstract readonly Item: new (
    ctx: SimContext,
    path: string,
    locate: () => string | null,
    orNull?: boolean,
  ) => T;
  /** The members' keys, in the collection's order. */
  protected abstract keys(): readonly string[];
  /** The key of the member `name` names (a sheet by its id or its name), or undefined. */
  protected abstract keyOf(name: string): string | undefined;

  resolve(): WorkbookModel {
    return this.model;
  }

  protected itemProxies(): T[] {
    return this.keys().map((k) => new this.Item(this.ctx, `${this.path}.getItem(${JSON.stringify(k)})`, () => k));
  }

  getItem(name: string): X {
    return this.member(this.Item, 'getItem', name, () => this.keyOf(name));
  }

  getItemOrNullObject(name: string): X {
    return this.member(this.Item, 'getItemOrNullObject', name, () => this.keyOf(name));
  }
}

/** The members of `X` a table lists: its own, not the `load`, `set` and `toJSON` every class gets. */
export type ApiMember<X> = Exclude<keyof X, 'load' | 'set' | 'toJSON'> & string;

/**
 * What a class of proxies implements, as data (as HyperFormula's function
 * plugins declare theirs): `api` generates its accessors, `load`, `set`,
 * `toJSON` and navigation getters from it; the instance's `properties()` and
 * `navigation()` implement the names listed here. The names are `X`'s own
 * (`keyof` the office-js type the class imitates), so a misspelt one does not
 * compile.
 */
export interface ApiTable<X> {
  /** `Range`, `Worksheet`, ... as office-js names the type in errors. */
  readonly typeName: string;
  /** Loadable properties: read once loaded (PropertyNotLoaded before), written as queued commands. */
  readonly props?: readonly ApiMember<X>[];
  /** Navigation properties (`format`, `tables`, ...): one proxy each, made by `navigation()`. */
  readonly children?: readonly ApiMember<X>[];
}

/** The names a table lists. */
type Listed<T> =
  | (T extends { readonly props: readonly (infer P)[] } ? P : never)
  | (T extends { readonly children: readonly (infer C)[] } ? C : never);

/** Every member `X` picks is generated, so each is listed: one left out would be `undefined` at run time. */
type Complete<X, T> = [Exclude<ApiMember<X>, Listed<T>>] extends [never]
  ? unknown
  : { readonly unlisted: Exclude<ApiMember<X>, Listed<T>> };

// A mixin's base must be a constructor of `any[]` (TypeScript's rule for mixins).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctor<T> = abstract new (...args: any[]) => T;

/**
 * The one place where a proxy is handed out as the office-js type it
 * imitates. The members a caller reaches are checked against
 * `@types/office-js` where they are declared: `api<Pick<Excel.X, ...>>()`
 * for generated members, `implements Pick<Excel.X, ...>` for methods.
 */
export function asApi<T>(proxy: unknown): T {
  return proxy as unknown as T;
}

/**
 * A base class for proxies of one office-js type: `X` says which members
 * of it are generated from `table` (properties, navigation properties,
 * `load`, `set`, `toJSON`), `Base` is what the class extends otherwise.
 */
export function api<X>() {
  return <B extends Ctor<SimObject>, const T extends ApiTable<X>>(Base: B, table: T & Complete<X, T>): B & Ctor<X> => {
    abstract class Generated extends Base {
      static {
        Object.defineProperty(this.prototype, 'typeName', { value: table.typeName });
        for (const name of table.props ?? []) {
          Object.defineProperty(this.prototype, name, {
            get(this: Generated) {
              return this.readApi(name);
            },
            set(this: Generated, v: unknown) {
              this.writeApi(name, v);
            },
          });
        }
        for (const name of table.children ?? []) {
          Object.defineProperty(this.prototype, name, {
            get(this: Generated) {
              return this.childApi(name);
            },
          });
        }
      }
      load(option?: LoadArg): this {
        return this.loadApi(option);
      }
      toJSON(): Record<string, unknown> {
        return this.jsonApi();
      }
      set(properties: object): void {
        this.setApi(properties);
      }
    }
    return asApi<B & Ctor<X>>(Generated);
  };
}
