import type { Person } from '../core/workflow';

/**
 * Who is using the pane, asked once and remembered on this computer (the
 * browser storage of the add-in), so that each person who opens a shared
 * workbook is asked for their own name and role rather than inheriting the
 * last one's.
 */
const KEY = 'kitaphana.person';

export function loadPerson(): Person | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const p = raw ? (JSON.parse(raw) as Partial<Person> & { libId?: string }) : null;
    if (!p || typeof p.name !== 'string' || !p.name.trim()) return null;
    if (p.role === 'methodologist') return { role: 'methodologist', name: p.name };
    if (p.role === 'staff' && typeof p.libId === 'string' && p.libId)
      return { role: 'staff', name: p.name, libId: p.libId };
    return null;
  } catch {
    return null;
  }
}

export function savePerson(p: Person): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(p));
  } catch {
    // Storage refused (private mode): the person is asked again next time.
  }
}

export function forgetPerson(): void {
  try {
    globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
