/**
 * Moves keyboard focus to the element that shows an action's outcome (its
 * results or its error) when an action the person started finishes, so
 * that screen-reader and keyboard users land on what changed. `arm()` is
 * called when a person starts the action: an automatic re-check must never
 * take the focus away from what someone is typing.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';

export function useFocusOnOutcome<T extends HTMLElement>(status: string): [RefObject<T | null>, () => void] {
  const outcomeRef = useRef<T | null>(null);
  const armed = useRef(false);
  useEffect(() => {
    if (armed.current && (status === 'done' || status === 'error')) {
      armed.current = false;
      outcomeRef.current?.focus();
    }
  }, [status]);
  const arm = useCallback(() => {
    armed.current = true;
  }, []);
  return [outcomeRef, arm];
}
