/**
 * The note's sections, built from the figures by the rules of `rules.ts`.
 * Each sentence is produced only with all of its figures; a section whose
 * figures are missing says so instead of being left out.
 */
import { ENUMS, type RatioKey } from '../../standard';
import { FigureBook, type ConsolidationJson, type NoteSource } from './figures';
import type { Arg, Block, Figure, Name, Note, NoteSection, NoteTable, Paragraph, Sentence, YearArg } from './model';
import { leadersAndLaggards, MIN_LIBRARIES_RANKED, plausibility, trend, type Ranked } from './rules';

/** The indicators the note calls main (section 2 of the note, and the dynamics table). */
export const MAIN_INDICATORS = ['U01', 'V01', 'L01', 'C03', 'E01'] as const;
/** The ratios ranked by territory. */
export const RANKED_RATIOS: readonly RatioKey[] = ['readership', 'visit_rate', 'turnover', 'provision'];
/** Up to four earlier years are shown in the dynamics. */
export const HISTORY_YEARS = 4;

export interface NoteInput {
  readonly current: NoteSource;
  /** Earlier years' consolidations (any order; other years than the four before are ignored). */
  readonly history?: readonly ConsolidationJson[];
}

export function buildNote(input: NoteInput): Note {
  const year = input.current.json.year;
  // The front ends refuse a workbook without a year before they get here (rule S1).
  if (year === null) throw new RangeError('A note needs the consolidation of a year.');
  const history = (input.history ?? []).filter(
    (h) => h.year !== null && h.year < year && h.year >= year - HISTORY_YEARS,
  );
  const book = new FigureBook(input.current, history);
  const sections: NoteSection[] = [
    { id: 'network', blocks: network(book) },
    { id: 'indicators', blocks: indicators(book) },
    { id: 'ratios', blocks: ratios(book) },
    { id: 'kazakh', blocks: kazakh(book) },
    { id: 'events', blocks: events(book) },
    { id: 'method', blocks: method(book) },
    { id: 'training', blocks: training(book) },
    { id: 'basis', blocks: basis(book) },
    { id: 'dynamics', blocks: dynamics(book) },
  ];
  const json = input.current.json;
  return { year, region: json.region ?? '', level: json.level ?? '', sections };
}

// ---- small builders -------------------------------------------------------

const name = (of: Name['of'], key: string, enumName?: string): Name =>
  enumName ? { kind: 'name', of, key, enumName } : { kind: 'name', of, key };
const yearArg = (year: number): YearArg => ({ kind: 'year', year });
const list = (items: readonly Arg[]): Arg => ({ kind: 'list', items });

/** A sentence with every figure it needs, or nothing. */
function sentence(key: string, args: Record<string, Arg | null | undefined>, count?: Figure | null): Sentence | null {
  for (const v of Object.values(args)) if (v === null || v === undefined) return null;
  if (count === null) return null;
  return { key, args: args as Record<string, Arg>, ...(count ? { count } : {}) };
}

function paragraph(...sentences: (Sentence | null)[]): Paragraph | null {
  const kept = sentences.filter((s): s is Sentence => s !== null);
  return kept.length > 0 ? { kind: 'paragraph', sentences: kept } : null;
}

function blocks(...bs: (Block | null)[]): Block[] {
  return bs.filter((b): b is Block => b !== null);
}

/** A section without its figures says that it has none. */
function orNoData(bs: Block[], key = 'no_data'): Block[] {
  return bs.length > 0 ? bs : [{ kind: 'paragraph', sentences: [{ key, args: {} }] }];
}

function table(caption: string, columns: string[], rows: NoteTable['rows']): NoteTable | null {
  return rows.length > 0 ? { kind: 'table', caption, columns, rows } : null;
}

/** The sentence of a change against last year: grew, fell or stayed, with the signed change as it is. */
function change(book: FigureBook, path: readonly string[], subject: Arg): Sentence | null {
  const pct = book.now([...path, 'change_pct'], 'percent');
  const prior = book.now([...path, 'prior_year']);
  if (!pct || !prior) return null;
  return sentence(`change.${trend(pct.value)}`, { subject, prior, pct, year: yearArg(book.year - 1) });
}

const keysOf = (o: unknown): string[] => (o && typeof o === 'object' ? Object.keys(o) : []);

/** Keys in the standard's order (never an object's key order), then any the standard does not know. */
function ordered(enumName: keyof typeof ENUMS, present: readonly string[]): string[] {
  const known = (ENUMS[enumName] as readonly string[]).filter((k) => present.includes(k));
  return [...known, ...present.filter((k) => !known.includes(k)).sort()];
}

