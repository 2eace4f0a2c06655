/**
 * The pane's polite live region: progress and results are read out by
 * screen readers without moving focus. Saying the same text twice still
 * gets announced, because the text alternates with an invisible mark.
 */
import { useCallback, useState } from 'react';

export function useLiveRegion(): { text: string; announce: (text: string) => void } {
  const [text, setText] = useState('');
  const announce = useCallback((next: string) => setText((prev) => (prev === next ? `${next}\u200b` : next)), []);
  return { text, announce };
}
