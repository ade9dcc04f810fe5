import { message } from '../../../core/messages';
import { languageOfLocale } from '../../../core/preferences';
import { mountPane } from '../../../pane/mount';
import { themeFor } from '../../../pane/theme';
import { unavailableOperations } from '../../../pane/unavailable';
import { createExcelWorkbook } from '../workbook/excel-workbook';
import { localLanguageStore } from '../workbook/language-store';

/** package.json's version, put in by the build (webpack.config.js, DefinePlugin). */
declare const __APA_VERSION__: string;

/** The Excel task pane's entry: once Office is ready, the shared pane (`pane/`) over the one
 * Office.js implementation of the workbook operations, in Office's theme (dark included) and in the
 * language the user last picked, else Office's display language (bn-* → Bengali, else English).
 * Help is the user guide's pages served beside this page (help/…). Nothing else is registered or
 * fetched here. Outside Excel there is no `Excel` global: the pane still opens and says so on every
 * command. */
Office.onReady(() => {
  const office = typeof Office !== 'undefined' ? Office.context : undefined;
  const languages = localLanguageStore(() => (typeof localStorage !== 'undefined' ? localStorage : null), office?.partitionKey);
  mountPane(
    () => createExcelWorkbook(Excel.run, { languageStore: languages }),
    (err) => unavailableOperations(message('ui.error.no-excel', { detail: err instanceof Error ? err.message : String(err) }), err),
    {
      initialLanguage: languages.get() ?? languageOfLocale(office?.displayLanguage),
      theme: themeFor(office?.officeTheme),
      about: { version: __APA_VERSION__, helpBase: '' },
    },
  );
});
