export * from './model';
export { buildNote, figuresOf, MAIN_INDICATORS, RANKED_RATIOS, HISTORY_YEARS, type NoteInput } from './build';
export {
  noteCounts,
  activeIds,
  FigureBook,
  valueAt,
  type ConsolidationJson,
  type NoteCounts,
  type NoteSource,
} from './figures';
export * from './rules';
export { registryNames, type RegistryNames } from './names';
export {
  renderNote,
  renderSentence,
  renderArg,
  formatFigure,
  type NoteNames,
  type RenderedBlock,
  type RenderedNote,
  type RenderedSection,
} from './render';
