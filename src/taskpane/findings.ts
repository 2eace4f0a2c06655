/**
 * Findings as the Check view shows them: by severity, then rule, then the
 * library whose report they concern (or the registers and the workbook),
 * each level with its count; explained warnings are listed, not counted,
 * as the standard says.
 */
import type { Finding } from '../core/finding';
import type { ParsedWorkbook } from '../core/parsed';
import type { Translator } from '../i18n';
import type { RuleId, Severity } from '../standard';

export interface LibraryGroup {
  /** Upper-case lib_id, or null for findings about registers and the workbook. */
  readonly libId: string | null;
  readonly count: number;
  readonly findings: readonly Finding[];
}

export interface RuleGroup {
  readonly rule: RuleId;
  readonly count: number;
  readonly libraries: readonly LibraryGroup[];
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly count: number;
  readonly rules: readonly RuleGroup[];
}

const counted = (f: Finding) => f.severity === 'error' || !f.explained;
const countOf = (fs: readonly Finding[]) => fs.filter(counted).length;

/** Groups in a stable order: errors first, rules and libraries in the order the findings come (the standard's order). */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const out: SeverityGroup[] = [];
  for (const severity of ['error', 'warning'] as const) {
    const rules = new Map<RuleId, Map<string | null, Finding[]>>();
    for (const f of findings) {
      if (f.severity !== severity) continue;
      let libs = rules.get(f.rule);
      if (!libs) rules.set(f.rule, (libs = new Map()));
      const key = f.libId ? f.libId.toUpperCase() : null;
      const list = libs.get(key);
      if (list) list.push(f);
      else libs.set(key, [f]);
    }
    if (rules.size === 0) continue;
    const ruleGroups: RuleGroup[] = [...rules].map(([rule, libs]) => {
      // The workbook's own findings (registers, structure) come first: they often explain the rest.
      const libraries = [...libs]
        .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : 0))
        .map(([libId, fs]) => ({ libId, count: countOf(fs), findings: fs }));
      return { rule, count: libraries.reduce((n, l) => n + l.count, 0), libraries };
    });
    out.push({ severity, count: ruleGroups.reduce((n, r) => n + r.count, 0), rules: ruleGroups });
  }
  return out;
}

/** Library names from the registry, in the reader's language where the registry has it (English readers get Russian names). */
export function libraryNames(workbook: ParsedWorkbook, t: Translator): Map<string, string> {
  const out = new Map<string, string>();
  const first = t.lang === 'kk' ? 'name_kk' : 'name_ru';
  const second = t.lang === 'kk' ? 'name_ru' : 'name_kk';
  for (const row of workbook.registers.Libraries.rows) {
    const id = row.v.lib_id;
    if (typeof id !== 'string') continue;
    const name = row.v[first] ?? row.v[second];
    if (typeof name === 'string' && name.trim()) out.set(id.toUpperCase(), name.trim());
  }
  return out;
}

/** `'KRG_TEMIRTAU'!F6` → `KRG_TEMIRTAU!F6`: the quotes are Excel syntax, not something a reader needs. */
export function displayCell(cell: string): string {
  const m = /^'(.*)'!(.+)$/.exec(cell);
  return m ? `${(m[1] ?? '').replace(/''/g, "'")}!${m[2]}` : cell;
}

/** Everything a person might type to find a finding: rule, its name, library, cell, message; case-insensitive. */
export function findingMatcher(
  query: string,
  t: Translator,
  names: ReadonlyMap<string, string>,
): ((f: Finding) => boolean) | null {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return (f) => {
    const lib = f.libId ? f.libId.toUpperCase() : '';
    const text = [
      f.rule,
      t.t(`rule.${f.rule}`),
      lib,
      names.get(lib) ?? '',
      f.cell ? displayCell(f.cell) : '',
      t.render(f.message),
    ]
      .join(' ')
      .toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  };
}
