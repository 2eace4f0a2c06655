/**
 * Gives a written package one fixed moment: the core properties' created and
 * modified times and every zip entry's date. Files regenerated from the same
 * data (the bundled samples) are then byte-identical, so a diff of the
 * repository shows only real changes.
 */
import JSZip from 'jszip';

const CORE_PART = 'docProps/core.xml';

export async function stampPackage(data: Uint8Array, at: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const iso = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = zip.file(CORE_PART);
  if (core) {
    const xml = (await core.async('string')).replace(
      /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      (_m, open: string, _k: string, close: string) => `${open}${iso}${close}`,
    );
    zip.file(CORE_PART, xml);
  }
  // Zip entries store local time without a zone; JSZip writes the UTC fields of the date given.
  for (const entry of Object.values(zip.files)) entry.date = at;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
