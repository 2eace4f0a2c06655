/**
 * The analytical note in a language: the sentences and tables of
 * `build.ts` turned into text. It is in the core so that the layout can lay
 * the same text out as the workbook's Note sheet, as the .docx has it. Every
 * number is written here from its figure, in the language's convention;
 * names are looked up; quoted data stays as it is, between the language's
 * quotation marks.
 */
import type { Arg, Figure, Note, NoteTable, Sentence } from './model';
import type { Translator } from '../translator';
import { regionName } from '../regions';
import type { RegistryNames } from './names';

/** The registry's names in the reader's language (a code stays a code where the registry has no name). */
export type NoteNames = RegistryNames;

export type RenderedBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly caption: string; readonly header: string[]; readonly rows: string[][] };

export interface RenderedSection {
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly RenderedBlock[];
}

export interface RenderedNote {
  readonly title: string;
  readonly subtitle: string;
  readonly made: string;
  readonly sections: readonly RenderedSection[];
}

/**
 * Digits of a figure: percentages and ratios keep two decimals below ten (a
 * change of 1.01 % is not "1.0 %"), one above; counts are whole.
 */
export function formatFigure(f: Figure, t: Translator): string {
  const small = Math.abs(f.value) < 10;
  switch (f.format) {
    case 'count':
      return t.number(f.value);
    case 'percent':
      return t.percent(f.value, small ? 2 : 1);
    case 'ratio':
      return t.number(f.value, small ? 2 : 1);
  }
}

export function renderArg(a: Arg, t: Translator, names: NoteNames): string {
  switch (a.kind) {
    case 'figure':
      return formatFigure(a, t);
    case 'year':
      return String(a.year);
    case 'date':
      return t.date(a.ms);
    case 'quote':
      return `${t.t('note.quote_open')}${a.text}${t.t('note.quote_close')}`;
    case 'list': {
      // A list of [name, figure] pairs is "name (figure)"; a plain list is joined.
      if (a.items.length === 2 && a.items[0]?.kind === 'name' && a.items[1]?.kind === 'figure')
        return `${renderArg(a.items[0], t, names)} (${renderArg(a.items[1], t, names)})`;
      return a.items.map((i) => renderArg(i, t, names)).join(t.t('note.list_sep'));
    }
    case 'name':
      switch (a.of) {
        case 'territory':
          return names.territory(a.key);
        case 'library':
          return names.library(a.key);
        case 'indicator':
          return t.t(`note.subject.${a.key}`, { defaultValue: t.t(`indicator.${a.key}`) });
        case 'ratio':
          return t.t(`ratio.${a.key}`);
        case 'enum':
          return t.t(`enum.${a.enumName}.${a.key}`);
      }
  }
}

export function renderSentence(s: Sentence, t: Translator, names: NoteNames): string {
  const args: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s.args)) args[k] = renderArg(v, t, names);
  if (s.count) args.count = s.count.value;
  return t.t(`note.s.${s.key.replace(/\./g, '_')}`, args);
}

function renderTable(b: NoteTable, t: Translator, names: NoteNames): RenderedBlock {
  const columnLabel = (c: string) =>
    /^[A-Z]\d\d$/.test(c) ? t.t(`indicator.${c}`) : t.t(`note.col.${c}`, { defaultValue: t.t(`ratio.${c}`) });
  return {
    kind: 'table',
    caption: t.t(`note.table.${b.caption}`),
    header: [t.t(`note.head.${b.caption}`), ...b.columns.map(columnLabel)],
    rows: b.rows.map((r) => [renderArg(r.head, t, names), ...r.cells.map((c) => (c ? formatFigure(c, t) : '—'))]),
  };
}

export function renderNote(
  note: Note,
  t: Translator,
  names: NoteNames,
  made: { version: string; at: number },
): RenderedNote {
  return {
    title: t.t('note.title'),
    subtitle: t.t('note.subtitle', { region: regionName(note.region, t), year: String(note.year) }),
    made: t.t('note.made', { version: made.version, date: t.date(made.at) }),
    sections: note.sections.map((s) => ({
      id: s.id,
      heading: t.t(`note.h.${s.id}`),
      blocks: s.blocks.map((b) =>
        b.kind === 'table'
          ? renderTable(b, t, names)
          : { kind: 'paragraph' as const, text: b.sentences.map((x) => renderSentence(x, t, names)).join(' ') },
      ),
    })),
  };
}
