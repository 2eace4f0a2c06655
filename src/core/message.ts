/**
 * A message the core wants shown to a person, as a catalogue key and its
 * arguments. It is rendered in a language only at the edge (CLI, task pane,
 * generated sheets), so the core never depends on who reads it.
 */
import { showInvisible } from './invisible';

export type MessageArg =
  string | number | null | { readonly label: string } | { readonly date: number } | { readonly typed: number };

export interface Message {
  readonly key: string;
  readonly args?: Readonly<Record<string, MessageArg>>;
}

/**
 * Every text argument is quoted as `quoted` shows it: a message repeats what a
 * person typed, and what they typed may be a whole essay or hide characters.
 */
export const msg = (key: string, args?: Record<string, MessageArg>): Message => {
  if (!args) return { key };
  const shown: Record<string, MessageArg> = {};
  for (const [k, v] of Object.entries(args)) shown[k] = typeof v === 'string' ? quoted(v) : v;
  return { key, args: shown };
};

/** An argument that names a catalogue entry (an enum label, a column header) to render in the reader's language. */
export const label = (key: string): { label: string } => ({ label: key });
/**
 * A number as a person should type it into a cell: no thousands separator (a
 * space would make it text again), the reader's decimal sign. "«1 519» is text;
 * 1519 was probably meant", not "… 1 519 was probably meant".
 */
export const typedArg = (n: number): { typed: number } => ({ typed: n });
/** An argument that is a date (UTC ms), formatted for the reader's locale. */
export const dateArg = (ms: number): { date: number } => ({ date: ms });

/**
 * How long a quoted value may be in a message: enough to recognise it, short
 * enough for a finding to stay one line and for any cell to hold it (Excel
 * refuses texts over 32,767 characters).
 */
export const QUOTE_MAX = 200;

/** A value as a message shows it: invisible characters spelled out (`KRG_OUNB<U+200B>`), cut to QUOTE_MAX with "…". */
export function quoted(s: string): string {
  return cut(showInvisible(s), QUOTE_MAX);
}

/** The text cut to at most `max` characters, the last one "…", never splitting a surrogate pair. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}
