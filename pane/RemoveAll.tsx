import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { message } from '../core/messages';
import type { CommandResult, HostOperations, RemovalPreview } from '../core/operations';
import { removalPreviewText } from '../core/removal';
import { ErrorBar } from './ErrorBar';
import { useBilingual, useT } from './i18n';
import { ResultBar } from './ResultBar';
import { useSectionStyles } from './styles';
import { useOperation } from './useOperation';

const useStyles = makeStyles({
  names: { display: 'block', marginTop: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
});

/**
 * "Remove what APA Sheets added", on its own: first what it would take away, counted (nothing is
 * changed yet), then the user's Yes or No in the pane itself (Office blocks `window.confirm`).
 */
export function RemoveAll({ ops }: { ops: HostOperations }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const t = useT();
  const b = useBilingual();
  const id = useId();
  const preview = useOperation<RemovalPreview>();
  const removal = useOperation<CommandResult>();
  const [asking, setAsking] = useState(false);
  const p = preview.result;
  const busy = preview.busy || removal.busy;
  const look = async () => {
    setAsking(true);
    await preview.run(() => ops.previewRemoval());
  };
  const remove = async () => {
    setAsking(false);
    await removal.run(() => ops.removeAll());
  };
  return (
    <section className={section.section} aria-labelledby={id} data-testid="remove">
      <h3 id={id} className={section.heading}>
        {t('ui.highlight.remove')}
      </h3>
      <p className={section.intro}>{t('ui.highlight.remove-note')}</p>
      <div className={section.actions}>
        <Button disabled={busy || (asking && !!p && !p.nothing)} onClick={() => void look()} data-testid="remove-check">
          {t('ui.remove.check')}
        </Button>
        {busy && <Spinner size="tiny" label={t('ui.busy')} />}
      </div>
      <ErrorBar error={preview.error} onDismiss={preview.clearError} />
      {asking && p && p.nothing && (
        <MessageBar intent="info" layout="multiline" data-testid="remove-nothing">
          <MessageBarBody>{b(message('wb.nothing-to-remove'))}</MessageBarBody>
        </MessageBar>
      )}
      {asking && p && !p.nothing && (
        <MessageBar intent="warning" layout="multiline" data-testid="remove-confirm">
          <MessageBarBody>
            <span data-testid="remove-preview">{b(removalPreviewText(p))}</span>
            {p.reportSheets.length > 0 && <span className={styles.names}>{t('ui.remove.sheets-named', { names: p.reportSheets.join(t('ui.list-separator')) })}</span>}
            <span className={styles.names}>{t('ui.remove.ask')}</span>
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" size="small" disabled={busy} onClick={() => void remove()} data-testid="remove-run">
              {t('ui.remove.confirm')}
            </Button>
            <Button size="small" disabled={busy} onClick={() => setAsking(false)} data-testid="remove-keep">
              {t('ui.remove.keep')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ErrorBar error={removal.error} onDismiss={removal.clearError} />
      {!removal.busy && !asking && <ResultBar result={removal.result} />}
    </section>
  );
}
