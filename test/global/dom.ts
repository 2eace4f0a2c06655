/**
 * The task pane's component tests (jsdom) wait for what the in-memory Excel
 * does asynchronously: Testing Library's default of one second to wait fails
 * them on a machine busy with other jobs, where nothing is wrong but time.
 */
if ('document' in globalThis) {
  // Loaded only where there is a document: the other tests never need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configure } = require('@testing-library/dom') as typeof import('@testing-library/dom');
  configure({ asyncUtilTimeout: 15_000 });
}
