/** The import chunk (`importing.ts`), loaded on demand like the engine. */
export type Importer = typeof import('./importing');

let loading: Promise<Importer> | null = null;

export function loadImporter(): Promise<Importer> {
  loading ??= import(/* webpackChunkName: "import" */ './importing');
  return loading;
}
