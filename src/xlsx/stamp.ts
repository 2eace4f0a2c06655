/**
 * Gives a written package one fixed moment: the core properties' created and
 * modified times and every zip entry's date. Files regenerated from the same
 * data (the bundled samples) are then byte-identical, so a diff of the
 * repository shows only real changes.
 */
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { ZipPackage } from './zip-package';

const CORE_PART = 'docProps/core.xml';

export function stampPackage(data: Uint8Array, at: Date): Buffer {
  const pkg = ZipPackage.open(data);
  const parts = Object.fromEntries(pkg.names().map((name) => [name, pkg.bytes(name)!]));
  const iso = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = parts[CORE_PART];
  if (core) {
    parts[CORE_PART] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_m, open: string, _k: string, close: string) => `${open}${iso}${close}`,
      ),
    );
  }
  // Zip dates are stored as local wall-clock fields: the same fields in every time zone.
  const mtime = new Date(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes());
  const files: Zippable = {};
  for (const [name, bytes] of Object.entries(parts)) files[name] = [bytes, { mtime, level: 6 }];
  return Buffer.from(zipSync(files));
}
