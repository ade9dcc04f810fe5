// First: zod's configuration must be set before core defines its schemas.
import '../zod-jitless';
import { createRoot } from 'react-dom/client';
import type { WorkbookOperations } from '../workbook/operations';
import { createExcelWorkbook } from '../workbook/excel-workbook';
import { App } from './App';
import { unavailableOperations } from './unavailable';

/** The task pane's entry: once Office is ready, render the pane over the one Office.js
 * implementation of the workbook operations. Nothing else is registered or fetched here. */
Office.onReady(() => {
  const el = document.getElementById('root');
  if (!el) return;
  let ops: WorkbookOperations;
  try {
    ops = createExcelWorkbook();
  } catch (err) {
    // Outside Excel there is no `Excel` global: the pane still opens and says so on every command.
    ops = unavailableOperations(err);
  }
  createRoot(el).render(<App ops={ops} />);
});
