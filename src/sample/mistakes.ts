/**
 * The mistakes methodologists meet in the reports and registers that come in,
 * planted in a copy of the clean sample: at least one for every rule of
 * section 3 of the standard, each where it disturbs nothing else, so that the
 * checks' findings on the sample can be compared with this list. The choice
 * of cells depends only on the data, never on the language.
 */
import { LATE_BRANCH } from './late';
import type { ReportInput, WorkbookContent } from '../core/layout/content';
import type { PlanValue } from '../core/plan';
import {
  INDICATOR_BY_CODE,
  RULE_IDS,
  THRESHOLDS,
  changePercent,
  yearValue,
  type Language,
  type RuleId,
} from '../standard';
import { sampleEvents, type SampleEvent } from './events';
import { ACTIVE_LIBRARIES } from './libraries';
import { addDays, enumLabel, tx, utc } from './text';
import { sampleTraining } from './training';
import type { ReportRowEdit, SampleReportSheet } from './render';
import { withChecksums } from './submissions';

export interface PlantedMistake {
  readonly rule: RuleId;
  readonly where: string;
}

type Row = Record<string, PlanValue>;
type Values = Record<string, Record<string, PlanValue>>;
interface Sheet {
  libId: string;
  name: string;
  values?: Values;
  rowEdits?: Record<string, ReportRowEdit>;
}

const Q = ['q1', 'q2', 'q3', 'q4'] as const;

class Planter {
  readonly planted: PlantedMistake[] = [];
  readonly libraries: Row[];
  readonly submissions: Row[];
  readonly events: Row[];
  readonly training: Row[];
  readonly visits: Row[];
  readonly publications: Row[];
  readonly participation: Row[];
  readonly studies: Row[];
  readonly reports: Sheet[];
  /** Events already used for a mistake, and those a Training row points to: left alone. */
  private readonly busy = new Set<string>();
  private readonly model: readonly SampleEvent[] = sampleEvents();

  constructor(
    readonly content: WorkbookContent,
    readonly lang: Language,
  ) {
    this.libraries = content.libraries.map((r) => ({ ...r }));
    this.submissions = content.submissions.map((r) => ({ ...r }));
    this.events = content.events.map((r) => ({ ...r }));
    this.training = content.training.map((r) => ({ ...r }));
    this.visits = (content.visits ?? []).map((r) => ({ ...r }));
    this.publications = (content.publications ?? []).map((r) => ({ ...r }));
    this.participation = (content.participation ?? []).map((r) => ({ ...r }));
    this.studies = (content.studies ?? []).map((r) => ({ ...r }));
    this.reports = content.reports.map((s) => ({
      libId: s.libId,
      name: s.name,
      values: Object.fromEntries(Object.entries(s.values ?? {}).map(([code, v]) => [code, { ...v }])),
    }));
    for (const t of sampleTraining()) if (t.event) this.busy.add(t.event.id);
  }

  /** The library never submitted: no row in the log, so its report is a draft. */
  unsubmit(libId: string): void {
    for (let i = this.submissions.length - 1; i >= 0; i--)
      if (this.submissions[i]?.lib_id === libId) this.submissions.splice(i, 1);
  }

  plant(rule: RuleId, where: string): void {
    this.planted.push({ rule, where });
  }

  sheet(libId: string): Sheet {
    const s = this.reports.find((x) => x.libId === libId);
    if (!s) throw new Error(`no report sheet ${libId}`);
    return s;
  }

  line(libId: string, code: string): Record<string, PlanValue> {
    const v = this.sheet(libId).values?.[code];
    if (!v) throw new Error(`no ${code} in R_${libId}`);
    return v;
  }

  num(libId: string, code: string, column: string): number {
    const v = this.line(libId, code)[column];
    if (typeof v !== 'number') throw new Error(`R_${libId} ${code} ${column} is not a number`);
    return v;
  }

  quarters(libId: string, code: string): number[] {
    return Q.map((q) => this.num(libId, code, q));
  }

  year(libId: string, code: string): number {
    const agg = INDICATOR_BY_CODE.get(code)?.agg ?? 'sum';
    return yearValue(agg, this.quarters(libId, code)) ?? 0;
  }

