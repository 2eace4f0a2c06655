export * from './types';
export { planImport } from './plan';
