import { createRoot } from 'react-dom/client';
import type { HostOperations } from '../core/operations';
import { App } from './App';

/** Renders the pane into the page's `#root` over the host's operations. When the host cannot be
 * reached (the page opened outside it), `unavailable` gives operations that say so on every
 * command, so the pane still opens instead of going blank. */
export function mountPane(create: () => HostOperations, unavailable: (cause: unknown) => HostOperations): void {
  const el = document.getElementById('root');
  if (!el) return;
  let ops: HostOperations;
  try {
    ops = create();
  } catch (err) {
    ops = unavailable(err);
  }
  createRoot(el).render(<App ops={ops} />);
}
