/**
 * The in-memory Excel: the subset of the Excel JavaScript API (office-js)
 * that the project's office-js adapter uses, with office-js semantics, for
 * tests and the browser playground. Nothing here imports Node modules; the
 * bridge to .xlsx files is `./xlsx` (Node and browser through ExcelJS).
 */
export { SimExcel } from './sim';
export { DEFAULT_PAYLOAD_LIMIT, DEFAULT_MAX_CELLS_PER_READ, LATEST_API_VERSION } from './engine';
export type { SimOptions, SyncRecord } from './engine';
export { SimError, isSimError } from './errors';
export type { SimErrorCode, SimDebugInfo } from './errors';
export type { ChartDescription } from './chart';
export type { EventSource } from './events';
export { createOffice, compareVersions } from './office';
export type { SimOffice } from './office';
export { simFromPlan, planFromSim, chartPlansOf } from './plan';
export { simHost } from './host';
export type { Scalar } from './model';
