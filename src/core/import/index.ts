export * from './types';
export { planImport } from './plan';
export { logColumns } from './changes';
