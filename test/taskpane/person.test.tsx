/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { forgetPerson, loadPerson, savePerson } from '../../src/taskpane/person';
import { fakeEngine, fakeHost } from './fakes';

/** The person is remembered per workbook, in this browser profile, and the one remembered per computer before moves once. */
beforeEach(() => localStorage.clear());

describe('the person using the pane', () => {
  it('is remembered for each workbook apart', () => {
    savePerson('url:https://x/a.xlsx', { role: 'methodologist', name: 'Айгүл' });
    savePerson('url:https://x/b.xlsx', { role: 'staff', name: 'Айгүл', libId: 'KRG_CGB' });
    expect(loadPerson('url:https://x/a.xlsx')).toEqual({ role: 'methodologist', name: 'Айгүл' });
    expect(loadPerson('url:https://x/b.xlsx')).toEqual({ role: 'staff', name: 'Айгүл', libId: 'KRG_CGB' });
    expect(loadPerson('meta:Карагандинская область|2025|oblast')).toBeNull();
    forgetPerson('url:https://x/a.xlsx');
    expect(loadPerson('url:https://x/a.xlsx')).toBeNull();
    expect(loadPerson('url:https://x/b.xlsx')).not.toBeNull();
  });

  it('remembered on this computer before goes to the first workbook opened, once', () => {
    localStorage.setItem('kitaphana.person', JSON.stringify({ role: 'methodologist', name: 'Ерлан' }));
    expect(loadPerson('url:https://x/a.xlsx')).toEqual({ role: 'methodologist', name: 'Ерлан' });
    expect(localStorage.getItem('kitaphana.person')).toBeNull();
    expect(loadPerson('url:https://x/b.xlsx')).toBeNull();
    expect(loadPerson('url:https://x/a.xlsx')).toEqual({ role: 'methodologist', name: 'Ерлан' });
  });

  it('ignores what it cannot read', () => {
    localStorage.setItem('kitaphana.person:w', '{not json');
    expect(loadPerson('w')).toBeNull();
    localStorage.setItem('kitaphana.person:w', JSON.stringify({ role: 'staff', name: 'Ерлан' }));
    expect(loadPerson('w')).toBeNull();
  });

  it('is asked once per workbook in the Reports view', async () => {
    const open = (key: string) => {
      const host = fakeHost();
      host.key = key;
      return render(<App host={host} language="en" theme={webLightTheme} version="test" engine={fakeEngine().load} />);
    };
    const first = open('url:https://x/a.xlsx');
    fireEvent.click(screen.getByRole('tab', { name: 'Reports' }));
    const panel = () => screen.getByRole('tabpanel', { hidden: false });
    // Asked when the person first acts on a report, not before the board is shown.
    const accept = await within(panel()).findByRole('button', { name: 'Accept — KRG_TEMIRTAU' });
    expect(within(panel()).queryByRole('textbox', { name: /Your name/ })).toBeNull();
    fireEvent.click(accept);
    fireEvent.change(within(panel()).getByRole('textbox', { name: /Your name/ }), { target: { value: 'Айгүл' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Continue' }));
    await screen.findByText('You: Айгүл, methodologist.');
    first.unmount();

    const other = open('url:https://x/b.xlsx');
    fireEvent.click(screen.getByRole('tab', { name: 'Reports' }));
    fireEvent.click(await within(panel()).findByRole('button', { name: 'Accept — KRG_TEMIRTAU' }));
    expect(within(panel()).getByRole('textbox', { name: /Your name/ })).toBeTruthy();
    other.unmount();

    open('url:https://x/a.xlsx');
    fireEvent.click(screen.getByRole('tab', { name: 'Reports' }));
    await waitFor(() => expect(screen.getByText('You: Айгүл, methodologist.')).toBeTruthy());
  });
});
