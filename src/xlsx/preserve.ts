/**
 * Data validations of a base workbook's sheets, kept as raw XML while ExcelJS
 * loads and saves the workbook, then put back. ExcelJS 4.4 expands every
 * validation into one entry per cell (a whole-column rule becomes a million),
 * writes them back as overlapping ranges, and drops the `x14` validations
 * that Excel writes for lists whose source is on another sheet.
 */
export interface KeptValidations {
  /** The `<dataValidations>` element as it was. */
  readonly classic: string | null;
  /** `<ext>` elements of the sheet's extLst that hold x14 validations, with the namespaces they use. */
  readonly extensions: readonly string[];
}

const CLASSIC =
  /<(?:[\w.-]+:)?dataValidations\b[^>]*?\/>|<(?:[\w.-]+:)?dataValidations\b[^>]*>[\s\S]*?<\/(?:[\w.-]+:)?dataValidations>/;
/** The extension Excel 2010+ keeps its own validations in. */
const X14_VALIDATIONS_URI = '{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}';
const EXT = /<(?:[\w.-]+:)?ext\b[^>]*>[\s\S]*?<\/(?:[\w.-]+:)?ext>/g;
const EMPTY_EXT_LIST = /<(?:[\w.-]+:)?extLst\b[^>]*>\s*<\/(?:[\w.-]+:)?extLst>/;

function rootNamespaces(xml: string): Map<string, string> {
  const root = /<(?:[\w.-]+:)?worksheet\b([^>]*)>/.exec(xml)?.[1] ?? '';
  return new Map([...root.matchAll(/xmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

/** Declares on the snippet's first element the prefixes it uses but declared only on the sheet's root. */
function withNamespaces(snippet: string, namespaces: ReadonlyMap<string, string>): string {
  const used = new Set([...snippet.matchAll(/<\/?([\w.-]+):|\s([\w.-]+):[\w.-]+\s*=/g)].map((m) => m[1] ?? m[2] ?? ''));
  const declared = new Set([...snippet.matchAll(/xmlns:([\w.-]+)\s*=/g)].map((m) => m[1] ?? ''));
  const missing = [...used].filter((p) => p !== 'xml' && p !== 'xmlns' && !declared.has(p) && namespaces.has(p));
  if (missing.length === 0) return snippet;
  const decls = missing.map((p) => ` xmlns:${p}="${namespaces.get(p) ?? ''}"`).join('');
  return snippet.replace(/^(<[\w.:-]+)/, `$1${decls}`);
}

export function takeValidations(xml: string): { xml: string; kept: KeptValidations | null } {
  const namespaces = rootNamespaces(xml);
  const classic = CLASSIC.exec(xml)?.[0] ?? null;
  let rest = classic ? xml.replace(classic, '') : xml;
  const extensions: string[] = [];
  rest = rest.replace(EXT, (ext) => {
    if (!ext.includes(X14_VALIDATIONS_URI)) return ext;
    extensions.push(withNamespaces(ext, namespaces));
    return '';
  });
  rest = rest.replace(EMPTY_EXT_LIST, '');
  if (!classic && extensions.length === 0) return { xml, kept: null };
  return { xml: rest, kept: { classic: classic && withNamespaces(classic, namespaces), extensions } };
}
