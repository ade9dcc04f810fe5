import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { formatDay } from '../core/dates';
import { PALETTE } from '../core/highlight';
import type { NextItem, NextResult, WorkbookOperations } from '../core/operations';
import { ErrorBar } from './ErrorBar';
import { daysLeft, digitsIn, unitValue } from './format';
import { useBilingual, useLanguage, useT } from './i18n';
import { useSectionStyles } from './styles';
import { TierChip } from './TierChip';
import { useOperation } from './useOperation';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  id: { fontWeight: tokens.fontWeightSemibold },
  name: { margin: `${tokens.spacingVerticalXXS} 0` },
  targets: {
    display: 'grid',
    gridTemplateColumns: 'minmax(5.5em, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  days: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** "What is needed": per indicator, the value or date that reaches the next tier and the top tier. */
export function WhatNeeded({ ops }: { ops: WorkbookOperations }) {
  const section = useSectionStyles();
  const t = useT();
  const op = useOperation<NextResult>();
  const r = op.result;
  return (
    <div className={section.section}>
      <p className={section.intro}>{t('ui.next.intro')}</p>
      <div className={section.actions}>
        <Button appearance="primary" disabled={op.busy} onClick={() => void op.run(() => ops.whatNext())} data-testid="next-run">
          {t('ui.next.run')}
        </Button>
        {op.busy && <Spinner size="tiny" label={t('ui.busy')} />}
      </div>
      <ErrorBar error={op.error} onDismiss={op.clearError} />
      {r && <NextList result={r} />}
    </div>
  );
}

/** The result of `whatNext`: today's date, then each indicator's next and top targets. */
export function NextList({ result }: { result: NextResult }) {
  const section = useSectionStyles();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <p className={section.muted} data-testid="next-today">
        {result.sheet} · {t('ui.next.today', { date: formatDay(result.today, language) })}
      </p>
      {result.items.length === 0 ? (
        <p className={section.muted}>{t('ui.next.none')}</p>
      ) : (
        <ul className={section.list} data-testid="next-list">
          {result.items.map((item, i) => (
            <NextLine key={`${item.id}-${i}`} item={item} />
          ))}
        </ul>
      )}
    </>
  );
}

function NextLine({ item }: { item: NextItem }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const t = useT();
  const b = useBilingual();
  const language = useLanguage();
  const target = (x: NextItem['next']) => (
    <>
      {t('ui.next.target', { tier: b(PALETTE[x.tier].label), value: unitValue(x.value, item.unit, language) })}
      {x.daysLeft !== null && <div className={styles.days}>{daysLeft(x.daysLeft, language)}</div>}
    </>
  );
  return (
    <li className={section.item} data-indicator={item.id}>
      <div className={styles.head}>
        <span className={styles.id}>{digitsIn(item.id, language)}</span>
        <TierChip tier={item.current} />
      </div>
      <div className={styles.name}>{item.name}</div>
      <dl className={styles.targets}>
        <dt className={styles.term}>{t('ui.next.next')}</dt>
        <dd className={styles.value} data-testid="next-next">
          {target(item.next)}
        </dd>
        <dt className={styles.term}>{t('ui.next.top')}</dt>
        <dd className={styles.value} data-testid="next-top">
          {target(item.top)}
        </dd>
      </dl>
    </li>
  );
}
