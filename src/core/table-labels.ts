/**
 * Where a finding is, as a reader of the language names it: the sheet's label
 * for a table of the standard ("Іс-шаралар", not "Events"), "Есеп KRG_B01" for
 * a library's report table, the column's header ("Қатысушылар", not
 * "participants"). A table or column the standard does not know keeps its name.
 */
import { REPORT_COLUMNS, REPORT_TABLE_PREFIX, TABLE_BY_NAME, type TableName } from '../standard';
import type { Translator } from './translator';

export function tableLabel(table: string, t: Translator): string {
  if (table.startsWith(REPORT_TABLE_PREFIX))
    return t.t('place.report', { lib: table.slice(REPORT_TABLE_PREFIX.length) });
  const def = TABLE_BY_NAME.get(table as TableName);
  return def ? t.t(`sheet.${def.sheet}`) : table;
}

export function columnLabel(table: string, column: string, t: Translator): string {
  if (table.startsWith(REPORT_TABLE_PREFIX))
    return (REPORT_COLUMNS as readonly string[]).includes(column) ? t.t(`column.Report.${column}`) : column;
  const def = TABLE_BY_NAME.get(table as TableName);
  return def?.columns.some((c) => c.key === column) ? t.t(`column.${def.name}.${column}`) : column;
}
