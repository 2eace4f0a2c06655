/**
 * Fluent's theme from Office's: high contrast when the system forces colours,
 * dark or light after Office's body background, with Office's own body
 * colours so that the pane matches the ribbon around it.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export interface OfficeThemeLike {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly isDarkTheme?: boolean;
}

export function themeFor(office: OfficeThemeLike | undefined, forcedColors: boolean): Theme {
  if (forcedColors) return teamsHighContrastTheme;
  const background = office?.bodyBackgroundColor;
  const dark = office?.isDarkTheme ?? (background ? luminance(background) < 0.4 : false);
  const base = dark ? webDarkTheme : webLightTheme;
  if (!background || !office?.bodyForegroundColor || !isHex(background) || !isHex(office.bodyForegroundColor))
    return base;
  return { ...base, colorNeutralBackground1: background, colorNeutralForeground1: office.bodyForegroundColor };
}

function isHex(color: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(color);
}

/** Relative luminance of #RRGGBB (WCAG), 0 black … 1 white. */
export function luminance(color: string): number {
  if (!isHex(color)) return 1;
  const channel = (i: number) => {
    const v = parseInt(color.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function forcedColorsActive(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(forced-colors: active)').matches;
}
