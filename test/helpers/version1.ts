import { INDICATORS, REPORT_TABLE_PREFIX, TABLES, inVersion } from '../../src/standard';
import type { Snapshot } from '../../src/core/snapshot';

/**
 * The same workbook as a version 1 file: without the registers and columns
 * that version 2 added, without the report rows M01–M02, and `version` = 1.
 * Version 2's new columns are the last ones of their tables, so the columns
 * that stay keep their places.
 */
export function asVersion1(s: Snapshot): Snapshot {
  const dropTables = new Set<string>(TABLES.filter((t) => !inVersion(t, 1)).map((t) => t.name));
  const newCodes = new Set(INDICATORS.filter((i) => (i.since ?? 1) > 1).map((i) => i.code));
  const dropSheets = new Set(s.tables.filter((t) => dropTables.has(t.name)).map((t) => t.sheet));
  return {
    ...s,
    sheets: s.sheets.filter((sh) => !dropSheets.has(sh.name)),
    tables: s.tables
      .filter((t) => !dropTables.has(t.name))
      .map((t) => {
        if (t.name === 'Meta') return { ...t, rows: t.rows.map((r) => (r[0] === 'version' ? [r[0], '1'] : r)) };
        if (t.name.startsWith(REPORT_TABLE_PREFIX))
          return { ...t, rows: t.rows.filter((r) => !newCodes.has(String(r[0]))) };
        const def = TABLES.find((d) => d.name === t.name);
        const keep = def ? def.columns.filter((c) => inVersion(c, 1)).length : t.header.length;
        return { ...t, header: t.header.slice(0, keep), rows: t.rows.map((r) => r.slice(0, keep)) };
      }),
  };
}