  /** The first event of a library that matches, not yet used for another mistake; it is marked used. */
  event(lib: string, test: (e: SampleEvent) => boolean = () => true): { index: number; event: SampleEvent } {
    const index = this.model.findIndex((e) => e.lib === lib && !this.busy.has(e.id) && test(e));
    const event = this.model[index];
    if (!event) throw new Error(`no event of ${lib} for a mistake`);
    this.busy.add(event.id);
    return { index, event };
  }

  eventRow(index: number): Row {
    const row = this.events[index];
    if (!row) throw new Error(`no event row ${index}`);
    return row;
  }

  libraryRow(id: string): Row {
    const row = this.libraries.find((r) => r.lib_id === id);
    if (!row) throw new Error(`no library ${id}`);
    return row;
  }

  /** Keeps a changed year value within ±30 % of last year's (rule W1), so that only the intended rule fires. */
  keepChangeQuiet(libId: string, code: string): void {
    const line = this.line(libId, code);
    const year = this.year(libId, code);
    const prior = this.num(libId, code, 'prior_year');
    const pct = changePercent(year, prior);
    const agg = INDICATOR_BY_CODE.get(code)?.agg;
    if ((pct !== null && Math.abs(pct) > THRESHOLDS.changePct - 5) || (agg === 'sum' && prior === year)) {
      line.prior_year = Math.round(year / 1.07);
    }
  }

  result(): WorkbookContent {
    const reports = this.reports.map((s): SampleReportSheet => ({
      libId: s.libId,
      name: s.name,
      ...(s.values ? { values: s.values as Record<string, ReportInput> } : {}),
      ...(s.rowEdits ? { rowEdits: s.rowEdits } : {}),
    }));
    return {
      ...this.content,
      libraries: this.libraries,
      submissions: this.submissions,
      events: this.events,
      training: this.training,
      visits: this.visits,
      publications: this.publications,
      participation: this.participation,
      studies: this.studies,
      reports,
    };
  }
}

/** "1 643" as a person types it with a no-break space between thousands. */
const withNoBreakSpace = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00A0');

const ddmmyyyy = (ms: number): string => {
  const d = new Date(ms);
  const two = (x: number): string => String(x).padStart(2, '0');
  return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
};

function structure(p: Planter): void {
  p.sheet('SHH_CGB').rowEdits = {
    L02: {
      indicator: tx(
        'оның ішінде мемлекеттік тілде',
        'из них на государственном языке',
        'of which in the state language',
      )[p.lang],
    },
  };
  p.plant('S1', 'R_SHH_CGB L02 indicator: the label of the row edited ("state language" for "Kazakh")');
  p.sheet('BZH_B01').rowEdits = { T03: { code: 'T3' } };
  p.plant('S1', 'R_BZH_B01 T03 code: the code of the row typed over as "T3"');

  const gone = p.reports.findIndex((s) => s.libId === 'TMR_B02');
  p.reports.splice(gone, 1);
  p.unsubmit('TMR_B02');
  p.plant('S2', 'Libraries TMR_B02: an active library whose report sheet was deleted');

  const donor = p.sheet('KRG_B03');
  const merged = tx(
    'Қарағанды қаласының № 9 кітапхана-филиалы',
    'Библиотека-филиал № 9 г. Караганды',
    'Karaganda Branch Library No. 9',
  );
  const at = p.reports.findIndex((s) => s.libId === 'KRG_B07') + 1;
  p.reports.splice(at, 0, { libId: 'KRG_B09', name: merged[p.lang], values: structuredClone(donor.values ?? {}) });
  p.plant('S2', 'R_KRG_B09: the report sheet of a branch merged into KRG_B07 and no longer in Libraries');
}

