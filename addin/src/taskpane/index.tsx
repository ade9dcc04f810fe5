import { createRoot } from 'react-dom/client';
import { message } from '../../../core/messages';
import type { WorkbookOperations } from '../../../core/operations';
import { App } from '../../../pane/App';
import { unavailableOperations } from '../../../pane/unavailable';
import { createExcelWorkbook } from '../workbook/excel-workbook';

/** The Excel task pane's entry: once Office is ready, render the shared pane (`pane/`) over the
 * one Office.js implementation of the workbook operations. Nothing else is registered or fetched here. */
Office.onReady(() => {
  const el = document.getElementById('root');
  if (!el) return;
  let ops: WorkbookOperations;
  try {
    ops = createExcelWorkbook();
  } catch (err) {
    // Outside Excel there is no `Excel` global: the pane still opens and says so on every command.
    ops = unavailableOperations(message('ui.error.no-excel', { detail: err instanceof Error ? err.message : String(err) }), err);
  }
  createRoot(el).render(<App ops={ops} />);
});
