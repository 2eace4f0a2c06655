/**
 * Workbooks a person picked in the task pane (Import, Fill last year's
 * figures), as the reader chunk gives them back, and what is said about a
 * file that cannot be used. Types and messages only: the reader itself
 * (`read-files.ts`) is loaded on demand.
 */
import type { Snapshot } from '../core/snapshot';
import type { Translator } from '../i18n';
import type { WorkbookFileReason } from '../xlsx/errors';

export interface PickedWorkbook {
  /** The file's name as picked (no path: the browser gives none). */
  readonly name: string;
  readonly size: number;
  /** SHA-256 of the file's bytes, hex, for the `Imports` log. */
  readonly sha256: string;
  readonly snapshot: Snapshot;
}

export type PickedFailureReason =
  Exclude<WorkbookFileReason, 'not_found' | 'is_folder'> | 'not_standard' | 'no_year' | 'wrong_year';

export interface PickedFailure {
  readonly file: string;
  readonly reason: PickedFailureReason;
  readonly params: Readonly<Record<string, string | number>>;
}

const MB = 1024 * 1024;

/** One translated sentence naming the file and what to do. */
export function failureText(f: PickedFailure, t: Translator): string {
  const p = f.params;
  const n = (k: string) => (typeof p[k] === 'number' ? t.number(p[k]) : String(p[k] ?? ''));
  const mb = (k: string) => (typeof p[k] === 'number' ? t.number(Math.ceil(p[k] / MB)) : '');
  switch (f.reason) {
    case 'too_large':
      return t.t('pane.import.file_error.too_large', { file: f.file, size: mb('size'), limit: mb('limit') });
    case 'too_unpacked':
      return t.t('pane.import.file_error.too_unpacked', { file: f.file, limit: n('limit') });
    case 'too_many_cells':
      return t.t('pane.import.file_error.too_many_cells', {
        file: f.file,
        table: String(p['table'] ?? ''),
        cells: n('cells'),
        limit: n('limit'),
      });
    default:
      // A part, a table, a sheet, an encoding: what names the reason, as text.
      return t.t(`pane.import.file_error.${f.reason}`, {
        ...Object.fromEntries(Object.keys(p).map((k) => [k, n(k)])),
        file: f.file,
      });
  }
}
