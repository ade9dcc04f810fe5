import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { describeError } from './format';
import { useLanguage, useT } from './i18n';

/** An operation's failure, shown in place: the pane never crashes on an error from the workbook. */
export function ErrorBar({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const t = useT();
  const language = useLanguage();
  if (error === null || error === undefined) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{t('ui.error.title')}</MessageBarTitle> {describeError(error, language)}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button size="small" onClick={onDismiss}>
            {t('ui.dismiss')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
