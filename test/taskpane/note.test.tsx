/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { webLightTheme } from '@fluentui/react-components';
import axe from 'axe-core';
import { TextDecoder, TextEncoder } from 'node:util';
import { App } from '../../src/taskpane/App';
import * as actions from '../../src/excel/actions';
import { taskpaneHost } from '../../src/excel/pane';
import type { Engine } from '../../src/taskpane/engine';
import { templatePlan } from '../../src/core/layout/template';
import { simFromPlan, simHost } from '../../src/excel-sim';
import { translator } from '../../src/i18n';
import type { Language } from '../../src/standard';
import { smallContent } from '../helpers/network';

/**
 * The analytical note in the task pane, with the real engine on the
 * in-memory Excel: after a consolidation the Note sheet is in the workbook,
 * a button opens it, another downloads the .docx made in the browser (a Blob
 * link), and the live region says what happened.
 */
globalThis.TextEncoder ??= TextEncoder;
globalThis.TextDecoder ??= TextDecoder as typeof globalThis.TextDecoder;

function renderPane(lang: Language) {
  const sim = simFromPlan(templatePlan(smallContent(lang)));
  render(
    <App
      host={taskpaneHost(simHost(sim))}
      language={lang}
      theme={webLightTheme}
      version="test"
      engine={async () => actions as unknown as Engine}
      recheckDelay={10}
    />,
  );
  return sim;
}

const panel = () => screen.getByRole('tabpanel', { hidden: false });
const live = () => document.querySelector('[aria-live="polite"][role="status"]')?.textContent ?? '';

/** What the pane hands to the browser to save: the blob and the file's name. */
function catchDownloads(): { blob: Blob; file: string }[] {
  const saved: { blob: Blob; file: string }[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (b: Blob | MediaSource) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, b as Blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void blobs.delete(url);
  // jsdom does not navigate: the click is where a browser would start the download.
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ blob: blobs.get(this.href)!, file: this.download });
  });
  return saved;
}

const bytesOf = (blob: Blob) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(blob);
  });

afterEach(() => jest.restoreAllMocks());

describe.each(['ru', 'kk'] as const)('the analytical note in the pane, in %s', (lang) => {
  const t = translator(lang);

  it('is written on its sheet, opens, and downloads as a .docx, said in the live region', async () => {
    const sim = renderPane(lang);
    const saved = catchDownloads();
    fireEvent.click(screen.getByRole('tab', { name: t.t('taskpane.tab.consolidate') }));
    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: t.t('taskpane.consolidate.button') }));
    });
    const group = await waitFor(() => within(panel()).getByRole('group', { name: t.t('taskpane.note.heading') }), {
      timeout: 15_000,
    });
    const sheet = t.t('sheet.Note');
    expect(sim.sheets().map((s) => s.name)).toContain(sheet);
    expect(Object.values(sim.contents(sheet))).toContain(t.t('note.title'));
    expect(within(group).getByText(t.t('taskpane.note.written', { sheet }))).toBeTruthy();

    fireEvent.click(within(group).getByRole('button', { name: t.t('taskpane.note.open') }));
    await waitFor(() => expect(sim.activeSheet()).toBe(sheet));

    const download = within(group).getByRole('button', { name: t.t('taskpane.note.download') });
    expect(download.tagName).toBe('BUTTON');
    await act(async () => {
      fireEvent.click(download);
    });
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 15_000 });
    expect(saved[0]!.file).toMatch(new RegExp(`-2025-${lang}\\.docx$`));
    expect(saved[0]!.blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // Loaded here: the zip reader needs the TextEncoder and TextDecoder set above, which jsdom lacks.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { partsOf } = require('../helpers/ooxml') as typeof import('../helpers/ooxml');
    const document = new TextDecoder().decode(partsOf(await bytesOf(saved[0]!.blob)).get('word/document.xml'));
    expect(document).toContain(t.t('note.title'));
    await waitFor(() => expect(live()).toBe(t.t('taskpane.note.downloaded', { file: saved[0]!.file })));

    const results = await axe.run(panel(), { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  }, 60_000);
});
