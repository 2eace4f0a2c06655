import type { Language } from '../standard';

export type Catalogue = Record<string, unknown>;

/**
 * Type-only references: they keep the three files in the compilation (so that `tsc` copies them to
 * `dist`) without reading any of them at start-up.
 */
export type Catalogues = {
  kk: typeof import('./locales/kk.json');
  ru: typeof import('./locales/ru.json');
  en: typeof import('./locales/en.json');
};

const loaded = new Map<Language, Catalogue>();

/**
 * One language's catalogue, read the first time it is needed: a command in
 * Kazakh parses the Kazakh catalogue, and Russian and English only if a key is
 * missing from it. The `require`s are literal so that webpack bundles the three
 * files for the task pane, where each is still parsed only on first use.
 */
export function catalogue(lang: Language): Catalogue {
  let c = loaded.get(lang);
  if (!c) {
    c = read(lang);
    loaded.set(lang, c);
  }
  return c;
}

// Synchronous on purpose: `translator()` stays synchronous for its callers.
/* eslint-disable @typescript-eslint/no-require-imports */
function read(lang: Language): Catalogue {
  switch (lang) {
    case 'kk':
      return require('./locales/kk.json') as Catalogue;
    case 'ru':
      return require('./locales/ru.json') as Catalogue;
    case 'en':
      return require('./locales/en.json') as Catalogue;
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Whether a language's own catalogue has an entry (plural forms aside), without reading any other. */
export function hasEntry(lang: Language, key: string): boolean {
  let node: unknown = catalogue(lang);
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/**
 * A language's own entry when it is plain text, which i18next would give back
 * unchanged (no `{{value}}`, no `$t(...)`); undefined otherwise, or when the
 * language has no such entry.
 */
export function plainEntry(lang: Language, key: string): string | undefined {
  let known = plain.get(lang);
  if (!known) plain.set(lang, (known = new Map()));
  let entry = known.get(key);
  if (entry === undefined) known.set(key, (entry = findPlainEntry(lang, key) ?? null));
  return entry ?? undefined;
}

/**
 * `plainEntry`'s answers by language and key: an import asks for the label of
 * an enum value for every cell of 200,000 rows, and walking the catalogue
 * split the key each time.
 */
const plain = new Map<Language, Map<string, string | null>>();

function findPlainEntry(lang: Language, key: string): string | undefined {
  let node: unknown = catalogue(lang);
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && !node.includes('{{') && !node.includes('$t(') ? node : undefined;
}

/** The languages whose catalogues have been read so far (for the tests of start-up). */
export function loadedCatalogues(): Language[] {
  return [...loaded.keys()];
}
