import { message } from '../../../core/messages';
import { mountPane } from '../../../pane/mount';
import { unavailableOperations } from '../../../pane/unavailable';
import { createExcelWorkbook } from '../workbook/excel-workbook';

/** The Excel task pane's entry: once Office is ready, the shared pane (`pane/`) over the one
 * Office.js implementation of the workbook operations. Nothing else is registered or fetched here.
 * Outside Excel there is no `Excel` global: the pane still opens and says so on every command. */
Office.onReady(() =>
  mountPane(createExcelWorkbook, (err) => unavailableOperations(message('ui.error.no-excel', { detail: err instanceof Error ? err.message : String(err) }), err)),
);
