/**
 * Text contrast as WCAG 2 defines it, the measure Excel's accessibility
 * checker applies to cell text against its fill: (L1 + 0.05) / (L2 + 0.05) of
 * the lighter and darker colour's relative luminance. Normal text needs at
 * least 4.5:1.
 */
export const MIN_TEXT_CONTRAST = 4.5;

/** Relative luminance of an RRGGBB colour. */
function luminance(rgb: string): number {
  const channel = (i: number) => {
    const c = parseInt(rgb.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** The contrast ratio of two RRGGBB colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
