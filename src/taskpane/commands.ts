/**
 * The ribbon's function file (the manifest's `Commands.Url`). Its only
 * command opens the task pane, which Office does itself, so the page needs
 * nothing but to tell Office it is ready. A file of its own, built by
 * webpack, not an inline script: the page's content security policy allows
 * no inline scripts. Office itself is reached through the adapter, as
 * everywhere in the pane.
 */
import { officeReady } from '../excel/host';

void officeReady().then(() => {
  // Read by the end-to-end test: the page's own script ran under its policy.
  performance.mark('kitaphana:commands');
});
