import type { ContentRow, WorkbookContent } from '../../src/core/layout/content';
import type { PlanValue } from '../../src/core/plan';
import { translator } from '../../src/i18n';
import { karagandaSample, LATE_BRANCH, PLANTED_MISTAKES } from '../../src/sample';
import {
  ENUMS,
  INDICATORS,
  LANGUAGES,
  LIB_ID_PATTERN,
  RATIOS,
  RULE_IDS,
  THRESHOLDS,
  yearValue,
  type EnumName,
  type Language,
} from '../../src/standard';

/**
 * The sample is checked here on its own terms, independently of the project's
 * checks: a small re-statement of the numeric rules of section 3 of the
 * standard, run on the clean sample (nothing may fire) and on the mistakes
 * variant (exactly the planted report mistakes fire).
 */
const Q = ['q1', 'q2', 'q3', 'q4'] as const;
const DAY = 86_400_000;

const num = (v: PlanValue | undefined): number | null => (typeof v === 'number' ? v : null);
const dateOf = (v: PlanValue | undefined): number | null =>
  v !== null && typeof v === 'object' && 'date' in v ? v.date : null;
const str = (v: PlanValue | undefined): string | null => (typeof v === 'string' ? v : null);

const labels = (lang: Language, name: EnumName): Set<string> =>
  new Set(ENUMS[name].map((k) => translator(lang).t(`enum.${name}.${k}`)));
const keyOf = (lang: Language, name: EnumName, label: PlanValue | undefined): string | undefined =>
  ENUMS[name].find((k) => translator(lang).t(`enum.${name}.${k}`) === label);

interface Finding {
  readonly rule: string;
  readonly sheet: string;
  readonly code: string;
}

/** R1, R2, R3, W1, W2, W3 on the report sheets; W4, W5, W6 and S2 across the registers. */
function miniCheck(c: WorkbookContent): Finding[] {
  const out: Finding[] = [];
  const lang = c.settings.language;
  const yes = translator(lang).t('enum.yes_no.yes');
  const libs = new Map(c.libraries.map((l) => [str(l.lib_id) ?? '', l]));
  const sheets = new Set(c.reports.map((r) => r.libId));
  for (const [id, l] of libs) if (l.active === yes && !sheets.has(id)) out.push({ rule: 'S2', sheet: id, code: '' });
  for (const report of c.reports) {
    const sheet = `R_${report.libId}`;
    if (!libs.has(report.libId)) {
      out.push({ rule: 'S2', sheet, code: '' });
      continue;
    }
    if (!report.values || Object.keys(report.values).length === 0) {
      out.push({ rule: 'W6', sheet, code: '' });
      continue;
    }
    const values = report.values;
    const qs = (code: string): (number | null)[] => Q.map((q) => num(values[code]?.[q]));
    const year = (code: string): number | null => {
      const ind = INDICATORS.find((i) => i.code === code);
      return ind ? yearValue(ind.agg, qs(code)) : null;
    };
    for (const ind of INDICATORS) {
      const q = qs(ind.code);
      const y = year(ind.code);
      if (ind.partOf) {
        const whole = qs(ind.partOf);
        const over = q.some((v, i) => v !== null && whole[i] !== null && whole[i] !== undefined && v > (whole[i] ?? 0));
        const wy = year(ind.partOf);
        if (over || (y !== null && wy !== null && y > wy)) out.push({ rule: 'R1', sheet, code: ind.code });
      }
      if (ind.agg === 'ytd') {
        const given = q.filter((v): v is number => v !== null);
        if (given.some((v, i) => i > 0 && v < (given[i - 1] ?? 0))) out.push({ rule: 'R2', sheet, code: ind.code });
      }
      // Change and plan fulfilment are judged at year end only: a report without Q4 says nothing yet.
      const yearEnd = Object.values(values).some((v) => num(v.q4) !== null);
      const prior = num(values[ind.code]?.prior_year);
      if (yearEnd && y !== null && prior !== null && prior !== 0) {
        const pct = ((y - prior) / prior) * 100;
        if (Math.abs(pct) > THRESHOLDS.changePct && Math.abs(y - prior) >= THRESHOLDS.changeAbs)
          out.push({ rule: 'W1', sheet, code: ind.code });
        else if (ind.agg === 'sum' && y === prior) out.push({ rule: 'W1', sheet, code: ind.code });
      }
      const plan = num(values[ind.code]?.plan);
      if (yearEnd && y !== null && plan !== null && plan > 0) {
        const pct = (y / plan) * 100;
        if (pct < THRESHOLDS.planLow || pct > THRESHOLDS.planHigh) out.push({ rule: 'W2', sheet, code: ind.code });
      }
    }
    let prev = num(values.C03?.prior_year);
    Q.forEach((q, i) => {
      const now = num(values.C03?.[q]);
      const a = num(values.C01?.[q]);
      const w = num(values.C02?.[q]);
      if (prev !== null && now !== null && a !== null && w !== null && prev + a - w !== now) {
        out.push({ rule: 'R3', sheet, code: 'C03' });
        prev = prev + a - w;
        return;
      }
      prev = qs('C03')[i] ?? null;
    });
    for (const r of RATIOS) {
      if (!r.plausible || r.denominator === 'population') continue;
      const n = year(r.numerator);
      const d = year(r.denominator);
      if (n === null || d === null || d === 0) continue;
      const v = (n / d) * r.scale;
      if (v < r.plausible[0] || v > r.plausible[1]) out.push({ rule: 'W3', sheet, code: r.numerator });
    }
    const rows = c.events.filter((e) => e.lib_id === report.libId).length;
    if (year('E01') !== rows) out.push({ rule: 'W4', sheet, code: 'E01' });
    const persons = c.training.filter((t) => t.lib_id === report.libId).reduce((s, t) => s + (num(t.persons) ?? 0), 0);
    if (year('S04') !== persons) out.push({ rule: 'W4', sheet, code: 'S04' });
  }
  const seen = new Set<string>();
  for (const e of c.events) {
    const d = dateOf(e.date_start);
    const title = str(e.title);
    if (d === null || title === null) continue;
    const k = `${String(e.lib_id).toUpperCase()}|${d}|${title.toLowerCase().replace(/\s+/g, '')}`;
    if (seen.has(k)) out.push({ rule: 'W5', sheet: 'Events', code: String(e.event_id) });
    seen.add(k);
  }
  return out;
}

