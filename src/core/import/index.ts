export * from './types';
export { planImport, startImport, resolveImport, type ImportAnalysis, type ImportRun } from './plan';
export { logColumns } from './changes';
