/**
 * The Meta table: which standard and version the workbook follows, and its
 * region, year, level and language. Parsed once here for the checks, the
 * command line's set-up and the task pane's set-up form alike.
 */
import {
  LEVELS,
  READABLE_VERSIONS,
  STANDARD_ID,
  STANDARD_VERSION,
  REPORTING_YEARS,
  isLanguage,
  isReportingYear,
  type Language,
  type Level,
  type StandardVersion,
} from '../standard';
import type { TableSnapshot } from './snapshot';
import { cellAddress } from './snapshot';
import { finding, type Finding, type Place } from './finding';
import { msg, typedArg } from './message';
import { mapColumns } from './structure';
import { parseText } from './values';

export interface Meta {
  /**
   * The version of the standard the workbook follows. An unknown or missing
   * version (an S1 finding) is read as the current one.
   */
  readonly version: StandardVersion;
  readonly level: Level | null;
  readonly region: string | null;
  readonly year: number | null;
  readonly language: Language | null;
}

/** The settings, and S1 findings about them added to `findings` (a caller that wants only the settings passes a scratch array). */
export function parseMeta(table: TableSnapshot | null, findings: Finding[]): Meta {
  const values = new Map<string, string>();
  const rowOf = new Map<string, number>();
  if (table) {
    const cols = mapColumns(table, 'Meta', ['key', 'value']);
    findings.push(...cols.findings);
    const k = cols.index.get('key') ?? 0;
    const v = cols.index.get('value') ?? 1;
    table.rows.forEach((r, n) => {
      const key = parseText(r[k] ?? null);
      const value = parseText(r[v] ?? null);
      if (key.ok && key.value) {
        values.set(key.value.toLowerCase(), value.ok && value.value !== null ? value.value : '');
        rowOf.set(key.value.toLowerCase(), n);
      }
    });
  }
  const place = (key: string): Place => {
    const n = rowOf.get(key);
    return {
      table: 'Meta',
      row: key,
      column: 'value',
      cell: table && n !== undefined ? cellAddress(table.sheet, table.top + 1 + n, table.left + 1) : null,
    };
  };
  if (table) {
    const standard = values.get('standard');
    if (standard !== undefined && standard.toLowerCase() !== STANDARD_ID) {
      findings.push(finding('S1', place('standard'), msg('S1.meta_standard', { value: standard })));
    }
    if (readVersion(values.get('version')) === null) {
      findings.push(finding('S1', place('version'), msg('S1.meta_version', { value: values.get('version') ?? '' })));
    }
  }
  const version = readVersion(values.get('version')) ?? (Number(STANDARD_VERSION) as StandardVersion);
  const yearText = values.get('year');
  const year =
    yearText !== undefined && /^\d{4}$/.test(yearText.replace(/\.0+$/, ''))
      ? Number(yearText.replace(/\.0+$/, ''))
      : null;
  if (table && year === null)
    findings.push(finding('S1', place('year'), msg('S1.meta_year', { value: yearText ?? '' })));
  else if (table && year !== null && !isReportingYear(year))
    findings.push(
      finding(
        'S1',
        place('year'),
        msg('S1.meta_year_range', {
          value: typedArg(year),
          min: typedArg(REPORTING_YEARS.min),
          max: typedArg(REPORTING_YEARS.max),
        }),
      ),
    );
  const region = values.get('region')?.trim() || null;
  // Every generated sheet's heading names the region: without it a consolidation cannot say whose it is.
  if (table && region === null) findings.push(finding('S1', place('region'), msg('S1.meta_region')));
  const levelText = values.get('level');
  const level = (LEVELS as readonly string[]).includes(levelText ?? '') ? (levelText as Level) : null;
  const lang = values.get('language');
  return { version, level, region, year, language: isLanguage(lang) ? lang : null };
}

function readVersion(text: string | undefined): StandardVersion | null {
  const n = text === undefined ? NaN : Number(text.trim());
  return READABLE_VERSIONS.find((v) => v === n) ?? null;
}
