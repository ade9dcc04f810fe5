import { Button, Spinner } from '@fluentui/react-components';
import type { CommandResult, WorkbookOperations } from '../core/operations';
import { ErrorBar } from './ErrorBar';
import { useT } from './i18n';
import { Legend } from './Legend';
import { ResultBar } from './ResultBar';
import { useSectionStyles } from './styles';
import { useOperation } from './useOperation';

/** "Highlight tiers": colour the achievement cells with the core palette; the legend. (Removing
 * them lives on its own, under Settings.) */
export function HighlightTiers({ ops }: { ops: WorkbookOperations }) {
  const section = useSectionStyles();
  const t = useT();
  const op = useOperation<CommandResult>();
  return (
    <div className={section.section}>
      <p className={section.intro}>{t('ui.highlight.intro')}</p>
      <div className={section.actions}>
        <Button appearance="primary" disabled={op.busy} onClick={() => void op.run(() => ops.highlightTiers())} data-testid="highlight-run">
          {t('ui.highlight.run')}
        </Button>
        {op.busy && <Spinner size="tiny" label={t('ui.busy')} />}
      </div>
      <ErrorBar error={op.error} onDismiss={op.clearError} />
      {!op.busy && <ResultBar result={op.result} />}
      <Legend />
    </div>
  );
}