function dataTypes(p: Planter): void {
  const users = p.num('KRG_B01', 'U01', 'q2');
  if (users < 1000) throw new Error('KRG_B01 U01 q2 is too small for a thousands separator');
  p.line('KRG_B01', 'U01').q2 = withNoBreakSpace(users);
  p.plant('D1', `R_KRG_B01 U01 q2: "${withNoBreakSpace(users).replace('\u00A0', ' ')}" typed with a no-break space`);

  const staff = p.num('BLH_CGB', 'S01', 'q3');
  p.line('BLH_CGB', 'S01').q3 = `${staff},0`;
  p.plant('D1', `R_BLH_CGB S01 q3: "${staff},0" typed as text with a decimal comma`);

  const followers = p.num('KRK_CRB', 'T03', 'q2');
  p.line('KRK_CRB', 'T03').q2 = -followers;
  p.plant('D1', `R_KRK_CRB T03 q2: a negative number (${-followers})`);

  const youth = p.quarters('NUR_CRB', 'U03');
  if ((youth[1] ?? 0) < (youth[0] ?? 0) + 1) throw new Error('NUR_CRB U03 does not grow from Q1 to Q2');
  p.line('NUR_CRB', 'U03').q1 = (youth[0] ?? 0) + 0.5;
  p.plant('D1', `R_NUR_CRB U03 q1: a fraction of a person (${(youth[0] ?? 0) + 0.5})`);

  const { index, event } = p.event('AKT_B01', (e) => e.children === null);
  const unit = tx('адам', 'чел.', 'people');
  p.eventRow(index).participants = `${event.participants} ${unit[p.lang]}`;
  p.plant('D1', `Events ${event.id} participants: "${event.participants} people" typed as text`);

  p.line('AKT_CRB', 'S01').q2 = null;
  p.plant('D2', 'R_AKT_CRB S01 q2: a required indicator left blank in a quarter the library reported');
  const blank = p.event('BZH_CRB');
  p.eventRow(blank.index).language = null;
  p.plant('D2', `Events ${blank.event.id} language: a required cell left blank`);

  const seminar = p.event('KRG_OUNB', (e) => e.template.form === 'seminar');
  p.eventRow(seminar.index).form = tx('Семинар-тренинг', 'Семинар-тренинг', 'Seminar-training')[p.lang];
  p.plant('D3', `Events ${seminar.event.id} form: "Seminar-training", not a value of the enumeration`);
  p.libraryRow('OSK_B02').type = tx('Ауылдық филал', 'Сельский филал', 'Rural brunch')[p.lang];
  p.plant('D3', 'Libraries OSK_B02 type: a misspelt library type');
}

function dates(p: Planter): void {
  const old = p.event('SRN_CGB', (e) => e.end === null);
  const row = p.eventRow(old.index);
  row.date_start = { date: utc(12, 26, 2024) };
  p.plant('D4', `Events ${old.event.id} date_start: 26.12.2024, an event of last year`);

  const long = p.event('TMR_CGB', (e) => e.end !== null && e.start >= utc(2, 1));
  p.eventRow(long.index).date_end = { date: addDays(long.event.start, -9) };
  p.plant('D4', `Events ${long.event.id} date_end: earlier than date_start`);

  const typed = p.event('PRZ_CGB');
  p.eventRow(typed.index).date_start = ddmmyyyy(typed.event.start);
  p.plant('D4', `Events ${typed.event.id} date_start: "${ddmmyyyy(typed.event.start)}" typed as text`);
}

function codes(p: Planter): void {
  const cyr = p.event('KRG_CGB');
  p.eventRow(cyr.index).lib_id = '\u041ARG_CGB';
  p.plant('D5', `Events ${cyr.event.id} lib_id: "KRG_CGB" typed with a Cyrillic К`);
  // The library's E01 now counts one row more than the register has under its code.
  p.plant('W4', `R_KRG_CGB E01 year: one more than its rows in Events (${cyr.event.id} has a Cyrillic К in lib_id)`);

  p.libraryRow('KRK_B02').parent_id = 'KRK_CBS';
  p.plant('D5', 'Libraries KRK_B02 parent_id: "KRK_CBS", no such library');
  p.libraryRow('ABA_B03').parent_id = '\u0410BA_CRB';
  p.plant('D5', 'Libraries ABA_B03 parent_id: "ABA_CRB" typed with a Cyrillic А');

  const linked = p.training.findIndex((r) => typeof r.event_id === 'string');
  const missing = `EV-${String(p.events.length + 37).padStart(4, '0')}`;
  const trainingRow = p.training[linked];
  if (!trainingRow) throw new Error('no Training row points to an event');
  trainingRow.event_id = missing;
  p.plant('D5', `Training row ${linked + 1} event_id: ${missing}, not in Events`);

  const dup = p.event('KRG_ODB', (e) => e.id !== 'EV-0001');
  const previous = p.eventRow(dup.index - 1).event_id;
  p.eventRow(dup.index).event_id = previous ?? null;
  p.plant('D6', `Events ${String(previous)}: the event_id given twice (the second was ${dup.event.id})`);
}

