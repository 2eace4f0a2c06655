/**
 * @jest-environment jsdom
 */
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { TextEncoder } from 'node:util';
import ImportSections from '../../src/taskpane/views/ImportSections';
import { PaneContext, type Pane } from '../../src/taskpane/context';
import { translator } from '../../src/i18n';
import { fakeEngine, fakeHost } from './fakes';

Object.assign(globalThis, { TextEncoder });

/**
 * The two views that start from picked workbooks share one frame: each is a
 * section named by its own heading, says what it does, and offers its picker:
 * several files for the import, one for last year's figures.
 */
it('frames the import and last year’s figures each with its heading, intro and picker', () => {
  const t = translator('en');
  const pane: Pane = {
    host: fakeHost(),
    engine: fakeEngine().load,
    t,
    announce: () => undefined,
    showView: () => undefined,
    version: 'test',
    recheckDelay: 10,
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneContext.Provider value={pane}>
        <ImportSections />
      </PaneContext.Provider>
    </FluentProvider>,
  );
  for (const [view, multiple] of [
    ['import', true],
    ['prior', false],
  ] as const) {
    const section = screen.getByRole('region', { name: t.t(`pane.${view}.heading`) });
    expect(within(section).getByText(t.t(`pane.${view}.intro`))).toBeTruthy();
    expect(within(section).getByRole('button', { name: t.t(`pane.${view}.choose`) })).toBeTruthy();
    const input = within(section).getByLabelText(t.t(`pane.${view}.choose`), { selector: 'input' }) as HTMLInputElement;
    expect(input.multiple).toBe(multiple);
  }
});
