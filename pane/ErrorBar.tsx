import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { errorText } from './format';
import { useLanguage, useT } from './i18n';

const useStyles = makeStyles({
  detail: { display: 'block', marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/** An operation's failure, shown in place: the pane never crashes on an error from the workbook.
 * It says what happened in the catalogue's words, in the pane's language; the host's own words
 * (often English) follow as a detail. */
export function ErrorBar({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage();
  if (error === null || error === undefined) return null;
  const { message, detail } = errorText(error);
  const text = message ? message[language] : t('ui.error.host');
  return (
    <MessageBar intent="error" layout="multiline" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{t('ui.error.title')}</MessageBarTitle> <span data-testid="error-text">{text}</span>
        {detail && detail !== text && (
          <span className={styles.detail} data-testid="error-detail">
            {t('ui.error.detail', { detail })}
          </span>
        )}
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