// ---- 1. the network -----------------------------------------------------------

function network(book: FigureBook): Block[] {
  const active = book.now(['libraries', 'active']);
  const types = ordered('library_type', keysOf(book.raw(book.year, ['note', 'libraries_by_type'])));
  const byType = table(
    'libraries_by_type',
    ['libraries'],
    types.map((k) => ({ head: name('enum', k, 'library_type'), cells: [book.now(['note', 'libraries_by_type', k])] })),
  );
  const lastYear = book.year - 1;
  let changes: Paragraph | null;
  if (book.has(lastYear)) {
    const newIds = book.raw(book.year, ['note', 'new_ids']) as string[];
    const goneIds = book.raw(book.year, ['note', 'gone_ids']) as string[];
    changes = paragraph(
      sentence('network.changes', {
        new: book.now(['note', 'new_libraries']),
        gone: book.now(['note', 'gone_libraries']),
        year: yearArg(lastYear),
      }),
      newIds.length > 0 ? sentence('network.new_list', { list: list(newIds.map((id) => name('library', id))) }) : null,
      goneIds.length > 0
        ? sentence('network.gone_list', { list: list(goneIds.map((id) => name('library', id))) })
        : null,
    );
  } else changes = paragraph(sentence('network.no_prior', { year: yearArg(lastYear) }));
  return orNoData(
    blocks(paragraph(sentence('network.active', { n: active, year: yearArg(book.year) }, active)), byType, changes),
  );
}

// ---- 2. the main indicators -------------------------------------------------------

function indicators(book: FigureBook): Block[] {
  const paragraphs = MAIN_INDICATORS.map((code) => {
    const path = ['indicators', code];
    const subject = name('indicator', code);
    const value = book.now([...path, 'year']);
    const planPct = book.now([...path, 'plan_pct'], 'percent');
    const plan = book.now([...path, 'plan']);
    return paragraph(
      sentence('indicators.value', { subject, value, year: yearArg(book.year) }),
      change(book, path, subject),
      planPct
        ? sentence(planPct.value >= 100 ? 'indicators.plan_met' : 'indicators.plan_missed', { plan, pct: planPct })
        : null,
    );
  });
  const coverage = book.now(['ratios', 'coverage_pct'], 'percent');
  const rows = MAIN_INDICATORS.map((code) => ({
    head: name('indicator', code),
    cells: (['plan', 'year', 'plan_pct', 'prior_year', 'change_pct'] as const).map((col) =>
      book.now(['indicators', code, col], col.endsWith('_pct') ? 'percent' : 'count'),
    ),
  })).filter((r) => r.cells.some((c) => c !== null));
  return orNoData(
    blocks(
      ...paragraphs,
      paragraph(sentence('indicators.coverage', { pct: coverage })),
      table('main_indicators', ['plan', 'year', 'plan_pct', 'prior_year', 'change_pct'], rows),
    ),
  );
}

// ---- 3. the relative indicators ------------------------------------------------------

function ratios(book: FigureBook): Block[] {
  const territories = keysOf(book.raw(book.year, ['ratios_by_territory']));
  const out: (Block | null)[] = [];
  for (const key of RANKED_RATIOS) {
    const region = book.now(['ratios', key], 'ratio');
    const ranked: Ranked[] = [];
    for (const t of territories) {
      const libs = book.raw(book.year, ['note', 'included_by_territory', t]);
      const value = book.now(['ratios_by_territory', t, key], 'ratio');
      if (value && typeof libs === 'number' && libs >= MIN_LIBRARIES_RANKED) ranked.push({ key: t, value });
    }
    const { leaders, laggards } = leadersAndLaggards(ranked);
    const named = (rs: Ranked[]) => list(rs.map((r) => list([name('territory', r.key), r.value])));
    const where = region ? plausibility(key, region.value) : 'within';
    out.push(
      paragraph(
        sentence('ratios.region', { ratio: name('ratio', key), value: region }),
        region && where !== 'within' ? sentence(`ratios.${where}_plausible`, { ratio: name('ratio', key) }) : null,
        leaders.length > 0 ? sentence('ratios.leaders', { list: named(leaders) }) : null,
        laggards.length > 0 ? sentence('ratios.laggards', { list: named(laggards) }) : null,
        region && leaders.length === 0 ? sentence('ratios.not_ranked', {}) : null,
      ),
    );
  }
  const rows = territories.map((t) => ({
    head: name('territory', t),
    cells: RANKED_RATIOS.map((k) => book.now(['ratios_by_territory', t, k], 'ratio')),
  }));
  out.push(table('ratios_by_territory', [...RANKED_RATIOS], rows));
  return orNoData(blocks(...out));
}

