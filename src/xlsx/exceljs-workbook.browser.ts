/**
 * ExcelJS's Workbook in the browser (the playground writes workbooks too):
 * webpack maps `exceljs/lib/doc/workbook.js`, which render.ts loads in Node
 * to leave ExcelJS's streaming modules out, to this module, which takes it
 * from ExcelJS's own browser bundle.
 */
import ExcelJS from 'exceljs';

export default ExcelJS.Workbook;
