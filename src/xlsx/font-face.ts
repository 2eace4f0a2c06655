/**
 * The typeface of the fonts the writer adds to `styles.xml`. ExcelJS writes a
 * style's font as the plan gives it, `{ bold: true }` as `<font><b/></font>`,
 * naming no typeface. LibreOffice prints such a font in a default of its own,
 * a serif (DejaVu Serif on Debian) wider than Calibri, so that a header made
 * to fit its column in the workbook's Calibri is cut ("Маңыздылығы" of the
 * Kazakh Issues sheet). Each such font is given the typeface of the
 * workbook's default font (its name, charset, family and theme scheme), the
 * one Excel shows them in: the generated sheets keep the workbook's font.
 */

/** The elements of a font that say its typeface (CT_Font: in any order). */
const FACE = ['name', 'charset', 'family', 'scheme'] as const;

const element = (font: string, name: string): string | undefined =>
  new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?${name}>)`).exec(font)?.[0];

/** `font` (a `<font>` element) with the typeface of `base` when it names none; as it is otherwise. */
export function withFaceOf(font: string, base: string): string {
  if (element(font, 'name') !== undefined) return font;
  const face = FACE.filter((name) => element(font, name) === undefined)
    .map((name) => element(base, name) ?? '')
    .join('');
  if (face === '') return font;
  const empty = /^<([\w.:-]+)([^>]*?)\s*\/>$/.exec(font);
  if (empty) return `<${empty[1]}${empty[2]}>${face}</${empty[1]}>`;
  const close = font.lastIndexOf('</');
  return font.slice(0, close) + face + font.slice(close);
}