const clean = karagandaSample();
/** The late branch's fourth quarter is not in the oblast's workbook yet (it is in the branch's own). */
const late = (lib: string, column: string): boolean => lib === LATE_BRANCH && column === 'q4';
const active = (c: WorkbookContent): ContentRow[] =>
  c.libraries.filter((l) => l.active === translator(c.settings.language).t('enum.yes_no.yes'));

describe('karagandaSample', () => {
  test('is deterministic', () => {
    expect(karagandaSample({ language: 'ru', mistakes: false })).toEqual(clean);
    expect(karagandaSample({ language: 'kk', mistakes: true })).toEqual(
      karagandaSample({ language: 'kk', mistakes: true }),
    );
  });

  test('describes Karaganda oblast in 2025, in the language asked for', () => {
    expect(clean.settings).toEqual({ level: 'oblast', region: 'Карагандинская область', year: 2025, language: 'ru' });
    expect(karagandaSample({ language: 'kk' }).settings.region).toBe('Қарағанды облысы');
    expect(karagandaSample({ language: 'en' }).settings.region).toBe('Karaganda oblast');
  });

  test('has the 13 territories, 35 to 45 libraries and the three oblast libraries', () => {
    expect(clean.territories).toHaveLength(13);
    expect(new Set(clean.territories.map((t) => t.terr_code)).size).toBe(13);
    expect(clean.libraries.length).toBeGreaterThanOrEqual(35);
    expect(clean.libraries.length).toBeLessThanOrEqual(45);
    const t = translator('ru');
    const oblast = clean.libraries.filter((l) =>
      ['oblast_universal', 'oblast_children', 'oblast_special'].some((k) => l.type === t.t(`enum.library_type.${k}`)),
    );
    expect(oblast).toHaveLength(3);
    for (const terr of clean.territories) {
      const central = clean.libraries.filter(
        (l) =>
          l.terr_code === terr.terr_code &&
          (l.type === t.t('enum.library_type.central_city') || l.type === t.t('enum.library_type.central_district')),
      );
      expect(central).toHaveLength(1);
    }
    const inactive = clean.libraries.length - active(clean).length;
    expect(inactive).toBeGreaterThanOrEqual(1);
    expect(inactive).toBeLessThanOrEqual(2);
  });

  test('library codes follow the LIB_ID rule and parents exist', () => {
    const ids = clean.libraries.map((l) => String(l.lib_id));
    expect(new Set(ids).size).toBe(ids.length);
    const terrs = new Set(clean.territories.map((t) => t.terr_code));
    const problems = clean.libraries.flatMap((l) => [
      ...(LIB_ID_PATTERN.test(String(l.lib_id)) ? [] : [`${String(l.lib_id)}: not a LIB_ID`]),
      ...(l.parent_id === null || ids.includes(String(l.parent_id)) ? [] : [`${String(l.lib_id)}: no parent`]),
      ...(terrs.has(l.terr_code) ? [] : [`${String(l.lib_id)}: no territory`]),
    ]);
    expect(problems).toEqual([]);
  });

  test('every active library, and only those, has a report; only they are in the submissions log', () => {
    const ids = active(clean).map((l) => l.lib_id);
    expect(clean.reports.map((r) => r.libId)).toEqual(ids);
    expect(clean.submissions.filter((s) => !ids.includes(s.lib_id))).toEqual([]);
    for (const r of clean.reports) expect(Object.keys(r.values ?? {})).toEqual(INDICATORS.map((i) => i.code));
  });

  test('registers have realistic sizes', () => {
    expect(clean.events.length).toBeGreaterThanOrEqual(1200);
    expect(clean.events.length).toBeLessThanOrEqual(2500);
    expect(clean.training.length).toBeGreaterThanOrEqual(200);
    expect(clean.training.length).toBeLessThanOrEqual(400);
  });

  test('E01, E02, E03 count the library’s events by quarter; S04 its trained persons', () => {
    const t = translator('ru');
    const online = t.t('enum.event_format.online');
    const children = t.t('enum.audience.children');
    const problems: string[] = [];
    for (const r of clean.reports) {
      const events = clean.events.filter((e) => e.lib_id === r.libId);
      const quarter = (e: ContentRow): number => Math.floor(new Date(dateOf(e.date_start) ?? 0).getUTCMonth() / 3);
      Q.forEach((q, i) => {
        const inQ = events.filter((e) => quarter(e) === i);
        const expected = {
          E01: inQ.length,
          E02: inQ.filter((e) => e.format === online).length,
          E03: inQ.filter((e) => e.audience === children).length,
        };
        for (const [code, n] of Object.entries(expected))
          if (r.values?.[code]?.[q] !== (late(r.libId, q) ? null : n))
            problems.push(`${r.libId} ${code} ${q}: ${String(r.values?.[code]?.[q])} ≠ ${n}`);
      });
      const trained = clean.training.filter((x) => x.lib_id === r.libId);
      let persons = 0;
      Q.forEach((q, i) => {
        persons += trained
          .filter(
            (x) =>
              new Date(dateOf(x.date) ?? 0).getUTCMonth() < (i + 1) * 3 &&
              new Date(dateOf(x.date) ?? 0).getUTCMonth() >= i * 3,
          )
          .reduce((s, x) => s + (num(x.persons) ?? 0), 0);
        if (r.values?.S04?.[q] !== (late(r.libId, q) ? null : persons))
          problems.push(`${r.libId} S04 ${q}: ${String(r.values?.S04?.[q])} ≠ ${persons}`);
      });
    }
    expect(problems).toEqual([]);
  });

  test('the clean sample passes the numeric rules: balance, parts, year to date, warnings', () => {
    expect(miniCheck(clean)).toEqual([]);
  });

  test('every report value is a whole number ≥ 0', () => {
    const problems: string[] = [];
    for (const r of clean.reports)
      for (const [code, v] of Object.entries(r.values ?? {}))
        for (const c of ['plan', ...Q, 'prior_year'] as const) {
          const n = v[c];
          if (late(r.libId, c) && n === null) continue;
          if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
            problems.push(`${r.libId} ${code} ${c}: ${String(n)}`);
        }
    expect(problems).toEqual([]);
  });

  test('events follow the register rules', () => {
    const ids = clean.events.map((e) => e.event_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('EV-0001');
    const libIds = new Set(clean.libraries.map((l) => l.lib_id));
    const first = Date.UTC(2025, 0, 1);
    const last = Date.UTC(2025, 11, 31);
    const t = translator('ru');
    const online = [t.t('enum.event_format.online'), t.t('enum.event_format.hybrid')];
    const yes = t.t('enum.yes_no.yes');
    const problems: string[] = [];
    for (const e of clean.events) {
      const bad = (what: string): number => problems.push(`${String(e.event_id)}: ${what}`);
      if (!libIds.has(e.lib_id)) bad('lib_id');
      const from = dateOf(e.date_start) ?? -1;
      if (from < first || from > last || from % DAY !== 0) bad('date_start');
      const to = dateOf(e.date_end);
      if (e.date_end !== null && (to === null || to <= from || to > last || to % DAY !== 0)) bad('date_end');
      if ((str(e.title)?.length ?? 301) > 300) bad('title');
      const p = num(e.participants) ?? -1;
      if (!Number.isInteger(p) || p <= 0) bad('participants');
      for (const part of ['children', 'disabled', 'certificates'] as const) {
        const n = num(e[part]);
        if (e[part] !== null && (n === null || !Number.isInteger(n) || n < 0 || n > p)) bad(part);
      }
      if (online.includes(String(e.format)) !== /^(Zoom|Instagram|YouTube|Facebook)$/.test(String(e.platform)))
        bad('platform');
      if (e.platform === undefined) bad('platform');
      if ((e.pd === yes) !== (num(e.hours) !== null && (num(e.hours) ?? 0) > 0)) bad('hours');
      if (e.link !== null && !/^https:\/\/\S+$/.test(String(e.link))) bad('link');
    }
    expect(problems).toEqual([]);
  });

  test('training rows follow the register rules', () => {
    const events = new Set(clean.events.map((e) => e.event_id));
    const problems: string[] = [];
    clean.training.forEach((r, i) => {
      const bad = (what: string): number => problems.push(`row ${i + 1}: ${what}`);
      const persons = num(r.persons) ?? 0;
      if (!Number.isInteger(persons) || persons < 1 || persons > 12) bad('persons');
      if (persons > 1 ? r.person !== null : !/^\S+ \S+ \S+$/.test(String(r.person))) bad('person');
      const hours = num(r.hours) ?? 0;
      if (hours <= 0 || hours > 500) bad('hours');
      if (new Date(dateOf(r.date) ?? 0).getUTCFullYear() !== 2025) bad('date');
      if (r.event_id !== null && !events.has(r.event_id)) bad('event_id');
    });
    expect(problems).toEqual([]);
    const names = clean.training.filter((r) => r.person !== null).map((r) => r.person);
    expect(new Set(names).size).toBe(names.length);
    expect(clean.training.some((r) => r.event_id !== null)).toBe(true);
    expect(clean.training.some((r) => (num(r.persons) ?? 0) > 1)).toBe(true);
  });

  test.each(LANGUAGES)('cells hold enumeration labels of the workbook language (%s)', (lang) => {
    const c = karagandaSample({ language: lang });
    const problems: string[] = [];
    const check = (table: string, rows: readonly ContentRow[], col: string, name: EnumName): void => {
      const ok = labels(lang, name);
      rows.forEach((r, i) => {
        if (r[col] !== null && !ok.has(String(r[col]))) problems.push(`${table} ${i + 1} ${col}: ${String(r[col])}`);
      });
    };
    check('Territories', c.territories, 'kind', 'territory_kind');
    check('Libraries', c.libraries, 'type', 'library_type');
    check('Libraries', c.libraries, 'rural', 'yes_no');
    check('Libraries', c.libraries, 'active', 'yes_no');
    check('Submissions', c.submissions, 'status', 'report_status');
    for (const [col, name] of [
      ['form', 'event_form'],
      ['format', 'event_format'],
      ['language', 'event_language'],
      ['audience', 'audience'],
      ['level', 'event_level'],
      ['pd', 'yes_no'],
    ] as const)
      check('Events', c.events, col, name);
    check('Training', c.training, 'format', 'event_format');
    check('Training', c.training, 'certificate', 'yes_no');
    expect(problems).toEqual([]);
    expect(keyOf(lang, 'library_type', c.libraries[0]?.type)).toBe('oblast_universal');
    const booleans = [...c.events, ...c.training, ...c.libraries, ...c.submissions].filter((row) =>
      Object.values(row).some((v) => typeof v === 'boolean'),
    );
    expect(booleans).toEqual([]);
    // The same events in every language: only labels and titles differ.
    expect(c.events.map((e) => [e.event_id, e.lib_id, e.date_start, e.participants])).toEqual(
      clean.events.map((e) => [e.event_id, e.lib_id, e.date_start, e.participants]),
    );
    expect(miniCheck(c)).toEqual([]);
  });

  test('a register holds events of every form, and the methodological events of the seeds', () => {
    const t = translator('ru');
    const forms = new Set(clean.events.map((e) => keyOf('ru', 'event_form', e.form)));
    for (const f of ENUMS.event_form) expect(forms).toContain(f);
    const titles = clean.events.map((e) => String(e.title));
    expect(titles).toContain('Компетенции библиотекаря в современных реалиях');
    expect(titles).toContain('Алгоритм создания викторины в Kahoot');
    expect(titles).toContain('Бір ел – бір кітап');
    expect(titles.some((x) => /[әғқңөұүһі]/i.test(x))).toBe(true);
    const pd = clean.events.filter((e) => e.pd === t.t('enum.yes_no.yes'));
    expect(pd.every((e) => e.audience === t.t('enum.audience.librarians'))).toBe(true);
    const months = new Set(clean.events.map((e) => new Date(dateOf(e.date_start) ?? 0).getUTCMonth()));
    expect(months.size).toBe(12);
  });
});

describe('the mistakes variant', () => {
  const mistakes = karagandaSample({ mistakes: true });

  test('differs from the clean sample', () => {
    expect(mistakes).not.toEqual(clean);
    expect(mistakes.settings).toEqual(clean.settings);
    expect(mistakes.territories).toEqual(clean.territories);
  });

  test('plants at least one mistake for every rule', () => {
    const rules = new Set(PLANTED_MISTAKES.map((m) => m.rule));
    for (const r of RULE_IDS) expect(rules).toContain(r);
  });

  test.each(LANGUAGES)('the numeric rules find exactly the planted report mistakes (%s)', (lang) => {
    const found = miniCheck(karagandaSample({ language: lang, mistakes: true }))
      .filter((f) => f.sheet.startsWith('R_') && f.rule !== 'S2')
      .map((f) => `${f.rule} ${f.sheet} ${f.code}`.trim());
    const planted = PLANTED_MISTAKES.filter(
      (m) => ['R1', 'R2', 'R3', 'W1', 'W2', 'W3', 'W4', 'W6'].includes(m.rule) && m.where.startsWith('R_'),
    ).map((m) => `${m.rule} ${m.where.split(':')[0]?.split(' ').slice(0, 2).join(' ')}`.trim());
    expect(found.sort()).toEqual(planted.sort());
  });

  test('the registry mistakes are where the list says', () => {
    const found = miniCheck(mistakes).filter((f) => !f.sheet.startsWith('R_') || f.rule === 'S2');
    expect(found.map((f) => f.rule).sort()).toEqual(['S2', 'S2', 'W5']);
    const events = new Map<PlanValue | undefined, number>();
    for (const e of mistakes.events) events.set(e.event_id, (events.get(e.event_id) ?? 0) + 1);
    expect([...events.values()].filter((n) => n > 1)).toEqual([2]);
    expect(mistakes.events.some((e) => typeof e.date_start === 'string')).toBe(true);
    expect(mistakes.events.some((e) => String(e.lib_id).includes('\u041A'))).toBe(true);
    // Rule S1: the software's own cells of two indicator rows, edited (the writer applies `rowEdits`).
    const edited = mistakes.reports.filter((r) => 'rowEdits' in r).map((r) => r.libId);
    expect(edited.sort()).toEqual(['BZH_B01', 'SHH_CGB']);
  });

  test('explains one warning with a note', () => {
    const notes = mistakes.reports.flatMap((r) =>
      Object.values(r.values ?? {}).filter((v) => typeof v.note === 'string'),
    );
    expect(notes).toHaveLength(1);
  });
});
