import { Theme, webLightTheme } from '@fluentui/react-components';

/** Fluent's light theme with fonts that have Bengali glyphs, all installed locally (nothing is
 * downloaded): Nirmala UI / Vrinda on Windows, Bangla Sangam MN on macOS, Noto on Linux. */
export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: `"Segoe UI", "Nirmala UI", Vrinda, "Bangla Sangam MN", "Noto Sans Bengali", "Noto Serif Bengali", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif`,
};
