import { Button, Spinner } from '@fluentui/react-components';
import type { CommandResult, WorkbookOperations } from '../core/operations';
import { ErrorBar } from './ErrorBar';
import { useT } from './i18n';
import { ResultBar } from './ResultBar';
import { SettingsLine } from './SettingsLine';
import { useSectionStyles } from './styles';
import { useOperation } from './useOperation';

/** "Add score columns": one click, then what was written. */
export function AddScoreColumns({ ops }: { ops: WorkbookOperations }) {
  const section = useSectionStyles();
  const t = useT();
  const op = useOperation<CommandResult>();
  return (
    <div className={section.section}>
      <p className={section.intro}>{t('ui.columns.intro')}</p>
      <p className={section.intro}>{t('ui.values.intro')}</p>
      <div className={section.actions}>
        <Button appearance="primary" disabled={op.busy} onClick={() => void op.run(() => ops.addScoreColumns())} data-testid="columns-run">
          {t('ui.columns.run')}
        </Button>
        <Button appearance="secondary" disabled={op.busy} onClick={() => void op.run(() => ops.valuesOnly())} data-testid="values-run">
          {t('ui.values.run')}
        </Button>
        {op.busy && <Spinner size="tiny" label={t('ui.busy')} />}
      </div>
      <ErrorBar error={op.error} onDismiss={op.clearError} />
      {!op.busy && <ResultBar result={op.result} />}
      {!op.busy && op.result?.ok && <SettingsLine settings={op.result.settings} />}
    </div>
  );
}
