/**
 * Characters that print as nothing (zero-width spaces and joiners, the word
 * joiner and other invisible operators, the byte-order mark, the soft hyphen,
 * bidirectional marks and embeddings, the Mongolian vowel separator): pasted
 * from web pages and messengers, they make a code differ from the one it
 * looks like.
 */
const INVISIBLE_RE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;
const INVISIBLE_ALL_RE = new RegExp(INVISIBLE_RE.source, 'g');

export function hasInvisible(s: string): boolean {
  return INVISIBLE_RE.test(s);
}

/** The text with its invisible characters removed: what the person meant to type. */
export function withoutInvisible(s: string): string {
  return hasInvisible(s) ? s.replace(INVISIBLE_ALL_RE, '') : s;
}

/** The text with each invisible character spelled out as `<U+200B>`. */
export function showInvisible(s: string): string {
  return hasInvisible(s)
    ? s.replace(INVISIBLE_ALL_RE, (ch) => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)
    : s;
}

/**
 * What identifies a library by its code: case aside, and invisible characters
 * aside, so that one pasted zero-width space is one finding on the code
 * itself, not also a library without a report and a report without a library.
 */
export function libKey(id: string): string {
  return withoutInvisible(id).toUpperCase();
}
