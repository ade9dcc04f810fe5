import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { CommandResult } from '../core/operations';
import { useBilingual } from './i18n';

/** What a one-click command did, in the pane's language. */
export function ResultBar({ result }: { result: CommandResult | null }) {
  const b = useBilingual();
  if (!result) return null;
  return (
    <MessageBar intent={result.ok ? 'success' : 'warning'} layout="multiline" data-testid="command-result">
      <MessageBarBody>{b(result.message)}</MessageBarBody>
    </MessageBar>
  );
}
