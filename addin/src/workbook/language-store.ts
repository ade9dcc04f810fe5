import type { Language } from '../../../core/messages';
import { LANGUAGE_KEY, readLanguage } from '../../../core/preferences';
import type { LanguageStore } from './excel-workbook';

/**
 * The user's language in Excel, per user: the task pane's local storage (Office's roaming settings
 * are Outlook's only; `OfficeRuntime.storage` is for custom functions without a shared runtime —
 * this add-in's functions share the pane's runtime, which has local storage). The key is prefixed
 * with `Office.context.partitionKey` where Office partitions storage (Excel on the web), as
 * Microsoft's "Persist add-in state and settings" advises; a browser that blocks storage only
 * means the choice is not remembered.
 */
export function localLanguageStore(storage: () => Storage | null, partitionKey?: string | null): LanguageStore {
  const key = `${partitionKey ?? ''}${LANGUAGE_KEY}`;
  return {
    get(): Language | null {
      try {
        return readLanguage(storage()?.getItem(key) ?? null);
      } catch {
        return null;
      }
    },
    set(language: Language): void {
      try {
        storage()?.setItem(key, language);
      } catch {
        // storage blocked or full: the pane still switches, it just does not remember
      }
    },
  };
}
