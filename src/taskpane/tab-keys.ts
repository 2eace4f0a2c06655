/**
 * The keys of the WAI-ARIA tabs pattern: arrows move to the next or previous
 * tab (wrapping round), Home and End to the first and last. Shared by the
 * pane's view tabs and the playground's sheet tabs.
 */

/** The index of the tab `key` moves to from tab `index` of `count`; null for any other key. */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index + count - 1) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