// ---- 4. the Kazakh language ----------------------------------------------------------

function kazakh(book: FigureBook): Block[] {
  const loans = book.now(['indicators', 'L02', 'year']);
  const allLoans = book.now(['indicators', 'L01', 'year']);
  const share = book.now(['ratios', 'kazakh_loans_pct'], 'percent');
  const fund = book.now(['indicators', 'C04', 'year']);
  const allFund = book.now(['indicators', 'C03', 'year']);
  return orNoData(
    blocks(
      paragraph(
        sentence('kazakh.loans', { loans, all: allLoans, pct: share }),
        change(book, ['indicators', 'L02'], name('indicator', 'L02')),
        sentence('kazakh.collection', { fund, all: allFund }),
        change(book, ['indicators', 'C04'], name('indicator', 'C04')),
      ),
    ),
  );
}

// ---- 5. events ------------------------------------------------------------------------

function events(book: FigureBook): Block[] {
  const count = book.now(['events', 'count']);
  if (!count) return orNoData([], 'events.none');
  const by = (dim: string, enumName: keyof typeof ENUMS, caption: string): NoteTable | null => {
    const keys = ordered(enumName, keysOf(book.raw(book.year, ['events', dim])));
    return table(
      caption,
      ['count', 'participants'],
      keys
        .map((k) => ({
          head: name('enum', k, enumName),
          cells: [book.now(['events', dim, k, 'count']), book.now(['events', dim, k, 'participants'])],
        }))
        .filter((r) => (r.cells[0]?.value ?? 0) > 0),
    );
  };
  const largest =
    (book.raw(book.year, ['note', 'largest_events']) as { title: string; lib_id: string; date: number }[]) ?? [];
  const largestSentences = largest.map((e, i) =>
    sentence('events.largest_item', {
      title: { kind: 'quote', text: e.title },
      library: name('library', e.lib_id),
      date: { kind: 'date', ms: e.date },
      n: book.now(['note', 'largest_events', String(i), 'participants']),
    }),
  );
  const share = (dim: string, key: string) => book.now(['events', dim, key, 'count']);
  return blocks(
    paragraph(
      sentence('events.total', { n: count, participants: book.now(['events', 'participants']) }, count),
      sentence('events.kazakh', { n: share('by_language', 'kk'), both: share('by_language', 'kk_ru') }),
      sentence('events.online', { n: share('by_format', 'online'), hybrid: share('by_format', 'hybrid') }),
      sentence('events.children', { n: share('by_audience', 'children'), youth: share('by_audience', 'youth') }),
      sentence('events.territories', { n: book.now(['events', 'territories_covered']) }),
    ),
    by('by_form', 'event_form', 'events_by_form'),
    by('by_format', 'event_format', 'events_by_format'),
    by('by_language', 'event_language', 'events_by_language'),
    by('by_audience', 'audience', 'events_by_audience'),
    largestSentences.some((s) => s) ? paragraph(sentence('events.largest', {}), ...largestSentences) : null,
  );
}

// ---- 6. the department's own work ---------------------------------------------------

function method(book: FigureBook): Block[] {
  const visits = book.now(['visits', 'count']);
  const notVisited = (book.raw(book.year, ['visits', 'not_visited']) as string[] | undefined) ?? [];
  return orNoData(
    blocks(
      paragraph(
        sentence('method.visits', { n: visits, persons: book.now(['visits', 'persons']) }, visits),
        sentence('method.visited', {
          n: book.now(['visits', 'libraries_visited']),
          pct: book.now(['visits', 'libraries_visited_pct'], 'percent'),
        }),
        notVisited.length > 0
          ? sentence('method.not_visited', { list: list(notVisited.map((id) => name('library', id))) })
          : visits
            ? sentence('method.all_visited', {})
            : null,
      ),
      paragraph(
        sentence('method.consultations', {
          m01: book.now(['indicators', 'M01', 'year']),
          m02: book.now(['indicators', 'M02', 'year']),
        }),
        sentence(
          'method.publications',
          {
            n: book.now(['publications', 'count']),
            copies: book.now(['publications', 'copies']),
            accessible: book.now(['publications', 'accessible']),
          },
          book.now(['publications', 'count']),
        ),
        sentence('method.participation', {
          n: book.now(['participation', 'count']),
          persons: book.now(['participation', 'persons']),
        }),
        sentence('method.studies', {
          n: book.now(['studies', 'count']),
          respondents: book.now(['studies', 'respondents']),
        }),
      ),
    ),
  );
}

