import { quarterOf } from './text';

/**
 * The rural branch that e-mailed its fourth quarter late: the oblast sample
 * holds its report without Q4 and its registers without Q4's rows, and the
 * branch's own workbook (branch.ts) holds the whole year, so that importing
 * the one into the other has blank cells to fill and rows to append.
 */
export const LATE_BRANCH = 'OSK_B01';

/** A row of the late branch dated in the fourth quarter: not yet in the oblast's workbook. */
export const withheld = (lib: string, ms: number): boolean => lib === LATE_BRANCH && quarterOf(ms) === 3;
