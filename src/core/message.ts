/**
 * A message the core wants shown to a person, as a catalogue key and its
 * arguments. It is rendered in a language only at the edge (CLI, task pane,
 * generated sheets), so the core never depends on who reads it.
 */
export type MessageArg = string | number | null | { readonly label: string } | { readonly date: number };

export interface Message {
  readonly key: string;
  readonly args?: Readonly<Record<string, MessageArg>>;
}

export const msg = (key: string, args?: Record<string, MessageArg>): Message => (args ? { key, args } : { key });

/** An argument that names a catalogue entry (an enum label, a column header) to render in the reader's language. */
export const label = (key: string): { label: string } => ({ label: key });
/** An argument that is a date (UTC ms), formatted for the reader's locale. */
export const dateArg = (ms: number): { date: number } => ({ date: ms });
