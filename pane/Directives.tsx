import { Button, makeStyles, Spinner } from '@fluentui/react-components';
import { useCallback, useRef, useState } from 'react';
import type { Problem } from '../core/plan';
import type { DirectivesResult, WorkbookOperations } from '../core/operations';
import { ErrorBar } from './ErrorBar';
import { useT } from './i18n';
import { readMinutes } from './minutesFile';
import { ProblemList } from './ProblemList';
import { ResultBar } from './ResultBar';
import { useSectionStyles } from './styles';
import { useOperation } from './useOperation';

const useStyles = makeStyles({
  hiddenInput: { display: 'none' },
});

/** The minutes' file types the pane reads itself (host-free). */
export const MINUTES_ACCEPT = '.docx,.xlsx,.xlsm,.csv,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** "Directives": the ministry's minutes (.docx or .csv), read here, kept by the host as the owned
 * directives sheet; *What is needed* then shows each indicator's deadline and evidence. */
export function Directives({ ops }: { ops: WorkbookOperations }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const op = useOperation<DirectivesResult>();
  const [selectError, setSelectError] = useState<unknown>(null);
  const take = useCallback(
    async (file: File | undefined) => {
      if (!file) return;
      await op.run(async () => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        return ops.keepDirectives(await readMinutes(file.name, bytes));
      });
    },
    [op, ops],
  );
  const onSelect = useCallback(
    (p: Problem) => {
      setSelectError(null);
      if (p.file) return; // a cell of the minutes' file, not of this workbook
      ops.selectCell(p.sheet, p.cell).catch((e: unknown) => setSelectError(e ?? new Error()));
    },
    [ops],
  );
  const r = op.result;
  return (
    <div className={section.section}>
      <p className={section.intro}>{t('ui.directives.intro')}</p>
      <div className={section.actions}>
        <Button appearance="primary" disabled={op.busy} onClick={() => input.current?.click()} data-testid="directives-pick">
          {t('ui.directives.choose')}
        </Button>
        {op.busy && <Spinner size="tiny" label={t('ui.busy')} />}
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          accept={MINUTES_ACCEPT}
          tabIndex={-1}
          aria-label={t('ui.directives.choose')}
          data-testid="directives-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            void take(file);
          }}
        />
      </div>
      <ErrorBar error={op.error} onDismiss={op.clearError} />
      <ResultBar result={r} />
      {r && r.problems.length > 0 && <ProblemList problems={r.problems} onSelect={onSelect} />}
      <ErrorBar error={selectError} onDismiss={() => setSelectError(null)} />
    </div>
  );
}
