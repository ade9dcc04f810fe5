import type { Bilingual } from '../core/messages';
import type { HostCapabilities, HostOperations } from '../core/operations';

/** The operations when the host cannot be reached (the page opened outside Excel or Sheets, or the
 * host's implementation failed to start): every command rejects with why — `reason`, in both
 * languages — and the pane shows it in a message bar instead of going blank. */
export function unavailableOperations(reason: Bilingual, cause: unknown, capabilities?: HostCapabilities): HostOperations {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const fail = () => Promise.reject(Object.assign(new Error(detail), { bilingual: reason, cause }));
  return {
    ...(capabilities ? { capabilities } : {}),
    checkActiveSheet: fail,
    selectCell: fail,
    addScoreColumns: fail,
    valuesOnly: fail,
    highlightTiers: fail,
    previewRemoval: fail,
    removeAll: fail,
    whatNext: fail,
    consolidate: fail,
    addOfficeFiles: fail,
    loadPreferences: fail,
    saveLanguage: fail,
    saveSettings: fail,
    keepDirectives: fail,
  };
}

