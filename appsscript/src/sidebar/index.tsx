/**
 * The Google Sheets sidebar's entry: the shared pane (`pane/`, the Excel task pane's too; Bengali by
 * default, with the English switch), given the workbook operations implemented over
 * `google.script.run`. Bundled by `npm run build:gas:sidebar` (webpack.config.js, `--env sidebar`)
 * into one self-contained `appsscript/build/Sidebar.html` that HtmlService serves; nothing is
 * fetched from anywhere. Opened outside Sheets (no google.script.run), it still opens and says so.
 */
import { mountPane } from '../../../pane/mount';
import { createSheetsOperations, unavailableSheetsOperations } from './gas-operations';

const start = () => mountPane(() => createSheetsOperations(), unavailableSheetsOperations);

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
