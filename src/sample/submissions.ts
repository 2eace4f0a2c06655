import type { PlanValue } from '../core/plan';
import type { ContentRow, WorkbookContent } from '../core/layout/content';
import { templatePlan } from '../core/layout/template';
import { planSnapshot } from '../core/plan-snapshot';
import { parseWorkbook } from '../core/parse';
import { reportChecksums } from '../core/checksum';
import type { ReportStatus } from '../core/submissions';
import type { Language } from '../standard';
import { ACTIVE_LIBRARIES } from './libraries';
import { Rng } from './random';
import { enumLabel, latin, tx, utc, YEAR, type Texts } from './text';

/**
 * The `Submissions` log of the sample, as it stands in mid-January when the
 * annual reports are in: most accepted (a few after being returned once),
 * some submitted and waiting, one returned with a comment, some still drafts
 * (no row at all). Rows are in the order they were appended, by time; each
 * carries the checksum of the report it was logged with, computed by the
 * core as the add-in would.
 */

/** The oblast library's methodologists accept the reports; a library's own staff submit them. */
export const METHODOLOGISTS = ['Сарсенова А. К.', 'Ким Е. В.'];
export const SUBMITTERS = [
  'Жакупова Г. С.',
  'Ермекова А. Б.',
  'Петренко Н. В.',
  'Нурланова Д. К.',
  'Цой Л. А.',
  'Бейсенова Ж. Т.',
  'Шмидт О. Ю.',
  'Касымова Р. М.',
];
const RETURN_COMMENTS: readonly Texts[] = [
  tx(
    'IV тоқсандағы пайдаланушылар саны 6-НК нысанымен сәйкес келмейді: тексеріп, қайта тапсырыңыз',
    'Число пользователей за IV квартал не совпадает с формой 6-НК: проверьте и сдайте снова',
    'Users in Q4 do not match form 6-NK: check and submit again',
  ),
  tx(
    'Қордың түсуі мен шығуы теңгерілмеген (C01–C03): тізімдемемен салыстырыңыз',
    'Не сходится движение фонда (C01–C03): сверьте с книгой суммарного учёта',
    'The collection does not balance (C01–C03): compare with the accession register',
  ),
];
const ACCEPTED_AFTER_FIX = tx(
  'Қор көрсеткіштері нақтыланғаннан кейін қабылданды',
  'Принят после уточнения показателей фонда',
  'Accepted after the collection figures were corrected',
);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Change {
  readonly lib: string;
  readonly status: ReportStatus;
  readonly by: string;
  readonly at: number;
  readonly comment: Texts | null;
}

/** Who did what when, in the same order on every run; the one returned report is the `returned`-th library's. */
function changes(): Change[] {
  const rng = Rng.stream('submissions');
  const out: Change[] = [];
  const returned = ACTIVE_LIBRARIES.length - 7;
  ACTIVE_LIBRARIES.forEach((l, i) => {
    // Annual reports come in during the first weeks of January and are checked within a week.
    const submitted = utc(1, rng.int(5, 14), YEAR + 1) + rng.int(9 * 60, 17 * 60) * 60_000;
    const staff = rng.pick(SUBMITTERS);
    const methodologist = rng.pick(METHODOLOGISTS);
    const later = (from: number) => from + rng.int(1, 4) * DAY + rng.int(-120, 120) * 60_000;
    const roll = rng.next();
    if (i === returned) {
      out.push({ lib: l.id, status: 'submitted', by: staff, at: submitted, comment: null });
      out.push({
        lib: l.id,
        status: 'returned',
        by: methodologist,
        at: later(submitted),
        comment: RETURN_COMMENTS[0]!,
      });
    } else if (roll < 0.08)
      return; // still a draft: nothing submitted yet
    else if (roll < 0.2) out.push({ lib: l.id, status: 'submitted', by: staff, at: submitted, comment: null });
    else if (roll < 0.28) {
      const back = later(submitted);
      const again = back + rng.int(1, 2) * DAY;
      out.push(
        { lib: l.id, status: 'submitted', by: staff, at: submitted, comment: null },
        { lib: l.id, status: 'returned', by: methodologist, at: back, comment: RETURN_COMMENTS[1]! },
        { lib: l.id, status: 'submitted', by: staff, at: again, comment: null },
        { lib: l.id, status: 'accepted', by: methodologist, at: later(again), comment: ACCEPTED_AFTER_FIX },
      );
    } else {
      out.push(
        { lib: l.id, status: 'submitted', by: staff, at: submitted, comment: null },
        { lib: l.id, status: 'accepted', by: methodologist, at: later(submitted), comment: null },
      );
    }
  });
  return out.sort((a, b) => a.at - b.at);
}

export const personIn = (name: string, lang: Language): string => (lang === 'en' ? latin(name) : name);

/** The log's rows in a language, checksums still blank (`withChecksums` fills them). */
export function submissionRows(lang: Language): ContentRow[] {
  return changes().map((c): ContentRow => ({
    lib_id: c.lib,
    status: enumLabel(lang, 'report_status', c.status),
    changed_by: personIn(c.by, lang),
    changed_at: { date: c.at } as PlanValue,
    comment: c.comment?.[lang] ?? null,
    checksum: null,
  }));
}

/**
 * The content with each log row's checksum set to its library's report as the
 * content holds it, except for the libraries in `keep`, whose rows stay as
 * they are (the sample with mistakes keeps one report's old checksum: S3).
 */
export function withChecksums(content: WorkbookContent, keep: ReadonlySet<string> = new Set()): WorkbookContent {
  const libs = new Set(content.submissions.map((r) => String(r.lib_id)));
  const wb = parseWorkbook(planSnapshot(templatePlan({ ...content, submissions: [] })));
  const sums = reportChecksums(
    wb,
    [...libs].filter((l) => !keep.has(l)),
  );
  return {
    ...content,
    submissions: content.submissions.map((r) =>
      keep.has(String(r.lib_id)) ? r : { ...r, checksum: sums.get(String(r.lib_id).toUpperCase()) ?? null },
    ),
  };
}
