import type { Theme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { Language } from '../core/messages';
import type { HostOperations } from '../core/operations';
import type { PaneAbout } from './about';
import { App } from './App';
import { luminance } from './theme';

/** What a host's entry knows before the pane opens: the language to start in (the one the user
 * picked, or the host's display language), the host's theme, the version and where help is. */
export interface PaneHost {
  initialLanguage?: Language;
  theme?: Theme;
  about?: PaneAbout;
}

/** Renders the pane into the page's `#root` over the host's operations. When the host cannot be
 * reached (the page opened outside it), `unavailable` gives operations that say so on every
 * command, so the pane still opens instead of going blank. */
export function mountPane(create: () => HostOperations, unavailable: (cause: unknown) => HostOperations, host: PaneHost = {}): void {
  const el = document.getElementById('root');
  if (!el) return;
  let ops: HostOperations;
  try {
    ops = create();
  } catch (err) {
    ops = unavailable(err);
  }
  // Scroll bars and form controls follow the theme's background.
  if (host.theme) document.documentElement.style.colorScheme = isDarkBackground(host.theme) ? 'dark' : 'light';
  createRoot(el).render(<App ops={ops} initialLanguage={host.initialLanguage} theme={host.theme} about={host.about} />);
}

/** Whether a theme's background is dark. */
function isDarkBackground(theme: Theme): boolean {
  const bg = theme.colorNeutralBackground1;
  return /^#[0-9a-f]{6}$/i.test(bg) && luminance(bg) < 0.2;
}
