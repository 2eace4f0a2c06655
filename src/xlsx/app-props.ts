/**
 * `docProps/app.xml` lists the sheets' names (TitlesOfParts) in groups
 * counted by HeadingPairs ("Worksheets" 52, "Named Ranges" 3, with labels in
 * the language of the Excel that saved it). The group that lists exactly the
 * workbook's sheets before the change is given the sheets after it; anything
 * else in the part stays as written. A part that does not list the sheets so
 * is left alone: it is information for file browsers, not read by Excel.
 */
import { encodeXml } from './xml';

const VECTOR = /<vt:vector\b([^>]*)>([\s\S]*?)<\/vt:vector>/;

function vectorIn(xml: string, element: string): { start: number; end: number; body: string } | null {
  const block = new RegExp(`<${element}>([\\s\\S]*?)</${element}>`).exec(xml);
  if (!block) return null;
  const v = VECTOR.exec(block[1] ?? '');
  if (!v) return null;
  const start = block.index + `<${element}>`.length + v.index;
  return { start, end: start + v[0].length, body: v[2] ?? '' };
}

export function updateAppProperties(xml: string, before: readonly string[], after: readonly string[]): string {
  const titles = vectorIn(xml, 'TitlesOfParts');
  const pairs = vectorIn(xml, 'HeadingPairs');
  if (!titles || !pairs) return xml;
  const names = [...titles.body.matchAll(/<vt:lpstr>([\s\S]*?)<\/vt:lpstr>|<vt:lpstr\/>/g)].map((m) => m[0]);
  const counts = [...pairs.body.matchAll(/<vt:i4>(\d+)<\/vt:i4>/g)].map((m) => Number(m[1]));
  const beforeXml = before.map((n) => `<vt:lpstr>${encodeXml(n)}</vt:lpstr>`);
  let offset = 0;
  for (let group = 0; group < counts.length; group++) {
    const count = counts[group] ?? 0;
    const slice = names.slice(offset, offset + count);
    if (count === before.length && slice.every((s, i) => decodeLoose(s) === decodeLoose(beforeXml[i] ?? ''))) {
      const afterXml = after.map((n) => `<vt:lpstr>${encodeXml(n)}</vt:lpstr>`);
      const allNames = [...names.slice(0, offset), ...afterXml, ...names.slice(offset + count)];
      let i = -1;
      const newPairs = pairs.body.replace(/<vt:i4>\d+<\/vt:i4>/g, (m) =>
        ++i === group ? `<vt:i4>${after.length}</vt:i4>` : m,
      );
      const newTitles = `<vt:vector size="${allNames.length}" baseType="lpstr">${allNames.join('')}</vt:vector>`;
      const edits = [
        { ...titles, text: newTitles },
        { ...pairs, text: xml.slice(pairs.start, pairs.end).replace(pairs.body, () => newPairs) },
      ].sort((a, b) => b.start - a.start);
      let out = xml;
      // The later edit first, so that the earlier one's offsets still hold.
      for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return out;
    }
    offset += count;
  }
  return xml;
}

/** Compares names whatever their escaping (`&apos;` or `'`). */
function decodeLoose(s: string): string {
  return s.replace(/&apos;/g, "'").replace(/&quot;/g, '"');
}
