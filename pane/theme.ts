import { Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

/** Fonts that have Bengali glyphs, all installed locally (nothing is downloaded): Nirmala UI /
 * Vrinda on Windows, Bangla Sangam MN on macOS, Noto on Linux. */
const FONTS = `"Segoe UI", "Nirmala UI", Vrinda, "Bangla Sangam MN", "Noto Sans Bengali", "Noto Serif Bengali", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif`;

/** Fluent's light theme with those fonts: the pane's theme when the host says nothing. */
export const paneTheme: Theme = { ...webLightTheme, fontFamilyBase: FONTS };

/** What a host says of its theme: Office's `Office.context.officeTheme` (colours as #rrggbb). */
export interface HostTheme {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
}

const HEX = /^#[0-9a-f]{6}$/i;

/** Relative luminance (WCAG) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/** Whether the host's theme is dark: what it says, else what its background colour says. */
export function isDark(host: HostTheme | null | undefined): boolean {
  if (!host) return false;
  if (typeof host.isDarkTheme === 'boolean') return host.isDarkTheme;
  return typeof host.bodyBackgroundColor === 'string' && HEX.test(host.bodyBackgroundColor) && luminance(host.bodyBackgroundColor) < 0.2;
}

/**
 * The pane's theme for the host's: Fluent's web dark or light theme (Office's dark modes: Black
 * and Dark Gray), with the pane's background and text in Office's own body colours so that it
 * sits in Excel's task pane without a seam — when those colours fit the mode (a light text on a
 * light background is never taken).
 */
export function themeFor(host: HostTheme | null | undefined): Theme {
  const dark = isDark(host);
  const theme: Theme = { ...(dark ? webDarkTheme : webLightTheme), fontFamilyBase: FONTS };
  const bg = host?.bodyBackgroundColor;
  const fg = host?.bodyForegroundColor;
  if (bg && fg && HEX.test(bg) && HEX.test(fg)) {
    const [lb, lf] = [luminance(bg), luminance(fg)];
    // Office's colours are taken only when they read well: WCAG contrast of at least 4.5 : 1, the
    // background on the mode's side.
    const contrast = (Math.max(lb, lf) + 0.05) / (Math.min(lb, lf) + 0.05);
    if (contrast >= 4.5 && (dark ? lb < lf : lb > lf)) {
      theme.colorNeutralBackground1 = bg;
      theme.colorNeutralForeground1 = fg;
    }
  }
  return theme;
}