function relations(p: Planter): void {
  // A quarter where the children exceed all users without the next quarter's children falling below them.
  let done = false;
  for (const lib of ['KRG_ODB', 'KRG_CDB', 'TMR_CDB', 'OSK_CDB']) {
    const users = p.quarters(lib, 'U01');
    const children = p.quarters(lib, 'U02');
    for (let i = 0; i < 3 && !done; i++) {
      const value = (users[i] ?? 0) + 3;
      if (value <= (children[i + 1] ?? 0)) {
        p.line(lib, 'U02')[Q[i] ?? 'q1'] = value;
        p.plant('R1', `R_${lib} U02 ${Q[i] ?? 'q1'}: ${value} children of ${users[i] ?? 0} users`);
        done = true;
      }
    }
    if (done) break;
  }
  if (!done) throw new Error('no quarter for the U02 > U01 mistake');

  const kids = p.event('OSK_CDB', (e) => e.audience === 'children');
  const over = kids.event.participants + Math.max(3, Math.round(kids.event.participants * 0.15));
  p.eventRow(kids.index).children = over;
  p.plant('R1', `Events ${kids.event.id} children: ${over} of ${kids.event.participants} participants`);

  const remote = p.quarters('SHT_CRB', 'U04');
  const added = (remote[2] ?? 0) - (remote[1] ?? 0);
  if (added >= (remote[1] ?? 0)) throw new Error('SHT_CRB U04 grows too fast for the R2 mistake');
  p.line('SHT_CRB', 'U04').q3 = added;
  p.plant('R2', `R_SHT_CRB U04 q3: ${added}, the quarter's new remote users instead of the year to date`);

  // A typo in one quarter's stock: transposed digits.
  const stock = p.num('OSK_CRB', 'C03', 'q2');
  const digits = String(stock).split('');
  const [a, b] = [digits.length - 3, digits.length - 2];
  if (digits[a] !== digits[b]) [digits[a], digits[b]] = [digits[b] ?? '0', digits[a] ?? '0'];
  else digits[a] = String((Number(digits[a]) + 1) % 10);
  const typo = Number(digits.join(''));
  p.line('OSK_CRB', 'C03').q2 = typo;
  p.plant('R3', `R_OSK_CRB C03 q2: ${typo} instead of ${stock}, the collection does not balance`);
}

function warnings(p: Planter): void {
  const visits = p.year('ABA_CRB', 'V02');
  p.line('ABA_CRB', 'V02').prior_year = Math.round(visits / 1.6);
  p.plant('W1', 'R_ABA_CRB V02 year: 60 % up on prior_year, no note');

  p.line('KRG_B03', 'L02').prior_year = p.year('KRG_B03', 'L02');
  p.plant('W1', 'R_KRG_B03 L02 year: exactly equal to prior_year (a copied figure)');

  const remote = p.year('KRG_OUNB', 'V03');
  const line = p.line('KRG_OUNB', 'V03');
  line.prior_year = Math.round(remote / 1.6);
  line.note = tx(
    'Кітапхананың жаңа сайты мен электрондық каталогы 2025 жылдың наурызында іске қосылды',
    'Новый сайт библиотеки и электронный каталог запущены в марте 2025 года',
    'The new website and electronic catalogue went live in March 2025',
  )[p.lang];
  p.plant('W1', 'R_KRG_OUNB V03 year: 60 % up on prior_year, explained in the note');

  const loans = p.year('KRG_B07', 'L01');
  p.line('KRG_B07', 'L01').plan = Math.round(loans / 0.3);
  p.plant('W2', 'R_KRG_B07 L01 plan_pct: 30 % of the plan (a zero too many in the plan)');

  readership(p);

  const events = p.line('BLH_CDB', 'E01');
  events.q4 = p.num('BLH_CDB', 'E01', 'q4') + 3;
  p.keepChangeQuiet('BLH_CDB', 'E01');
  p.plant('W4', 'R_BLH_CDB E01 year: 3 more events than its rows in Events');

  const first = p.event('NUR_CRB', (e) => !e.pd);
  const second = p.event('NUR_CRB', (e) => !e.pd && e.template.id !== first.event.template.id);
  const a = p.eventRow(first.index);
  const b = p.eventRow(second.index);
  for (const key of ['date_start', 'date_end', 'title', 'form']) b[key] = a[key] ?? null;
  p.plant('W5', `Events ${second.event.id}: the same library, date and title as ${first.event.id}`);

  p.sheet('SRN_B01').values = undefined;
  p.unsubmit('SRN_B01');
  p.plant('W6', 'R_SRN_B01: an active library whose report sheet holds no data');
}

