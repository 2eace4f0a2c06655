/**
 * The words for what the checks and the import report, one per language and
 * concept, used everywhere a person reads them: the pane, the generated
 * sheets and the command line. Kazakh «ескерту» had meant both a finding and
 * a warning, and a conflict had been «конфликт» on the command line but
 * «расхождение» in the pane. test/i18n/glossary.test.ts holds the catalogues
 * to this list.
 */
import type { Language } from '../standard';

export interface GlossaryTerm {
  /** The word as a reader would look it up. */
  readonly word: string;
  /** What every inflected form of the word begins with (case aside): how the catalogues are searched. */
  readonly stem: string;
  /** Words a catalogue must not use for the concept (nor for anything else). */
  readonly avoid: readonly string[];
}

export interface GlossaryEntry {
  readonly meaning: string;
  readonly terms: Readonly<Record<Language, GlossaryTerm>>;
  /** Catalogue entries that name the concept (plural forms included): each uses the term in every language. */
  readonly keys: readonly string[];
}

export type Concept = 'finding' | 'warning' | 'conflict';

/**
 * Table headers written before the glossary: a header is how a reader finds
 * its column in workbooks people already keep, so it stays as it was
 * (`column.Imports.conflicts`: «Конфликтов», «Қайшылықтар») until the
 * standard's next version renames it with a migration.
 */
export const FROZEN_HEADERS: readonly string[] = ['column.Imports.conflicts'];

export const GLOSSARY: Readonly<Record<Concept, GlossaryEntry>> = {
  finding: {
    meaning: 'what a check reports about a cell or a table: an error or a warning',
    terms: {
      en: { word: 'finding', stem: 'finding', avoid: ['issue'] },
      ru: { word: 'замечание', stem: 'замечани', avoid: [] },
      kk: { word: 'мәселе', stem: 'мәселе', avoid: [] },
    },
    keys: [
      'sheet.Issues',
      'generated.issues_title',
      'cli.help.command.validate.option.json',
      'taskpane.check.intro',
      'taskpane.check.filter',
      'taskpane.check.no_match',
      'note.s.basis_issues',
    ],
  },
  warning: {
    meaning: 'a finding that may be right: explained in a note or confirmed, it does not stop a report',
    terms: {
      en: { word: 'warning', stem: 'warning', avoid: [] },
      ru: { word: 'предупреждение', stem: 'предупрежд', avoid: [] },
      kk: { word: 'ескерту', stem: 'ескерту', avoid: [] },
    },
    keys: [
      'severity.warning',
      'generated.issues_counts',
      'cli.validate_summary',
      'cli.status.column.warnings',
      'cli.help.command.status.description',
      'taskpane.check.warnings',
      'taskpane.check.warnings_heading',
      'taskpane.check.clean',
      'taskpane.check.explained',
      'taskpane.reports.counts',
      'playground.legend_warning',
      'finding.workflow.refused.warnings',
      'note.s.basis_issues',
    ],
  },
  conflict: {
    meaning: 'a cell the workbook and an imported file both fill, with different values',
    terms: {
      en: { word: 'conflict', stem: 'conflict', avoid: ['discrepanc', 'mismatch'] },
      ru: { word: 'расхождение', stem: 'расхожд', avoid: ['конфликт'] },
      kk: { word: 'сәйкессіздік', stem: 'сәйкессіздік', avoid: ['қайшылық'] },
    },
    keys: [
      'cli.help.command.import.option.prefer',
      'cli.help.command.import.option.choose',
      'cli.import.source',
      'cli.import.unresolved',
      'cli.import.conflict.registry',
      'cli.import.conflict.report',
      'cli.import.conflict.register',
      'cli.import.bad_choice',
      'pane.import.conflicts_heading',
      'pane.import.unresolved',
    ],
  },
};
