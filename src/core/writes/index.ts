/** The one write vocabulary: what every writer (add-in, file, in-memory Excel) carries out. */
export * from './write';
export * from './cells';
export { setupWrites, patchContents, patchRowContents, dateFormats, type SetupWriteOptions } from './setup';
export { logRow, submissionWrites, type LogEntry, type SubmissionChange, type SubmissionWrites } from './submission';
export { markerCells, markerWrites, type MarkedCell, type MarkedSheet } from './markers';
