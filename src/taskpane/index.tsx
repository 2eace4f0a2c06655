import { officeHost } from '../excel/host';
import { taskpaneHost } from './host';
import { mount } from './mount';

/**
 * The add-in's entry: office.js (loaded from Microsoft's CDN by
 * taskpane.html, as Office requires) calls `onReady`; the pane then talks to
 * Excel through `Excel.run`.
 */
void Office.onReady(() => {
  const element = document.getElementById('app');
  if (!element) return;
  mount(element, {
    host: taskpaneHost(officeHost()),
    displayLanguage: Office.context.displayLanguage,
    officeTheme: Office.context.officeTheme as Office.OfficeTheme & { isDarkTheme?: boolean },
  });
});