// ---- 7. professional development ----------------------------------------------------

function training(book: FigureBook): Block[] {
  const persons = book.now(['training', 'persons']);
  return orNoData(
    blocks(
      paragraph(
        sentence(
          'training.persons',
          { n: persons, hours: book.now(['training', 'hours']), certificates: book.now(['training', 'certificates']) },
          persons,
        ),
        sentence('training.share', {
          pct: book.now(['training', 'staff_trained_pct'], 'percent'),
          staff: book.now(['training', 'staff']),
        }),
        sentence(
          'training.pd',
          {
            n: book.now(['events', 'pd', 'count']),
            participants: book.now(['events', 'pd', 'participants']),
            territories: book.now(['events', 'pd', 'territories_reached']),
          },
          book.now(['events', 'pd', 'count']),
        ),
      ),
    ),
  );
}

// ---- 8. what the figures rest on -----------------------------------------------------

function basis(book: FigureBook): Block[] {
  const excluded = (book.raw(book.year, ['libraries', 'excluded']) as { lib_id: string; reason: string }[]) ?? [];
  const missing = (book.raw(book.year, ['libraries', 'missing']) as string[]) ?? [];
  const status = (s: string) => book.now(['libraries', 'by_status', s]);
  return blocks(
    paragraph(
      sentence('basis.included', {
        n: book.now(['libraries', 'included']),
        active: book.now(['libraries', 'active']),
      }),
      sentence('basis.status', {
        accepted: status('accepted'),
        submitted: status('submitted'),
        returned: status('returned'),
        draft: status('draft'),
      }),
      missing.length > 0
        ? sentence('basis.missing', { list: list(missing.map((id) => name('library', id))) })
        : sentence('basis.none_missing', {}),
      excluded.length > 0 ? sentence('basis.excluded', {}) : sentence('basis.none_excluded', {}),
      ...excluded.map((e) =>
        sentence('basis.excluded_item', {
          library: name('library', e.lib_id),
          reason: { kind: 'quote', text: e.reason },
        }),
      ),
      sentence('basis.issues', { errors: book.now(['issues', 'errors']), warnings: book.now(['issues', 'warnings']) }),
    ),
  );
}

// ---- 9. several years -----------------------------------------------------------------

function dynamics(book: FigureBook): Block[] {
  const years = Array.from({ length: HISTORY_YEARS + 1 }, (_, i) => book.year - HISTORY_YEARS + i);
  const known = years.filter((y) => book.has(y));
  if (known.length < 2) return orNoData([], 'dynamics.none');
  const missing = years.filter((y) => !book.has(y) && y > known[0]!);
  const first = known[0]!;
  const rows = known.map((y) => ({
    head: yearArg(y),
    cells: MAIN_INDICATORS.map((code) => book.at(y, ['indicators', code, 'year'], 'count')),
  }));
  const over = MAIN_INDICATORS.map((code) => {
    const a = book.at(first, ['indicators', code, 'year'], 'count');
    const b = book.now(['indicators', code, 'year']);
    if (!a || !b) return null;
    // The same ±1 % rule as against last year, over the whole period; a zero start has no percentage.
    const dir = a.value === 0 ? (b.value > 0 ? 'grew' : 'stayed') : trend(((b.value - a.value) / a.value) * 100);
    return sentence(`dynamics.${dir}`, {
      subject: name('indicator', code),
      from: a,
      to: b,
      first: yearArg(first),
      last: yearArg(book.year),
    });
  });
  return blocks(
    table('dynamics', [...MAIN_INDICATORS], rows),
    paragraph(...over),
    missing.length > 0 ? paragraph(sentence('dynamics.missing', { list: list(missing.map(yearArg)) })) : null,
  );
}

/** Every figure of a note, for the tests and for anyone checking a text against its sources. */
export function figuresOf(note: Note): Figure[] {
  const out: Figure[] = [];
  const visit = (a: Arg) => {
    if (a.kind === 'figure') out.push(a);
    else if (a.kind === 'list') a.items.forEach(visit);
  };
  for (const s of note.sections)
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') for (const x of b.sentences) Object.values(x.args).forEach(visit);
      else for (const r of b.rows) for (const c of r.cells) if (c) out.push(c);
    }
  return out;
}
