import { message } from '../../../core/messages';
import type { WorkbookOperations } from '../workbook/operations';

/** The operations when Excel cannot be reached (the page opened outside Excel, or the Office.js
 * implementation failed to start): every command rejects with why, and the pane shows it in a
 * message bar instead of going blank. */
export function unavailableOperations(cause: unknown): WorkbookOperations {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const fail = () => Promise.reject(Object.assign(new Error(detail), { bilingual: message('ui.error.no-excel', { detail }) }));
  return {
    checkActiveSheet: fail,
    selectCell: fail,
    addScoreColumns: fail,
    highlightTiers: fail,
    removeAll: fail,
    whatNext: fail,
    consolidate: fail,
    addOfficeFiles: fail,
  };
}
