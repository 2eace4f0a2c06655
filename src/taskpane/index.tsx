/**
 * The add-in's entry: once office.js is ready the pane mounts and talks to
 * Excel through the adapter's `Excel.run`.
 */
import { officeHost, officeReady } from '../excel/host';
import { taskpaneHost } from '../excel/pane';
import { mount } from './mount';

void officeReady().then(({ displayLanguage, officeTheme }) => {
  const element = document.getElementById('app');
  if (!element) return;
  mount(element, { host: taskpaneHost(officeHost()), displayLanguage, officeTheme });
});