/**
 * Loans per user of 80 (rule W3): a branch that counts every reading-room use
 * of a periodical as a loan, last year too, so nothing but the ratio stands
 * out. A branch with a large collection keeps turnover under 4.
 */
function readership(p: Planter): void {
  // The late branch has no fourth quarter to plant the mistake in.
  const taken = new Set(['KRG_B01', 'KRG_B03', 'KRG_B07', 'TMR_B02', 'SRN_B01', 'BZH_B01', 'AKT_B01', LATE_BRANCH]);
  const candidates = ACTIVE_LIBRARIES.filter((l) => l.type.endsWith('branch') && !taken.has(l.id)).map((l) => ({
    id: l.id,
    provision: p.year(l.id, 'C03') / p.year(l.id, 'U01'),
  }));
  candidates.sort((x, y) => y.provision - x.provision);
  const target = candidates[0];
  if (!target || target.provision < 21) throw new Error('no branch with a collection large enough for the W3 mistake');
  const users = p.year(target.id, 'U01');
  const loans = p.year(target.id, 'L01');
  const k = (80 * users) / loans;
  for (const code of ['L01', 'L02', 'L03']) {
    const line = p.line(target.id, code);
    for (const q of Q) line[q] = Math.floor(p.num(target.id, code, q) * k);
    line.plan = Math.round(p.num(target.id, code, 'plan') * k);
    line.prior_year = Math.round(p.num(target.id, code, 'prior_year') * k);
  }
  // Make the year exactly 80 loans per user.
  const l01 = p.line(target.id, 'L01');
  l01.q4 = p.num(target.id, 'L01', 'q4') + 80 * users - p.year(target.id, 'L01');
  p.plant('W3', `R_${target.id} L01 year: 80 loans per user (readership), reading-room uses counted as loans`);
}

