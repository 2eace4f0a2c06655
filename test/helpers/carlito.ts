import { carlitoFonts } from '../../scripts/carlito-fonts';

/**
 * The fontconfig file with which LibreOffice prints in Calibri's metrics (Carlito, unpacked by
 * scripts/carlito-fonts.js), or undefined when it cannot be had here: then `what` is skipped and the
 * reason printed. On CI it must be had (.ci/run prepares it), so a missing one is an error there.
 */
export function calibriMetrics(what: string): string | undefined {
  const fonts = carlitoFonts();
  if (fonts.config !== undefined) return fonts.config;
  if (process.env.CI) throw new Error(`Carlito (Calibri's metrics) for ${what}: ${fonts.reason}`);
  console.warn(`Skipped ${what} with Calibri's metrics: ${fonts.reason}`);
  return undefined;
}
