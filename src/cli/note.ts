/**
 * `kitaphana note FILE [--history FILE...] [-o NOTE.docx]`: the year's
 * analytical note written from the consolidation of FILE (and of up to four
 * earlier years' workbooks of the same region and level), as a Word document,
 * or printed as text without `-o`. No input is changed.
 */
import { extname } from 'node:path';
import { translator, type Translator } from '../i18n';
import { validate, type Validation } from '../core/validate';
import { consolidate } from '../core/consolidate';
import { consolidationJson } from '../core/json';
import {
  buildNote,
  HISTORY_YEARS,
  noteCounts,
  registryNames,
  renderNote,
  type ConsolidationJson,
  type RenderedNote,
} from '../core/note';
import { isLanguage } from '../standard';
import { saveWorkbookFile } from '../xlsx/write';
import { UsageError, type Io } from './errors';
import { readInput } from './files';
import { checkOutput } from './output';
import { progress } from './progress';

export interface NoteOptions {
  output?: string;
  history?: string[];
  includeErrors?: boolean;
  acceptedOnly?: boolean;
  force?: boolean;
  maxUnpackedMb?: string;
  /** The note's language; without it, the workbook's (as its generated sheets), else the user's. */
  lang?: string;
}

interface Year {
  readonly file: string;
  readonly validation: Validation;
  readonly json: ConsolidationJson;
}

export async function noteCommand(
  file: string,
  opts: NoteOptions,
  t: Translator,
  io: Io,
  version: string,
): Promise<number> {
  const historyFiles = opts.history ?? [];
  if (historyFiles.length > HISTORY_YEARS) throw new UsageError('note.cli.history_limit', { max: HISTORY_YEARS });
  const out =
    opts.output === undefined
      ? undefined
      : await checkOutput(opts.output, { inputs: [file, ...historyFiles], force: opts.force ?? false });
  if (out && extname(out).toLowerCase() !== '.docx') throw new UsageError('note.cli.docx_only', { file: out });
  const bar = progress(t, 3, io.tty);
  bar.stage('read');
  const consolidated = async (f: string): Promise<Year> => {
    const validation = validate(await readInput(f, opts.maxUnpackedMb));
    const c = consolidate(validation, {
      includeErrors: opts.includeErrors ?? false,
      acceptedOnly: opts.acceptedOnly ?? false,
    });
    return { file: f, validation, json: consolidationJson(c, t) };
  };
  const current = await consolidated(file);
  bar.stage('consolidate');
  const history: Year[] = [];
  for (const f of historyFiles) history.push(await consolidated(f));
  bar.stop();
  refuseHistory(current, history);

  const language = isLanguage(opts.lang) ? opts.lang : (current.validation.workbook.meta.language ?? t.lang);
  // The note is in the language asked for, else the workbook's; messages stay in the user's.
  const noteT = language === t.lang ? t : translator(language);
  const priorYear = history.find((h) => h.json.year === (current.json.year ?? 0) - 1);
  const note = buildNote({
    current: { json: current.json, note: noteCounts(current.json, current.validation.workbook, priorYear?.json) },
    history: history.map((h) => h.json),
  });
  const names = registryNames([current.validation.workbook, ...history.map((h) => h.validation.workbook)], language);
  const rendered = renderNote(note, noteT, names, { version, at: Date.now() });
  if (out) {
    // The Word writer is loaded only when a document is written.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { noteDocx } = require('../docx/note') as typeof import('../docx/note');
    await saveWorkbookFile(out, await noteDocx(rendered, language));
    io.out(t.t('cli.written', { file: out }));
  } else io.out(noteText(rendered));
  return current.validation.errors > 0 ? 1 : 0;
}

/**
 * Earlier years must be earlier years of the same network: the same region
 * and level, a year before this one, each year once. Anything else would put
 * another network's figures beside this one's.
 */
function refuseHistory(current: Year, history: readonly Year[]): void {
  const year = current.json.year;
  if (year === null) throw new UsageError('note.cli.no_year', { file: current.file });
  const seen = new Map<number, string>();
  for (const h of history) {
    if (h.json.year === null || h.json.year >= year)
      throw new UsageError('note.cli.not_earlier', {
        file: h.file,
        year: String(h.json.year ?? '?'),
        current: String(year),
      });
    if (h.json.year < year - HISTORY_YEARS)
      throw new UsageError('note.cli.too_old', { file: h.file, year: String(h.json.year), max: HISTORY_YEARS });
    if (h.json.region !== current.json.region || h.json.level !== current.json.level)
      throw new UsageError('note.cli.other_network', {
        file: h.file,
        region: h.json.region ?? '?',
        expected: current.json.region ?? '?',
      });
    const before = seen.get(h.json.year);
    if (before !== undefined)
      throw new UsageError('note.cli.same_year', { file: h.file, before, year: String(h.json.year) });
    seen.set(h.json.year, h.file);
  }
}

/** The note as plain text, for a terminal or a pipe. */
export function noteText(note: RenderedNote): string {
  const lines = [note.title, note.subtitle, ''];
  for (const s of note.sections) {
    lines.push(s.heading, '');
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') lines.push(b.text, '');
      else {
        lines.push(b.caption);
        const rows = [b.header, ...b.rows];
        const widths = b.header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
        for (const r of rows)
          lines.push(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
        lines.push('');
      }
    }
  }
  lines.push(note.made);
  return lines.join('\n');
}