/** The mistakes of the registers of methodological work (version 2): R4, and each new column's checks. */
function methodWork(p: Planter): void {
  const first = (rows: Row[], test: (r: Row) => boolean, what: string): Row => {
    const row = rows.find(test);
    if (!row) throw new Error(`no ${what} for a mistake`);
    return row;
  };
  const self = first(p.visits, (r) => r.lib_id === 'SHT_CRB', 'visit of SHT_CRB');
  self.visited_lib_id = 'SHT_CRB';
  p.plant('R4', `Visits ${String(self.visit_id)} visited_lib_id: the visiting library's own code, not the branch's`);
  const closed = first(p.visits, (r) => r.lib_id === 'SHT_CRB' && r !== self, 'second visit of SHT_CRB');
  closed.visited_lib_id = 'SHT_B02';
  p.plant('R4', `Visits ${String(closed.visit_id)} visited_lib_id: SHT_B02, a branch inactive all year`);
  const typo = first(p.visits, (r) => r.lib_id === 'KRG_CGB', 'visit of KRG_CGB');
  typo.visited_lib_id = 'KRG_B3';
  p.plant('D5', `Visits ${String(typo.visit_id)} visited_lib_id: "KRG_B3", no such library`);
  const none = first(p.visits, (r) => r.lib_id === 'KRG_OUNB', 'visit of KRG_OUNB');
  none.persons = 0;
  p.plant('D1', `Visits ${String(none.visit_id)} persons: 0 staff went`);
  const purpose = first(p.visits, (r) => r.lib_id === 'TMR_CGB', 'visit of TMR_CGB');
  purpose.purpose = tx('Тексеру', 'Проверка', 'Inspection')[p.lang];
  p.plant('D3', `Visits ${String(purpose.visit_id)} purpose: "Inspection", not a value of the enumeration`);

  const [a, b] = p.publications.filter((r) => r.lib_id === 'KRG_OUNB');
  if (!a || !b) throw new Error('no publications of KRG_OUNB for a mistake');
  p.plant('D6', `Publications ${String(a.pub_id)}: the pub_id given twice (the second was ${String(b.pub_id)})`);
  b.pub_id = a.pub_id ?? null;
  const copies = first(
    p.publications,
    (r) => r.lib_id === 'KRG_ODB' && typeof r.copies === 'number',
    'printed publication',
  );
  copies.copies = `${String(copies.copies)} ${tx('дана', 'экз.', 'copies')[p.lang]}`;
  p.plant('D1', `Publications ${String(copies.pub_id)} copies: "${String(copies.copies)}" typed as text`);

  const organizer = first(p.participation, (r) => r.lib_id === 'KRG_ODB', 'participation of KRG_ODB');
  organizer.organizer = null;
  // A row of a register without a key is named by its number.
  p.plant('D2', `Participation ${p.participation.indexOf(organizer) + 1} organizer: left blank`);

  const study = first(p.studies, (r) => r.date_end !== null, 'study with an end');
  study.date_end = { date: utc(1, 20) };
  p.plant('D4', `Studies ${String(study.study_id)} date_end: earlier than date_start`);

  const reach = p.event('KRG_OUNB', (e) => e.territories !== null && e.territories.length > 2);
  p.eventRow(reach.index).territories = `${reach.event.territories?.join(', ') ?? ''}, ZHZ`;
  p.plant('D5', `Events ${reach.event.id} territories: "ZHZ", a territory of another oblast`);
  const talks = p.event('KRG_OUNB', (e) => e.speakers !== null && e.participants < 60);
  p.eventRow(talks.index).speakers = talks.event.participants + 10;
  p.plant('R1', `Events ${talks.event.id} speakers: more talks than participants`);
}

const sameRow = (a: Row, b: Readonly<Row> | undefined): boolean =>
  b !== undefined && Object.keys(a).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));

/**
 * S3: a branch corrected its loans of the fourth quarter after the report was
 * accepted (the protection removed, or the figure pasted in), without asking
 * for it to be returned. Its log keeps the checksum logged at acceptance.
 */
function acceptedThenChanged(p: Planter): string {
  const accepted = enumLabel(p.lang, 'report_status', 'accepted');
  const last = new Map(p.submissions.map((r) => [String(r.lib_id), r.status]));
  const untouched = (lib: string) =>
    !p.planted.some((m) => m.where.includes(lib)) &&
    p.events.every((r, i) => r.lib_id !== lib || r === p.content.events[i] || sameRow(r, p.content.events[i])) &&
    p.training.every((r, i) => r.lib_id !== lib || sameRow(r, p.content.training[i]));
  // The last accepted library that no other mistake touches: the change is all it has wrong.
  const lib = [...last].filter(([l, s]) => s === accepted && untouched(l)).pop()?.[0];
  if (!lib) throw new Error('no accepted report left untouched in the sample');
  const l01 = p.line(lib, 'L01');
  l01.q4 = p.num(lib, 'L01', 'q4') + 14;
  p.keepChangeQuiet(lib, 'L01');
  p.plant('S3', `R_${lib}: accepted, then L01 q4 raised by 14`);
  return lib;
}

export function plantMistakes(clean: WorkbookContent): {
  content: WorkbookContent;
  planted: readonly PlantedMistake[];
} {
  const p = new Planter(clean, clean.settings.language);
  structure(p);
  dataTypes(p);
  dates(p);
  codes(p);
  relations(p);
  warnings(p);
  methodWork(p);
  const changed = acceptedThenChanged(p);
  const planted = [...p.planted].sort((x, y) => RULE_IDS.indexOf(x.rule) - RULE_IDS.indexOf(y.rule));
  // Every other log row is as the add-in would have logged it for the report as it now stands.
  return { content: withChecksums(p.result(), new Set([changed])), planted };
}
