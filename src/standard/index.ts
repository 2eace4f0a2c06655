export * from './enums';
export * from './languages';
export * from './indicators';
export * from './ratios';
export * from './tables';
export * from './rules';
export * from './regions';
