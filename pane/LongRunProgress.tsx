import { Button, Field, ProgressBar } from '@fluentui/react-components';
import { useT } from './i18n';
import { useSectionStyles } from './styles';

/** Progress of a long command, with the Cancel button that aborts it. */
export function LongRunProgress({ progress, onCancel }: { progress: { done: number; total: number } | null; onCancel: () => void }) {
  const section = useSectionStyles();
  const t = useT();
  const value = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const hint = progress && progress.total > 0 ? t('ui.progress.count', { done: progress.done, total: progress.total }) : t('ui.progress.starting');
  return (
    <div className={section.section} data-testid="progress">
      <Field label={t('ui.progress.label')} hint={hint}>
        <ProgressBar value={value} max={1} thickness="large" />
      </Field>
      <div className={section.actions}>
        <Button onClick={onCancel} data-testid="cancel">
          {t('ui.cancel')}
        </Button>
      </div>
    </div>
  );
}
