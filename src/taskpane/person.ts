/**
 * Who is using the pane, asked once and remembered for that person in that
 * workbook: a librarian who reports for two systems, or a methodologist who
 * is staff of a library in another workbook, is asked once per workbook.
 *
 * It is kept in this browser profile's storage, keyed by the workbook's
 * identity (`TaskpaneHost.workbookKey`), and deliberately not in the
 * document's settings: those travel with the file and every co-author reads
 * them, so whoever opened a shared workbook next would act, and be logged,
 * under the previous person's name and role.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Person } from '../core/workflow';
import type { TaskpaneHost } from '../excel/pane';

const PREFIX = 'kitaphana.person:';
/** One person per computer, as the pane kept it before it knew workbooks apart. */
const OLD_KEY = 'kitaphana.person';
/** A workbook with neither an address nor Meta settings (not yet set up). */
const UNKNOWN = '?';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Some Office webviews refuse storage: the person is asked again next time.
    return null;
  }
}

function parsePerson(raw: string | null): Person | null {
  try {
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

/** The person remembered for `workbook`; the one remembered before per-workbook keys goes to the first workbook asked. */
export function loadPerson(workbook: string): Person | null {
  const s = storage();
  if (!s) return null;
  try {
    const own = s.getItem(PREFIX + workbook);
    if (own !== null) return parsePerson(own);
    const old = s.getItem(OLD_KEY);
    if (old === null) return null;
    s.removeItem(OLD_KEY);
    const person = parsePerson(old);
    if (person) s.setItem(PREFIX + workbook, JSON.stringify(person));
    return person;
  } catch {
    return null;
  }
}

export function savePerson(workbook: string, p: Person): void {
  try {
    storage()?.setItem(PREFIX + workbook, JSON.stringify(p));
  } catch {
    // Storage full or refused: the person is asked again next time.
  }
}

export function forgetPerson(workbook: string): void {
  try {
    storage()?.removeItem(PREFIX + workbook);
  } catch {
    // Nothing stored.
  }
}

/**
 * The person for the open workbook: null until known (the form asks), and
 * whoever is remembered once the workbook's identity has been read.
 */
export function usePerson(host: Pick<TaskpaneHost, 'workbookKey'>): {
  readonly person: Person | null;
  remember(p: Person): void;
  forget(): void;
} {
  const [person, setPerson] = useState<Person | null>(null);
  const workbook = useRef<Promise<string> | null>(null);
  useEffect(() => {
    let live = true;
    const key = host.workbookKey().then(
      (k) => k ?? UNKNOWN,
      () => UNKNOWN,
    );
    workbook.current = key;
    void key.then((k) => {
      // Someone who answered the form while the identity was read keeps their answer.
      if (live) setPerson((p) => p ?? loadPerson(k));
    });
    return () => {
      live = false;
    };
  }, [host]);
  const remember = useCallback((p: Person) => {
    setPerson(p);
    void workbook.current?.then((k) => savePerson(k, p));
  }, []);
  const forget = useCallback(() => {
    setPerson(null);
    void workbook.current?.then(forgetPerson);
  }, []);
  return { person, remember, forget };
}
