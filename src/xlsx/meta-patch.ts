/**
 * Writes settings into the `Meta` table (key, value) of an existing workbook
 * by patching its cells in the sheet's XML: a key's row is updated where it
 * exists, otherwise a row is added below the table and the table's range
 * grows to hold it. The rest of the sheet, and the cells' styles, stay.
 */
import { a1 } from '../core/snapshot';
import { WorkbookWriteError } from './errors';
import { parseRange } from './ref';
import type { WorkbookSheet } from './workbook-part';
import { firstElement } from './xml';
import { sharedStringTexts } from './shared-strings';
import { SheetEdit, inlineString } from './sheet-edit';
import { findTable, withTableRef } from './table-parts';
import type { ZipPackage } from './zip-package';

const META_TABLE = 'META';

export function patchMeta(
  pkg: ZipPackage,
  sheets: readonly WorkbookSheet[],
  meta: Readonly<Record<string, string>>,
): void {
  const entries = Object.entries(meta);
  if (entries.length === 0) return;
  const found = findTable(pkg, sheets, META_TABLE);
  if (!found) throw new WorkbookWriteError('no_meta', 'the plan sets Meta values but the workbook has no Meta table');
  const a = firstElement(found.tableXml, 'table');
  const area = parseRange(a?.get('ref') ?? '');
  const totals = Number(a?.get('totalsRowCount') ?? 0);
  const headers = Number(a?.get('headerRowCount') ?? 1);
  if (!area || totals > 0 || headers !== 1 || area.right - area.left < 1) {
    throw new WorkbookWriteError('bad_plan', `the Meta table on sheet "${found.sheet}" is not a key/value table`);
  }
  const strings = sharedStringTexts(pkg);
  const sheet = new SheetEdit(pkg.text(found.sheetPart) ?? '');
  // A text cell in place, keeping the style of the cell it replaces.
  const put = (row: number, col: number, text: string) =>
    sheet.set(row, col, sheet.styleOf(row, col), 'inlineStr', inlineString(text));
  let bottom = area.bottom;
  for (const [key, value] of entries) {
    let row = -1;
    for (let r = area.top + 1; r <= bottom; r++) {
      if (sheet.textAt(r, area.left, strings).trim().toLowerCase() === key.toLowerCase()) row = r;
    }
    if (row < 0) {
      row = bottom + 1;
      for (let c = area.left; c <= area.right; c++) {
        if (sheet.hasContent(row, c)) {
          throw new WorkbookWriteError(
            'table_blocked',
            `cannot add "${key}" to the Meta table: ${a1(row, c)} is not empty`,
            {
              table: found.name,
              sheet: found.sheet,
              cell: a1(row, c),
              row: row + 1,
            },
          );
        }
      }
      bottom += 1;
      put(row, area.left, key);
    }
    put(row, area.left + 1, value);
  }
  pkg.setText(found.sheetPart, sheet.toXml());
  if (bottom !== area.bottom) pkg.setText(found.tablePart, withTableRef(found.tableXml, { ...area, bottom }));
}
