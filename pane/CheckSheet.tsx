import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { Problem } from '../core/plan';
import type { CheckResult, WorkbookOperations } from '../core/operations';
import { ErrorBar } from './ErrorBar';
import { useBilingual, useT } from './i18n';
import { IndicatorList } from './IndicatorList';
import { PlanSummary } from './PlanSummary';
import { ProblemList } from './ProblemList';
import { useSectionStyles } from './styles';
import { useOperation } from './useOperation';

/** "Check this sheet": the active sheet's plan, totals, indicators and problems. */
export function CheckSheet({ ops }: { ops: WorkbookOperations }) {
  const section = useSectionStyles();
  const t = useT();
  const b = useBilingual();
  const check = useOperation<CheckResult>();
  const [selectError, setSelectError] = useState<unknown>(null);
  const result = check.result;
  const onSelect = useCallback(
    (p: Problem) => {
      setSelectError(null);
      ops.selectCell(p.sheet, p.cell).catch((e: unknown) => setSelectError(e ?? new Error()));
    },
    [ops],
  );
  return (
    <div className={section.section}>
      <p className={section.intro}>{t('ui.check.intro')}</p>
      <div className={section.actions}>
        <Button appearance="primary" disabled={check.busy} onClick={() => void check.run(() => ops.checkActiveSheet())} data-testid="check-run">
          {t('ui.check.run')}
        </Button>
        {check.busy && <Spinner size="tiny" label={t('ui.busy')} />}
      </div>
      <ErrorBar error={check.error} onDismiss={check.clearError} />
      {result && !result.plan && (
        <MessageBar intent="warning" layout="multiline" data-testid="no-plan">
          <MessageBarBody>
            {t('ui.check.no-plan', { sheet: result.sheet })} {result.reason ? b(result.reason) : ''}
          </MessageBarBody>
        </MessageBar>
      )}
      {result?.plan && (
        <>
          <PlanSummary result={result} />
          <ProblemList problems={result.problems} onSelect={onSelect} />
          <ErrorBar error={selectError} onDismiss={() => setSelectError(null)} />
          <IndicatorList indicators={result.indicators} />
        </>
      )}
      {result && !result.plan && result.problems.length > 0 && <ProblemList problems={result.problems} onSelect={onSelect} />}
    </div>
  );
}
