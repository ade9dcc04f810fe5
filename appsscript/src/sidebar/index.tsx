/**
 * The Google Sheets sidebar's entry: the shared pane's React App (`pane/`, the Excel task pane's too) (Bengali by default, with the
 * English switch), given the workbook operations implemented over `google.script.run`. Bundled by
 * `npm run build:gas:sidebar` (webpack.config.js, `--env sidebar`) into one self-contained
 * `appsscript/build/Sidebar.html` that HtmlService serves; nothing is fetched from anywhere.
 */
import { createRoot } from 'react-dom/client';
import { App } from '../../../pane/App';
import { createSheetsOperations, SheetsOperations, unavailableSheetsOperations } from './gas-operations';

function start(): void {
  const el = document.getElementById('root');
  if (!el) return;
  let ops: SheetsOperations;
  try {
    ops = createSheetsOperations();
  } catch (err) {
    // Opened outside Sheets (no google.script.run): the sidebar still opens and says so on every command.
    ops = unavailableSheetsOperations(err);
  }
  createRoot(el).render(<App ops={ops} />);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
