import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ConsolidateResult, WorkbookOperations } from '../core/operations';
import { ConsolidationView } from './ConsolidationView';
import { ErrorBar } from './ErrorBar';
import { useLanguage, useT } from './i18n';
import { LongRunProgress } from './LongRunProgress';
import { useSectionStyles } from './styles';
import { useLongRun } from './useOperation';

/** "Consolidate": every other tab one office; progress, Cancel, then the offices ranked. */
export function Consolidate({ ops }: { ops: WorkbookOperations }) {
  const section = useSectionStyles();
  const t = useT();
  const run = useLongRun<ConsolidateResult>();
  // The report is written in the pane's language.
  const language = useLanguage();
  return (
    <div className={section.section}>
      <p className={section.intro}>{t('ui.consolidate.intro')}</p>
      <div className={section.actions}>
        <Button appearance="primary" disabled={run.busy} onClick={() => void run.start((o) => ops.consolidate({ ...o, language }))} data-testid="consolidate-run">
          {t('ui.consolidate.run')}
        </Button>
      </div>
      {run.busy && <LongRunProgress progress={run.progress} onCancel={run.cancel} />}
      <ErrorBar error={run.error} onDismiss={run.clearError} />
      {!run.busy && run.cancelled && <CancelledBar />}
      {!run.busy && !run.cancelled && !run.error && run.result && <ConsolidationView result={run.result} />}
    </div>
  );
}

export function CancelledBar() {
  const t = useT();
  return (
    <MessageBar intent="info" layout="multiline" data-testid="cancelled">
      <MessageBarBody>{t('ui.consolidate.cancelled')}</MessageBarBody>
    </MessageBar>
  );
}
