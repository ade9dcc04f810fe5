import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { formatDay } from '../core/dates';
import type { DueItem } from '../core/due';
import { PALETTE } from '../core/highlight';
import { message } from '../core/messages';
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

/** The result of `whatNext`: today's date, then each indicator's next and top targets (or, once
 * every tier date has passed, what the final evaluation gives it) beside the minutes' deadline and
 * evidence; the indicators that cannot be scored with what to fix; or why the sheet has no plan. */
export function NextList({ result }: { result: NextResult }) {
  const section = useSectionStyles();
  const t = useT();
  const b = useBilingual();
  const language = useLanguage();
  if (result.noPlan) {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="next-no-plan">
        <MessageBarBody>
          {t('ui.next.no-plan', { sheet: result.sheet })} {b(result.noPlan)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const invalid = result.invalid ?? [];
  const others = result.minutes?.others ?? [];
  return (
    <>
      <p className={section.muted} data-testid="next-today">
        {result.sheet} · {t('ui.next.today', { date: formatDay(result.today, language) })}
      </p>
      {result.minutes ? (
        <p className={section.muted} data-testid="next-minutes">
          {t('ui.next.minutes', { sheet: result.minutes.sheet })}
        </p>
      ) : (
        <p className={section.muted} data-testid="next-no-minutes">
          {t('ui.next.no-minutes')}
        </p>
      )}
      {result.items.length === 0 && invalid.length === 0 ? (
        <p className={section.muted} data-testid="next-all-top">
          {t('ui.next.all-top')}
        </p>
      ) : (
        result.items.length > 0 && (
          <ul className={section.list} data-testid="next-list">
            {result.items.map((item, i) => (
              <NextLine key={`${item.id}-${i}`} item={item} />
            ))}
          </ul>
        )
      )}
      {invalid.length > 0 && (
        <>
          <h3 className={section.heading}>{t('ui.next.invalid', { count: invalid.length })}</h3>
          <ul className={section.list} data-testid="next-invalid">
            {invalid.map((x, i) => (
              <li key={`${x.id}-${i}`} className={section.item} data-indicator={x.id}>
                <div>
                  <b>{digitsIn(x.id, language)}</b> · {digitsIn(x.cell, language)}
                </div>
                <div>{x.name}</div>
                <div data-testid="next-fix">{b(x.fix)}</div>
              </li>
            ))}
          </ul>
        </>
      )}
      {(result.atTop ?? 0) + (result.na ?? 0) > 0 && (
        <p className={section.muted} data-testid="next-counts">
          {t('ui.next.counts', { top: result.atTop ?? 0, na: result.na ?? 0 })}
        </p>
      )}
      {others.length > 0 && (
        <>
          <h3 className={section.heading}>{t('ui.next.others', { count: others.length })}</h3>
          <ul className={section.list} data-testid="next-others">
            {others.map((d, i) => (
              <li key={`${d.id}-${i}`} className={section.item} data-indicator={d.id}>
                <div>
                  <b>{digitsIn(d.id, language)}</b> {d.name}
                </div>
                <DueLines due={d} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The minutes' deadline, days left, status and evidence of one indicator. */
function DueLines({ due }: { due: DueItem }) {
  const styles = useStyles();
  const t = useT();
  const b = useBilingual();
  const language = useLanguage();
  const attached = due.evidenceAttached === true ? 'due.evidence.yes' : due.evidenceAttached === false ? 'due.evidence.no' : 'due.evidence.unknown';
  return (
    <dl className={styles.targets} data-testid="next-due" data-status={due.status}>
      <dt className={styles.term}>{t('ui.next.deadline')}</dt>
      <dd className={styles.value}>
        {due.deadline === null ? (
          t('ui.next.no-deadline')
        ) : (
          <>
            {formatDay(due.deadline, language)} · {b(message(`due.status.${due.status}`))}
            {due.daysLeft !== null && due.status !== 'done' && due.status !== 'na' && <div className={styles.days}>{daysLeft(due.daysLeft, language)}</div>}
            {due.text && <div className={styles.days}>{due.text}</div>}
          </>
        )}
      </dd>
      {due.evidence.length > 0 && (
        <>
          <dt className={styles.term}>{t('ui.next.evidence')}</dt>
          <dd className={styles.value} data-testid="next-evidence">
            {due.evidence.join(', ')}
            <div className={styles.days}>{t('ui.next.evidence-attached', { state: message(attached) })}</div>
          </dd>
        </>
      )}
    </dl>
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
  const lapsed = item.lapsed;
  return (
    <li className={section.item} data-indicator={item.id}>
      <div className={styles.head}>
        <span className={styles.id}>{digitsIn(item.id, language)}</span>
        <TierChip tier={item.current} />
      </div>
      <div className={styles.name}>{item.name}</div>
      {lapsed ? (
        <p className={styles.value} data-testid="next-lapsed">
          {t(item.current === 'pending' || item.current === 'in-words' ? 'ui.next.lapsed' : 'ui.next.lapsed-achieved', {
            date: formatDay(lapsed.lastDate, language),
            raw: Math.round(lapsed.raw * 100) / 100,
            score: lapsed.score === null ? message('ui.none') : Math.round(lapsed.score * 100) / 100,
            weight: lapsed.weight === null ? message('ui.none') : lapsed.weight,
          })}
        </p>
      ) : (
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
      )}
      {item.due && <DueLines due={item.due} />}
    </li>
  );
}
