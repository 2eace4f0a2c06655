/**
 * The analytical note (талдамалық анықтама / аналитическая справка) as data:
 * sections of sentences and small tables whose every number is a reference
 * to a figure, never a literal. Words are chosen at the edge, in a language;
 * this model only says which sentence, about which figures.
 */

/** How a figure is written: a count, a share in percent, or a ratio with one decimal. */
export type FigureFormat = 'count' | 'percent' | 'ratio';

/**
 * A number of the note: where it is in the figures (`path` into the
 * consolidation's JSON of `year`, section 4.1 of the standard, or the note's
 * own counts under `note`) and its value there. The renderer formats `value`;
 * a test reads `path` back to prove that the value is that figure.
 */
export interface Figure {
  readonly kind: 'figure';
  readonly year: number;
  readonly path: readonly string[];
  readonly value: number;
  readonly format: FigureFormat;
}

/** A name the renderer looks up in the reader's language. */
export interface Name {
  readonly kind: 'name';
  readonly of: 'territory' | 'library' | 'indicator' | 'ratio' | 'enum';
  /** For `enum`: the enumeration (`event_form`, `library_type`, ...). */
  readonly enumName?: string;
  readonly key: string;
}

/** Text quoted from the data as it is (an event's title): never part of a sentence's grammar. */
export interface Quote {
  readonly kind: 'quote';
  readonly text: string;
}

export interface DateArg {
  readonly kind: 'date';
  readonly ms: number;
}

/** A year as a label ("2024"), not a quantity: it is never grouped or counted. */
export interface YearArg {
  readonly kind: 'year';
  readonly year: number;
}

export interface ListArg {
  readonly kind: 'list';
  readonly items: readonly Arg[];
}

export type Arg = Figure | Name | Quote | DateArg | YearArg | ListArg;

/** One sentence: a catalogue key under `note.s.` and its arguments; `count` chooses the plural form. */
export interface Sentence {
  readonly key: string;
  readonly args: Readonly<Record<string, Arg>>;
  readonly count?: Figure;
}

export interface Paragraph {
  readonly kind: 'paragraph';
  readonly sentences: readonly Sentence[];
}

/** A small table: a header of column keys (catalogue `note.col.`), rows headed by a name or a year. */
export interface NoteTable {
  readonly kind: 'table';
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly { readonly head: Name | YearArg; readonly cells: readonly (Figure | null)[] }[];
}

export type Block = Paragraph | NoteTable;

export const SECTIONS = [
  'network',
  'indicators',
  'ratios',
  'kazakh',
  'events',
  'method',
  'training',
  'basis',
  'dynamics',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export interface NoteSection {
  readonly id: SectionId;
  readonly blocks: readonly Block[];
}

export interface Note {
  readonly year: number;
  readonly region: string;
  readonly level: string;
  readonly sections: readonly NoteSection[];
}
